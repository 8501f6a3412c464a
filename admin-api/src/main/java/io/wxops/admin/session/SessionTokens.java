package io.wxops.admin.session;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.wxops.admin.audit.AuditTrail;
import io.wxops.admin.people.GrantMapper;
import io.wxops.admin.people.GrantRow;
import io.wxops.admin.people.Person;
import io.wxops.admin.people.PersonMapper;
import io.wxops.admin.security.Caller;
import io.wxops.admin.security.Grant;
import io.wxops.admin.security.LoginProperties;
import io.wxops.admin.security.Sessions.Authenticated;
import io.wxops.admin.web.Sha256;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bearer tokens: issuing one, finding the caller behind one, and revoking them. A token
 * is 32 random bytes; only its SHA-256 is stored, so a copy of the database yields no
 * usable token.
 */
@Component
class SessionTokens {

	/** Sessions are touched at most this often, so reads do not all become writes. */
	private static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);

	private final SessionMapper sessions;

	private final PersonMapper people;

	private final GrantMapper grants;

	private final AuditTrail audit;

	private final LoginProperties settings;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	SessionTokens(SessionMapper sessions, PersonMapper people, GrantMapper grants, AuditTrail audit,
			LoginProperties settings, Clock clock) {
		this.sessions = sessions;
		this.people = people;
		this.grants = grants;
		this.audit = audit;
		this.settings = settings;
		this.clock = clock;
	}

	/** A new token, not yet stored. */
	String newToken() {
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/**
	 * Stores a session for the token and audits the sign-in (in the caller's
	 * transaction).
	 */
	SessionRow open(Person person, String token, String clientIp, Instant now) {
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
		return row;
	}

	Optional<Authenticated> authenticate(String token, String clientIp, boolean activity) {
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

	boolean timedOut(String token) {
		if (token == null || token.length() < 20 || token.length() > 100) {
			return false;
		}
		SessionRow session = this.sessions.findByTokenHash(Sha256.hex(token));
		Instant now = this.clock.instant();
		return session != null && session.getRevokedAt() == null && (!session.getExpiresAt().isAfter(now)
				|| session.getLastSeenAt().plus(this.settings.idleTimeout()).isBefore(now));
	}

	@Transactional
	public void logout(Caller caller) {
		this.sessions.revoke(caller.sessionId(), this.clock.instant(), "LOGOUT");
		this.audit.record(caller, "LOGOUT", "PERSON", caller.personId(), null, null,
				Map.of("session", caller.sessionId()));
	}

	int revokeAll(long personId, Instant at, String reason) {
		return this.sessions.revokeAll(personId, at, reason);
	}

	int revokeAll(long personId, String reason) {
		return revokeAll(personId, this.clock.instant(), reason);
	}

	private Caller caller(Person person, SessionRow session, String clientIp) {
		List<Grant> held = this.grants.findByPerson(person.getId()).stream().map(GrantRow::toGrant).toList();
		return new Caller(person.getId(), person.getUsername(), person.getDepartmentId(), held, clientIp,
				session.getId());
	}

}
