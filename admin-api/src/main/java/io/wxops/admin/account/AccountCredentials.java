package io.wxops.admin.account;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.wxops.admin.account.AccountViews.AccountView;
import io.wxops.admin.account.AccountViews.CredentialRotation;
import io.wxops.admin.audit.AuditTrail;
import io.wxops.admin.security.Caller;
import io.wxops.admin.security.Role;
import io.wxops.admin.web.ApiException;
import io.wxops.core.account.Account;
import io.wxops.core.account.AccountMapper;
import io.wxops.core.account.AccountRegistry;
import io.wxops.core.account.AccountSnapshot;
import io.wxops.core.account.AccountUpdate;
import io.wxops.core.wechat.CredentialCheck;
import io.wxops.core.wechat.WeChatCalls;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The account's write-only credentials: rotating them (the AppSecret checked with WeChat
 * first, the previous EncodingAESKey kept for callbacks in flight) and checking that
 * WeChat answers with the stored ones.
 */
@Service
class AccountCredentials {

	private final AccountAccess access;

	private final AccountMapper accounts;

	private final AccountRegistry registry;

	private final CredentialCheck credentialCheck;

	private final WeChatCalls wechat;

	private final AuditTrail audit;

	private final Clock clock;

	AccountCredentials(AccountAccess access, AccountMapper accounts, AccountRegistry registry,
			CredentialCheck credentialCheck, WeChatCalls wechat, AuditTrail audit, Clock clock) {
		this.access = access;
		this.accounts = accounts;
		this.registry = registry;
		this.credentialCheck = credentialCheck;
		this.wechat = wechat;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	public AccountView rotateCredentials(Caller caller, long id, CredentialRotation req) {
		Account row = this.access.withRole(caller, id, Role.ADMIN);
		Map<String, String> errors = new LinkedHashMap<>();
		if (req.appSecret() == null && req.token() == null && req.aesKey() == null) {
			errors.put("credentials", "send at least one of appSecret, token, aesKey");
		}
		if (!errors.isEmpty()) {
			throw ApiException.invalid(errors);
		}
		AccountVersions.expect(row, req.version());
		AccountView before = AccountView.of(row);
		AccountUpdate change = new AccountUpdate(null, null, null, req.token(), req.aesKey(), req.appSecret());
		Map<String, String> formatErrors = this.registry.validate(row.getAppId(), change);
		if (!formatErrors.isEmpty()) {
			throw ApiException.invalid(formatErrors);
		}
		if (req.appSecret() != null) {
			this.credentialCheck.verify(row.getAppId(), req.appSecret());
		}
		this.registry.update(row.getAppId(), change);
		Account after = this.accounts.selectById(id);
		Map<String, Object> summary = new LinkedHashMap<>();
		summary.put("appSecret", (req.appSecret() != null) ? "replaced" : "unchanged");
		summary.put("token", (req.token() != null) ? "replaced" : "unchanged");
		summary.put("aesKey",
				(req.aesKey() != null) ? "replaced (previous key kept for callbacks in flight)" : "unchanged");
		this.audit.record(caller, "ACCOUNT_CREDENTIALS_ROTATED", "ACCOUNT", id, id, before.credentials(), summary);
		return AccountView.of(after);
	}

	/** Fetches a token and calls WeChat once with the stored credentials. */
	public Map<String, Object> checkWeChat(Caller caller, long id) {
		Account row = this.access.withRole(caller, id, Role.ADMIN);
		AccountSnapshot account = this.registry.find(row.getAppId()).orElseThrow();
		String[] ips = this.wechat.call(account, (service) -> service.getCallbackIP());
		return Map.of("reachable", true, "callbackIps", List.of(ips), "checkedAt", now());
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

}
