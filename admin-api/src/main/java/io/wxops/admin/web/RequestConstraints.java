package io.wxops.admin.web;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.springframework.stereotype.Component;

/**
 * A request record's constraints, checked by a service that merges them with its own
 * checks into one answer (e.g. the registration, whose identity and secret formats are
 * the core registry's rules), where {@code @Valid} at the controller would answer the
 * constraints alone first. Fields are named as {@code @Valid} names them
 * ({@code responsible.email}, {@code credentials.appSecret}), one message each.
 */
@Component
public class RequestConstraints {

	private final Validator validator;

	RequestConstraints(Validator validator) {
		this.validator = validator;
	}

	/** Field to message, in field order; empty when the body keeps its constraints. */
	public Map<String, String> violations(Object body) {
		Map<String, String> errors = new LinkedHashMap<>();
		this.validator.validate(body)
			.stream()
			.sorted(Comparator.comparing((ConstraintViolation<Object> v) -> v.getPropertyPath().toString())
				.thenComparing(ConstraintViolation::getMessage))
			.forEach((v) -> errors.putIfAbsent(v.getPropertyPath().toString(), v.getMessage()));
		return errors;
	}

}
