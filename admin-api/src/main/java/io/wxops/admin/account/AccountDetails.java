package io.wxops.admin.account;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

import io.wxops.admin.account.AccountViews.AccountChange;
import io.wxops.admin.account.AccountViews.AccountView;
import io.wxops.admin.account.AccountViews.Contact;
import io.wxops.admin.account.AccountViews.Policies;
import io.wxops.admin.audit.AuditTrail;
import io.wxops.admin.security.Caller;
import io.wxops.admin.security.Role;
import io.wxops.admin.web.ApiException;
import io.wxops.core.account.Account;
import io.wxops.core.account.AccountMapper;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changing an account's registry details and policies at the version the operator loaded;
 * a changed responsible person or administrator is recorded as a re-filing.
 */
@Service
class AccountDetails {

	private final AccountAccess access;

	private final AccountMapper accounts;

	private final AccountRules rules;

	private final AccountHistory history;

	private final AccountVersions versions;

	private final AuditTrail audit;

	private final Clock clock;

	AccountDetails(AccountAccess access, AccountMapper accounts, AccountRules rules, AccountHistory history,
			AccountVersions versions, AuditTrail audit, Clock clock) {
		this.access = access;
		this.accounts = accounts;
		this.rules = rules;
		this.history = history;
		this.versions = versions;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	public AccountView update(Caller caller, long id, AccountChange req) {
		Account row = this.access.withRole(caller, id, Role.ADMIN);
		AccountView before = AccountView.of(row);
		Map<String, String> errors = new LinkedHashMap<>();
		if (req.mode() != null && req.mode().needsAesKey() && row.getAesKeyEnc() == null) {
			errors.put("mode", "mode " + req.mode() + " needs an EncodingAESKey: set one with the credentials first");
		}
		this.rules.checkDetails(errors, req.owningDepartmentId(), req.wechatId(), req.verified(), req.verifiedOn(),
				req.responsible(), req.administrator());
		Policies policies = AccountRules.checkPolicies(errors, req.policies(), row);
		if (req.refiledOn() != null && req.refiledOn().isAfter(this.rules.today(row))) {
			errors.put("refiledOn", "a re-filing cannot be dated in the future");
		}
		if (!errors.isEmpty()) {
			throw ApiException.invalid(errors);
		}
		Contact responsibleBefore = Contact.responsibleOf(row);
		Contact administratorBefore = Contact.administratorOf(row);
		if (req.name() != null) {
			row.setName(req.name().trim());
		}
		if (req.mode() != null) {
			row.setMessageMode(req.mode());
		}
		AccountRules.applyDetails(row, req.owningDepartmentId(), req.wechatId(), req.verified(), req.verifiedOn(),
				req.responsible(), req.administrator());
		if (req.policies() != null) {
			AccountRules.applyPolicies(row, policies);
		}
		row.setUpdatedAt(now());
		this.versions.saveDetails(row, req.version());
		LocalDate filedOn = (req.refiledOn() != null) ? req.refiledOn() : this.rules.today(row);
		this.history.refileIfChanged(caller, row, "RESPONSIBLE", responsibleBefore, Contact.responsibleOf(row),
				filedOn);
		this.history.refileIfChanged(caller, row, "ADMINISTRATOR", administratorBefore, Contact.administratorOf(row),
				filedOn);
		AccountView after = AccountView.of(row);
		this.audit.record(caller, "ACCOUNT_UPDATED", "ACCOUNT", id, id, before, after);
		return after;
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

}
