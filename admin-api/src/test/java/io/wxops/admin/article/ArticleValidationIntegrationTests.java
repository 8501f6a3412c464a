package io.wxops.admin.article;

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
 * A draft's own rules as constraints on {@code ArticleRequest}: a title of invisible
 * characters is no title, lengths count UTF-16 chars, a change needs its version, and a
 * refused body stores no article and no version.
 */
@AdminIntegrationTest
class ArticleValidationIntegrationTests {

	private static final String TITLE = "a title is required (at most 128 characters here; WeChat allows 32)";

	@Autowired
	AdminFixtures fx;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aDraftWithBadFieldsIsRefusedFieldByFieldAndNothingIsStored() {
		Login admin = this.fx.person(Role.ADMIN);
		long account = this.fx.registerAccount(admin).get("id").asLong();
		Login editor = this.fx.departmental(Role.EDITOR, account, admin.departmentId());
		long articles = count("art_article");
		long versions = count("art_article_version");
		Map<String, Object> body = AdminFixtures.draftBody(account, admin.departmentId(), "\u200B\uFE0F\u00A0 ",
				"<p>正文</p>");
		body.put("digest", "摘".repeat(100_000));
		body.put("author", "a".repeat(65));
		body.remove("sensitivity");
		Map<String, String> errors = InvalidBody.errors(this.fx.post("/api/articles", editor.token(), body));
		assertThat(errors).containsOnly(Map.entry("title", TITLE),
				Map.entry("digest", "at most 512 characters (WeChat allows 128)"),
				Map.entry("author", "at most 64 characters (WeChat allows 16)"), Map.entry("sensitivity",
						"required: GENERAL, SENSITIVE or MAJOR (major news, emergencies, hot topics)"));
		Map<String, Object> noBody = AdminFixtures.draftBody(account, admin.departmentId(), "标题", null);
		InvalidBody.refuses(this.fx.post("/api/articles", editor.token(), noBody), "body",
				"the body is required (HTML)");
		Map<String, Object> hugeBody = AdminFixtures.draftBody(account, admin.departmentId(), "标题",
				"x".repeat(1_000_001));
		InvalidBody.refuses(this.fx.post("/api/articles", editor.token(), hugeBody), "body",
				"the body is over 1,000,000 characters");
		assertThat(count("art_article")).isEqualTo(articles);
		assertThat(count("art_article_version")).isEqualTo(versions);
	}

	@Test
	void aTitleCountsUtf16CharsSoAnExtensionBIdeographCountsTwo() {
		Login admin = this.fx.person(Role.ADMIN);
		long account = this.fx.registerAccount(admin).get("id").asLong();
		Login editor = this.fx.departmental(Role.EDITOR, account, admin.departmentId());
		Response fits = this.fx.post("/api/articles", editor.token(),
				AdminFixtures.draftBody(account, admin.departmentId(), "𠀀".repeat(64), "<p>正文</p>"));
		assertThat(fits.status()).as(fits.body()).isEqualTo(201);
		InvalidBody.refuses(
				this.fx.post("/api/articles", editor.token(),
						AdminFixtures.draftBody(account, admin.departmentId(), "𠀀".repeat(64) + "a", "<p>正文</p>")),
				"title", TITLE);
		// A compatibility form is visible text, kept as sent.
		Response fullwidth = this.fx.post("/api/articles", editor.token(),
				AdminFixtures.draftBody(account, admin.departmentId(), "ＮＥＷＳ", "<p>正文</p>"));
		assertThat(fullwidth.status()).isEqualTo(201);
		assertThat(fullwidth.json().get("title").asString()).isEqualTo("ＮＥＷＳ");
	}

	@Test
	void aChangeNeedsItsVersionAndAWithdrawalItsReasonAndNothingChanges() {
		Login admin = this.fx.person(Role.ADMIN);
		long account = this.fx.registerAccount(admin).get("id").asLong();
		Login editor = this.fx.departmental(Role.EDITOR, account, admin.departmentId());
		Login publisher = this.fx.person(Role.PUBLISHER, account, admin.departmentId());
		Response created = this.fx.post("/api/articles", editor.token(),
				AdminFixtures.draftBody(account, admin.departmentId(), "原标题", "<p>正文</p>"));
		long id = created.json().get("id").asLong();
		Map<String, Object> change = AdminFixtures.draftBody(account, admin.departmentId(), "新标题", "<p>正文</p>");
		InvalidBody.refuses(this.fx.put("/api/articles/" + id, editor.token(), change), "version",
				"send the version you loaded, so a concurrent change is not overwritten");
		InvalidBody.refuses(
				this.fx.post("/api/articles/" + id + "/withdraw", publisher.token(), Map.of("reason", "\u3000")),
				"reason", "a reason is required (at most 512 characters); it is kept");
		assertThat(this.jdbc.queryForObject("SELECT title FROM art_article WHERE id = ?", String.class, id))
			.isEqualTo("原标题");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM art_article_version WHERE article_id = ?", Long.class,
				id))
			.isEqualTo(1);
	}

	@Test
	void aCallerWithoutTheRoleGetsTheirRefusalBeforeTheBodyIsChecked() {
		Login auditor = this.fx.person(Role.AUDITOR);
		Map<String, Object> bad = Map.of("title", "");
		assertThat(this.fx.post("/api/articles", null, bad).status()).isEqualTo(401);
		Response refused = this.fx.post("/api/articles", auditor.token(), bad);
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.json().has("errors")).isFalse();
	}

	private long count(String table) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
	}

}
