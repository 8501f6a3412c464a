package io.wxops.admin.security;

import java.util.Optional;

/**
 * What access control needs from sign-in: the caller behind a token, and ending a
 * person's sessions when their standing changes (disabled, password reset). Declared here
 * and implemented by the session module, so the features that manage people depend on
 * access control, not on sign-in.
 */
public interface Sessions {

	/**
	 * The person behind a bearer token, with their grants; empty when the token is
	 * unknown, revoked, expired or idle, or its person is disabled.
	 */
	Optional<Authenticated> authenticate(String token, String clientIp);

	/**
	 * As {@link #authenticate(String, String)}; with {@code activity} false (a page's
	 * background poll) the request does not count as activity for the idle timeout.
	 */
	Optional<Authenticated> authenticate(String token, String clientIp, boolean activity);

	/**
	 * Whether the token is a session's that ended by time alone (idle timeout or
	 * lifetime), as opposed to one never issued or ended on purpose.
	 */
	boolean timedOut(String token);

	/**
	 * Revokes every session of a person; no audit entry of its own.
	 * @return how many sessions ended
	 */
	int revokeAll(long personId, String reason);

	/**
	 * An authenticated request's caller and whether they must change their password
	 * first.
	 */
	record Authenticated(Caller caller, boolean mustChangePassword) {
	}

}
