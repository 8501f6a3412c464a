package io.wxops.admin.console;

import java.time.Duration;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;

/**
 * The console's session cookie: the same token a bearer client gets, kept where page
 * scripts cannot read it ({@code HttpOnly}) and sent only by pages of this site
 * ({@code SameSite=Strict}). A request with {@code Authorization: Bearer} is a bearer
 * request whatever cookies it carries.
 */
public final class SessionCookie {

	/** The cookie's name. */
	public static final String NAME = "wxops_session";

	private SessionCookie() {
	}

	/** The cookie's token, or null when the request carries none. */
	public static String token(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies == null) {
			return null;
		}
		for (Cookie cookie : cookies) {
			if (NAME.equals(cookie.getName()) && cookie.getValue() != null && !cookie.getValue().isBlank()) {
				return cookie.getValue().trim();
			}
		}
		return null;
	}

	/**
	 * A page's background poll says so with this header (any value but {@code false}), so
	 * it does not keep an idle session alive.
	 */
	public static final String POLL_HEADER = "X-Wxops-Poll";

	/** Whether the request is a background poll ({@link #POLL_HEADER}). */
	public static boolean isBackgroundPoll(HttpServletRequest request) {
		String value = request.getHeader(POLL_HEADER);
		return value != null && !value.isBlank() && !"false".equalsIgnoreCase(value.trim());
	}

	/** Whether the request names a bearer token (which then wins over the cookie). */
	public static boolean hasBearer(HttpServletRequest request) {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
	}

	/** Whether the request is authenticated by the cookie rather than a bearer token. */
	public static boolean authenticates(HttpServletRequest request) {
		return !hasBearer(request) && token(request) != null;
	}

	/**
	 * The {@code Set-Cookie} value that hands a new session to the browser: a session
	 * cookie (the server ends the session itself), {@code Secure} when the request came
	 * over https as the server sees it (behind a proxy: per
	 * {@code server.forward-headers-strategy}).
	 */
	public static String issue(String token, HttpServletRequest request) {
		return base(token, request).build().toString();
	}

	/** The {@code Set-Cookie} value that removes the cookie. */
	public static String clear(HttpServletRequest request) {
		return base("", request).maxAge(Duration.ZERO).build().toString();
	}

	private static ResponseCookie.ResponseCookieBuilder base(String value, HttpServletRequest request) {
		return ResponseCookie.from(NAME, value).httpOnly(true).sameSite("Strict").path("/").secure(request.isSecure());
	}

}
