package io.wxops.admin;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.wxops.admin.AdminFixtures.Login;
import io.wxops.admin.AdminFixtures.Response;
import io.wxops.admin.security.Role;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input that used to end in a 500 gets a 400 problem naming the field, and nothing is
 * changed; the framework's own 4xx answers carry a problem type like ours.
 */
@AdminIntegrationTest
class ProblemAnswersIntegrationTests {

	private static final String LONG_EMAIL = "a".repeat(120) + "@example.edu.cn";

	@Autowired
	AdminFixtures fx;

	@Autowired
	JdbcTemplate jdbc;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void anEmailOverTheColumnLengthIsAFieldErrorForPeople() {
		Login admin = this.fx.person(Role.ADMIN);
		String username = AdminFixtures.unique("longmail");
		Response created = this.fx.post("/api/people", admin.token(), Map.of("username", username, "displayName",
				"Long Mail", "departmentId", admin.departmentId(), "email", LONG_EMAIL));
		assertThat(created.status()).as(created.body()).isEqualTo(400);
		assertThat(AdminFixtures.fieldErrors(created)).containsExactly("email");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM adm_person WHERE username = ?", Long.class, username))
			.isZero();
		Login editor = this.fx.person(Role.EDITOR);
		int version = this.fx.get("/api/people/" + editor.personId(), admin.token()).json().get("version").asInt();
		Response changed = this.fx.patch("/api/people/" + editor.personId(), admin.token(),
				Map.of("email", LONG_EMAIL, "version", version));
		assertThat(changed.status()).as(changed.body()).isEqualTo(400);
		assertThat(AdminFixtures.fieldErrors(changed)).containsExactly("email");
		assertThat(
				this.jdbc.queryForObject("SELECT email FROM adm_person WHERE id = ?", String.class, editor.personId()))
			.isNull();
	}

	@Test
	void anEmailOverTheColumnLengthIsAFieldErrorForAccountContacts() {
		Login admin = this.fx.person(Role.ADMIN);
		String appId = AdminFixtures.newAppId();
		Map<String, Object> body = AdminFixtures.newAccountBody(appId, admin.departmentId());
		body.put("administrator", Map.of("name", "李老师", "email", LONG_EMAIL));
		Response r = this.fx.post("/api/accounts", admin.token(), body);
		assertThat(r.status()).as(r.body()).isEqualTo(400);
		assertThat(AdminFixtures.fieldErrors(r)).containsExactly("administrator.email");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM wx_account WHERE app_id = ?", Long.class, appId))
			.isZero();
	}

	@Test
	void aNullReviewLevelIsAFieldError() {
		Login admin = this.fx.person(Role.ADMIN);
		String appId = AdminFixtures.newAppId();
		Map<String, Object> body = AdminFixtures.newAccountBody(appId, admin.departmentId());
		List<Object> withNull = new ArrayList<>();
		withNull.add(null);
		Map<String, Object> levels = new LinkedHashMap<>();
		levels.put("GENERAL", withNull);
		levels.put("SENSITIVE", List.of("DEPT_REVIEWER"));
		levels.put("MAJOR", List.of("DEPT_REVIEWER"));
		body.put("policies", Map.of("reviewLevels", levels));
		Response r = this.fx.post("/api/accounts", admin.token(), body);
		assertThat(r.status()).as(r.body()).isEqualTo(400);
		assertThat(AdminFixtures.fieldErrors(r)).containsExactly("policies.reviewLevels");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM wx_account WHERE app_id = ?", Long.class, appId))
			.isZero();
	}

	@Test
	void imageUploadsThatAreNotMultipartAreFieldErrors() throws Exception {
		Login editor = this.fx.person(Role.EDITOR);
		String path = "/api/articles/1/images?kind=BODY";
		assertFileError(send(path, editor.token(), "application/json", "{\"file\":\"abc\"}".getBytes()));
		assertFileError(send(path, editor.token(), "application/x-www-form-urlencoded", "file=abc".getBytes()));
		assertFileError(send(path, editor.token(), "multipart/form-data", "--x\r\n\r\nabc\r\n--x--\r\n".getBytes()));
		assertFileError(send("/api/tickets/1/replies/image", this.fx.person(Role.HANDLER).token(), "application/json",
				"{}".getBytes()));
	}

	@Test
	void aNulInTheFilenameIsAFieldError() throws Exception {
		Login admin = this.fx.person(Role.ADMIN);
		long account = this.fx.registerAccount(admin).get("id").asLong();
		long department = this.fx.department("宣传部");
		Login editor = this.fx.departmental(Role.EDITOR, account, department);
		Map<String, Object> req = AdminFixtures.draftBody(account, department, "图片新闻", "<p>正文</p>");
		long article = this.fx.post("/api/articles", editor.token(), req).json().get("id").asLong();
		String boundary = "----wxopsnul";
		java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
		body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a\u0000b.jpg\""
				+ "\r\nContent-Type: image/jpeg\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.write(AdminFixtures.jpeg(16, 16));
		body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		Response r = send("/api/articles/" + article + "/images?kind=BODY", editor.token(),
				"multipart/form-data; boundary=" + boundary, body.toByteArray());
		assertFileError(r);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM art_image WHERE article_id = ?", Long.class, article))
			.isZero();
	}

	@Test
	void imageUploadsAreDescribedAsMultipart() {
		JsonNode docs = this.fx.get("/v3/api-docs", null).json();
		for (String path : List.of("/api/articles/{id}/images", "/api/tickets/{id}/replies/image")) {
			JsonNode content = docs.get("paths").get(path).get("post").get("requestBody").get("content");
			assertThat(content.has("multipart/form-data")).as(path).isTrue();
			assertThat(content.has("application/json")).as(path).isFalse();
		}
	}

	@Test
	void theErrorPathItselfIsAProblemNotA500() {
		Response r = this.fx.get("/error", null);
		assertThat(r.status()).isEqualTo(404);
		assertThat(r.raw().headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		assertThat(r.problemType()).isEqualTo("https://wxops.io/problems/http-404");
	}

	@Test
	void frameworkAnswersCarryAStableProblemType() throws Exception {
		Login admin = this.fx.person(Role.ADMIN);
		assertThat(this.fx.get("/api/no-such-thing", admin.token()).problemType())
			.isEqualTo("https://wxops.io/problems/http-404");
		Response method = this.fx.send("PATCH", "/api/session", admin.token(), Map.of());
		assertThat(method.status()).isEqualTo(405);
		assertThat(method.problemType()).isEqualTo("https://wxops.io/problems/http-405");
		Response media = send("/api/departments", admin.token(), "text/plain", "x".getBytes());
		assertThat(media.status()).isEqualTo(415);
		assertThat(media.problemType()).isEqualTo("https://wxops.io/problems/http-415");
	}

	private void assertFileError(Response r) {
		assertThat(r.status()).as(r.body()).isEqualTo(400);
		assertThat(r.raw().headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		assertThat(AdminFixtures.fieldErrors(r)).containsExactly("file");
	}

	private Response send(String path, String token, String contentType, byte[] body) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.fx.baseUrl() + path))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build();
		HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		JsonNode parsed = response.headers().firstValue("Content-Type").orElse("").contains("json")
				&& !response.body().isEmpty() ? this.json.readTree(response.body()) : null;
		return new Response(response.statusCode(), response.body(), parsed, response);
	}

}
