package io.wxops.admin.web;

import java.util.LinkedHashMap;
import java.util.Map;

import io.wxops.admin.AdminFixtures.Response;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one shape of a refused body, whether a constraint on the request record or a
 * hand-written check refused it: 400, {@code invalid-request}, the catalogue's title and
 * detail, and {@code errors[]} of {@code field}/{@code message} pairs.
 */
public final class InvalidBody {

	private InvalidBody() {
	}

	/** The field errors of a 400 {@code invalid-request} answer, field to message. */
	public static Map<String, String> errors(Response r) {
		assertThat(r.status()).as(r.body()).isEqualTo(400);
		assertThat(r.problemType()).isEqualTo(ProblemAdvice.TYPE_BASE + Problem.INVALID_REQUEST.slug());
		assertThat(r.json().get("title").asString()).isEqualTo("The request is not valid");
		assertThat(r.json().get("status").asInt()).isEqualTo(400);
		assertThat(r.json().get("detail").asString())
			.isEqualTo("Correct the fields listed in 'errors' and send it again.");
		Map<String, String> errors = new LinkedHashMap<>();
		r.json().get("errors").valueStream().forEach((e) -> {
			assertThat(e.propertyNames()).containsExactlyInAnyOrder("field", "message");
			errors.put(e.get("field").asString(), e.get("message").asString());
		});
		return errors;
	}

	/** Asserts the answer refuses exactly {@code field}, with {@code message}. */
	public static void refuses(Response r, String field, String message) {
		assertThat(errors(r)).containsExactly(Map.entry(field, message));
	}

}
