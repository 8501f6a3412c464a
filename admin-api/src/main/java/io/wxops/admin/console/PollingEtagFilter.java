package io.wxops.admin.console;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

import io.wxops.admin.web.Sha256;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.http.server.PathContainer;
import org.springframework.web.filter.ShallowEtagHeaderFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * ETags for the answers pages poll (the ticket queue, a ticket, the duty view, my work,
 * sends and their reviews): a page sends the last ETag as {@code If-None-Match} and gets
 * 304 without a body while nothing changed. The tag is computed from the body alone, so
 * every instance gives the same tag for the same data. Answers stay
 * {@code Cache-Control: no-store} (they must never sit in a cache), which Spring's filter
 * would otherwise take as "no ETag": the page keeps the tag itself. {@code serverTime}
 * members are left out of the tag (they change on every request; on a 304 the
 * {@code Date} header gives the server's clock).
 */
class PollingEtagFilter extends ShallowEtagHeaderFilter {

	static final List<PathPattern> POLLED = PollingEtagFilter.parse("/api/tickets", "/api/tickets/{id}",
			"/api/inbox/duty", "/api/my-work", "/api/sends", "/api/sends/{id}", "/api/sends/{id}/review",
			"/api/reviews/pending", "/api/reviews/pending-sends", "/api/accounts/{id}/queue",
			"/api/accounts/{id}/send-days", "/api/articles/{id}/review",
			"/api/accounts/{id}/followers/{openid}/thread");

	private static final Pattern SERVER_TIME = Pattern.compile("\"serverTime\":(\"[^\"]*\"|null)");

	private static List<PathPattern> parse(String... patterns) {
		return java.util.Arrays.stream(patterns).map(PathPatternParser.defaultInstance::parse).toList();
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
			return true;
		}
		PathContainer path = PathContainer.parsePath(request.getRequestURI());
		return POLLED.stream().noneMatch((p) -> p.matches(path));
	}

	@Override
	protected boolean isEligibleForEtag(HttpServletRequest request, HttpServletResponse response,
			int responseStatusCode, InputStream inputStream) {
		String type = response.getContentType();
		return !response.isCommitted() && responseStatusCode == 200 && type != null
				&& MediaType.parseMediaType(type).isCompatibleWith(MediaType.APPLICATION_JSON);
	}

	@Override
	protected String generateETagHeaderValue(InputStream inputStream, boolean isWeak) throws IOException {
		String body = new String(inputStream.readAllBytes(), StandardCharsets.UTF_8);
		String stable = SERVER_TIME.matcher(body).replaceAll("\"serverTime\":0");
		return "\"" + Sha256.hex(stable).substring(0, 32) + "\"";
	}

}
