package io.wxops.admin.account;

import com.baomidou.mybatisplus.core.toolkit.Wrappers;
import io.wxops.admin.web.ApiException;
import io.wxops.core.account.Account;
import io.wxops.core.account.AccountChangeNotifier;
import io.wxops.core.account.AccountMapper;

import org.springframework.stereotype.Component;

/**
 * The one place admin-api checks and advances an account's version: an edit is refused
 * with 409 {@code stale-version} when the operator's version is no longer the row's, or
 * when the conditional update finds the row changed in between (0 rows).
 * <p>
 * Why not {@code @Version} on {@link Account} and MyBatis-Plus's optimistic-lock
 * interceptor, as for annual reviews: the entity lives in wx-core and is shared with
 * wx-gateway, and wx-core's {@code AccountRegistry.update} (status changes and credential
 * rotations, also run in the gateway's context and tests) advances the version by hand.
 * Only admin-api registers the interceptor, so with {@code @Version} that same update
 * would get a second version condition here (the interceptor's, one ahead of the
 * registry's: no row ever matches) and none in the gateway. Keeping the check explicit
 * makes it behave the same in every application.
 */
@Component
class AccountVersions {

	private final AccountMapper accounts;

	private final AccountChangeNotifier notifier;

	AccountVersions(AccountMapper accounts, AccountChangeNotifier notifier) {
		this.accounts = accounts;
		this.notifier = notifier;
	}

	/**
	 * Refuses a change made at another version than the row's (the registry's own
	 * conditional update catches a change committed after this read).
	 */
	static void expect(Account row, Integer version) {
		if (version == null || !version.equals(row.getVersion())) {
			throw ApiException.staleVersion("account");
		}
	}

	/**
	 * Saves the row's registry details and policies if it is still at the expected
	 * version, and advances it.
	 */
	void saveDetails(Account row, int expected) {
		row.setVersion(expected + 1);
		// updateById skips nulls; contact fields and the verification date may be
		// cleared.
		int updated = this.accounts.update(row,
				Wrappers.<Account>lambdaUpdate()
					.eq(Account::getId, row.getId())
					.eq(Account::getVersion, expected)
					.set(Account::getWechatId, row.getWechatId())
					.set(Account::getVerifiedOn, row.getVerifiedOn())
					.set(Account::getResponsibleOfficePhone, row.getResponsibleOfficePhone())
					.set(Account::getResponsibleMobile, row.getResponsibleMobile())
					.set(Account::getResponsibleEmail, row.getResponsibleEmail())
					.set(Account::getResponsibleWechatId, row.getResponsibleWechatId())
					.set(Account::getAdminOfficePhone, row.getAdminOfficePhone())
					.set(Account::getAdminMobile, row.getAdminMobile())
					.set(Account::getAdminEmail, row.getAdminEmail())
					.set(Account::getAdminWechatId, row.getAdminWechatId()));
		if (updated != 1) {
			throw ApiException.staleVersion("account");
		}
		this.notifier.accountChanged(row.getAppId());
	}

}
