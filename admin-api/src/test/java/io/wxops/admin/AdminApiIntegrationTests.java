package io.wxops.admin;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.wxops.devkit.DevServersInitializer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin API starts on the shared schema and serves health and its OpenAPI
 * description.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = DevServersInitializer.class)
class AdminApiIntegrationTests {

	@Value("${local.server.port}")
	int port;

	final HttpClient http = HttpClient.newHttpClient();

	@Value("${local.management.port}")
	int managementPort;

	@Test
	void healthShowsDatabaseAndRedisOnTheManagementPort() throws Exception {
		HttpResponse<String> r = get(this.managementPort, "/actuator/health");
		assertThat(r.statusCode()).isEqualTo(200);
		assertThat(r.body()).contains("\"status\":\"UP\"").contains("\"db\"").contains("\"redis\"");
		assertThat(get(this.managementPort, "/actuator/prometheus").statusCode()).isEqualTo(200);
	}

	@Test
	void thePublicPortServesHealthWithoutDetailsAndNoOtherActuatorEndpoint() throws Exception {
		assertThat(this.managementPort).isNotEqualTo(this.port);
		HttpResponse<String> health = get("/actuator/health");
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).isEqualTo("{\"status\":\"UP\"}");
		for (String path : new String[] { "/actuator/prometheus", "/actuator/metrics", "/actuator/health/db",
				"/actuator/info", "/actuator" }) {
			assertThat(get(path).statusCode()).as(path).isEqualTo(404);
		}
	}

	@Test
	void openApiDescriptionIsServed() throws Exception {
		HttpResponse<String> r = get("/v3/api-docs");
		assertThat(r.statusCode()).isEqualTo(200);
		assertThat(r.body()).contains("\"openapi\"").contains("wxops admin API");
	}

	@Test
	void unknownPathIsAProblemDetail() throws Exception {
		HttpResponse<String> r = get("/no-such-thing");
		assertThat(r.statusCode()).isEqualTo(404);
		assertThat(r.headers().firstValue("Content-Type"))
			.hasValueSatisfying(ct -> assertThat(ct).startsWith("application/problem+json"));
	}

	private HttpResponse<String> get(String path) throws Exception {
		return get(this.port, path);
	}

	private HttpResponse<String> get(int port, String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
