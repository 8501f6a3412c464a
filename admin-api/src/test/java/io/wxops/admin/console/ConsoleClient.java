package io.wxops.admin.console;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import io.wxops.admin.AdminFixtures.Response;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Requests as a browser page sends them: with the console's cookie and whatever
 * {@code Sec-Fetch-Site}, {@code Origin} or other headers the test gives.
 */
final class ConsoleClient {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private final String baseUrl;

	ConsoleClient(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	/** What a page on this server's own origin sends with a fetch. */
	static Map<String, String> sameOrigin() {
		return Map.of("Sec-Fetch-Site", "same-origin");
	}

	Response send(String method, String path, String cookie, Map<String, String> headers, Object body) {
		try {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + path));
			if (cookie != null) {
				request.header("Cookie", SessionCookie.NAME + "=" + cookie);
			}
			headers.forEach(request::header);
			if (body != null) {
				request.header("Content-Type", "application/json")
					.method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
			}
			else {
				request.method(method, HttpRequest.BodyPublishers.noBody());
			}
			HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
			JsonNode parsed = null;
			if (response.headers().firstValue("Content-Type").orElse("").contains("json")
					&& !response.body().isEmpty()) {
				parsed = JSON.readTree(response.body());
			}
			return new Response(response.statusCode(), response.body(), parsed, response);
		}
		catch (Exception ex) {
			throw new IllegalStateException(method + " " + path + " failed", ex);
		}
	}

	/** Signs in through the console's sign-in and returns the cookie's token. */
	String signIn(String username, String password) {
		Response r = send("POST", "/api/session/console", null, sameOrigin(),
				Map.of("username", username, "password", password));
		if (r.status() != 200) {
			throw new IllegalStateException("console sign-in failed: " + r.status() + " " + r.body());
		}
		return cookieValue(r);
	}

	/** The value the answer sets the session cookie to, or null. */
	static String cookieValue(Response r) {
		return r.raw()
			.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter((c) -> c.startsWith(SessionCookie.NAME + "="))
			.map((c) -> c.substring(SessionCookie.NAME.length() + 1, c.indexOf(';')))
			.findFirst()
			.orElse(null);
	}

	static String setCookie(Response r) {
		return r.raw()
			.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter((c) -> c.startsWith(SessionCookie.NAME + "="))
			.findFirst()
			.orElse(null);
	}

}
