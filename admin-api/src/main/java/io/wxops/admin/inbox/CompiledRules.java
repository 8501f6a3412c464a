package io.wxops.admin.inbox;

import java.util.Map;

import io.wxops.core.inbox.InboxRuleMapper;
import io.wxops.core.inbox.RuleSet;

import org.springframework.cache.Cache;
import org.springframework.cache.caffeine.CaffeineCache;
import org.springframework.stereotype.Component;

/**
 * Each account's rules compiled into one {@link RuleSet}, compiled again only when they
 * have changed. The fingerprint of the account's rules is read on every use (one small
 * query), and the compiled set is cached under it, so a change made through another
 * instance applies at once: nothing here only expires on a timer.
 */
@Component
class CompiledRules {

	/** The Spring cache of compiled rule sets, by account and fingerprint. */
	static final String CACHE = "inboxRules";

	private final InboxRuleMapper rules;

	private final Cache cache = new CaffeineCache(CACHE,
			com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(1_000).build());

	CompiledRules(InboxRuleMapper rules) {
		this.rules = rules;
	}

	/** The account's current rules. */
	RuleSet forAccount(long accountId) {
		Map<String, Object> fingerprint = this.rules.fingerprint(accountId);
		String key = accountId + ":" + fingerprint.get("n") + ":" + fingerprint.get("newest");
		return this.cache.get(key, () -> RuleSet.compile(this.rules.forAccount(accountId)));
	}

}
