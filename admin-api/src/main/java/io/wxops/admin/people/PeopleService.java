package io.wxops.admin.people;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.toolkit.Wrappers;
import io.wxops.admin.audit.AuditTrail;
import io.wxops.admin.security.Caller;
import io.wxops.admin.security.PasswordPolicy;
import io.wxops.admin.security.Role;
import io.wxops.admin.security.Sessions;
import io.wxops.admin.web.ApiException;
import io.wxops.admin.web.PageRequest;
import io.wxops.admin.web.PageResult;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * People: who they are, their one-time passwords, enabling, disabling and unlocking their
 * sign-in, and which people a reader may see (departments: {@link DepartmentService};
 * grants: {@link GrantService}). Creating and changing people needs ADMIN on every
 * account.
 */
@Service
public class PeopleService {

	private final DepartmentMapper departments;

	private final PersonMapper people;

	private final GrantMapper grants;

	private final PasswordPolicy passwords;

	private final Sessions sessions;

	private final AuditTrail audit;

	private final Clock clock;

	public PeopleService(DepartmentMapper departments, PersonMapper people, GrantMapper grants,
			PasswordPolicy passwords, Sessions sessions, AuditTrail audit, Clock clock) {
		this.departments = departments;
		this.people = people;
		this.grants = grants;
		this.passwords = passwords;
		this.sessions = sessions;
		this.audit = audit;
		this.clock = clock;
	}

	/** A person just created or reset, with the one-time password to hand over. */
	public record Issued(PersonView person, String initialPassword) {
	}

	/**
	 * People the caller may see (see {@link #readScope}), filtered. A reader whose grants
	 * cover only some accounts sees the people holding a grant that covers one of them.
	 */
	public PageResult<PersonView> people(Caller caller, String query, Long departmentId, Boolean enabled,
			PageRequest page) {
		Optional<Set<Long>> scope = readScope(caller);
		LambdaQueryWrapper<Person> where = Wrappers.<Person>lambdaQuery()
			.inSql(scope.isPresent(), Person::getId, scope.map(PeopleService::holdersSql).orElse(null))
			.eq(departmentId != null, Person::getDepartmentId, departmentId)
			.eq(enabled != null, Person::getEnabled, enabled)
			.and(query != null && !query.isBlank(),
					(w) -> w.like(Person::getUsername, query.trim()).or().like(Person::getDisplayName, query.trim()));
		return page.result(this.people.selectPage(page.toPage(), where.orderByAsc(Person::getId))).map(PersonView::of);
	}

	/** The person themselves, as their own session shows them. */
	public PersonView view(long id) {
		return PersonView.of(requirePerson(id));
	}

	/** A person the caller may see; 404 otherwise, as for other accounts' records. */
	public PersonView view(Caller caller, long id) {
		return PersonView.of(visiblePerson(caller, id));
	}

	/**
	 * Creates a person with a generated one-time password they must change at first
	 * sign-in, or with the given one (local demo data) when {@code password} is set.
	 */
	@Transactional
	public Issued createPerson(Caller caller, String username, String displayName, Long departmentId, String email,
			String mobile, String password) {
		caller.requireEverywhere(Role.ADMIN);
		// The fields' own rules are constraints on the request (PeopleController): here
		// only what needs the database or the password policy.
		Map<String, String> errors = new LinkedHashMap<>();
		if (departmentId == null || this.departments.selectById(departmentId) == null) {
			errors.put("departmentId", "an existing department is required");
		}
		if (password != null) {
			String weakness = null;
			try {
				this.passwords.check("password", password, username);
			}
			catch (ApiException ex) {
				weakness = ex.fieldErrors().get("password");
			}
			if (weakness != null) {
				errors.put("password", weakness);
			}
		}
		if (!errors.isEmpty()) {
			throw ApiException.invalid(errors);
		}
		String initial = (password != null) ? password : this.passwords.generate();
		Instant now = now();
		Person p = new Person();
		p.setUsername(username);
		p.setDisplayName(displayName.trim());
		p.setDepartmentId(departmentId);
		p.setEmail(blankToNull(email));
		p.setMobile(blankToNull(mobile));
		p.setPasswordHash(this.passwords.hash(initial));
		p.setPasswordChangedAt(now);
		p.setMustChangePassword(password == null);
		p.setEnabled(true);
		p.setFailedLogins(0);
		p.setVersion(1);
		p.setCreatedAt(now);
		p.setUpdatedAt(now);
		try {
			this.people.insert(p);
		}
		catch (DuplicateKeyException ex) {
			throw ApiException.invalid("username", "the username " + username + " is taken");
		}
		PersonView view = PersonView.of(p);
		this.audit.record(caller, "PERSON_CREATED", "PERSON", p.getId(), null, null, view);
		return new Issued(view, (password != null) ? null : initial);
	}

	@Transactional
	public PersonView updatePerson(Caller caller, long id, String displayName, Long departmentId, String email,
			String mobile, Boolean enabled, Integer version) {
		caller.requireEverywhere(Role.ADMIN);
		Person p = requirePerson(id);
		PersonView before = PersonView.of(p);
		Map<String, String> errors = new LinkedHashMap<>();
		if (departmentId != null && this.departments.selectById(departmentId) == null) {
			errors.put("departmentId", "there is no department " + departmentId);
		}
		if (Boolean.FALSE.equals(enabled) && id == caller.personId()) {
			errors.put("enabled", "you cannot disable yourself");
		}
		if (!errors.isEmpty()) {
			throw ApiException.invalid(errors);
		}
		if (displayName != null) {
			p.setDisplayName(displayName.trim());
		}
		if (departmentId != null) {
			p.setDepartmentId(departmentId);
		}
		if (email != null) {
			p.setEmail(blankToNull(email));
		}
		if (mobile != null) {
			p.setMobile(blankToNull(mobile));
		}
		boolean disabling = Boolean.FALSE.equals(enabled) && Boolean.TRUE.equals(p.getEnabled());
		if (enabled != null) {
			p.setEnabled(enabled);
		}
		saveVersioned(p, version);
		if (disabling) {
			this.sessions.revokeAll(id, "PERSON_DISABLED");
		}
		PersonView after = PersonView.of(p);
		this.audit.record(caller, disabling ? "PERSON_DISABLED" : "PERSON_UPDATED", "PERSON", id, null, before, after);
		return after;
	}

	/**
	 * Sets a new one-time password, ends every session of the person and lifts a lockout.
	 */
	@Transactional
	public Issued resetPassword(Caller caller, long id) {
		caller.requireEverywhere(Role.ADMIN);
		Person p = requirePerson(id);
		String initial = this.passwords.generate();
		Instant now = now();
		p.setPasswordHash(this.passwords.hash(initial));
		p.setPasswordChangedAt(now);
		p.setMustChangePassword(true);
		p.setFailedLogins(0);
		p.setLockedUntil(null);
		saveVersioned(p, p.getVersion());
		int revoked = this.sessions.revokeAll(id, "PASSWORD_RESET");
		this.audit.record(caller, "PASSWORD_RESET", "PERSON", id, null, null, Map.of("sessionsRevoked", revoked));
		return new Issued(PersonView.of(p), initial);
	}

	@Transactional
	public PersonView unlock(Caller caller, long id) {
		caller.requireEverywhere(Role.ADMIN);
		Person p = requirePerson(id);
		PersonView before = PersonView.of(p);
		p.setFailedLogins(0);
		p.setLockedUntil(null);
		saveVersioned(p, p.getVersion());
		PersonView after = PersonView.of(p);
		this.audit.record(caller, "PERSON_UNLOCKED", "PERSON", id, null, before, after);
		return after;
	}

	/**
	 * Updates the person at the version the caller loaded; {@code @Version} adds the
	 * check and the bump, so a concurrent change (another edit, a password change) is
	 * refused as 409 instead of being overwritten.
	 */
	private void saveVersioned(Person p, int expectedVersion) {
		p.setVersion(expectedVersion);
		p.setUpdatedAt(now());
		// updateById skips null fields, so a cleared lock is written explicitly.
		int updated = this.people.update(p,
				Wrappers.<Person>lambdaUpdate()
					.eq(Person::getId, p.getId())
					.set(p.getLockedUntil() == null, Person::getLockedUntil, null)
					.set(p.getEmail() == null, Person::getEmail, null)
					.set(p.getMobile() == null, Person::getMobile, null));
		if (updated != 1) {
			throw ApiException.staleVersion("person");
		}
	}

	Person requirePerson(long id) {
		Person p = this.people.selectById(id);
		if (p == null) {
			throw ApiException.notFound("Person", id);
		}
		return p;
	}

	/**
	 * The person if the caller may see them: always for a reader on every account,
	 * otherwise only when the person holds a grant covering one of the reader's accounts
	 * (a grant on every account covers them too). Anyone else answers 404, so ids reveal
	 * nothing, as for accounts.
	 */
	public Person visiblePerson(Caller caller, long id) {
		Person p = requirePerson(id);
		Optional<Set<Long>> scope = readScope(caller);
		if (scope.isPresent() && this.grants.findByPerson(id).stream().noneMatch((g) -> touches(g, scope.get()))) {
			throw ApiException.notFound("Person", id);
		}
		return p;
	}

	/**
	 * The accounts whose people the caller may read: empty when every account (a global
	 * ADMIN or AUDITOR), otherwise those their ADMIN and AUDITOR grants cover.
	 */
	static Optional<Set<Long>> readScope(Caller caller) {
		return caller.accountScope(Role.ADMIN, Role.AUDITOR);
	}

	/** Whether a grant acts on one of these accounts: on one of them, or on every one. */
	static boolean touches(GrantRow g, Set<Long> accounts) {
		return g.getAccountId() == null || accounts.contains(g.getAccountId());
	}

	/**
	 * The people holding a grant that touches one of the accounts; ids are numbers only.
	 */
	private static String holdersSql(Set<Long> accounts) {
		String in = accounts.isEmpty() ? ""
				: " OR account_id IN (" + accounts.stream().map(String::valueOf).collect(Collectors.joining(",")) + ")";
		return "SELECT person_id FROM adm_grant WHERE account_id IS NULL" + in;
	}

	// ---- helpers

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.trim();
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

}
