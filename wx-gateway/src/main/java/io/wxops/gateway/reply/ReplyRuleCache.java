package io.wxops.gateway.reply;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.wxops.core.inbox.InboxRuleMapper;
import io.wxops.core.inbox.RuleSet;
import io.wxops.core.reply.AutoReplyRule;
import io.wxops.core.reply.AutoReplyRule.TriggerType;
import io.wxops.core.reply.AutoReplyRuleMapper;
import io.wxops.core.text.UnusableKeywords;

import org.springframework.stereotype.Component;

/**
 * Per account: the enabled reply rules, the inbox rules compiled as routing compiles
 * them, and whether routed messages get only the acknowledgement. Read once and dropped
 * when the account-changed announcement arrives (reply-rule, inbox-rule and inbox-setting
 * edits announce the account; every account is also dropped at the periodic reload), so
 * replies never wait on the database.
 */
@Component
public class ReplyRuleCache {

	private final AutoReplyRuleMapper mapper;

	private final InboxRuleMapper inboxRules;

	private final Map<Long, List<AutoReplyRule>> rules = new ConcurrentHashMap<>();

	private final Map<Long, Inbox> inbox = new ConcurrentHashMap<>();

	public ReplyRuleCache(AutoReplyRuleMapper mapper, InboxRuleMapper inboxRules) {
		this.mapper = mapper;
		this.inboxRules = inboxRules;
	}

	/** The account's inbox rules and its choice for routed messages. */
	public record Inbox(RuleSet rules, boolean routedAckOnly) {
	}

	public List<AutoReplyRule> rules(long accountId) {
		return this.rules.computeIfAbsent(accountId, id -> loaded(this.mapper.findEnabled(id)));
	}

	/**
	 * The rules as loaded; a keyword rule whose keyword normalises to nothing or one
	 * character is reported (once) and then skipped when replies are chosen.
	 */
	private static List<AutoReplyRule> loaded(List<AutoReplyRule> rules) {
		for (AutoReplyRule r : rules) {
			if (r.getTriggerType() == TriggerType.KEYWORD) {
				UnusableKeywords.check("wx_auto_reply_rule", r.getId(), r.getKeyword());
			}
		}
		return List.copyOf(rules);
	}

	public Inbox inbox(long accountId) {
		return this.inbox.computeIfAbsent(accountId, id -> new Inbox(RuleSet.compile(this.inboxRules.forAccount(id)),
				Boolean.TRUE.equals(this.inboxRules.routedAckOnly(id))));
	}

	public void invalidate(long accountId) {
		this.rules.remove(accountId);
		this.inbox.remove(accountId);
	}

	public void invalidateAll() {
		this.rules.clear();
		this.inbox.clear();
	}

}
