package io.wxops.admin.security;

/**
 * A role held on one account ({@code accountId}, or every account when null), within one
 * department ({@code departmentId}, or any when null).
 */
public record Grant(Role role, Long accountId, Long departmentId) {

	public boolean coversAccount(long account) {
		return this.accountId == null || this.accountId == account;
	}

	public boolean coversDepartment(Long department) {
		return this.departmentId == null || (department != null && this.departmentId.equals(department));
	}

}
