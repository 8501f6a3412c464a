package io.wxops.admin.security;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.wxops.admin.AdminProperties;
import io.wxops.admin.audit.AuditTrail;
import io.wxops.admin.people.GrantMapper;
import io.wxops.admin.people.GrantRow;
import io.wxops.admin.people.Person;
import io.wxops.admin.people.PersonMapper;
import io.wxops.admin.web.ApiException;
import io.wxops.admin.web.Sha256;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sign-in, bearer tokens and their revocation. A token is 32 random bytes; only its
 * SHA-256 is stored, so a copy of the database yields no usable token. A token stops
 * working on logout, when its person changes password or is disabled, after the idle
 * timeout, and at the end of its lifetime.
 */
@Service
public class SessionService {

	/** Sessions are touched at most this often, so reads do not all become writes. */
	private static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);

	/**
	 * Unknown usernames not locked and without a failure for this long are forgotten
	 * (known people keep their count until a right password or the lock's end).
	 */
	private static final Duration UNKNOWN_MEMORY = Duration.ofDays(1);

	private final PersonMapper people;

	private final GrantMapper grants;

	private final SessionMapper sessions;

	private final SignInGuardMapper guard;

	private final PasswordPolicy passwords;

	private final AuditTrail audit;

	private final AdminProperties.Login settings;

	private final Clock clock;

	private final TransactionTemplate tx;

	private final SecureRandom random = new SecureRandom();

	public SessionService(PersonMapper people, GrantMapper grants, SessionMapper sessions, SignInGuardMapper guard,
			PasswordPolicy passwords, AuditTrail audit, AdminProperties properties, Clock clock,
			TransactionTemplate tx) {
		this.people = people;
		this.grants = grants;
		this.sessions = sessions;
		this.guard = guard;
		this.passwords = passwords;
		this.audit = audit;
		this.settings = properties.login();
		this.clock = clock;
		this.tx = tx;
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
		if (username == null || username.isBlank() || password == null || password.isEmpty()) {
			throw ApiException.invalid(Map.of("username", "username and password are required"));
		}
		String name = username.trim();
		Person person = this.people.findByUsername(name);
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		if (person == null) {
			// The same steps as for a person: reserve, check (a decoy hash), refuse.
			reserveUnknown(name, now);
			this.passwords.checkDecoy(password);
			throw badCredentials();
		}
		int failures = reserve(person, now);
		if (!this.passwords.matches(password, person.getPasswordHash())) {
			auditLock(person, failures, clientIp);
			throw badCredentials();
		}
		if (!Boolean.TRUE.equals(person.getEnabled())) {
			this.people.clearFailures(person.getId());
			throw new ApiException(HttpStatus.FORBIDDEN, "person-disabled", "This person is disabled",
					"Your sign-in was disabled by an administrator. Ask them to enable it.");
		}
		String token = newToken();
		return this.tx.execute((status) -> {
			this.people.clearFailures(person.getId());
			SessionRow row = new SessionRow();
			row.setTokenHash(Sha256.hex(token));
			row.setPersonId(person.getId());
			row.setClientIp(clientIp);
			row.setCreatedAt(now);
			row.setLastSeenAt(now);
			row.setExpiresAt(now.plus(this.settings.sessionLifetime()));
			this.sessions.insert(row);
			this.audit.record(caller(person, row, clientIp), "LOGIN", "PERSON", person.getId(), null, null,
					Map.of("session", row.getId()));
			return new SignedIn(token, row.getExpiresAt(), Boolean.TRUE.equals(person.getMustChangePassword()));
		});
	}

	/**
	 * The person behind a bearer token, with their grants; empty when the token is
	 * unknown, revoked, expired or idle, or its person is disabled.
	 */
	public Optional<Authenticated> authenticate(String token, String clientIp) {
		return authenticate(token, clientIp, true);
	}

	/**
	 * {@link #authenticate(String, String)}; with {@code activity} false (a page's
	 * background poll) the request does not count as the person's activity, so a console
	 * left open on a polling page still reaches the idle timeout.
	 */
	public Optional<Authenticated> authenticate(String token, String clientIp, boolean activity) {
		if (token == null || token.length() < 20 || token.length() > 100) {
			return Optional.empty();
		}
		SessionRow session = this.sessions.findByTokenHash(Sha256.hex(token));
		Instant now = this.clock.instant();
		if (session == null || session.getRevokedAt() != null || !session.getExpiresAt().isAfter(now)
				|| session.getLastSeenAt().plus(this.settings.idleTimeout()).isBefore(now)) {
			return Optional.empty();
		}
		Person person = this.people.selectById(session.getPersonId());
		if (person == null || !Boolean.TRUE.equals(person.getEnabled())) {
			return Optional.empty();
		}
		if (activity && session.getLastSeenAt().plus(TOUCH_INTERVAL).isBefore(now)) {
			this.sessions.touch(session.getId(), now);
		}
		return Optional.of(new Authenticated(caller(person, session, clientIp),
				Boolean.TRUE.equals(person.getMustChangePassword())));
	}

	/**
	 * Whether the token is a session's that ended by time alone: unused for the idle
	 * timeout or past its lifetime, not revoked (logout, password change, disabled
	 * person: those are "not signed in").
	 */
	public boolean timedOut(String token) {
		if (token == null || token.length() < 20 || token.length() > 100) {
			return false;
		}
		SessionRow session = this.sessions.findByTokenHash(Sha256.hex(token));
		Instant now = this.clock.instant();
		return session != null && session.getRevokedAt() == null && (!session.getExpiresAt().isAfter(now)
				|| session.getLastSeenAt().plus(this.settings.idleTimeout()).isBefore(now));
	}

	/**
	 * An authenticated request's caller and whether they must change their password
	 * first.
	 */
	public record Authenticated(Caller caller, boolean mustChangePassword) {
	}

	@Transactional
	public void logout(Caller caller) {
		this.sessions.revoke(caller.sessionId(), this.clock.instant(), "LOGOUT");
		this.audit.record(caller, "LOGOUT", "PERSON", caller.personId(), null, null,
				Map.of("session", caller.sessionId()));
	}

	/**
	 * Changes the caller's own password after checking the current one; every session of
	 * the person, this one included, is revoked. A wrong current password counts as a
	 * failed sign-in (reserved before the check), so it cannot be guessed faster here.
	 */
	public void changePassword(Caller caller, String current, String replacement) {
		Person person = this.people.selectById(caller.personId());
		// Cheap checks first: a weak replacement costs no reservation and no hash.
		this.passwords.check("newPassword", replacement, person.getUsername());
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		int failures = reserve(person, now);
		if (!this.passwords.matches(current, person.getPasswordHash())) {
			auditLock(person, failures, caller.clientIp());
			throw ApiException.invalid("currentPassword", "the current password is not right");
		}
		if (replacement.equals(current)) {
			this.people.clearFailures(person.getId());
			throw ApiException.invalid("newPassword", "the new password must differ from the current one");
		}
		String hash = this.passwords.hash(replacement);
		this.tx.executeWithoutResult((status) -> {
			Person change = new Person();
			change.setId(person.getId());
			change.setPasswordHash(hash);
			change.setPasswordChangedAt(now);
			change.setMustChangePassword(false);
			change.setUpdatedAt(now);
			change.setVersion(person.getVersion() + 1);
			// Only these columns: the failure counter belongs to the reservations.
			this.people.updateById(change);
			this.people.clearFailures(person.getId());
			int revoked = this.sessions.revokeAll(person.getId(), now, "PASSWORD_CHANGED");
			this.audit.record(caller, "PASSWORD_CHANGED", "PERSON", person.getId(), null, null,
					Map.of("sessionsRevoked", revoked));
		});
	}

	/**
	 * Revokes every session of a person (disabled, password reset); no audit entry of its
	 * own.
	 */
	public int revokeAll(long personId, String reason) {
		return this.sessions.revokeAll(personId, this.clock.instant(), reason);
	}

	/**
	 * Reserves one failure for the person before their password is checked, in its own
	 * short transaction so other instances see it at once.
	 * @return the person's failure count including this reservation
	 * @throws ApiException 423 while they are locked
	 */
	private int reserve(Person person, Instant now) {
		Instant lockUntil = now.plus(this.settings.lockout());
		Integer failures = this.tx.execute((status) -> {
			if (this.guard.reservePerson(person.getId(), now, this.settings.maxFailures(), lockUntil) == 0) {
				return null;
			}
			// The row stays locked by the update until commit, so this is our own count.
			return this.guard.personFailures(person.getId());
		});
		if (failures == null) {
			throw locked(this.guard.personLockedUntil(person.getId()));
		}
		return failures;
	}

	/**
	 * {@link #reserve} for a username that matches no person. Each statement commits on
	 * its own: an INSERT IGNORE that finds the row holds a shared lock, and two attempts
	 * holding it while both waiting to update would deadlock.
	 */
	private void reserveUnknown(String username, Instant now) {
		String key = Sha256.hex(username.toLowerCase(Locale.ROOT));
		if (this.random.nextInt(64) == 0) {
			// Now and then, not on every attempt: a range delete locks gaps.
			this.guard.forgetUnknown(now.minus(UNKNOWN_MEMORY), now);
		}
		this.guard.createUnknown(key, now);
		Instant lockUntil = now.plus(this.settings.lockout());
		if (this.guard.reserveUnknown(key, now, this.settings.maxFailures(), lockUntil) == 0) {
			throw locked(this.guard.unknownLockedUntil(key));
		}
	}

	/** Audits the lock when this failure was the one that reached the limit. */
	private void auditLock(Person person, int failures, String clientIp) {
		if (failures == this.settings.maxFailures()) {
			Instant lockedUntil = this.guard.personLockedUntil(person.getId());
			this.tx.executeWithoutResult(
					(status) -> this.audit.record(systemFor(person, clientIp), "LOGIN_LOCKED", "PERSON", person.getId(),
							null, null, Map.of("failedLogins", failures, "lockedUntil", String.valueOf(lockedUntil))));
		}
	}

	private Caller caller(Person person, SessionRow session, String clientIp) {
		List<Grant> held = this.grants.findByPerson(person.getId()).stream().map(GrantRow::toGrant).toList();
		return new Caller(person.getId(), person.getUsername(), person.getDepartmentId(), held, clientIp,
				session.getId());
	}

	private static Caller systemFor(Person person, String clientIp) {
		return new Caller(person.getId(), person.getUsername(), person.getDepartmentId(), List.of(), clientIp, 0);
	}

	private String newToken() {
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static ApiException badCredentials() {
		return new ApiException(HttpStatus.UNAUTHORIZED, "bad-credentials", "Wrong username or password",
				"The username or password is not right. After repeated failures the sign-in is locked for a while.");
	}

	private static ApiException locked(Instant until) {
		String when = (until != null) ? "after " + until + " (UTC)" : "in a few minutes";
		return new ApiException(HttpStatus.LOCKED, "login-locked", "Sign-in is locked",
				"Too many failed sign-ins. Try again " + when + " or ask an administrator to unlock your sign-in.");
	}

}
