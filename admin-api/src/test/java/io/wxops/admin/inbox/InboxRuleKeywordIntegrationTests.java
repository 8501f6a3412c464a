package io.wxops.admin.inbox;

import java.util.List;
import java.util.Map;

import io.wxops.admin.AdminFixtures;
import io.wxops.admin.AdminFixtures.Response;
import io.wxops.admin.AdminIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A KEYWORD rule must keep two characters once normalised: shorter ones are refused, and
 * older ones show as unusable where the rules are listed.
 */
@AdminIntegrationTest
class InboxRuleKeywordIntegrationTests extends InboxTestSupport {

	@Test
	void aKeywordThatNormalisesToOneCharacterIsAFieldError() {
		InboxTeam team = team();
		String path = "/api/accounts/" + team.account + "/inbox-rules";
		int before = rules(team);
		Response single = this.fx.post(path, team.admin.token(),
				Map.of("kind", "KEYWORD", "pattern", " 滚！", "category", "MALICIOUS"));
		assertThat(single.status()).as(single.body()).isEqualTo(400);
		assertThat(AdminFixtures.fieldErrors(single)).containsExactly("pattern");
		Response punctuation = this.fx.post(path, team.admin.token(),
				Map.of("kind", "KEYWORD", "pattern", "？！", "category", "MALICIOUS"));
		assertThat(AdminFixtures.fieldErrors(punctuation)).containsExactly("pattern");
		assertThat(rules(team)).isEqualTo(before);
		Response menuKey = this.fx.post(path, team.admin.token(),
				Map.of("kind", "MENU_KEY", "pattern", "A", "category", "COMPLAINT"));
		assertThat(menuKey.status()).as("a menu key is matched whole, not normalised").isEqualTo(201);
	}

	@Test
	void aBulkListWithAOneCharacterKeywordAddsNothing() {
		InboxTeam team = team();
		int before = rules(team);
		Response bad = this.fx.post("/api/accounts/" + team.account + "/inbox-rules/bulk", team.admin.token(),
				Map.of("kind", "KEYWORD", "category", "MALICIOUS", "patterns", List.of("坏人", "坏")));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(AdminFixtures.fieldErrors(bad)).containsExactly("patterns[1]");
		assertThat(rules(team)).isEqualTo(before);
	}

	@Test
	void anOlderOneCharacterKeywordIsListedAsUnusableAndClassifiesNothing() {
		InboxTeam team = team();
		this.jdbc.update("INSERT INTO inb_rule (account_id, kind, pattern, category, priority, created_at)"
				+ " VALUES (?, 'KEYWORD', '坏', 'MALICIOUS', 99, NOW(3))", team.account);
		JsonNode items = this.fx
			.get("/api/accounts/" + team.account + "/inbox-rules?kind=KEYWORD&size=200", team.admin.token())
			.json()
			.get("items");
		boolean sawOld = false;
		for (JsonNode rule : items) {
			assertThat(rule.get("unusableKeyword").asBoolean()).as(rule.toString())
				.isEqualTo("坏".equals(rule.get("pattern").asString()));
			sawOld |= "坏".equals(rule.get("pattern").asString());
		}
		assertThat(sawOld).isTrue();
		String openid = InboxTeam.openid();
		team.text(openid, "坏了，宿舍热水器", java.time.Instant.now());
		assertThat(team.ticketsOf(openid, 1).get(0).get("category")).isEqualTo("CONSULTATION");
	}

	private int rules(InboxTeam team) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM inb_rule WHERE account_id = ?", Integer.class,
				team.account);
	}

}
