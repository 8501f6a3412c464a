package io.wxops.admin.article;

import java.util.LinkedHashMap;
import java.util.Map;

import io.wxops.admin.AdminFixtures;
import io.wxops.admin.AdminFixtures.Login;
import io.wxops.admin.AdminFixtures.Response;
import io.wxops.admin.AdminIntegrationTest;
import io.wxops.admin.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The editor screens what it holds before saving: as the article's content (its account's
 * policies, its uploaded images), without changing the article.
 */
@AdminIntegrationTest
class ArticleDraftScreeningIntegrationTests {

	@Autowired
	AdminFixtures fx;

	Login editor;

	long account;

	long article;

	@BeforeEach
	void draft() {
		Login admin = this.fx.person(Role.ADMIN);
		this.account = this.fx.registerAccount(admin).get("id").asLong();
		long department = this.fx.department("宣传部");
		this.editor = this.fx.departmental(Role.EDITOR, this.account, department);
		Map<String, Object> req = AdminFixtures.draftBody(this.account, department, "草稿", "<p>正文</p>");
		this.article = this.fx.post("/api/articles", this.editor.token(), req).json().get("id").asLong();
	}

	private Response screen(String body) {
		Map<String, Object> content = new LinkedHashMap<>();
		content.put("title", "运动会通知");
		content.put("body", body);
		content.put("source", "本校宣传部");
		return this.fx.post("/api/articles/" + this.article + "/screening/draft", this.editor.token(), content);
	}

	@Test
	void unsavedContentIsScreenedWithTheArticlesImagesAndNothingChanges() {
		String uploaded = this.fx
			.upload("/api/articles/" + this.article + "/images?kind=BODY", this.editor.token(), "a.jpg",
					AdminFixtures.jpeg(16, 16))
			.json()
			.get("url")
			.asString();
		JsonNode before = this.fx.get("/api/articles/" + this.article, this.editor.token()).json();

		Response r = screen(
				"<p>请看<b>内部</b>文件</p><img src=\"https://cdn.example/x.jpg\"><img src=\"" + uploaded + "\">");

		assertThat(r.status()).as(r.body()).isEqualTo(200);
		JsonNode findings = r.json().get("findings");
		assertThat(findings.valueStream().map((f) -> f.get("rule").asString()).toList())
			.containsExactlyInAnyOrder("PROHIBITED_TERM", "IMAGE_NOT_UPLOADED");
		JsonNode term = findings.valueStream()
			.filter((f) -> f.get("rule").asString().equals("PROHIBITED_TERM"))
			.findFirst()
			.orElseThrow();
		assertThat(term.get("field").asString()).isEqualTo("body");
		assertThat(term.get("start").asInt()).isEqualTo(2);
		assertThat(term.get("end").asInt()).isEqualTo(6);
		assertThat(findings.valueStream()
			.filter((f) -> f.get("rule").asString().equals("IMAGE_NOT_UPLOADED"))
			.map((f) -> f.get("excerpt").asString())).containsExactly("https://cdn.example/x.jpg");
		assertThat(r.json().get("maxChars").asInt()).isEqualTo(680);
		JsonNode after = this.fx.get("/api/articles/" + this.article, this.editor.token()).json();
		assertThat(after.get("contentVersion").asInt()).isEqualTo(before.get("contentVersion").asInt());
		assertThat(after.get("body").asString()).isEqualTo("<p>正文</p>");
	}

	@Test
	void anArticleTheCallerMayNotSeeIsNotFound() {
		Login admin = this.fx.person(Role.ADMIN);
		long other = this.fx.registerAccount(admin).get("id").asLong();
		Login stranger = this.fx.departmental(Role.EDITOR, other, this.fx.department("宣传部"));
		Response r = this.fx.post("/api/articles/" + this.article + "/screening/draft", stranger.token(),
				Map.of("title", "t", "body", "<p>x</p>"));
		assertThat(r.status()).isEqualTo(404);
		assertThat(r.body()).doesNotContain("findings");
	}

	@Test
	void unreadableContentIsAProblemNotAServerError() {
		Response r = this.fx.post("/api/articles/" + this.article + "/screening/draft", this.editor.token(),
				"{\"title\": ");
		assertThat(r.status()).as(r.body()).isEqualTo(400);
		assertThat(r.json().get("type").asString()).isEqualTo("https://wxops.io/problems/invalid-request");
	}

}
