package io.wxops.admin.console;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The console's pages get a strict Content-Security-Policy of their own in place of the
 * API's {@code default-src 'none'}: scripts, styles, fonts and calls only from this
 * origin (the build bundles everything, nothing comes from a CDN), no inline script, no
 * plugins, no framing by other sites. Inline styles are allowed because Element Plus sets
 * {@code style} attributes at run time (positions of popovers, table widths). Images may
 * also come from WeChat's image hosts (article covers and body images are served from
 * {@code mmbiz.qpic.cn}); {@code blob:} and {@code data:} serve images and voice fetched
 * through the API and shown by the page. The other security headers stay as
 * {@code web.SecurityHeadersFilter} set them; caching is set per file by the resource
 * handlers.
 */
class ConsoleHeadersFilter extends OncePerRequestFilter {

	static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
			+ "img-src 'self' data: blob: https://mmbiz.qpic.cn https://*.qpic.cn; media-src 'self' blob:; "
			+ "connect-src 'self'; font-src 'self' data:; frame-src 'self' blob:; object-src 'none'; "
			+ "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !isConsole(request.getRequestURI());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		response.setHeader("Content-Security-Policy", POLICY);
		chain.doFilter(request, response);
	}

	static boolean isConsole(String path) {
		return path.equals("/console") || path.startsWith("/console/");
	}

}
