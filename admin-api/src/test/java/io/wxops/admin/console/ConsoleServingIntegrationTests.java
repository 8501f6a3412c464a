package io.wxops.admin.console;

import java.net.http.HttpResponse;
import java.util.Map;

import io.wxops.admin.AdminFixtures;
import io.wxops.admin.AdminFixtures.Response;
import io.wxops.admin.AdminIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's files under {@code /console/} (the test console in
 * {@code src/test/resources/console/}): history-mode fallback, caching per kind of file,
 * and the console's Content-Security-Policy, while {@code /api} keeps its own headers.
 */
@AdminIntegrationTest
class ConsoleServingIntegrationTests {

	static final String HTML = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

	@Autowired
	AdminFixtures fx;

	ConsoleClient browser;

	@BeforeEach
	void browser() {
		this.browser = new ConsoleClient(this.fx.baseUrl());
	}

	private Response page(String path) {
		return this.browser.send("GET", path, null, Map.of("Accept", HTML), null);
	}

	@Test
	void theConsoleRootIsItsIndexCheckedEachTime() {
		Response index = page("/console/");
		assertThat(index.status()).isEqualTo(200);
		assertThat(index.body()).contains("test console index");
		assertThat(header(index, "Content-Type")).startsWith("text/html");
		assertThat(header(index, "Cache-Control")).isEqualTo("no-cache");
		assertConsoleHeaders(index.raw());
	}

	@Test
	void consoleWithoutASlashRedirectsToTheRoot() {
		Response r = page("/console");
		assertThat(r.status()).isEqualTo(302);
		assertThat(header(r, "Location")).endsWith("/console/");
	}

	@Test
	void aConsoleRouteWithoutAFileIsTheIndexForAPageRequest() {
		Response route = page("/console/tickets/12");
		assertThat(route.status()).isEqualTo(200);
		assertThat(route.body()).contains("test console index");
		assertThat(header(route, "Cache-Control")).isEqualTo("no-cache");
		assertConsoleHeaders(route.raw());
	}

	@Test
	void aRouteRequestedAsSomethingElseThanAPageIsNotFound() {
		Response r = this.browser.send("GET", "/console/tickets/12", null, Map.of("Accept", "application/json"), null);
		assertThat(r.status()).isEqualTo(404);
		assertThat(r.body()).doesNotContain("test console index");
	}

	@Test
	void hashedAssetsAreKeptForAYear() {
		Response js = this.browser.send("GET", "/console/assets/app-abc123.js", null, Map.of("Accept", "*/*"), null);
		assertThat(js.status()).isEqualTo(200);
		assertThat(js.body()).contains("test console app-abc123");
		assertThat(header(js, "Content-Type")).contains("javascript");
		assertThat(header(js, "Cache-Control")).isEqualTo("max-age=31536000, public, immutable");
		assertConsoleHeaders(js.raw());
		Response css = this.browser.send("GET", "/console/assets/app-abc123.css", null, Map.of("Accept", "text/css"),
				null);
		assertThat(header(css, "Content-Type")).startsWith("text/css");
	}

	@Test
	void aMissingAssetIsNotFoundEvenForAPageRequest() {
		Response r = page("/console/assets/app-missing0.js");
		assertThat(r.status()).isEqualTo(404);
		assertThat(r.body()).doesNotContain("test console index");
		assertThat(header(r, "Cache-Control")).isEqualTo("no-store");
	}

	@Test
	void pathTraversalOutOfTheConsoleFindsNothing() {
		Response r = page("/console/%2e%2e/application.yml");
		assertThat(r.status()).isIn(400, 404);
		assertThat(r.body()).doesNotContain("datasource");
	}

	@Test
	void theApiKeepsItsOwnHeaders() {
		Response api = this.fx.get("/api/session", null);
		assertThat(header(api, "Cache-Control")).isEqualTo("no-store");
		assertThat(header(api, "Content-Security-Policy")).isEqualTo("default-src 'none'; frame-ancestors 'none'");
	}

	private static void assertConsoleHeaders(HttpResponse<String> r) {
		assertThat(r.headers().firstValue("Content-Security-Policy")).hasValue(ConsoleHeadersFilter.POLICY);
		assertThat(r.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("script-src 'self';")
			.doesNotContain("unsafe-eval")
			.contains("frame-ancestors 'none'");
		assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(r.headers().firstValue("X-Frame-Options")).hasValue("DENY");
		assertThat(r.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
	}

	private static String header(Response r, String name) {
		return r.raw().headers().firstValue(name).orElse(null);
	}

}
