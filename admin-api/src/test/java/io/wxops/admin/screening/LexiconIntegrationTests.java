package io.wxops.admin.screening;

import java.util.List;
import java.util.Map;

import io.wxops.admin.AdminFixtures;
import io.wxops.admin.AdminFixtures.Login;
import io.wxops.admin.AdminFixtures.Response;
import io.wxops.admin.AdminIntegrationTest;
import io.wxops.admin.security.Role;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lexicon is managed by administrators, versioned and audited, and screening uses the
 * version in force under the account's policies.
 */
@AdminIntegrationTest
class LexiconIntegrationTests {

	@Autowired
	AdminFixtures fx;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void addingTermsMakesANewVersionThatScreeningUsesAtOnce() {
		Login admin = this.fx.person(Role.ADMIN);
		String term = "测试禁词" + System.nanoTime() % 100000;
		assertThat(findings(admin, "<p>正文提到" + term + "。</p>", null)).isEmpty();
		Response added = this.fx.post("/api/lexicon/terms", admin.token(),
				Map.of("terms", List.of(Map.of("term", term, "category", "RUMOUR_INSULT_DEFAMATION"),
						Map.of("term", "内部文件", "category", "INTERNAL_OFFICE"))));
		assertThat(added.status()).isEqualTo(201);
		assertThat(added.json().get("added").asInt()).isEqualTo(1);
		assertThat(added.json().get("skipped").asInt()).isEqualTo(1);
		int version = added.json().get("version").asInt();
		JsonNode result = screen(admin, "<p>正文提到" + term + "。</p>", null);
		assertThat(result.get("lexiconVersion").asInt()).isEqualTo(version);
		assertThat(result.get("findings").valueStream().map((f) -> f.get("term").asString()).toList()).contains(term);
		assertThat(this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM art_lexicon_change WHERE version = ? AND change_type = 'ADD' AND term = ?",
				Long.class, version, term))
			.isEqualTo(1);
		assertThat(this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM adm_audit_entry WHERE action = 'LEXICON_CHANGED' AND target_id = ?", Long.class,
				String.valueOf(version)))
			.isEqualTo(1);
	}

	@Test
	void compatibilityTwinsTraditionalFormsAndIgnorablesDoNotHideATerm() {
		Login admin = this.fx.person(Role.ADMIN);
		String suffix = String.valueOf(System.nanoTime() % 100000);
		String term = "人民秘音" + suffix;
		this.fx.post("/api/lexicon/terms", admin.token(),
				Map.of("terms", List.of(Map.of("term", term, "category", "OTHER_PROHIBITED"),
						Map.of("term", "法轮功", "category", "ETHNIC_CULT_SUPERSTITION"))));
		// Kangxi radical ⼈, circled ㊙, Kangxi ⾳, a Mongolian free variation selector
		assertThat(findings(admin, "<p>看⼈\u180B民㊙⾳" + suffix + "。</p>", null)).contains(term);
		assertThat(findings(admin, "<p>關於法輪功</p>", null)).contains("法轮功");
	}

	@Test
	void removingATermMakesANewVersionWithoutIt() {
		Login admin = this.fx.person(Role.ADMIN);
		String term = "待删禁词" + System.nanoTime() % 100000;
		this.fx.post("/api/lexicon/terms", admin.token(),
				Map.of("terms", List.of(Map.of("term", term, "category", "OTHER_PROHIBITED"))));
		long id = this.fx
			.get("/api/lexicon/terms?q=" + java.net.URLEncoder.encode(term, java.nio.charset.StandardCharsets.UTF_8),
					admin.token())
			.json()
			.at("/items/0/id")
			.asLong();
		Response removed = this.fx.delete("/api/lexicon/terms/" + id, admin.token());
		assertThat(removed.status()).isEqualTo(200);
		assertThat(findings(admin, "<p>" + term + "</p>", null)).doesNotContain(term);
	}

	@Test
	void aTermWithoutLettersOrAnUnknownCategoryIsRefused() {
		Login admin = this.fx.person(Role.ADMIN);
		Response punctuation = this.fx.post("/api/lexicon/terms", admin.token(),
				Map.of("terms", List.of(Map.of("term", "！！", "category", "OTHER_PROHIBITED"))));
		assertThat(punctuation.status()).isEqualTo(400);
		assertThat(AdminFixtures.fieldErrors(punctuation)).containsExactly("terms[0].term");
		Response category = this.fx.post("/api/lexicon/terms", admin.token(),
				Map.of("terms", List.of(Map.of("term", "某词", "category", "NO_SUCH"))));
		assertThat(category.status()).isEqualTo(400);
	}

	@Test
	void anAdministratorOfOneAccountCannotChangeTheLexicon() {
		Login admin = this.fx.person(Role.ADMIN);
		long account = this.fx.registerAccount(admin).get("id").asLong();
		Login scoped = this.fx.person(Role.ADMIN, account, null);
		assertThat(this.fx
			.post("/api/lexicon/terms", scoped.token(),
					Map.of("terms", List.of(Map.of("term", "某词", "category", "OTHER_PROHIBITED"))))
			.status()).isEqualTo(403);
	}

	@Test
	void marketingTermsCountOnlyWhereTheAccountForbidsMarketing() {
		Login admin = this.fx.person(Role.ADMIN);
		JsonNode account = this.fx.registerAccount(admin);
		long id = account.get("id").asLong();
		String body = "<p>本周限时抢购，欢迎选购。</p>";
		assertThat(findings(admin, body, id)).doesNotContain("限时抢购");
		this.fx.patch("/api/accounts/" + id, admin.token(),
				Map.of("policies", Map.of("marketingForbidden", true), "version", account.get("version").asInt()));
		assertThat(findings(admin, body, id)).contains("限时抢购");
	}

	@Test
	void theAccountsCharacterLimitApplies() {
		Login admin = this.fx.person(Role.ADMIN);
		JsonNode account = this.fx.registerAccount(admin);
		long id = account.get("id").asLong();
		this.fx.patch("/api/accounts/" + id, admin.token(),
				Map.of("policies", Map.of("maxChars", 10), "version", account.get("version").asInt()));
		JsonNode result = screen(admin, "<p>一二三四五六七八九</p>", id);
		assertThat(result.get("passed").asBoolean()).isFalse();
		assertThat(result.get("maxChars").asInt()).isEqualTo(10);
		assertThat(result.get("findings").valueStream().map((f) -> f.get("rule").asString()).toList())
			.contains("LENGTH");
	}

	private List<String> findings(Login who, String body, Long accountId) {
		return screen(who, body, accountId).get("findings")
			.valueStream()
			.filter((f) -> f.get("term") != null && !f.get("term").isNull())
			.map((f) -> f.get("term").asString())
			.toList();
	}

	private JsonNode screen(Login who, String body, Long accountId) {
		Map<String, Object> req = new java.util.LinkedHashMap<>();
		req.put("title", "标题");
		req.put("body", body);
		req.put("source", "本校");
		if (accountId != null) {
			req.put("accountId", accountId);
		}
		Response r = this.fx.post("/api/screening", who.token(), req);
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		return r.json();
	}

}
