package io.wxops.gateway.reply;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.wxops.core.account.AccountSnapshot;
import io.wxops.core.account.AccountStanding;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Whether an account may answer followers: the registry's one check
 * ({@link AccountStanding}), remembered per account for a minute so a callback costs no
 * extra query. An account change (status, annual review) announced over Redis forgets the
 * remembered answer at once; a new day (the 1 December deadline) is seen within a minute.
 */
@Component
public class ReplyPermission {

	private static final Logger log = LoggerFactory.getLogger(ReplyPermission.class);

	private static final Duration REMEMBER = Duration.ofMinutes(1);

	private final AccountStanding standing;

	private final Map<Long, Remembered> remembered = new ConcurrentHashMap<>();

	public ReplyPermission(AccountStanding standing) {
		this.standing = standing;
	}

	public boolean mayReply(AccountSnapshot account) {
		if (!account.status().mayReply()) {
			return false;
		}
		Remembered known = this.remembered.get(account.id());
		long now = System.nanoTime();
		if (known != null && now - known.at < REMEMBER.toNanos()) {
			return known.operating;
		}
		try {
			boolean operating = this.standing.of(account.id()).operating();
			this.remembered.put(account.id(), new Remembered(operating, now));
			return operating;
		}
		catch (RuntimeException ex) {
			// The message is stored already; without the review history the status
			// decides, as it did before the review was recorded.
			log.warn("Could not check the annual review of account {}: {}", account.appId(), ex.getMessage());
			return true;
		}
	}

	public void forget(long accountId) {
		this.remembered.remove(accountId);
	}

	private record Remembered(boolean operating, long at) {
	}

}
