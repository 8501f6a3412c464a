package io.wxops.gateway.account;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.wxops.core.account.AccountRegistry;
import io.wxops.core.account.AccountSnapshot;
import io.wxops.gateway.reply.ReplyPermission;
import io.wxops.gateway.reply.ReplyRuleCache;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The accounts this gateway serves, held in memory as immutable snapshots and looked up
 * by AppID on every callback. A change announced on Redis replaces the snapshot at once;
 * a full reload every few minutes covers a missed announcement. Nothing is kept per
 * thread.
 */
@Component
public class AccountDirectory implements MessageListener {

	private static final Logger log = LoggerFactory.getLogger(AccountDirectory.class);

	private static final Duration MISS_MEMORY = Duration.ofSeconds(10);

	private final AccountRegistry registry;

	private final ReplyRuleCache ruleCache;

	private final Map<String, AccountSnapshot> accounts = new ConcurrentHashMap<>();

	/**
	 * Unknown AppIDs asked for recently, so probing random AppIDs cannot hammer the
	 * database.
	 */
	private final Map<String, Long> misses = new ConcurrentHashMap<>();

	private final ReplyPermission permission;

	public AccountDirectory(AccountRegistry registry, ReplyRuleCache ruleCache, ReplyPermission permission) {
		this.registry = registry;
		this.ruleCache = ruleCache;
		this.permission = permission;
	}

	public Optional<AccountSnapshot> find(String appId) {
		AccountSnapshot known = this.accounts.get(appId);
		if (known != null) {
			return Optional.of(known);
		}
		Long missedAt = this.misses.get(appId);
		if (missedAt != null && System.nanoTime() - missedAt < MISS_MEMORY.toNanos()) {
			return Optional.empty();
		}
		return reload(appId);
	}

	/** Reads one account again from the database. */
	public Optional<AccountSnapshot> reload(String appId) {
		Optional<AccountSnapshot> fresh = this.registry.find(appId);
		fresh.ifPresentOrElse(account -> {
			AccountSnapshot previous = this.accounts.put(appId, account);
			this.misses.remove(appId);
			this.ruleCache.invalidate(account.id());
			this.permission.forget(account.id());
			if (previous != null && previous.version() != account.version()) {
				log.info("Account {} reloaded (version {} -> {})", appId, previous.version(), account.version());
			}
		}, () -> {
			this.accounts.remove(appId);
			if (this.misses.size() > 10_000) {
				this.misses.clear();
			}
			this.misses.put(appId, System.nanoTime());
		});
		return fresh;
	}

	@Scheduled(fixedDelayString = "${wxops.gateway.account-refresh:5m}",
			initialDelayString = "${wxops.gateway.account-refresh:5m}")
	public void reloadAll() {
		try {
			Map<String, AccountSnapshot> fresh = new ConcurrentHashMap<>();
			this.registry.findAll().forEach(a -> fresh.put(a.appId(), a));
			this.accounts.keySet().retainAll(fresh.keySet());
			this.accounts.putAll(fresh);
			this.ruleCache.invalidateAll();
		}
		catch (RuntimeException ex) {
			log.warn("Periodic account reload failed; keeping the accounts we have: {}", ex.getMessage());
		}
	}

	/** An account-changed announcement from Redis; the message is the AppID. */
	@Override
	public void onMessage(Message message, byte[] pattern) {
		String appId = new String(message.getBody(), java.nio.charset.StandardCharsets.UTF_8);
		try {
			reload(appId);
		}
		catch (RuntimeException ex) {
			// Drop what we had so the next callback reads the database instead of using
			// stale secrets.
			this.accounts.remove(appId);
			log.warn("Could not reload changed account {}: {}", appId, ex.getMessage());
		}
	}

}
