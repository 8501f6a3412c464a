package io.wxops.gateway.reply;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.wxops.core.reply.AutoReplyRule;
import io.wxops.core.reply.AutoReplyRule.MatchMode;
import io.wxops.core.reply.AutoReplyRule.TriggerType;
import io.wxops.gateway.callback.ParsedCallback;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutMessage;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutNewsMessage;

import org.springframework.stereotype.Component;

/**
 * Chooses the passive reply for a follower message or event. Pure apart from reading the
 * rule cache: it records nothing, so it can safely be abandoned when it runs out of time.
 *
 * <p>
 * Order: exact keywords, then "message contains keyword" (longest keyword first), then
 * the default for ordinary messages; a subscribe gets the welcome rule. Within each kind
 * a higher priority wins.
 */
@Component
public class ReplyComposer {

	private final ReplyRuleCache cache;

	public ReplyComposer(ReplyRuleCache cache) {
		this.cache = cache;
	}

	public Optional<ReplyDecision> decide(ParsedCallback callback) {
		List<AutoReplyRule> rules = this.cache.rules(callback.account().id());
		return choose(rules, callback.message())
			.map(rule -> new ReplyDecision(rule.getId(), build(rule, callback.message()).toXml()));
	}

	static Optional<AutoReplyRule> choose(List<AutoReplyRule> rules, WxMpXmlMessage m) {
		if ("event".equalsIgnoreCase(m.getMsgType())) {
			if ("subscribe".equalsIgnoreCase(m.getEvent())) {
				return first(rules, TriggerType.SUBSCRIBE);
			}
			return Optional.empty();
		}
		if ("text".equalsIgnoreCase(m.getMsgType()) && m.getContent() != null) {
			String text = m.getContent().trim().toLowerCase(Locale.ROOT);
			Optional<AutoReplyRule> exact = rules.stream()
				.filter(r -> r.getTriggerType() == TriggerType.KEYWORD && r.getMatchMode() == MatchMode.EXACT)
				.filter(r -> r.getKeyword() != null && text.equals(r.getKeyword().trim().toLowerCase(Locale.ROOT)))
				.findFirst();
			if (exact.isPresent()) {
				return exact;
			}
			Optional<AutoReplyRule> contains = rules.stream()
				.filter(r -> r.getTriggerType() == TriggerType.KEYWORD && r.getMatchMode() == MatchMode.CONTAINS)
				.filter(r -> r.getKeyword() != null && !r.getKeyword().isBlank())
				// the message contains the keyword, never the keyword the message
				.filter(r -> text.contains(r.getKeyword().trim().toLowerCase(Locale.ROOT)))
				.sorted(Comparator.comparing((AutoReplyRule r) -> -r.getPriority())
					.thenComparing(r -> -r.getKeyword().trim().length()))
				.findFirst();
			if (contains.isPresent()) {
				return contains;
			}
		}
		return first(rules, TriggerType.DEFAULT);
	}

	private static Optional<AutoReplyRule> first(List<AutoReplyRule> rules, TriggerType trigger) {
		return rules.stream().filter(r -> r.getTriggerType() == trigger).findFirst();
	}

	static WxMpXmlOutMessage build(AutoReplyRule rule, WxMpXmlMessage m) {
		// The reply goes back from the account (ToUserName of the callback) to the
		// follower.
		return switch (rule.getReplyType()) {
			case TEXT -> WxMpXmlOutMessage.TEXT()
				.content(rule.getReplyText())
				.fromUser(m.getToUser())
				.toUser(m.getFromUser())
				.build();
			case IMAGE -> WxMpXmlOutMessage.IMAGE()
				.mediaId(rule.getMediaId())
				.fromUser(m.getToUser())
				.toUser(m.getFromUser())
				.build();
			case NEWS -> {
				WxMpXmlOutNewsMessage.Item item = new WxMpXmlOutNewsMessage.Item();
				item.setTitle(rule.getNewsTitle());
				item.setDescription(rule.getNewsDescription());
				item.setPicUrl(rule.getNewsPicUrl());
				item.setUrl(rule.getNewsUrl());
				yield WxMpXmlOutMessage.NEWS().addArticle(item).fromUser(m.getToUser()).toUser(m.getFromUser()).build();
			}
		};
	}

}
