package io.wxops.admin.account;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import com.baomidou.mybatisplus.core.toolkit.Wrappers;
import io.wxops.admin.account.AccountViews.AccountView;
import io.wxops.admin.audit.AuditTrail;
import io.wxops.admin.security.Caller;
import io.wxops.admin.security.Role;
import io.wxops.admin.web.ApiException;
import io.wxops.admin.web.Problem;
import io.wxops.core.account.Account;
import io.wxops.core.account.AccountMapper;
import io.wxops.core.account.AccountRegistry;
import io.wxops.core.account.AccountStatus;
import io.wxops.core.account.AccountUpdate;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The account's lifecycle (APPLIED → ACTIVE → SUSPENDED → CLOSED, as
 * {@link AccountStatus#canBecome} allows): every change needs a reason and is recorded.
 */
@Service
class AccountLifecycle {

	private final AccountAccess access;

	private final AccountMapper accounts;

	private final AccountRegistry registry;

	private final AccountHistory history;

	private final AuditTrail audit;

	AccountLifecycle(AccountAccess access, AccountMapper accounts, AccountRegistry registry, AccountHistory history,
			AuditTrail audit) {
		this.access = access;
		this.accounts = accounts;
		this.registry = registry;
		this.history = history;
		this.audit = audit;
	}

	@Transactional
	public AccountView changeStatus(Caller caller, long id, AccountStatus next, String reason, Integer version) {
		Account row = this.access.withRole(caller, id, Role.ADMIN);
		Map<String, String> errors = new LinkedHashMap<>();
		if (next != null && (next == row.getStatus() || !row.getStatus().canBecome(next))) {
			errors.put("status", "an account that is " + row.getStatus() + " cannot become " + next
					+ "; allowed: APPLIED→ACTIVE/CLOSED, ACTIVE→SUSPENDED/CLOSED, SUSPENDED→ACTIVE/CLOSED");
		}
		if (!errors.isEmpty()) {
			throw ApiException.invalid(errors);
		}
		AccountVersions.expect(row, version);
		if (next == AccountStatus.ACTIVE && row.getAppSecretEnc() == null) {
			throw Problem.CREDENTIALS_MISSING.exception("The account has no AppSecret",
					"Set the AppSecret (it is checked with WeChat) before activating the account.");
		}
		AccountView before = AccountView.of(row);
		this.registry.update(row.getAppId(), AccountUpdate.status(next));
		this.accounts.update(null,
				Wrappers.<Account>lambdaUpdate().eq(Account::getId, id).set(Account::getStatusReason, reason.trim()));
		this.history.recordStatusChange(caller, id, row.getStatus(), next, reason.trim());
		AccountView after = AccountView.of(this.accounts.selectById(id));
		this.audit.record(caller, "ACCOUNT_STATUS_CHANGED", "ACCOUNT", id, id, before, after);
		return after;
	}

}
