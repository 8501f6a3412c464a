package io.wxops.admin.web;

import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * An error the API reports as an RFC 9457 problem: a stable type slug (the last part of
 * {@code https://wxops.io/problems/<slug>}), a title, a detail that says what to do, and
 * optional field errors.
 */
public class ApiException extends RuntimeException {

	private final Problem problem;

	private final String title;

	private final Map<String, String> fieldErrors;

	private final Map<String, Object> properties = new java.util.LinkedHashMap<>();

	ApiException(Problem problem, String title, String detail, Map<String, String> fieldErrors) {
		super(detail);
		this.problem = problem;
		this.title = title;
		this.fieldErrors = Map.copyOf(fieldErrors);
	}

	public static ApiException notFound(String what, Object id) {
		return Problem.NOT_FOUND.exception(what + " not found",
				"There is no " + what.toLowerCase() + " " + id + " that you may see.");
	}

	public static ApiException invalid(Map<String, String> fieldErrors) {
		return Problem.INVALID_REQUEST.exception("The request is not valid",
				"Correct the fields listed in 'errors' and send it again.", fieldErrors);
	}

	public static ApiException invalid(String field, String message) {
		return invalid(Map.of(field, message));
	}

	public static ApiException staleVersion(String what) {
		return Problem.STALE_VERSION.exception("Someone else changed this " + what, "The " + what
				+ " was changed after you loaded it. Load it again, re-apply your change and send the new version.");
	}

	public static ApiException forbidden(String detail) {
		return Problem.FORBIDDEN.exception("Not allowed", detail);
	}

	/** Adds a member to the problem, e.g. the findings of a failed screening. */
	public ApiException with(String name, Object value) {
		this.properties.put(name, value);
		return this;
	}

	public Map<String, Object> properties() {
		return this.properties;
	}

	public Problem problem() {
		return this.problem;
	}

	public HttpStatus status() {
		return this.problem.status();
	}

	public String type() {
		return this.problem.slug();
	}

	public String title() {
		return this.title;
	}

	public Map<String, String> fieldErrors() {
		return this.fieldErrors;
	}

}
