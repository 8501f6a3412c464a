package io.wxops.admin.inbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.wxops.admin.AdminFixtures;
import io.wxops.admin.AdminFixtures.Response;
import io.wxops.admin.AdminIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An account's inbox rules and settings: added, listed and removed, and applied to the
 * next message.
 */
@AdminIntegrationTest
class InboxRulesIntegrationTests extends InboxTestSupport {

	/**
	 * Rules are compiled once and kept while they are unchanged; adding or removing one
	 * applies to the next message routed.
	 */
	@Test
	void aRuleAddedOrRemovedAppliesToTheNextMessage() {
		InboxTeam team = team();
		String before = InboxTeam.openid();
		team.text(before, "你们都是诈骗犯", Instant.now());
		assertThat(team.ticketsOf(before, 1).get(0).get("category")).isEqualTo("CONSULTATION");
		Response noKind = this.fx.post("/api/accounts/" + team.account + "/inbox-rules", team.admin.token(),
				Map.of("pattern", "诈骗犯", "category", "MALICIOUS"));
		assertThat(noKind.status()).isEqualTo(400);
		assertThat(AdminFixtures.fieldErrors(noKind)).containsExactly("kind");
		Response added = this.fx.post("/api/accounts/" + team.account + "/inbox-rules", team.admin.token(),
				Map.of("kind", "KEYWORD", "pattern", "诈骗犯", "category", "MALICIOUS", "priority", 30));
		assertThat(added.status()).isEqualTo(201);
		String during = InboxTeam.openid();
		team.text(during, "你们都是诈 骗 犯", Instant.now());
		assertThat(team.ticketsOf(during, 1).get(0).get("category")).isEqualTo("MALICIOUS");
		assertThat(this.fx
			.delete("/api/accounts/" + team.account + "/inbox-rules/" + added.json().get("id").asLong(),
					team.admin.token())
			.status()).isEqualTo(204);
		String after = InboxTeam.openid();
		team.text(after, "你们都是诈骗犯", Instant.now());
		assertThat(team.ticketsOf(after, 1).get(0).get("category")).isEqualTo("CONSULTATION");
	}

	/**
	 * A malicious-term list goes in with one request: checked whole first, repeats and
	 * rules the account has skipped, audited once, and it classifies at once.
	 */
	@Test
	void aMaliciousTermListIsAddedInOneRequest() {
		InboxTeam team = team();
		String path = "/api/accounts/" + team.account + "/inbox-rules/bulk";
		List<String> terms = new ArrayList<>();
		for (int i = 0; i < 1_000; i++) {
			terms.add("恶意词" + i + "号");
		}
		terms.add("骗子 学校"); // the team's rule 骗子学校, normalised alike
		terms.add("恶意词7号"); // repeated
		int rulesBefore = this.jdbc.queryForObject("SELECT COUNT(*) FROM inb_rule WHERE account_id = ?", Integer.class,
				team.account);
		Response bad = this.fx.post(path, team.admin.token(),
				Map.of("kind", "KEYWORD", "category", "MALICIOUS", "priority", 20, "patterns", List.of("好人", " ")));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(AdminFixtures.fieldErrors(bad)).containsExactly("patterns[1]");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM inb_rule WHERE account_id = ?", Integer.class,
				team.account))
			.isEqualTo(rulesBefore);
		Response added = this.fx.post(path, team.admin.token(),
				Map.of("kind", "KEYWORD", "category", "MALICIOUS", "priority", 20, "patterns", terms));
		assertThat(added.status()).as(added.body()).isEqualTo(200);
		assertThat(added.json().get("added").asInt()).isEqualTo(1_000);
		assertThat(added.json().get("skipped").asInt()).isEqualTo(2);
		assertThat(this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM adm_audit_entry WHERE action = 'INBOX_RULES_ADDED' AND account_id = ?",
				Integer.class, team.account))
			.isEqualTo(1);
		// Listed page by page, filtered.
		JsonNode listed = this.fx
			.get("/api/accounts/" + team.account
					+ "/inbox-rules?category=MALICIOUS&q=%E6%81%B6%E6%84%8F%E8%AF%8D99&size=200", team.admin.token())
			.json();
		assertThat(listed.get("total").asLong()).isEqualTo(11); // 恶意词99号 and 恶意词990号 to
																// 999号
		assertThat(listed.get("items").valueStream().map((r) -> r.get("pattern").asString()))
			.allSatisfy((p) -> assertThat(p).contains("恶意词99"));
		JsonNode firstPage = this.fx.get("/api/accounts/" + team.account + "/inbox-rules?size=5", team.admin.token())
			.json();
		assertThat(firstPage.get("total").asLong()).isEqualTo(rulesBefore + 1_000);
		assertThat(firstPage.get("items").get(0).get("priority").asInt()).isEqualTo(20);
		assertThat(
				this.fx.get("/api/accounts/" + team.account + "/inbox-rules?kind=REGEX", team.admin.token()).status())
			.isEqualTo(400);
		assertThat(this.fx.get("/api/accounts/" + team.account + "/inbox-rules?category=SPAM", team.admin.token())
			.status()).isEqualTo(400);
		assertThat(this.fx
			.post(path, team.serviceHandler.token(),
					Map.of("kind", "KEYWORD", "category", "MALICIOUS", "patterns", List.of("x")))
			.status()).isEqualTo(403);
		String writer = InboxTeam.openid();
		team.text(writer, "投诉：恶意词999号", Instant.now());
		Map<String, Object> ticket = team.ticketsOf(writer, 1).get(0);
		assertThat(ticket.get("category")).isEqualTo("MALICIOUS");
		assertThat(ticket.get("hidden")).isEqualTo(true);
	}

	/** An account chooses that routed messages get only the acknowledgement. */
	@Test
	void routedAckOnlyIsAnInboxSetting() {
		InboxTeam team = team();
		String path = "/api/accounts/" + team.account + "/inbox-settings";
		assertThat(this.fx.get(path, team.admin.token()).json().get("routedAckOnly").asBoolean()).isFalse();
		Response changed = this.fx.put(path, team.admin.token(), Map.of("routedAckOnly", true));
		assertThat(changed.status()).as(changed.body()).isEqualTo(200);
		assertThat(changed.json().get("routedAckOnly").asBoolean()).isTrue();
		assertThat(this.jdbc.queryForObject("SELECT routed_ack_only FROM wx_account WHERE id = ?", Boolean.class,
				team.account))
			.isTrue();
		assertThat(this.fx.get(path, team.admin.token()).json().get("ackText").asString())
			.isEqualTo("您好，已收到您的留言，我们会在规定时间内答复。");
	}

}
