package io.wxops.local;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import io.wxops.core.account.AccountRegistry;
import io.wxops.core.follower.FollowerMapper;
import io.wxops.core.reply.AutoReplyRuleMapper;
import io.wxops.devkit.simulator.RecordedCustomMessage;
import io.wxops.devkit.simulator.WeChatApiSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole local run, started the way {@code java -jar wx-local.jar} starts it, on free
 * ports and with its state files in a temporary directory.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class LocalLauncherTests {

	@TempDir
	static Path home;

	private static LocalLauncher.Running running;

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private static final JsonMapper json = JsonMapper.builder().build();

	@BeforeAll
	static void start() {
		running = LocalLauncher.start(Map.of(LocalSettings.GATEWAY_PORT, "0", LocalSettings.ADMIN_PORT, "0",
				LocalSettings.SIMULATOR_PORT, "0", LocalSettings.HOME, home.toString()));
	}

	@AfterAll
	static void stop() {
		if (running != null) {
			running.close();
		}
	}

	@Test
	void bothApplicationsAreHealthy() throws Exception {
		for (String base : new String[] { running.gatewayUrl(), running.adminUrl() }) {
			HttpResponse<String> health = get(base + "/actuator/health");
			assertThat(health.statusCode()).as(base).isEqualTo(200);
			assertThat(health.body()).as(base).contains("\"UP\"");
		}
		assertThat(running.gatewayPort()).isNotEqualTo(running.adminPort());
	}

	@Test
	void eachApplicationHasItsOwnManagementPortWithTheDetailsAndMetrics() throws Exception {
		assertThat(running.gatewayManagementUrl()).isNotEqualTo(running.adminManagementUrl());
		for (String base : new String[] { running.gatewayManagementUrl(), running.adminManagementUrl() }) {
			HttpResponse<String> health = get(base + "/actuator/health");
			assertThat(health.statusCode()).as(base).isEqualTo(200);
			assertThat(health.body()).as(base).contains("\"db\"").contains("\"redis\"");
			assertThat(get(base + "/actuator/prometheus").statusCode()).as(base).isEqualTo(200);
		}
		assertThat(get(running.gatewayUrl() + "/actuator/prometheus").statusCode()).isEqualTo(404);
	}

	@Test
	void eachApplicationReadsItsOwnApplicationYml() throws Exception {
		assertThat(running.gateway().getEnvironment().getProperty("spring.application.name")).isEqualTo("wx-gateway");
		assertThat(running.admin().getEnvironment().getProperty("spring.application.name")).isEqualTo("admin-api");
		assertThat(running.gateway().getEnvironment().getProperty("spring.datasource.hikari.pool-name"))
			.isEqualTo("gateway-db");
		assertThat(running.admin().getEnvironment().getProperty("spring.datasource.hikari.pool-name"))
			.isEqualTo("admin-db");
		// The gateway has no API docs, even though springdoc is on the shared classpath.
		assertThat(get(running.gatewayUrl() + "/v3/api-docs").statusCode()).isNotEqualTo(200);
	}

	@Test
	void adminApiDocsAreServed() throws Exception {
		HttpResponse<String> docs = get(running.adminUrl() + "/v3/api-docs");
		assertThat(docs.statusCode()).isEqualTo(200);
		assertThat(docs.body()).contains("wxops admin API");
	}

	@Test
	void followerTextGetsTheExactKeywordReply() throws Exception {
		HttpResponse<String> response = simulate("openid=o_test_follower&type=text", "content=" + enc("你好"));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(response.body()).contains("HTTP status: 200")
			.contains("Attempts:    200")
			.contains("Reply text:  " + DemoAccount.HELLO_REPLY);
	}

	@Test
	void complaintAndOtherMessagesGetTheirRules() throws Exception {
		HttpResponse<String> complaint = simulate("type=text&content=" + enc("我要投诉食堂"), null);
		assertThat(complaint.body()).contains("HTTP status: 200").contains(DemoAccount.COMPLAINT_REPLY);
		HttpResponse<String> subscribe = simulate("type=subscribe&openid=o_new_follower", null);
		assertThat(subscribe.body()).contains("HTTP status: 200").contains(DemoAccount.WELCOME_REPLY);
		HttpResponse<String> location = simulate("type=location&lat=39.9&lng=116.4", null);
		assertThat(location.body()).contains("HTTP status: 200").contains(DemoAccount.DEFAULT_REPLY);
		HttpResponse<String> click = simulate("type=click&key=MENU_NEWS", null);
		assertThat(click.body()).contains("HTTP status: 200").contains("no passive reply");
	}

	/**
	 * The local run routes from the start: a complaint typed into the follower simulator
	 * is in demo-handler's queue, and the follower got the acknowledgement.
	 */
	@Test
	void aComplaintReachesTheDemoHandlersQueueAndIsAcknowledged() throws Exception {
		String openid = "o_local_complainer_" + System.nanoTime();
		HttpResponse<String> sent = simulate("openid=" + openid + "&type=text", "content=" + enc("投诉：宿舍热水不足"));
		assertThat(sent.body()).contains("HTTP status: 200");
		String password = Files.readString(running.settingsHome().resolve(LocalState.DEMO_PASSWORD_FILE)).trim();
		String handler = signIn("demo-handler", password);
		await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
			List<JsonNode> mine = api("GET", "/api/tickets?category=COMPLAINT&size=200", handler, null, 200)
				.get("items")
				.valueStream()
				.filter((t) -> openid.equals(t.get("openid").asString()))
				.toList();
			assertThat(mine).hasSize(1);
			assertThat(mine.get(0).get("ackStatus").asString()).isEqualTo("SENT");
		});
		assertThat(running.wechatApi().customMessages(DemoAccount.APP_ID, openid))
			.extracting(RecordedCustomMessage::content)
			.containsExactly(DemoInbox.ACK_TEXT);
	}

	/**
	 * The demo's followers come from simulator events; a follower sync (the nightly one
	 * too) lists them on the simulated platform, so it keeps them and lets go only of who
	 * unsubscribed.
	 */
	@Test
	void aFollowerSyncKeepsTheFollowersTheSimulatorCreated() throws Exception {
		String stamp = Long.toString(System.nanoTime());
		String subscriber = "o_local_sub_" + stamp;
		String writer = "o_local_writer_" + stamp;
		String leaver = "o_local_leaver_" + stamp;
		assertThat(simulate("type=subscribe&openid=" + subscriber, null).body()).contains("HTTP status: 200");
		assertThat(simulate("type=text&openid=" + writer, "content=" + enc("你好")).body()).contains("HTTP status: 200");
		assertThat(simulate("type=subscribe&openid=" + leaver, null).body()).contains("HTTP status: 200");
		assertThat(simulate("type=unsubscribe&openid=" + leaver, null).body()).contains("HTTP status: 200");
		assertThat(running.wechatApi().isFollower(DemoAccount.APP_ID, subscriber)).isTrue();
		assertThat(running.wechatApi().isFollower(DemoAccount.APP_ID, writer)).isTrue();
		assertThat(running.wechatApi().isFollower(DemoAccount.APP_ID, leaver)).isFalse();
		String password = Files.readString(running.settingsHome().resolve(LocalState.DEMO_PASSWORD_FILE)).trim();
		String admin = signIn("demo-admin", password);
		long accountId = -1;
		for (JsonNode candidate : api("GET", "/api/accounts", admin, null, 200).get("items")) {
			if (DemoAccount.APP_ID.equals(candidate.get("appId").asString())) {
				accountId = candidate.get("id").asLong();
			}
		}
		assertThat(accountId).as("the demo account").isPositive();
		String base = "/api/accounts/" + accountId + "/followers";
		// A sync already running may have started before the events: let it end, then
		// start one of our own.
		for (int i = 0; i < 2; i++) {
			long run = api("POST", base + "/sync", admin, Map.of(), 202).get("run").asLong();
			await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> {
				JsonNode sync = api("GET", base + "/sync", admin, null, 200);
				return sync.get("run").asLong() == run && "COMPLETE".equals(sync.get("state").asString());
			});
		}
		for (String openid : List.of(subscriber, writer)) {
			assertThat(api("GET", base + "?subscribed=true&openid=" + openid, admin, null, 200).get("total").asLong())
				.as(openid)
				.isEqualTo(1);
		}
		assertThat(api("GET", base + "?subscribed=true&openid=" + leaver, admin, null, 200).get("total").asLong())
			.isZero();
	}

	/**
	 * The database outlives a local run, the simulated platform does not: at a start the
	 * demo followers in the database follow the demo account on the platform again.
	 */
	@Test
	void theDemoFollowersOfEarlierRunsFollowAgainAfterARestart() {
		String kept = "o_local_earlier_" + System.nanoTime();
		long accountId = running.gateway().getBean(AccountRegistry.class).find(DemoAccount.APP_ID).orElseThrow().id();
		running.gateway()
			.getBean(FollowerMapper.class)
			.subscribe(accountId, kept, 1_700_000_000L, null, null, java.time.Instant.now());
		assertThat(running.wechatApi().isFollower(DemoAccount.APP_ID, kept)).isFalse();
		assertThat(LocalLauncher.restoreFollowers(running.gateway(), running.wechatApi())).isPositive();
		assertThat(running.wechatApi().isFollower(DemoAccount.APP_ID, kept)).isTrue();
	}

	@Test
	void badSimulatorRequestsAreExplained() throws Exception {
		HttpResponse<String> noContent = simulate("type=text", null);
		assertThat(noContent.statusCode()).isEqualTo(400);
		assertThat(noContent.body()).contains("content=");
		HttpResponse<String> unknown = simulate("type=video", null);
		assertThat(unknown.statusCode()).isEqualTo(400);
	}

	@Test
	void theSimulatorConnectsOnlyRegisteredAccountsToTheGateway() throws Exception {
		assertThat(connect("not-an-app-id").statusCode()).isEqualTo(400);
		assertThat(connect("wx0123456789abcdef").statusCode()).isEqualTo(404);
		HttpResponse<String> demo = connect(DemoAccount.APP_ID);
		assertThat(demo.statusCode()).isEqualTo(200);
		assertThat(demo.body()).contains("Connected: " + DemoAccount.APP_ID);
	}

	@Test
	void seedingIsIdempotent() {
		AccountRegistry registry = running.gateway().getBean(AccountRegistry.class);
		AutoReplyRuleMapper rules = running.gateway().getBean(AutoReplyRuleMapper.class);
		long accountId = registry.find(DemoAccount.APP_ID).orElseThrow().id();
		int before = rules.findEnabled(accountId).size();
		assertThat(before).isEqualTo(4);
		assertThat(DemoAccount.seed(running.gateway(),
				LocalState.demoSecrets(new LocalSettings(Map.of(LocalSettings.HOME, home.toString())))))
			.isEqualTo(running.demoAccount());
		assertThat(rules.findEnabled(accountId)).hasSize(before);
	}

	@Test
	void stateFilesAreKeptPrivate() throws Exception {
		Path demo = home.resolve(LocalState.DEMO_ACCOUNT_FILE);
		assertThat(demo).exists();
		assertThat(Files.readString(demo)).contains(running.demoAccount().token());
		if (!LocalSettings.externallySet(LocalSettings.SECRET_KEY)) {
			assertThat(home.resolve(LocalState.SECRET_KEY_FILE)).exists();
			assertPrivate(home.resolve(LocalState.SECRET_KEY_FILE));
		}
		for (String[] key : new String[][] { { LocalSettings.AUDIT_HMAC_KEY, LocalState.AUDIT_HMAC_KEY_FILE },
				{ LocalSettings.AUDIT_SIGNING_KEY, LocalState.AUDIT_SIGNING_KEY_FILE } }) {
			if (!LocalSettings.externallySet(key[0])) {
				assertThat(home.resolve(key[1])).exists();
				assertPrivate(home.resolve(key[1]));
			}
		}
		assertPrivate(demo);
		assertPrivate(home.resolve(LocalState.DEMO_PASSWORD_FILE));
		assertThat(running.banner()).doesNotContain(running.demoAccount().token())
			.doesNotContain(running.demoAccount().aesKey())
			.contains(running.demoCallbackUrl());
	}

	@Test
	void everyPrintedDemoLoginSignsIn() throws Exception {
		String password = Files.readString(running.settingsHome().resolve(LocalState.DEMO_PASSWORD_FILE)).trim();
		assertThat(running.banner()).contains(password);
		HttpClient http = HttpClient.newHttpClient();
		for (String username : LocalLauncher.DEMO_USERNAMES) {
			assertThat(running.banner()).contains(username);
			HttpResponse<String> signIn = http
				.send(HttpRequest.newBuilder(URI.create(running.adminUrl() + "/api/session"))
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers
						.ofString("{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}"))
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(signIn.statusCode()).as(username).isEqualTo(200);
			assertThat(signIn.body()).contains("\"token\"").contains("\"mustChangePassword\":false");
		}
	}

	@Test
	void wechatApiSimulatorIssuesTokens() throws Exception {
		String api = running.wechatApi().baseUrl();
		HttpResponse<String> token = get(
				api + "/cgi-bin/token?grant_type=client_credential&appid=wx0000000000000001&secret=s");
		assertThat(token.body()).contains(WeChatApiSimulator.TOKEN_PREFIX).contains("\"expires_in\":7200");
		HttpResponse<String> stable = http.send(HttpRequest.newBuilder(URI.create(api + "/cgi-bin/stable_token"))
			.POST(HttpRequest.BodyPublishers
				.ofString("{\"grant_type\":\"client_credential\",\"appid\":\"wx0000000000000001\",\"secret\":\"s\"}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(stable.body()).contains(WeChatApiSimulator.TOKEN_PREFIX);
		assertThat(get(api + "/cgi-bin/anything").body()).contains("\"errcode\":0");
	}

	/**
	 * The mass-send walkthrough of the README, through HTTP as the demo people: draft,
	 * cover, submit, department approval, compose, preview, confirm; the simulated
	 * platform sends it and pushes MASSSENDJOBFINISH to the gateway, and admin-api
	 * finishes the send with WeChat's counts and article URLs.
	 */
	@Test
	void theWholeMassSendFlowRunsFromTheApi() throws Exception {
		String password = Files.readString(running.settingsHome().resolve(LocalState.DEMO_PASSWORD_FILE)).trim();
		String editor = signIn("demo-editor", password);
		String deptHead = signIn("demo-dept-reviewer", password);
		String publisher = signIn("demo-publisher", password);
		JsonNode account = null;
		for (JsonNode candidate : api("GET", "/api/accounts", editor, null, 200).get("items")) {
			if (DemoAccount.APP_ID.equals(candidate.get("appId").asString())) {
				account = candidate;
			}
		}
		assertThat(account).as("the demo account").isNotNull();
		long accountId = account.get("id").asLong();
		long publicity = -1;
		for (JsonNode department : api("GET", "/api/departments", editor, null, 200)) {
			if ("publicity".equals(department.get("code").asString())) {
				publicity = department.get("id").asLong();
			}
		}
		assertThat(publicity).as("the demo department 宣传部").isPositive();

		Map<String, Object> draft = new LinkedHashMap<>();
		draft.put("accountId", accountId);
		draft.put("departmentId", publicity);
		draft.put("title", "秋季运动会");
		draft.put("body", "<p>我校举行秋季运动会，师生踊跃参加。</p>");
		draft.put("source", "本校宣传部");
		draft.put("sensitivity", "GENERAL");
		JsonNode created = api("POST", "/api/articles", editor, draft, 201);
		long article = created.get("id").asLong();
		JsonNode cover = upload("/api/articles/" + article + "/images?kind=COVER", editor, jpeg());
		draft.put("coverImageId", cover.get("id").asLong());
		draft.put("version", created.get("version").asInt());
		api("PUT", "/api/articles/" + article, editor, draft, 200);
		String hash = api("POST", "/api/articles/" + article + "/submit", editor, null, 200).get("submittedHash")
			.asString();
		JsonNode review = api("POST", "/api/articles/" + article + "/decision", deptHead,
				Map.of("decision", "APPROVE", "contentHash", hash), 200);
		assertThat(review.get("status").asString()).isEqualTo("APPROVED");
		assertThat(api("GET", "/api/accounts/" + accountId + "/queue", publisher, null, 200).findValues("articleId"))
			.extracting(JsonNode::asLong)
			.contains(article);

		freeToday(accountId, ZoneId.of(account.at("/policies/timeZone").asString()), publisher);
		Map<String, Object> compose = new LinkedHashMap<>();
		compose.put("accountId", accountId);
		compose.put("kind", "MPNEWS");
		compose.put("articleIds", List.of(article));
		compose.put("audience", "ALL");
		compose.put("sendIgnoreReprint", false);
		long send = api("POST", "/api/sends", publisher, compose, 201).get("id").asLong();
		String previewHash = api("POST", "/api/sends/" + send + "/preview", publisher, null, 200).get("previewHash")
			.asString();
		JsonNode confirmed = api("POST", "/api/sends/" + send + "/confirm", publisher,
				Map.of("previewHash", previewHash), 200);
		assertThat(confirmed.get("status").asString()).isEqualTo("CONFIRMED");

		await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
			JsonNode current = api("GET", "/api/sends/" + send, publisher, null, 200);
			assertThat(current.get("status").asString()).as(current.toString()).isEqualTo("FINISHED");
		});
		JsonNode finished = api("GET", "/api/sends/" + send, publisher, null, 200);
		assertThat(finished.get("msgId").isNumber()).isTrue();
		assertThat(finished.get("sentCount").asInt()).isPositive();
		assertThat(finished.at("/articles/0/articleId").asLong()).isEqualTo(article);
		assertThat(finished.at("/articles/0/articleUrl").asString()).startsWith("https://");
		assertThat(api("GET", "/api/articles/" + article, editor, null, 200).get("status").asString())
			.isEqualTo("SENT");
	}

	private static void assertPrivate(Path file) throws Exception {
		if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		}
	}

	/**
	 * One send per account and local day: a send another test composed for today and that
	 * has not started is cancelled, which frees the day.
	 */
	private static void freeToday(long accountId, ZoneId zone, String publisher) throws Exception {
		String today = LocalDate.now(zone).toString();
		for (JsonNode send : api("GET", "/api/sends?accountId=" + accountId, publisher, null, 200)) {
			if (today.equals(send.get("localDay").asString())
					&& List.of("COMPOSED", "PREVIEWED", "CONFIRMED").contains(send.get("status").asString())) {
				api("POST", "/api/sends/" + send.get("id").asLong() + "/cancel", publisher, null, 200);
			}
		}
	}

	private static String signIn(String username, String password) throws Exception {
		return api("POST", "/api/session", null, Map.of("username", username, "password", password), 200).get("token")
			.asString();
	}

	/** Calls the admin API and returns the JSON answer, which must have the status. */
	private static JsonNode api(String method, String path, String token, Object body, int status) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(running.adminUrl() + path))
			.timeout(Duration.ofSeconds(10))
			.method(method,
					(body != null)
							? HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body), StandardCharsets.UTF_8)
							: HttpRequest.BodyPublishers.noBody());
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		return answer(method + " " + path, request, token, status);
	}

	/** Posts one file as multipart/form-data, part {@code file}. */
	private static JsonNode upload(String path, String token, byte[] jpeg) throws Exception {
		String boundary = "----wxops" + System.nanoTime();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"cover.jpg\"\r\n"
				+ "Content-Type: image/jpeg\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.write(jpeg);
		body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(running.adminUrl() + path))
			.timeout(Duration.ofSeconds(10))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
		return answer("POST " + path, request, token, 201);
	}

	private static JsonNode answer(String call, HttpRequest.Builder request, String token, int status)
			throws Exception {
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		HttpResponse<String> response = http.send(request.build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		assertThat(response.statusCode()).as(call + ": " + response.body()).isEqualTo(status);
		return json.readTree(response.body());
	}

	private static byte[] jpeg() throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB), "jpg", out);
		return out.toByteArray();
	}

	private static HttpResponse<String> simulate(String query, String form) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(running.simulatorUrl() + "?" + query))
			.timeout(Duration.ofSeconds(30));
		if (form != null) {
			request.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form));
		}
		else {
			request.POST(HttpRequest.BodyPublishers.noBody());
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private static HttpResponse<String> connect(String appId) throws Exception {
		URI uri = URI.create(running.simulatorUrl().replace(FollowerEndpoint.PATH, FollowerEndpoint.CONNECT_PATH)
				+ "?appId=" + enc(appId));
		return http.send(HttpRequest.newBuilder(uri)
			.timeout(Duration.ofSeconds(10))
			.POST(HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private static HttpResponse<String> get(String url) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private static String enc(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

}
