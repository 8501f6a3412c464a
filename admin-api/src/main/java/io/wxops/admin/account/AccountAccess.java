package io.wxops.admin.account;

import io.wxops.admin.security.Caller;
import io.wxops.admin.security.Role;
import io.wxops.admin.web.ApiException;
import io.wxops.core.account.Account;
import io.wxops.core.account.AccountMapper;

import org.springframework.stereotype.Service;

/**
 * Which accounts a caller may see, for every feature: an account the caller holds no
 * grant on is answered exactly like one that does not exist, so ids cannot be probed.
 * This is the account module's small public API for features that only need to check
 * access; the registry itself stays with {@link RegistryService}.
 */
@Service
public class AccountAccess {

	private static final Role[] ANY_ROLE = Role.values();

	private final AccountMapper accounts;

	AccountAccess(AccountMapper accounts) {
		this.accounts = accounts;
	}

	/** The account, if the caller holds any grant on it; otherwise 404. */
	public Account visible(Caller caller, long id) {
		Account a = this.accounts.selectById(id);
		if (a == null || !caller.can(id, ANY_ROLE)) {
			throw ApiException.notFound("Account", id);
		}
		return a;
	}

	/** The account, if the caller holds one of the roles on it; 404 or 403 otherwise. */
	public Account withRole(Caller caller, long id, Role... roles) {
		Account a = visible(caller, id);
		caller.require(id, roles);
		return a;
	}

}
