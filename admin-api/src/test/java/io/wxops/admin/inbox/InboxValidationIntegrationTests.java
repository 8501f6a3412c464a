package io.wxops.admin.inbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.wxops.admin.AdminFixtures;
import io.wxops.admin.AdminFixtures.Login;
import io.wxops.admin.AdminFixtures.Response;
import io.wxops.admin.AdminIntegrationTest;
import io.wxops.admin.security.Role;
import io.wxops.admin.web.InvalidBody;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ticket and inbox-rule bodies' own rules as constraints on the request records: an
 * indexed pattern is named {@code patterns[2]}, lengths count UTF-16 chars (a pattern's
 * once trimmed, as it is stored), a refused body writes no entry, and a body is checked
 * before the ticket's state (a bad closing of an unresolved ticket is a 400, not a 409).
 */
@AdminIntegrationTest
class InboxValidationIntegrationTests extends InboxTestSupport {

	private static final String NOTE = "a note of 1 to 4,000 characters is required";

	@Test
	void aNoteOverItsLengthWritesNoEntryAndAnEmojiCountsTwo() {
		InboxTeam team = team();
		String openid = InboxTeam.openid();
		team.text(openid, "投诉：热水不足", Instant.now());
		long id = team.ticketOf(openid);
		String path = "/api/tickets/" + id + "/notes";
		int notes = notes(id);
		InvalidBody.refuses(this.fx.post(path, team.serviceHandler.token(), Map.of("text", "x".repeat(100_000))),
				"text", NOTE);
		InvalidBody.refuses(this.fx.post(path, team.serviceHandler.token(), Map.of("text", "😀".repeat(2001))), "text",
				NOTE);
		InvalidBody.refuses(this.fx.post(path, team.serviceHandler.token(), Map.of("text", "\u3000\n")), "text", NOTE);
		assertThat(notes(id)).isEqualTo(notes);
		Response fits = this.fx.post(path, team.serviceHandler.token(), Map.of("text", "😀".repeat(2000)));
		assertThat(fits.status()).as(fits.body()).isEqualTo(200);
		assertThat(notes(id)).isEqualTo(notes + 1);
	}

	@Test
	void aBadClosingIsAnsweredBeforeTheTicketsStateAndOtherFieldsAreNamed() {
		InboxTeam team = team();
		String openid = InboxTeam.openid();
		team.text(openid, "投诉：热水不足", Instant.now());
		long id = team.ticketOf(openid);
		String ticket = "/api/tickets/" + id;
		InvalidBody.refuses(
				this.fx.post(ticket + "/close", team.serviceHandler.token(), Map.of("method", " ", "result", "ok")),
				"method", "how the follower was followed up (e.g. WECHAT, PHONE)");
		// A good body still meets the state check: the ticket is not resolved.
		assertThat(
				this.fx.post(ticket + "/close", team.serviceHandler.token(), Map.of("method", "PHONE", "result", "ok"))
					.status())
			.isEqualTo(409);
		InvalidBody.refuses(this.fx.post(ticket + "/replies", team.serviceHandler.token(),
				Map.of("msgType", "voice", "content", "hi")), "msgType", "text or image");
		InvalidBody.refuses(
				this.fx.post(ticket + "/transfer", team.serviceHandler.token(),
						Map.of("departmentId", team.library, "reason", "")),
				"reason", "a reason is required (at most 512 characters); it is kept");
		InvalidBody.refuses(this.fx.post(ticket + "/flag-removal", team.serviceHandler.token(), Map.of()), "reason",
				"why the message should be removed (1 to 500 characters)");
		assertThat(this.jdbc.queryForObject("SELECT status FROM inb_ticket WHERE id = ?", String.class, id))
			.isNotEqualTo("CLOSED");
		assertThat(this.jdbc.queryForObject("SELECT department_id FROM inb_ticket WHERE id = ?", Long.class, id))
			.isNotEqualTo(team.library);
	}

	@Test
	void aBulkListNamesTheIndexedPatternAndAddsNothing() {
		InboxTeam team = team();
		String path = "/api/accounts/" + team.account + "/inbox-rules/bulk";
		int before = rules(team);
		List<String> patterns = new ArrayList<>(List.of("恶意词一号", "恶意词二号", "词".repeat(65), "恶意词四号"));
		InvalidBody.refuses(
				this.fx.post(path, team.admin.token(),
						Map.of("kind", "KEYWORD", "category", "MALICIOUS", "patterns", patterns)),
				"patterns[2]", "1 to 64 characters");
		InvalidBody.refuses(
				this.fx.post(path, team.admin.token(),
						Map.of("kind", "KEYWORD", "category", "MALICIOUS", "patterns", List.of())),
				"patterns", "1 to 5000 patterns");
		Map<String, String> both = InvalidBody
			.errors(this.fx.post(path, team.admin.token(), Map.of("kind", "WORD", "patterns", List.of("恶意词一号"))));
		assertThat(both).containsOnlyKeys("kind", "category");
		assertThat(rules(team)).isEqualTo(before);
		// The length is the stored (trimmed) pattern's: 64 characters inside spaces fit.
		Response fits = this.fx.post(path, team.admin.token(),
				Map.of("kind", "KEYWORD", "category", "MALICIOUS", "patterns", List.of("  " + "词".repeat(63) + "甲  ")));
		assertThat(fits.status()).as(fits.body()).isEqualTo(200);
		assertThat(rules(team)).isEqualTo(before + 1);
	}

	@Test
	void invisibleOrFullWidthKeywordsAreMeasuredOnceNormalised() {
		InboxTeam team = team();
		String path = "/api/accounts/" + team.account + "/inbox-rules";
		int before = rules(team);
		// Zero-width spaces are not blank to String.isBlank, so the constraint lets them
		// through; the keyword rule, which normalises, finds nothing left.
		Response invisible = this.fx.post(path, team.admin.token(),
				Map.of("kind", "KEYWORD", "pattern", "\u200B\u200B\u200B", "category", "MALICIOUS"));
		assertThat(AdminFixtures.fieldErrors(invisible)).containsExactly("pattern");
		assertThat(invisible.json().get("errors").get(0).get("message").asString()).startsWith("a keyword must keep");
		// Full-width letters normalise to ASCII: a valid keyword of two characters.
		Response fullwidth = this.fx.post(path, team.admin.token(),
				Map.of("kind", "KEYWORD", "pattern", "ＡＢ" + System.nanoTime(), "category", "MALICIOUS"));
		assertThat(fullwidth.status()).as(fullwidth.body()).isEqualTo(201);
		InvalidBody.refuses(this.fx.put("/api/accounts/" + team.account + "/inbox-settings", team.admin.token(),
				Map.of("ackText", "\u3000")), "ackText", "the acknowledgement is 1 to 600 characters");
		assertThat(rules(team)).isEqualTo(before + 1);
	}

	@Test
	void aCallerWithoutTheRoleGetsTheirRefusalBeforeTheBodyIsChecked() {
		InboxTeam team = team();
		Login editor = this.fx.person(Role.EDITOR);
		String path = "/api/accounts/" + team.account + "/inbox-rules/bulk";
		Map<String, Object> bad = Map.of("patterns", List.of());
		assertThat(this.fx.post(path, null, bad).status()).isEqualTo(401);
		assertThat(this.fx.post(path, editor.token(), bad).status()).isEqualTo(403);
		assertThat(this.fx.post("/api/tickets/1/notes", editor.token(), Map.of("text", "")).status()).isEqualTo(403);
	}

	private int notes(long ticket) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM inb_ticket_entry WHERE ticket_id = ? AND kind = 'NOTE'",
				Integer.class, ticket);
	}

	private int rules(InboxTeam team) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM inb_rule WHERE account_id = ?", Integer.class,
				team.account);
	}

}
