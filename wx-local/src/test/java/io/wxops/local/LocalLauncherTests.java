package io.wxops.local;

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
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.wxops.core.account.AccountRegistry;
import io.wxops.core.reply.AutoReplyRuleMapper;
import io.wxops.devkit.simulator.WeChatApiSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

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

	@Test
	void badSimulatorRequestsAreExplained() throws Exception {
		HttpResponse<String> noContent = simulate("type=text", null);
		assertThat(noContent.statusCode()).isEqualTo(400);
		assertThat(noContent.body()).contains("content=");
		HttpResponse<String> unknown = simulate("type=video", null);
		assertThat(unknown.statusCode()).isEqualTo(400);
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

	private static void assertPrivate(Path file) throws Exception {
		if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		}
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

	private static HttpResponse<String> get(String url) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private static String enc(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

}
