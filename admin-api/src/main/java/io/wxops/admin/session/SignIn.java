package io.wxops.admin.session;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import io.wxops.admin.people.Person;
import io.wxops.admin.people.PersonMapper;
import io.wxops.admin.security.PasswordPolicy;
import io.wxops.admin.session.SessionService.SignedIn;
import io.wxops.admin.web.ApiException;
import io.wxops.admin.web.Problem;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Signing in with username and password, behind the lockout guard. */
@Component
class SignIn {

	private final PersonMapper people;

	private final SignInGuard guard;

	private final SessionTokens tokens;

	private final PasswordPolicy passwords;

	private final Clock clock;

	private final TransactionTemplate tx;

	SignIn(PersonMapper people, SignInGuard guard, SessionTokens tokens, PasswordPolicy passwords, Clock clock,
			TransactionTemplate tx) {
		this.people = people;
		this.guard = guard;
		this.tokens = tokens;
		this.passwords = passwords;
		this.clock = clock;
		this.tx = tx;
	}

	SignedIn login(String username, String password, String clientIp) {
		if (username == null || username.isBlank() || password == null || password.isEmpty()) {
			throw ApiException.invalid(Map.of("username", "username and password are required"));
		}
		String name = username.trim();
		Person person = this.people.findByUsername(name);
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		if (person == null) {
			// The same steps as for a person: reserve, check (a decoy hash), refuse.
			this.guard.reserveUnknown(name, now);
			this.passwords.checkDecoy(password);
			throw badCredentials();
		}
		int failures = this.guard.reserve(person, now);
		if (!this.passwords.matches(password, person.getPasswordHash())) {
			this.guard.auditLock(person, failures, clientIp);
			throw badCredentials();
		}
		if (!Boolean.TRUE.equals(person.getEnabled())) {
			this.guard.clear(person.getId());
			throw Problem.PERSON_DISABLED.exception("This person is disabled",
					"Your sign-in was disabled by an administrator. Ask them to enable it.");
		}
		String token = this.tokens.newToken();
		return this.tx.execute((status) -> {
			this.guard.clear(person.getId());
			SessionRow row = this.tokens.open(person, token, clientIp, now);
			return new SignedIn(token, row.getExpiresAt(), Boolean.TRUE.equals(person.getMustChangePassword()));
		});
	}

	private static ApiException badCredentials() {
		return Problem.BAD_CREDENTIALS.exception("Wrong username or password",
				"The username or password is not right. After repeated failures the sign-in is locked for a while.");
	}

}
