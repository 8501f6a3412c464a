package io.wxops.core.wechat;

import java.security.SecureRandom;
import java.util.HexFormat;

import io.wxops.core.account.AccountRegistry;
import io.wxops.core.account.AccountSnapshot;
import io.wxops.core.account.AccountType;
import io.wxops.core.account.MessageMode;
import io.wxops.core.account.NewAccount;

/** Fresh, well-formed accounts, so tests sharing servers never share a token. */
final class WeChatTestAccounts {

	private static final SecureRandom random = new SecureRandom();

	private WeChatTestAccounts() {
	}

	static String newAppId() {
		return "wx" + randomHex(8);
	}

	static AccountSnapshot register(AccountRegistry registry, String appId, String appSecret) {
		return registry.register(new NewAccount(appId, "gh_" + randomHex(6), "test " + appId, AccountType.SERVICE,
				MessageMode.PLAINTEXT, "token123", null, appSecret));
	}

	private static String randomHex(int bytes) {
		byte[] b = new byte[bytes];
		random.nextBytes(b);
		return HexFormat.of().formatHex(b);
	}

}
