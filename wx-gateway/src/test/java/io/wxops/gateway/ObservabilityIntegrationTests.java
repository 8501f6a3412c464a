package io.wxops.gateway;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.wxops.devkit.simulator.SimulatedAccount.Mode;
import io.wxops.gateway.Fixtures.Registered;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Health shows the database and Redis and the callback meters are published, on the
 * management port only: the internet-facing port has the health status and nothing else.
 */
@GatewayIntegrationTest
class ObservabilityIntegrationTests {

	@Autowired
	Fixtures fixtures;

	final HttpClient http = HttpClient.newHttpClient();

	@Value("${local.management.port}")
	int managementPort;

	@Test
	void healthShowsDatabaseAndRedisOnTheManagementPort() throws Exception {
		String health = get(management("/actuator/health"));
		assertThat(health).contains("\"status\":\"UP\"").contains("\"db\"").contains("\"redis\"");
	}

	@Test
	void theInternetFacingPortServesHealthWithoutDetailsAndNoMetrics() throws Exception {
		assertThat(this.managementPort).isNotEqualTo(this.fixtures.baseUri().getPort());
		assertThat(get(this.fixtures.baseUri().resolve("/actuator/health"))).isEqualTo("{\"status\":\"UP\"}");
		for (String path : new String[] { "/actuator/prometheus", "/actuator/metrics", "/actuator/health/db" }) {
			HttpResponse<String> r = this.http.send(
					HttpRequest.newBuilder(this.fixtures.baseUri().resolve(path)).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(r.statusCode()).as(path).isEqualTo(404);
			assertThat(r.body()).as(path).doesNotContain("wx_callback");
		}
	}

	@Test
	void callbacksDuplicatesAndRejectionsAreCounted() throws Exception {
		Registered account = this.fixtures.account(Mode.PLAINTEXT);
		String openid = Fixtures.openid();
		var callback = io.wxops.devkit.simulator.Callback.seal(account.wechat(), Fixtures.text(account, openid, "m"),
				openid);
		this.fixtures.simulator().post(account.wechat(), callback);
		this.fixtures.simulator().post(account.wechat(), callback);
		this.http.send(HttpRequest
			.newBuilder(this.fixtures.baseUri()
				.resolve("/wx/" + account.wechat().appId() + "/callback?signature=x&timestamp=1&nonce=2"))
			.POST(HttpRequest.BodyPublishers.ofString("<xml/>"))
			.build(), HttpResponse.BodyHandlers.ofString());

		String prometheus = get(management("/actuator/prometheus"));
		assertThat(prometheus).containsPattern("wx_callback_requests_total\\{.*account=\"" + account.wechat().appId()
				+ "\".*outcome=\"stored\".*type=\"text\".*} 1\\.0");
		assertThat(prometheus).containsPattern("wx_callback_requests_total\\{.*account=\"" + account.wechat().appId()
				+ "\".*outcome=\"duplicate\".*} 1\\.0");
		assertThat(prometheus).contains("wx_callback_dedup_hits_total{");
		assertThat(prometheus).contains("wx_callback_rejections_total{").contains("reason=\"bad-signature\"");
		assertThat(prometheus).contains("wx_callback_latency_seconds_bucket{");
	}

	private URI management(String path) {
		return URI.create("http://127.0.0.1:" + this.managementPort + path);
	}

	private String get(URI uri) throws Exception {
		HttpResponse<String> r = this.http.send(HttpRequest.newBuilder(uri).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(r.statusCode()).isEqualTo(200);
		return r.body();
	}

}
