package io.wxops.admin.security;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.wxops.admin.web.ApiException;

/**
 * The signed-in person making this request, with their grants. Resolved per request from
 * the bearer token and passed to endpoints as an argument, never kept in a ThreadLocal.
 */
public record Caller(long personId, String username, long departmentId, List<Grant> grants, String clientIp,
		long sessionId) {

	/**
	 * The system itself, for actions no person triggered (first-run setup, demo data); it
	 * may do anything.
	 */
	public static Caller system(String what) {
		return new Caller(0, "system:" + what, 0, List.of(), null, 0);
	}

	public boolean isSystem() {
		return this.personId == 0;
	}

	public boolean hasAnyRole(Role... roles) {
		if (isSystem()) {
			return true;
		}
		Set<Role> wanted = EnumSet.copyOf(Arrays.asList(roles));
		return this.grants.stream().anyMatch((g) -> wanted.contains(g.role()));
	}

	/** Whether a grant of one of the roles covers this account (any department). */
	public boolean can(long accountId, Role... roles) {
		if (isSystem()) {
			return true;
		}
		Set<Role> wanted = EnumSet.copyOf(Arrays.asList(roles));
		return this.grants.stream().anyMatch((g) -> wanted.contains(g.role()) && g.coversAccount(accountId));
	}

	/**
	 * Whether a grant of one of the roles covers this account and this department (a
	 * grant without a department covers every department).
	 */
	public boolean can(long accountId, Long departmentId, Role... roles) {
		if (isSystem()) {
			return true;
		}
		Set<Role> wanted = EnumSet.copyOf(Arrays.asList(roles));
		return this.grants.stream()
			.anyMatch(
					(g) -> wanted.contains(g.role()) && g.coversAccount(accountId) && g.coversDepartment(departmentId));
	}

	/** Whether a grant of one of the roles covers every account. */
	public boolean canEverywhere(Role... roles) {
		if (isSystem()) {
			return true;
		}
		Set<Role> wanted = EnumSet.copyOf(Arrays.asList(roles));
		return this.grants.stream().anyMatch((g) -> wanted.contains(g.role()) && g.accountId() == null);
	}

	/**
	 * The accounts the roles cover: empty when they cover every account, otherwise the
	 * set of account ids (possibly empty set inside the optional).
	 */
	public Optional<Set<Long>> accountScope(Role... roles) {
		if (canEverywhere(roles)) {
			return Optional.empty();
		}
		Set<Role> wanted = EnumSet.copyOf(Arrays.asList(roles));
		return Optional.of(this.grants.stream()
			.filter((g) -> wanted.contains(g.role()))
			.map(Grant::accountId)
			.collect(Collectors.toCollection(TreeSet::new)));
	}

	public void require(long accountId, Role... roles) {
		if (!can(accountId, roles)) {
			throw ApiException.forbidden("Your roles do not cover this account. Ask an administrator for a grant of "
					+ Arrays.toString(roles) + " on it.");
		}
	}

	public void requireEverywhere(Role... roles) {
		if (!canEverywhere(roles)) {
			throw ApiException.forbidden("This needs " + Arrays.toString(roles)
					+ " on every account; your grants are limited to some accounts.");
		}
	}

	/** The roles held, for the audit record. */
	public String roleSummary() {
		if (isSystem()) {
			return "SYSTEM";
		}
		return this.grants.stream()
			.map((g) -> g.role() + "@" + ((g.accountId() != null) ? g.accountId() : "*")
					+ ((g.departmentId() != null) ? "/" + g.departmentId() : ""))
			.sorted()
			.collect(Collectors.joining(","));
	}

}
