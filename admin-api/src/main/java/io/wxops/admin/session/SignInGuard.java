package io.wxops.admin.session;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.wxops.admin.audit.AuditTrail;
import io.wxops.admin.people.Person;
import io.wxops.admin.people.PersonMapper;
import io.wxops.admin.security.Caller;
import io.wxops.admin.security.LoginProperties;
import io.wxops.admin.web.ApiException;
import io.wxops.admin.web.Problem;
import io.wxops.admin.web.Sha256;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The lockout guard of sign-in and password change: a failure is reserved in the database
 * before a password is checked (and taken back by a right one), so concurrent attempts on
 * any number of instances check at most {@code max-failures} passwords before the lock.
 */
@Component
class SignInGuard {

	/**
	 * Unknown usernames not locked and without a failure for this long are forgotten
	 * (known people keep their count until a right password or the lock's end).
	 */
	private static final Duration UNKNOWN_MEMORY = Duration.ofDays(1);

	private final SignInGuardMapper guard;

	private final PersonMapper people;

	private final AuditTrail audit;

	private final LoginProperties settings;

	private final TransactionTemplate tx;

	private final SecureRandom random = new SecureRandom();

	SignInGuard(SignInGuardMapper guard, PersonMapper people, AuditTrail audit, LoginProperties settings,
			TransactionTemplate tx) {
		this.guard = guard;
		this.people = people;
		this.audit = audit;
		this.settings = settings;
		this.tx = tx;
	}

	/**
	 * Reserves one failure for the person before their password is checked, in its own
	 * short transaction so other instances see it at once.
	 * @return the person's failure count including this reservation
	 * @throws ApiException 423 while they are locked
	 */
	int reserve(Person person, Instant now) {
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
	void reserveUnknown(String username, Instant now) {
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

	/** Takes the reserved failures back (a right password). */
	void clear(long personId) {
		this.people.clearFailures(personId);
	}

	/** Audits the lock when this failure was the one that reached the limit. */
	void auditLock(Person person, int failures, String clientIp) {
		if (failures == this.settings.maxFailures()) {
			Instant lockedUntil = this.guard.personLockedUntil(person.getId());
			this.tx.executeWithoutResult(
					(status) -> this.audit.record(systemFor(person, clientIp), "LOGIN_LOCKED", "PERSON", person.getId(),
							null, null, Map.of("failedLogins", failures, "lockedUntil", String.valueOf(lockedUntil))));
		}
	}

	private static Caller systemFor(Person person, String clientIp) {
		return new Caller(person.getId(), person.getUsername(), person.getDepartmentId(), List.of(), clientIp, 0);
	}

	private static ApiException locked(Instant until) {
		String when = (until != null) ? "after " + until + " (UTC)" : "in a few minutes";
		return Problem.LOGIN_LOCKED.exception("Sign-in is locked",
				"Too many failed sign-ins. Try again " + when + " or ask an administrator to unlock your sign-in.");
	}

}
