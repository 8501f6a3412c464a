package io.wxops.admin;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.wxops.admin.people.DepartmentService;
import io.wxops.admin.people.GrantService;
import io.wxops.admin.people.PeopleService;
import io.wxops.admin.security.Caller;
import io.wxops.admin.security.Role;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.core.env.Environment;

/**
 * Test data and an HTTP client for the admin API: departments, people with one grant each
 * and their tokens, obtained through the real sign-in endpoint.
 */
@TestComponent
public class AdminFixtures {

	/** The password every fixture person gets; it satisfies the policy. */
	public static final String PASSWORD = "Fixture-Pass-2026!";

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	private final PeopleService people;

	private final DepartmentService departments;

	private final GrantService grants;

	private final Environment environment;

	private final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	AdminFixtures(PeopleService people, DepartmentService departments, GrantService grants, Environment environment) {
		this.people = people;
		this.departments = departments;
		this.grants = grants;
		this.environment = environment;
	}

	/** A signed-in person. */
	public record Login(long personId, String username, long departmentId, String token) {
	}

	/** An HTTP answer with its body parsed when it is JSON. */
	public record Response(int status, String body, JsonNode json, HttpResponse<String> raw) {

		public String problemType() {
			return (this.json != null && this.json.has("type")) ? this.json.get("type").asString() : null;
		}

	}

	public static String unique(String prefix) {
		return prefix + ProcessHandle.current().pid() + "x" + SEQUENCE.incrementAndGet();
	}

	public long department(String name) {
		return this.departments.createDepartment(Caller.system("test"), null, name, unique("d")).id();
	}

	/** A new person in a new department holding one role on every account. */
	public Login person(Role role) {
		return person(role, null, null);
	}

	/**
	 * A new person holding one role on one account (or all), in a department (or a new
	 * one).
	 */
	public Login person(Role role, Long accountId, Long departmentId) {
		long department = (departmentId != null) ? departmentId : department("dept-" + role);
		String username = unique(role.name().toLowerCase().replace('_', '-') + "-");
		PeopleService.Issued issued = this.people.createPerson(Caller.system("test"), username, role + " person",
				department, null, null, PASSWORD);
		if (role != null) {
			this.grants.grant(Caller.system("test"), issued.person().id(), role, accountId, null);
		}
		return new Login(issued.person().id(), username, department, login(username, PASSWORD));
	}

	/** A fresh AppID, known to the simulator with {@link #APP_SECRET}. */
	public static String newAppId() {
		String digits = String.format("%016d", Math.abs(System.nanoTime() % 10_000_000_000_000_000L));
		String appId = "wx" + digits.substring(0, 16);
		SimulatorInitializer.simulator().registerAccount(appId, APP_SECRET);
		return appId;
	}

	/** The AppSecret the simulator accepts for fixture accounts. */
	public static final String APP_SECRET = "FixtureAppSecret0123456789abcdef";

	/** The callback Token of fixture accounts. */
	public static final String TOKEN = "FixtureToken2026";

	/** The EncodingAESKey of fixture accounts (43 characters). */
	public static final String AES_KEY = "FixtureAesKey0123456789abcdefghijklmnopqrst";

	/**
	 * A new draft's body for {@code POST /api/articles}: GENERAL, with a stated source.
	 * Mutable, so a test can add or change a field.
	 */
	public static Map<String, Object> draftBody(long accountId, long departmentId, String title, String body) {
		Map<String, Object> req = new java.util.LinkedHashMap<>();
		req.put("accountId", accountId);
		req.put("departmentId", departmentId);
		req.put("title", title);
		req.put("body", body);
		req.put("source", "本校宣传部");
		req.put("sensitivity", "GENERAL");
		return req;
	}

	/** A registration body for the API, with every registry field filled. */
	public static Map<String, Object> newAccountBody(String appId, long departmentId) {
		Map<String, Object> body = new java.util.LinkedHashMap<>();
		body.put("appId", appId);
		body.put("originalId", "gh_" + ((appId.length() == 18) ? appId.substring(6) : "invalid000"));
		body.put("name", "测试公众号 " + appId);
		body.put("wechatId", "test_" + appId.substring(2));
		body.put("type", "SUBSCRIPTION");
		body.put("mode", "SAFE");
		body.put("owningDepartmentId", departmentId);
		body.put("verified", true);
		body.put("verifiedOn", "2026-03-01");
		body.put("responsible", Map.of("name", "王主任", "officePhone", "010-12345678", "mobile", "13800000001", "email",
				"wang@example.edu.cn", "wechatId", "wang_zr"));
		body.put("administrator", Map.of("name", "李老师", "officePhone", "010-12345679", "mobile", "13800000002", "email",
				"li@example.edu.cn", "wechatId", "li_ls"));
		body.put("credentials", Map.of("appSecret", APP_SECRET, "token", TOKEN, "aesKey", AES_KEY));
		return body;
	}

	/** Registers an account through the API as {@code admin}; returns its JSON. */
	public JsonNode registerAccount(Login admin) {
		Response r = post("/api/accounts", admin.token(), newAccountBody(newAppId(), admin.departmentId()));
		if (r.status() != 201) {
			throw new IllegalStateException("registration failed: " + r.status() + " " + r.body());
		}
		return r.json();
	}

	/**
	 * A new person in {@code departmentId} holding one role on one account, limited to
	 * that department (as departmental roles are granted).
	 */
	public Login departmental(Role role, long accountId, long departmentId) {
		String username = unique(role.name().toLowerCase().replace('_', '-') + "-");
		PeopleService.Issued issued = this.people.createPerson(Caller.system("test"), username, role + " person",
				departmentId, null, null, PASSWORD);
		this.grants.grant(Caller.system("test"), issued.person().id(), role, accountId, departmentId);
		return new Login(issued.person().id(), username, departmentId, login(username, PASSWORD));
	}

	/**
	 * Adds a grant to an existing person (their token picks it up on the next request).
	 */
	public void grant(Login who, Role role, Long accountId, Long departmentId) {
		this.grants.grant(Caller.system("test"), who.personId(), role, accountId, departmentId);
	}

	/** Posts one file as multipart/form-data (part {@code file}). */
	public Response upload(String path, String token, String filename, byte[] bytes) {
		try {
			String boundary = "----wxops" + System.nanoTime();
			java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
			body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
					+ "\"\r\nContent-Type: image/jpeg\r\n\r\n")
				.getBytes(java.nio.charset.StandardCharsets.UTF_8));
			body.write(bytes);
			body.write(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
			HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
				.header("Authorization", "Bearer " + token)
				.header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
				.build(), HttpResponse.BodyHandlers.ofString());
			JsonNode json = response.headers().firstValue("Content-Type").orElse("").contains("json")
					? this.json.readTree(response.body()) : null;
			return new Response(response.statusCode(), response.body(), json, response);
		}
		catch (Exception ex) {
			throw new IllegalStateException("upload to " + path + " failed", ex);
		}
	}

	/** A small valid JPEG. */
	public static byte[] jpeg(int width, int height) {
		try {
			java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(width, height,
					java.awt.image.BufferedImage.TYPE_INT_RGB);
			image.setRGB(0, 0, 0xFF0000);
			java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
			javax.imageio.ImageIO.write(image, "jpg", out);
			return out.toByteArray();
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public String login(String username, String password) {
		Response r = send("POST", "/api/session", null, Map.of("username", username, "password", password));
		if (r.status() != 200) {
			throw new IllegalStateException("sign-in failed: " + r.status() + " " + r.body());
		}
		return r.json().get("token").asString();
	}

	public Response get(String path, String token) {
		return send("GET", path, token, null);
	}

	public Response post(String path, String token, Object body) {
		return send("POST", path, token, body);
	}

	public Response put(String path, String token, Object body) {
		return send("PUT", path, token, body);
	}

	public Response patch(String path, String token, Object body) {
		return send("PATCH", path, token, body);
	}

	public Response delete(String path, String token) {
		return send("DELETE", path, token, null);
	}

	public Response send(String method, String path, String token, Object body) {
		try {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path));
			if (token != null) {
				request.header("Authorization", "Bearer " + token);
			}
			if (body != null) {
				String text = (body instanceof String s) ? s : this.json.writeValueAsString(body);
				request.header("Content-Type", "application/json")
					.method(method, HttpRequest.BodyPublishers.ofString(text));
			}
			else {
				request.method(method, HttpRequest.BodyPublishers.noBody());
			}
			HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			JsonNode parsed = null;
			String contentType = response.headers().firstValue("Content-Type").orElse("");
			if (contentType.contains("json") && !response.body().isEmpty()) {
				parsed = this.json.readTree(response.body());
			}
			return new Response(response.statusCode(), response.body(), parsed, response);
		}
		catch (Exception ex) {
			throw new IllegalStateException(method + " " + path + " failed", ex);
		}
	}

	public String baseUrl() {
		return "http://127.0.0.1:" + this.environment.getProperty("local.server.port");
	}

	public static List<String> fieldErrors(Response r) {
		if (r.json() == null || !r.json().has("errors")) {
			return List.of();
		}
		return r.json().get("errors").valueStream().map((e) -> e.get("field").asString()).toList();
	}

}
