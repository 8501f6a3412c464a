package io.wxops.admin.audit;

import java.util.List;
import java.util.Map;

import io.wxops.admin.AdminFixtures;
import io.wxops.admin.AdminFixtures.Login;
import io.wxops.admin.AdminFixtures.Response;
import io.wxops.admin.AdminIntegrationTest;
import io.wxops.admin.security.Role;
import io.wxops.admin.web.Sha256;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chained record names the lexicon version that screened each submission, and what
 * each lexicon change added.
 */
@AdminIntegrationTest
class AuditLexiconIntegrationTests {

	@Autowired
	AdminFixtures fx;

	@Autowired
	JdbcTemplate jdbc;

	final JsonMapper json = JsonMapper.builder().build();

	@Test
	void aLexiconChangeEntryHoldsTheDigestOfTheTermsItAdded() {
		Login admin = this.fx.person(Role.ADMIN);
		String term = "链上禁词" + System.nanoTime() % 100000;
		Response added = this.fx.post("/api/lexicon/terms", admin.token(),
				Map.of("terms", List.of(Map.of("term", term, "category", "OTHER_PROHIBITED"))));
		assertThat(added.status()).as(added.body()).isEqualTo(201);
		int version = added.json().get("version").asInt();

		JsonNode after = afterState("LEXICON_CHANGED", String.valueOf(version));

		StringBuilder text = new StringBuilder();
		this.jdbc
			.queryForList("SELECT category, term FROM art_lexicon_change WHERE version = ? AND change_type = 'ADD' "
					+ "ORDER BY id", version)
			.forEach((row) -> {
				Sha256.appendField(text, (String) row.get("category"));
				Sha256.appendField(text, (String) row.get("term"));
			});
		assertThat(after.get("version").asInt()).isEqualTo(version);
		assertThat(after.get("addedTermsSha256").asString()).isEqualTo(Sha256.hex(text.toString()));
	}

	@Test
	void aSubmissionEntryNamesTheLexiconVersionThatScreenedIt() {
		Login admin = this.fx.person(Role.ADMIN);
		long account = this.fx.registerAccount(admin).get("id").asLong();
		long department = this.fx.department("宣传部");
		Login editor = this.fx.departmental(Role.EDITOR, account, department);
		Map<String, Object> req = AdminFixtures.draftBody(account, department, "校园新闻", "<p>我校举行秋季运动会，师生踊跃参加。</p>");
		req.put("author", "宣传部");
		Response draft = this.fx.post("/api/articles", editor.token(), req);
		assertThat(draft.status()).as(draft.body()).isEqualTo(201);
		long id = draft.json().get("id").asLong();
		int version = this.jdbc.queryForObject("SELECT version FROM art_lexicon_state WHERE id = 1", Integer.class);

		Response submitted = this.fx.post("/api/articles/" + id + "/submit", editor.token(), null);

		assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
		assertThat(afterState("ARTICLE_SUBMITTED", String.valueOf(id)).get("lexiconVersion").asInt())
			.isEqualTo(version);
	}

	private JsonNode afterState(String action, String targetId) {
		String after = this.jdbc.queryForObject(
				"SELECT after_state FROM adm_audit_entry WHERE action = ? AND target_id = ? ORDER BY seq DESC LIMIT 1",
				String.class, action, targetId);
		return this.json.readTree(after);
	}

}
