package io.wxops.admin.console;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.HttpRequestHandler;

/**
 * Answers every {@code /console} request when this build has no console (no
 * {@code index.html} where {@code wxops.admin.console.location} points): 503 with a page
 * that says so, instead of a bare 404 nobody can explain.
 */
class ConsoleNotBuilt implements HttpRequestHandler {

	static final String PAGE = """
			<!doctype html>
			<html lang="en"><head><meta charset="utf-8"><title>Console not built</title></head>
			<body><h1>The console was not built</h1>
			<p>This admin-api has no console pages: it was built without the console app
			(<code>admin-api/console/</code>), or <code>wxops.admin.console.location</code> points where there is
			no <code>index.html</code>. The API under <code>/api</code> works as usual.
			Build admin-api with its console to get the pages.</p>
			</body></html>
			""";

	@Override
	public void handleRequest(HttpServletRequest request, HttpServletResponse response) throws IOException {
		response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
		response.setContentType(MediaType.TEXT_HTML_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getWriter().write(PAGE);
	}

}
