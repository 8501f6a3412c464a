package io.wxops.devkit.simulator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class WeChatApiSimulatorTests {

	static final String APP_ID = "wx0123456789abcdef";

	static final WeChatApiSimulator simulator = new WeChatApiSimulator().start();

	static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	@AfterAll
	static void stop() {
		simulator.stop();
	}

	@BeforeEach
	void reset() {
		simulator.reset();
	}

	@Test
	void stableTokenStaysTheSameUntilForced() throws Exception {
		String first = stableToken(APP_ID, "secret", false).get("access_token").getAsString();
		String second = stableToken(APP_ID, "secret", false).get("access_token").getAsString();
		String forced = stableToken(APP_ID, "secret", true).get("access_token").getAsString();

		assertThat(first).startsWith(WeChatApiSimulator.TOKEN_PREFIX).isEqualTo(second);
		assertThat(forced).isNotEqualTo(first);
		assertThat(simulator.isValidToken(first)).isFalse();
		assertThat(simulator.isValidToken(forced)).isTrue();
	}

	@Test
	void newPlainTokenInvalidatesThePreviousOneButNotTheStableToken() throws Exception {
		String stable = stableToken(APP_ID, "secret", false).get("access_token").getAsString();
		String first = token(APP_ID, "secret").get("access_token").getAsString();
		String second = token(APP_ID, "secret").get("access_token").getAsString();

		assertThat(second).isNotEqualTo(first);
		assertThat(callbackIp(first).get("errcode").getAsInt()).isEqualTo(40001);
		assertThat(callbackIp(second).has("ip_list")).isTrue();
		assertThat(callbackIp(stable).has("ip_list")).isTrue();
	}

	@Test
	void malformedAppIdIsRefusedWith40013() throws Exception {
		assertThat(token("wx1", "secret").get("errcode").getAsInt()).isEqualTo(40013);
		assertThat(stableToken("wx1", "secret", false).get("errcode").getAsInt()).isEqualTo(40013);
	}

	@Test
	void wrongSecretOfRegisteredAccountIsRefusedWith40125() throws Exception {
		simulator.registerAccount(APP_ID, "right");

		JsonObject wrong = stableToken(APP_ID, "wrong", false);

		assertThat(wrong.get("errcode").getAsInt()).isEqualTo(40125);
		assertThat(wrong.get("errmsg").getAsString()).startsWith("invalid appsecret");
		assertThat(stableToken(APP_ID, "right", false).has("access_token")).isTrue();
		assertThat(token(APP_ID, "wrong").get("errcode").getAsInt()).isEqualTo(40125);
	}

	@Test
	void unknownTokenIsRefusedWith40001() throws Exception {
		assertThat(callbackIp("nope").get("errcode").getAsInt()).isEqualTo(40001);
	}

	@Test
	void queuedErrcodeAppliesExactlyTimesThenThePathRecovers() throws Exception {
		String token = stableToken(APP_ID, "secret", false).get("access_token").getAsString();
		simulator.failNext("/cgi-bin/getcallbackip", SimulatedFailure.errcode(45009, "reach max api daily quota limit"),
				2);

		assertThat(callbackIp(token).get("errcode").getAsInt()).isEqualTo(45009);
		assertThat(callbackIp(token).get("errcode").getAsInt()).isEqualTo(45009);
		assertThat(callbackIp(token).has("ip_list")).isTrue();
		assertThat(simulator.calls("/cgi-bin/getcallbackip")).isEqualTo(3);
	}

	@Test
	void queuedHttpStatusAndResetApplyInOrder() throws Exception {
		simulator.failNext("/cgi-bin/anything", SimulatedFailure.httpStatus(502), 1);
		simulator.failNext("/cgi-bin/anything", SimulatedFailure.connectionReset(), 1);

		assertThat(get("/cgi-bin/anything").statusCode()).isEqualTo(502);
		assertThatExceptionOfType(IOException.class).isThrownBy(() -> get("/cgi-bin/anything"));
		assertThat(JsonParser.parseString(get("/cgi-bin/anything").body()).getAsJsonObject().get("errcode").getAsInt())
			.isZero();
	}

	@Test
	void queuedDelayHoldsTheNormalAnswer() throws Exception {
		simulator.failNext("/cgi-bin/token", SimulatedFailure.delay(Duration.ofSeconds(2)), 1);
		HttpRequest request = HttpRequest
			.newBuilder(URI.create(
					simulator.baseUrl() + "/cgi-bin/token?grant_type=client_credential&appid=" + APP_ID + "&secret=s"))
			.timeout(Duration.ofMillis(300))
			.build();

		assertThatExceptionOfType(HttpTimeoutException.class)
			.isThrownBy(() -> http.send(request, HttpResponse.BodyHandlers.ofString()));
		assertThat(token(APP_ID, "s").has("access_token")).isTrue();
	}

	@Test
	void catchAllStillAcknowledgesAnything() throws Exception {
		HttpResponse<String> response = get("/cgi-bin/message/custom/send?access_token=whatever");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"errcode\":0");
	}

	private static JsonObject token(String appId, String secret) throws Exception {
		return json(get("/cgi-bin/token?grant_type=client_credential&appid=" + appId + "&secret=" + secret));
	}

	private static JsonObject stableToken(String appId, String secret, boolean force) throws Exception {
		JsonObject body = new JsonObject();
		body.addProperty("grant_type", "client_credential");
		body.addProperty("appid", appId);
		body.addProperty("secret", secret);
		body.addProperty("force_refresh", force);
		HttpRequest request = HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/cgi-bin/stable_token"))
			.POST(HttpRequest.BodyPublishers.ofString(body.toString()))
			.build();
		return json(http.send(request, HttpResponse.BodyHandlers.ofString()));
	}

	private static JsonObject callbackIp(String token) throws Exception {
		return json(get("/cgi-bin/getcallbackip?access_token=" + token));
	}

	private static HttpResponse<String> get(String pathAndQuery) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(simulator.baseUrl() + pathAndQuery)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private static JsonObject json(HttpResponse<String> response) {
		return JsonParser.parseString(response.body()).getAsJsonObject();
	}

}
