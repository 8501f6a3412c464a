package io.wxops.admin.account;

import java.util.LinkedHashMap;
import java.util.Map;

import io.wxops.admin.account.AccountViews.AccountView;
import io.wxops.admin.account.AccountViews.NewAccountRequest;
import io.wxops.admin.account.AccountViews.Policies;
import io.wxops.admin.audit.AuditTrail;
import io.wxops.admin.security.Caller;
import io.wxops.admin.security.Role;
import io.wxops.admin.web.ApiException;
import io.wxops.admin.web.RequestConstraints;
import io.wxops.core.account.Account;
import io.wxops.core.account.AccountMapper;
import io.wxops.core.account.AccountRegistry;
import io.wxops.core.account.AccountSnapshot;
import io.wxops.core.account.AccountStatus;
import io.wxops.core.account.NewAccount;
import io.wxops.core.wechat.CredentialCheck;
import io.wxops.core.wechat.WeChatCallException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registering an account: the form's details and policies checked together with the core
 * registry's identity and secret formats (one answer lists everything to fix), the
 * AppSecret checked with WeChat before anything is stored, and the first status change.
 */
@Service
class AccountRegistration {

	private final AccountMapper accounts;

	private final AccountRegistry registry;

	private final CredentialCheck credentialCheck;

	private final AccountRules rules;

	private final AccountHistory history;

	private final AuditTrail audit;

	private final RequestConstraints constraints;

	AccountRegistration(AccountMapper accounts, AccountRegistry registry, CredentialCheck credentialCheck,
			AccountRules rules, AccountHistory history, AuditTrail audit, RequestConstraints constraints) {
		this.constraints = constraints;
		this.accounts = accounts;
		this.registry = registry;
		this.credentialCheck = credentialCheck;
		this.rules = rules;
		this.history = history;
		this.audit = audit;
	}

	@Transactional
	public AccountView create(Caller caller, NewAccountRequest req) {
		caller.requireEverywhere(Role.ADMIN);
		// The record's constraints are checked here rather than by @Valid so that one
		// answer also lists the core registry's errors (identity, mode, secret formats).
		Map<String, String> errors = new LinkedHashMap<>(this.constraints.violations(req));
		AccountViews.Credentials credentials = (req.credentials() != null) ? req.credentials()
				: new AccountViews.Credentials(null, null, null);
		// A sent credentials object's appSecret is checked by its constraint; a body
		// without the object gets the same answer here.
		if (req.credentials() == null) {
			errors.putIfAbsent("credentials.appSecret",
					"AppSecret is required; it is checked with WeChat before anything is stored");
		}
		this.rules.checkDetails(errors, req.owningDepartmentId(), req.wechatId(), req.verified(), req.verifiedOn(),
				req.responsible(), req.administrator());
		Policies policies = AccountRules.checkPolicies(errors, req.policies(), null);
		// The core registry checks identity, mode and secret formats; its errors are
		// merged
		// so one answer lists everything to fix.
		NewAccount cmd = new NewAccount(req.appId(), req.originalId(), req.name(), req.type(), req.mode(),
				credentials.token(), credentials.aesKey(), credentials.appSecret());
		Map<String, String> coreErrors = this.registry.validate(cmd);
		coreErrors.forEach((field, message) -> errors.putIfAbsent(AccountRules.credentialField(field), message));
		if (!errors.isEmpty()) {
			throw ApiException.invalid(errors);
		}
		try {
			this.credentialCheck.verify(req.appId(), credentials.appSecret());
		}
		catch (WeChatCallException ex) {
			throw (ex.field() == null) ? ex : new WeChatCallException(ex.error(), ex.errcode(), ex.errmsg(),
					"appSecret".equals(ex.field()) ? "credentials.appSecret" : ex.field(), ex);
		}
		AccountSnapshot created = this.registry.register(cmd, AccountStatus.APPLIED, (row) -> {
			AccountRules.applyDetails(row, req.owningDepartmentId(), req.wechatId(), req.verified(), req.verifiedOn(),
					req.responsible(), req.administrator());
			AccountRules.applyPolicies(row, policies);
		});
		Account row = this.accounts.selectById(created.id());
		this.history.recordStatusChange(caller, row.getId(), null, AccountStatus.APPLIED, "registered");
		AccountView view = AccountView.of(row);
		this.audit.record(caller, "ACCOUNT_REGISTERED", "ACCOUNT", row.getId(), row.getId(), null, view);
		return view;
	}

}
