package io.wxops.gateway.reply;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.wxops.core.reply.AutoReplyRule;
import io.wxops.core.reply.AutoReplyRuleMapper;

import org.springframework.stereotype.Component;

/**
 * Enabled reply rules per account, read once and dropped when the account-changed
 * announcement arrives (rule edits announce the account), so replies never wait on the
 * database.
 */
@Component
public class ReplyRuleCache {

	private final AutoReplyRuleMapper mapper;

	private final Map<Long, List<AutoReplyRule>> rules = new ConcurrentHashMap<>();

	public ReplyRuleCache(AutoReplyRuleMapper mapper) {
		this.mapper = mapper;
	}

	public List<AutoReplyRule> rules(long accountId) {
		return this.rules.computeIfAbsent(accountId, id -> List.copyOf(this.mapper.findEnabled(id)));
	}

	public void invalidate(long accountId) {
		this.rules.remove(accountId);
	}

	public void invalidateAll() {
		this.rules.clear();
	}

}
