package io.wxops.admin.audit;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

import io.wxops.admin.security.Caller;
import io.wxops.core.account.AccountRegistry;
import io.wxops.core.account.AccountType;
import io.wxops.core.account.MessageMode;
import io.wxops.core.account.NewAccount;

import org.springframework.transaction.support.TransactionTemplate;

/** Audit entries and accounts for the audit tests. */
final class AuditTestSupport {

	private AuditTestSupport() {
	}

	/** Appends one entry by the system, in its own transaction. */
	static AuditEntry record(TransactionTemplate tx, AuditTrail trail, String action, Long accountId, Object targetId,
			Object after) {
		return tx
			.execute((status) -> trail.record(Caller.system("test"), action, "TEST", targetId, accountId, null, after));
	}

	/** Registers a new WeChat account and returns its id. */
	static long account(AccountRegistry registry) {
		return registry
			.register(new NewAccount("wx" + hex(8), "gh_" + hex(6), "测试号", AccountType.SUBSCRIPTION,
					MessageMode.PLAINTEXT, "token123", null, null))
			.id();
	}

	private static String hex(int bytes) {
		byte[] random = new byte[bytes];
		ThreadLocalRandom.current().nextBytes(random);
		return HexFormat.of().formatHex(random);
	}

}
