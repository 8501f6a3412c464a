package io.wxops.admin.people;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.wxops.admin.audit.AuditTrail;
import io.wxops.admin.security.Caller;
import io.wxops.admin.security.Role;
import io.wxops.admin.web.ApiException;
import io.wxops.admin.web.Problem;
import io.wxops.core.account.AccountMapper;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The grants of people: which role on which account (or all) and department (or any). A
 * grant on one account can be given or taken by an ADMIN whose grants cover that account;
 * a reader on some accounts sees only the grants touching them.
 */
@Service
public class GrantService {

	private final PeopleService people;

	private final GrantMapper grants;

	private final AccountMapper accounts;

	private final DepartmentMapper departments;

	private final AuditTrail audit;

	private final Clock clock;

	public GrantService(PeopleService people, GrantMapper grants, AccountMapper accounts, DepartmentMapper departments,
			AuditTrail audit, Clock clock) {
		this.people = people;
		this.grants = grants;
		this.accounts = accounts;
		this.departments = departments;
		this.audit = audit;
		this.clock = clock;
	}

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
		this.people.visiblePerson(caller, personId);
		Optional<Set<Long>> scope = PeopleService.readScope(caller);
		return this.grants.findByPerson(personId)
			.stream()
			.filter((g) -> scope.isEmpty() || PeopleService.touches(g, scope.get()))
			.map(GrantView::of)
			.toList();
	}

	@Transactional
	public GrantView grant(Caller caller, long personId, Role role, Long accountId, Long departmentId) {
		requireGrantAuthority(caller, accountId);
		// Granting to someone out of sight would both reveal them and make them visible.
		this.people.visiblePerson(caller, personId);
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
		this.people.visiblePerson(caller, personId);
		GrantRow g = this.grants.selectById(grantId);
		Optional<Set<Long>> scope = PeopleService.readScope(caller);
		if (g == null || g.getPersonId() != personId || (scope.isPresent() && !PeopleService.touches(g, scope.get()))) {
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

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

}
