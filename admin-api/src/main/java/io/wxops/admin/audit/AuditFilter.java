package io.wxops.admin.audit;

import java.time.Instant;

import io.wxops.admin.web.ApiException;

/**
 * What to select from the audit record; every part is optional. {@code from} is
 * inclusive, {@code to} exclusive.
 */
public record AuditFilter(Long personId, String username, Long accountId, String action, String targetType,
		Instant from, Instant to) {

	public AuditFilter {
		username = blankToNull(username);
		action = blankToNull(action);
		targetType = blankToNull(targetType);
		if (from != null && to != null && to.isBefore(from)) {
			throw ApiException.invalid("to", "'to' (exclusive) must not be before 'from' (inclusive)");
		}
	}

	public static AuditFilter none() {
		return new AuditFilter(null, null, null, null, null, null, null);
	}

	private static String blankToNull(String s) {
		return (s == null || s.isBlank()) ? null : s.trim();
	}

}
