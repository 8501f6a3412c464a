package io.wxops.core.account;

import io.wxops.core.redis.RedisKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells every running instance that an account changed, over Redis pub/sub, once the
 * change is committed. Instances also reload periodically, so a lost notification only
 * delays a change.
 */
public class AccountChangeNotifier {

	private static final Logger log = LoggerFactory.getLogger(AccountChangeNotifier.class);

	private final StringRedisTemplate redis;

	private final RedisKeys keys;

	public AccountChangeNotifier(StringRedisTemplate redis, RedisKeys keys) {
		this.redis = redis;
		this.keys = keys;
	}

	public void accountChanged(String appId) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					publish(appId);
				}
			});
		}
		else {
			publish(appId);
		}
	}

	private void publish(String appId) {
		try {
			this.redis.convertAndSend(this.keys.accountChangedChannel(), appId);
		}
		catch (RuntimeException ex) {
			log.warn("Could not announce change of account {}; instances pick it up at their next refresh: {}", appId,
					ex.getMessage());
		}
	}

}
