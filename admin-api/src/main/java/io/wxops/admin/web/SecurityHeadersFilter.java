package io.wxops.admin.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The standard security headers on every answer, errors included (set before the request
 * is handled). Answers are never stored by browsers or proxies
 * ({@code Cache-Control: no-store}): tokens, one-time passwords and exports must not stay
 * in a cache, and a polling client sends {@code If-None-Match} itself. The same set
 * Spring Security would write; this application does not use Spring Security's filter
 * chain (its access rules are {@code security.AccessInterceptor}), so they are written
 * here.
 */
class SecurityHeadersFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader("X-Frame-Options", "DENY");
		response.setHeader("Referrer-Policy", "no-referrer");
		if (!isSwaggerUi(request)) {
			// The API answers JSON and CSV only: nothing in them may load or run
			// anything.
			response.setHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
		}
		if (request.isSecure()) {
			response.setHeader("Strict-Transport-Security", "max-age=31536000");
		}
		chain.doFilter(request, response);
	}

	/** Again on the error page: the container may have reset the headers for it. */
	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	/** Swagger UI is a page with scripts and styles of its own. */
	private static boolean isSwaggerUi(HttpServletRequest request) {
		String path = request.getRequestURI();
		return path.startsWith("/swagger-ui");
	}

}
