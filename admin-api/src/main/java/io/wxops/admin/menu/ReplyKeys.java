package io.wxops.admin.menu;

import java.util.LinkedHashMap;
import java.util.Map;

import com.baomidou.mybatisplus.core.toolkit.Wrappers;
import io.wxops.core.reply.AutoReplyRule;
import io.wxops.core.reply.AutoReplyRuleMapper;

import org.springframework.stereotype.Component;

/** The menu keys the account's approved click replies answer, with their texts. */
@Component
class ReplyKeys {

	private final AutoReplyRuleMapper rules;

	ReplyKeys(AutoReplyRuleMapper rules) {
		this.rules = rules;
	}

	Map<String, String> clickReplies(long accountId) {
		Map<String, String> keys = new LinkedHashMap<>();
		for (AutoReplyRule r : this.rules.selectList(Wrappers.<AutoReplyRule>lambdaQuery()
			.eq(AutoReplyRule::getAccountId, accountId)
			.eq(AutoReplyRule::getTriggerType, AutoReplyRule.TriggerType.CLICK)
			.orderByAsc(AutoReplyRule::getId))) {
			keys.putIfAbsent(r.getKeyword(), (r.getReplyText() != null) ? r.getReplyText() : r.getReplyType().name());
		}
		return keys;
	}

}
