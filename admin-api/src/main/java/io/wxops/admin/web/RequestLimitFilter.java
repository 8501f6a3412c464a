package io.wxops.admin.web;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.PathContainer;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Refuses request bodies over their endpoint class's limit ({@link RequestLimits}) before
 * anything buffers or parses them: by the declared Content-Length at once, and for a
 * chunked body (no length) by counting while it is read, so the JSON parser stops at the
 * limit. Both answer 413 with a problem. Multipart bodies are also counted by Tomcat's
 * parser ({@code spring.servlet.multipart.*}).
 */
class RequestLimitFilter extends OncePerRequestFilter {

	private static final PathPatternParser PARSER = PathPatternParser.defaultInstance;

	private static final List<PathPattern> SIGN_IN = List.of(PARSER.parse("/api/session"),
			PARSER.parse("/api/session/password"), PARSER.parse("/api/session/console"));

	private static final List<PathPattern> BULK = List.of(PARSER.parse("/api/lexicon/terms"),
			PARSER.parse("/api/accounts/{id}/inbox-rules/bulk"));

	private final RequestLimits limits;

	private final JsonMapper json;

	RequestLimitFilter(RequestLimits limits, JsonMapper json) {
		this.limits = limits;
		this.json = json;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long limit = limitFor(request);
		long declared = request.getContentLengthLong();
		if (declared > limit) {
			refuse(response, limit);
			return;
		}
		chain.doFilter(new LimitedRequest(request, limit), response);
	}

	long limitFor(HttpServletRequest request) {
		String contentType = request.getContentType();
		if (contentType != null && contentType.regionMatches(true, 0, "multipart/", 0, 10)) {
			return this.limits.upload().toBytes();
		}
		PathContainer path = PathContainer.parsePath(request.getRequestURI());
		if (SIGN_IN.stream().anyMatch((p) -> p.matches(path))) {
			return this.limits.signIn().toBytes();
		}
		if (BULK.stream().anyMatch((p) -> p.matches(path))) {
			return this.limits.bulk().toBytes();
		}
		return this.limits.json().toBytes();
	}

	private void refuse(HttpServletResponse response, long limit) throws IOException {
		ProblemDetail problem = tooLarge(limit);
		response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		// The unread body is not worth draining: Tomcat closes the connection.
		response.setHeader("Connection", "close");
		this.json.writeValue(response.getOutputStream(), problem);
	}

	static ProblemDetail tooLarge(long limit) {
		ProblemDetail problem = ProblemAdvice.problem(HttpStatus.CONTENT_TOO_LARGE, "body-too-large",
				"The request body is too large",
				"This endpoint takes bodies of at most " + limit + " bytes. Send less, or split a bulk request.", null);
		problem.setProperty("maxBytes", limit);
		return problem;
	}

	/** Thrown while reading a body past its limit; answered as 413 by ProblemAdvice. */
	static final class BodyTooLargeException extends IOException {

		private final long limit;

		BodyTooLargeException(long limit) {
			super("request body over " + limit + " bytes");
			this.limit = limit;
		}

		long limit() {
			return this.limit;
		}

	}

	private static final class LimitedRequest extends HttpServletRequestWrapper {

		private final long limit;

		private ServletInputStream stream;

		LimitedRequest(HttpServletRequest request, long limit) {
			super(request);
			this.limit = limit;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (this.stream == null) {
				this.stream = new LimitedStream(super.getInputStream(), this.limit);
			}
			return this.stream;
		}

		@Override
		public java.io.BufferedReader getReader() throws IOException {
			return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(),
					(getCharacterEncoding() != null) ? getCharacterEncoding() : "UTF-8"));
		}

	}

	private static final class LimitedStream extends ServletInputStream {

		private final ServletInputStream in;

		private final long limit;

		private long count;

		LimitedStream(ServletInputStream in, long limit) {
			this.in = in;
			this.limit = limit;
		}

		@Override
		public int read() throws IOException {
			int b = this.in.read();
			if (b >= 0) {
				count(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = this.in.read(buffer, offset, length);
			if (n > 0) {
				count(n);
			}
			return n;
		}

		private void count(int n) throws BodyTooLargeException {
			this.count += n;
			if (this.count > this.limit) {
				throw new BodyTooLargeException(this.limit);
			}
		}

		@Override
		public boolean isFinished() {
			return this.in.isFinished();
		}

		@Override
		public boolean isReady() {
			return this.in.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			this.in.setReadListener(listener);
		}

	}

}
