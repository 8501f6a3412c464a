package io.wxops.admin.console;

import java.net.URI;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import io.wxops.admin.web.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Refuses cross-site requests that would ride on the console's cookie: a POST, PUT, PATCH
 * or DELETE authenticated by the cookie must say it comes from this site's own pages, by
 * {@code Sec-Fetch-Site: same-origin} or, from a browser that sends no such header, an
 * {@code Origin} equal to the server's own or a configured one. The check reads only the
 * request, so it answers the same on every instance. Bearer requests are not checked: a
 * cross-site page cannot set that header. The console's sign-in is checked too, cookie or
 * not, so no other site can sign a browser in (login CSRF). Runs before the access check,
 * so a refused request learns nothing about the session.
 */
class CrossSiteRequestInterceptor implements HandlerInterceptor {

	static final String CONSOLE_SIGN_IN = "/api/session/console";

	private static final Set<String> STATE_CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");

	private final Set<String> allowedOrigins;

	CrossSiteRequestInterceptor(ConsoleProperties properties) {
		this.allowedOrigins = properties.allowedOrigins()
			.stream()
			.map(CrossSiteRequestInterceptor::normalise)
			.filter((o) -> o != null)
			.collect(Collectors.toUnmodifiableSet());
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (!STATE_CHANGING.contains(request.getMethod())) {
			return true;
		}
		boolean signIn = CONSOLE_SIGN_IN.equals(request.getRequestURI());
		if ((signIn && !SessionCookie.hasBearer(request)) || SessionCookie.authenticates(request)) {
			String refusal = refusal(request);
			if (refusal != null) {
				throw new ApiException(HttpStatus.FORBIDDEN, "cross-site-request", "Cross-site request refused",
						refusal + " A request signed in with the console's cookie must come from the console's own "
								+ "pages. API clients send 'Authorization: Bearer <token>' instead.");
			}
		}
		return true;
	}

	/** Why the request is not a same-origin one, or null when it is. */
	private String refusal(HttpServletRequest request) {
		String site = request.getHeader("Sec-Fetch-Site");
		if (site != null) {
			return "same-origin".equalsIgnoreCase(site.trim()) ? null
					: "The browser says this request comes from another site (Sec-Fetch-Site: " + site.trim() + ").";
		}
		String origin = request.getHeader(HttpHeaders.ORIGIN);
		if (origin == null) {
			return "The request says neither where it comes from (no Sec-Fetch-Site) nor its origin (no Origin).";
		}
		String given = normalise(origin);
		if (given != null && (given.equals(ownOrigin(request)) || this.allowedOrigins.contains(given))) {
			return null;
		}
		return "Its origin is not this server's own (" + ownOrigin(request)
				+ ") nor one listed in wxops.admin.console.allowed-origins.";
	}

	/** scheme://host[:port] of this server as it sees the request (proxies included). */
	static String ownOrigin(HttpServletRequest request) {
		return origin(request.getScheme(), request.getServerName(), request.getServerPort());
	}

	/** An origin in one spelling (lower case, no default port), or null if it is none. */
	static String normalise(String origin) {
		try {
			URI uri = URI.create(origin.trim());
			if (uri.getScheme() == null || uri.getHost() == null
					|| (uri.getPath() != null && uri.getPath().length() > 1) || uri.getQuery() != null
					|| uri.getUserInfo() != null) {
				return null;
			}
			return origin(uri.getScheme(), uri.getHost(), uri.getPort());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static String origin(String scheme, String host, int port) {
		String s = scheme.toLowerCase(Locale.ROOT);
		boolean defaultPort = port < 0 || ("http".equals(s) && port == 80) || ("https".equals(s) && port == 443);
		return s + "://" + host.toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
	}

}
