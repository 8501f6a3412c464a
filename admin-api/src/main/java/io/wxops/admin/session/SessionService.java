package io.wxops.admin.session;

import java.time.Instant;
import java.util.Optional;

import io.wxops.admin.security.Caller;
import io.wxops.admin.security.Sessions;
import io.wxops.admin.web.ApiException;

import org.springframework.stereotype.Service;

/**
 * Sign-in, bearer tokens and their revocation, as the controllers and access control see
 * them. A token stops working on logout, when its person changes password or is disabled,
 * after the idle timeout, and at the end of its lifetime. The work is done by one part
 * per use case: {@link SignIn} (with the lockout guard, {@link SignInGuard}),
 * {@link SessionTokens} (authentication and revocation) and {@link PasswordChanges}.
 */
@Service
public class SessionService implements Sessions {

	private final SignIn signIn;

	private final SessionTokens tokens;

	private final PasswordChanges passwordChanges;

	SessionService(SignIn signIn, SessionTokens tokens, PasswordChanges passwordChanges) {
		this.signIn = signIn;
		this.tokens = tokens;
		this.passwordChanges = passwordChanges;
	}

	/** A new session's token, shown to the client once. */
	public record SignedIn(String token, Instant expiresAt, boolean mustChangePassword) {
	}

	/**
	 * Signs a person in. A failure is reserved in the database before the password is
	 * checked (and taken back by a right password), so concurrent attempts on any number
	 * of instances check at most {@code max-failures} passwords before the lock.
	 * @throws ApiException 401 for a wrong username or password (the same answer for
	 * both), 423 while the username is locked out (known or not), 403 when disabled
	 */
	public SignedIn login(String username, String password, String clientIp) {
		return this.signIn.login(username, password, clientIp);
	}

	@Override
	public Optional<Authenticated> authenticate(String token, String clientIp) {
		return this.tokens.authenticate(token, clientIp, true);
	}

	/**
	 * {@link #authenticate(String, String)}; with {@code activity} false (a page's
	 * background poll) the request does not count as the person's activity, so a console
	 * left open on a polling page still reaches the idle timeout.
	 */
	@Override
	public Optional<Authenticated> authenticate(String token, String clientIp, boolean activity) {
		return this.tokens.authenticate(token, clientIp, activity);
	}

	/**
	 * Whether the token is a session's that ended by time alone: unused for the idle
	 * timeout or past its lifetime, not revoked (logout, password change, disabled
	 * person: those are "not signed in").
	 */
	@Override
	public boolean timedOut(String token) {
		return this.tokens.timedOut(token);
	}

	public void logout(Caller caller) {
		this.tokens.logout(caller);
	}

	/**
	 * Changes the caller's own password after checking the current one; every session of
	 * the person, this one included, is revoked. A wrong current password counts as a
	 * failed sign-in (reserved before the check), so it cannot be guessed faster here.
	 */
	public void changePassword(Caller caller, String current, String replacement) {
		this.passwordChanges.change(caller, current, replacement);
	}

	@Override
	public int revokeAll(long personId, String reason) {
		return this.tokens.revokeAll(personId, reason);
	}

}
