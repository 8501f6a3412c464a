package io.wxops.admin.session;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import io.wxops.admin.audit.AuditTrail;
import io.wxops.admin.people.Person;
import io.wxops.admin.people.PersonMapper;
import io.wxops.admin.security.Caller;
import io.wxops.admin.security.PasswordPolicy;
import io.wxops.admin.web.ApiException;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A person changing their own password: the current one is checked behind the lockout
 * guard, and every session of the person, the caller's included, is revoked.
 */
@Component
class PasswordChanges {

	private final PersonMapper people;

	private final SignInGuard guard;

	private final SessionTokens tokens;

	private final PasswordPolicy passwords;

	private final AuditTrail audit;

	private final Clock clock;

	private final TransactionTemplate tx;

	PasswordChanges(PersonMapper people, SignInGuard guard, SessionTokens tokens, PasswordPolicy passwords,
			AuditTrail audit, Clock clock, TransactionTemplate tx) {
		this.people = people;
		this.guard = guard;
		this.tokens = tokens;
		this.passwords = passwords;
		this.audit = audit;
		this.clock = clock;
		this.tx = tx;
	}

	/**
	 * A wrong current password counts as a failed sign-in (reserved before the check), so
	 * it cannot be guessed faster here.
	 */
	void change(Caller caller, String current, String replacement) {
		Person person = this.people.selectById(caller.personId());
		// Cheap checks first: a weak replacement costs no reservation and no hash.
		this.passwords.check("newPassword", replacement, person.getUsername());
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		int failures = this.guard.reserve(person, now);
		if (!this.passwords.matches(current, person.getPasswordHash())) {
			this.guard.auditLock(person, failures, caller.clientIp());
			throw ApiException.invalid("currentPassword", "the current password is not right");
		}
		if (replacement.equals(current)) {
			this.guard.clear(person.getId());
			throw ApiException.invalid("newPassword", "the new password must differ from the current one");
		}
		String hash = this.passwords.hash(replacement);
		boolean[] stale = { false };
		this.tx.executeWithoutResult((status) -> {
			Person change = new Person();
			change.setId(person.getId());
			change.setPasswordHash(hash);
			change.setPasswordChangedAt(now);
			change.setMustChangePassword(false);
			change.setUpdatedAt(now);
			// The version read above: an administrator's change in between (a reset, a
			// disable) wins, and this change is refused rather than silently applied.
			change.setVersion(person.getVersion());
			// Only these columns: the failure counter belongs to the reservations.
			if (this.people.updateById(change) != 1) {
				status.setRollbackOnly();
				stale[0] = true;
				return;
			}
			this.guard.clear(person.getId());
			int revoked = this.tokens.revokeAll(person.getId(), now, "PASSWORD_CHANGED");
			this.audit.record(caller, "PASSWORD_CHANGED", "PERSON", person.getId(), null, null,
					Map.of("sessionsRevoked", revoked));
		});
		if (stale[0]) {
			// The current password was right: the reserved failure is taken back.
			this.guard.clear(person.getId());
			throw ApiException.staleVersion("person");
		}
	}

}
