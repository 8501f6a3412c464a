package io.wxops.admin.people;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.toolkit.Wrappers;
import io.wxops.admin.audit.AuditTrail;
import io.wxops.admin.security.Caller;
import io.wxops.admin.security.PasswordPolicy;
import io.wxops.admin.security.Role;
import io.wxops.admin.security.SessionService;
import io.wxops.admin.web.ApiException;
import io.wxops.admin.web.Problem;
import io.wxops.admin.web.PageRequest;
import io.wxops.admin.web.PageResult;
import io.wxops.core.account.AccountMapper;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Departments, people and their grants. Creating and changing people and departments
 * needs ADMIN on every account; a grant on one account can be given or taken by an ADMIN
 * whose grants cover that account.
 */
@Service
public class PeopleService {

	private static final Pattern USERNAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9._-]{2,63}");

	private static final Pattern CODE = Pattern.compile("[a-zA-Z0-9_-]{1,64}");

	private final DepartmentMapper departments;

	private final PersonMapper people;

	private final GrantMapper grants;

	private final AccountMapper accounts;

	private final PasswordPolicy passwords;

	private final SessionService sessions;

	private final AuditTrail audit;

	private final Clock clock;

	public PeopleService(DepartmentMapper departments, PersonMapper people, GrantMapper grants, AccountMapper accounts,
			PasswordPolicy passwords, SessionService sessions, AuditTrail audit, Clock clock) {
		this.departments = departments;
		this.people = people;
		this.grants = grants;
		this.accounts = accounts;
		this.passwords = passwords;
		this.sessions = sessions;
		this.audit = audit;
		this.clock = clock;
	}

	// ---- departments

	public record DepartmentView(long id, Long parentId, String name, String code, int version) {

		static DepartmentView of(Department d) {
			return new DepartmentView(d.getId(), d.getParentId(), d.getName(), d.getCode(), d.getVersion());
		}

	}

	public List<DepartmentView> departments() {
		return this.departments.selectList(Wrappers.<Department>lambdaQuery().orderByAsc(Department::getId))
			.stream()
			.map(DepartmentView::of)
			.toList();
	}

	public DepartmentView department(long id) {
		return DepartmentView.of(requireDepartment(id));
	}

	@Transactional
	public DepartmentView createDepartment(Caller caller, Long parentId, String name, String code) {
		caller.requireEverywhere(Role.ADMIN);
		Map<String, String> errors = new LinkedHashMap<>();
		checkName(errors, name);
		if (code == null || !CODE.matcher(code).matches()) {
			errors.put("code", "code must be 1 to 64 letters, digits, '_' or '-'");
		}
		if (parentId != null && this.departments.selectById(parentId) == null) {
			errors.put("parentId", "there is no department " + parentId);
		}
		if (!errors.isEmpty()) {
			throw ApiException.invalid(errors);
		}
		Instant now = now();
		Department d = new Department();
		d.setParentId(parentId);
		d.setName(name.trim());
		d.setCode(code);
		d.setVersion(1);
		d.setCreatedAt(now);
		d.setUpdatedAt(now);
		try {
			this.departments.insert(d);
		}
		catch (DuplicateKeyException ex) {
			throw ApiException.invalid("code", "another department already has the code " + code);
		}
		DepartmentView view = DepartmentView.of(d);
		this.audit.record(caller, "DEPARTMENT_CREATED", "DEPARTMENT", d.getId(), null, null, view);
		return view;
	}

	@Transactional
	public DepartmentView updateDepartment(Caller caller, long id, Long parentId, String name, Integer version) {
		caller.requireEverywhere(Role.ADMIN);
		Department d = requireDepartment(id);
		DepartmentView before = DepartmentView.of(d);
		Map<String, String> errors = new LinkedHashMap<>();
		checkName(errors, name);
		requireVersion(errors, version);
		if (parentId != null) {
			if (this.departments.selectById(parentId) == null) {
				errors.put("parentId", "there is no department " + parentId);
			}
			else if (createsCycle(id, parentId)) {
				errors.put("parentId", "a department cannot be placed under itself or one of its sub-departments");
			}
		}
		if (!errors.isEmpty()) {
			throw ApiException.invalid(errors);
		}
		d.setParentId(parentId);
		d.setName(name.trim());
		d.setUpdatedAt(now());
		d.setVersion(version + 1);
		int updated = this.departments.update(d,
				Wrappers.<Department>lambdaUpdate().eq(Department::getId, id).eq(Department::getVersion, version));
		if (updated != 1) {
			throw ApiException.staleVersion("department");
		}
		DepartmentView after = DepartmentView.of(d);
		this.audit.record(caller, "DEPARTMENT_UPDATED", "DEPARTMENT", id, null, before, after);
		return after;
	}

	private boolean createsCycle(long id, long newParent) {
		Set<Long> seen = new HashSet<>();
		Long current = newParent;
		while (current != null && seen.add(current)) {
			if (current == id) {
				return true;
			}
			Department d = this.departments.selectById(current);
			current = (d != null) ? d.getParentId() : null;
		}
		return false;
	}

	Department requireDepartment(long id) {
		Department d = this.departments.selectById(id);
		if (d == null) {
			throw ApiException.notFound("Department", id);
		}
		return d;
	}

	// ---- people

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
		long total = this.people.selectCount(where);
		List<PersonView> items = this.people.selectList(where.orderByAsc(Person::getId).last(page.limitClause()))
			.stream()
			.map(PersonView::of)
			.toList();
		return new PageResult<>(items, page.page(), page.size(), total);
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
		Map<String, String> errors = new LinkedHashMap<>();
		if (username == null || !USERNAME.matcher(username).matches()) {
			errors.put("username", "username must be 3 to 64 letters, digits, '.', '_' or '-', starting with a letter");
		}
		if (displayName == null || displayName.isBlank() || displayName.length() > 128) {
			errors.put("displayName", "display name is required (at most 128 characters)");
		}
		if (departmentId == null || this.departments.selectById(departmentId) == null) {
			errors.put("departmentId", "an existing department is required");
		}
		checkContact(errors, email, mobile);
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
		requireVersion(errors, version);
		if (displayName != null && (displayName.isBlank() || displayName.length() > 128)) {
			errors.put("displayName", "display name must not be blank (at most 128 characters)");
		}
		if (departmentId != null && this.departments.selectById(departmentId) == null) {
			errors.put("departmentId", "there is no department " + departmentId);
		}
		checkContact(errors, email, mobile);
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

	private void saveVersioned(Person p, int expectedVersion) {
		p.setVersion(expectedVersion + 1);
		p.setUpdatedAt(now());
		// updateById skips null fields, so a cleared lock is written explicitly.
		int updated = this.people.update(p,
				Wrappers.<Person>lambdaUpdate()
					.eq(Person::getId, p.getId())
					.eq(Person::getVersion, expectedVersion)
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
	private Person visiblePerson(Caller caller, long id) {
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
	private static Optional<Set<Long>> readScope(Caller caller) {
		return caller.accountScope(Role.ADMIN, Role.AUDITOR);
	}

	/** Whether a grant acts on one of these accounts: on one of them, or on every one. */
	private static boolean touches(GrantRow g, Set<Long> accounts) {
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

	// ---- grants

	public record GrantView(long id, long personId, Role role, Long accountId, Long departmentId) {

		static GrantView of(GrantRow g) {
			return new GrantView(g.getId(), g.getPersonId(), g.getRole(), g.getAccountId(), g.getDepartmentId());
		}

	}

	/**
	 * A visible person's grants; a reader on some accounts sees only the grants touching
	 * them, not what the person may do elsewhere.
	 */
	public List<GrantView> grants(Caller caller, long personId) {
		visiblePerson(caller, personId);
		Optional<Set<Long>> scope = readScope(caller);
		return this.grants.findByPerson(personId)
			.stream()
			.filter((g) -> scope.isEmpty() || touches(g, scope.get()))
			.map(GrantView::of)
			.toList();
	}

	@Transactional
	public GrantView grant(Caller caller, long personId, Role role, Long accountId, Long departmentId) {
		requireGrantAuthority(caller, accountId);
		// Granting to someone out of sight would both reveal them and make them visible.
		visiblePerson(caller, personId);
		Map<String, String> errors = new LinkedHashMap<>();
		if (role == null) {
			errors.put("role", "role is required");
		}
		if (accountId != null && this.accounts.selectById(accountId) == null) {
			errors.put("accountId", "there is no account " + accountId);
		}
		if (departmentId != null && this.departments.selectById(departmentId) == null) {
			errors.put("departmentId", "there is no department " + departmentId);
		}
		if (!errors.isEmpty()) {
			throw ApiException.invalid(errors);
		}
		GrantRow g = new GrantRow();
		g.setPersonId(personId);
		g.setRole(role);
		g.setAccountId(accountId);
		g.setDepartmentId(departmentId);
		g.setCreatedAt(now());
		try {
			this.grants.insert(g);
		}
		catch (DuplicateKeyException ex) {
			throw Problem.GRANT_EXISTS.exception("The person already has this grant",
					"This role with this scope is already granted; nothing was changed.");
		}
		GrantView view = GrantView.of(g);
		this.audit.record(caller, "GRANT_ADDED", "PERSON", personId, accountId, null, view);
		return view;
	}

	@Transactional
	public void revokeGrant(Caller caller, long personId, long grantId) {
		visiblePerson(caller, personId);
		GrantRow g = this.grants.selectById(grantId);
		Optional<Set<Long>> scope = readScope(caller);
		if (g == null || g.getPersonId() != personId || (scope.isPresent() && !touches(g, scope.get()))) {
			throw ApiException.notFound("Grant", grantId);
		}
		requireGrantAuthority(caller, g.getAccountId());
		if (personId == caller.personId() && g.getRole() == Role.ADMIN) {
			throw Problem.OWN_ADMIN_GRANT.exception("You cannot remove your own ADMIN grant",
					"Ask another administrator, so the system always keeps someone who can manage it.");
		}
		this.grants.deleteById(grantId);
		this.audit.record(caller, "GRANT_REMOVED", "PERSON", personId, g.getAccountId(), GrantView.of(g), null);
	}

	private static void requireGrantAuthority(Caller caller, Long accountId) {
		if (accountId == null) {
			caller.requireEverywhere(Role.ADMIN);
		}
		else {
			caller.require(accountId, Role.ADMIN);
		}
	}

	// ---- helpers

	private static void checkName(Map<String, String> errors, String name) {
		if (name == null || name.isBlank() || name.length() > 128) {
			errors.put("name", "name is required (at most 128 characters)");
		}
	}

	private static void checkContact(Map<String, String> errors, String email, String mobile) {
		if (email != null && email.length() > 128) {
			// The column's length: longer would fail in the database, not here.
			errors.put("email", "at most 128 characters");
		}
		else if (email != null && !email.isBlank() && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
			errors.put("email", "not an e-mail address");
		}
		if (mobile != null && !mobile.isBlank() && !mobile.matches("\\+?[0-9 -]{5,20}")) {
			errors.put("mobile", "not a phone number");
		}
	}

	private static void requireVersion(Map<String, String> errors, Integer version) {
		if (version == null) {
			errors.put("version", "send the version you loaded, so a concurrent change is not overwritten");
		}
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.trim();
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

}
