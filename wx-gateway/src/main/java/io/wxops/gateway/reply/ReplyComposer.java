package io.wxops.gateway.reply;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.wxops.core.inbox.Category;
import io.wxops.core.inbox.RuleSet.Classification;
import io.wxops.core.reply.AutoReplyRule;
import io.wxops.core.reply.AutoReplyRule.MatchMode;
import io.wxops.core.reply.AutoReplyRule.TriggerType;
import io.wxops.core.text.TextNormaliser;
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
 * the default for ordinary messages; a subscribe gets the welcome rule, a menu button's
 * CLICK the click rule of its key (and nothing else: no default). Within each kind a
 * higher priority wins. Keywords are compared as inbox routing compares them
 * ({@link TextNormaliser#normaliseTerm}: spacing, punctuation, full-width, case).
 *
 * <p>
 * Before a keyword is looked at, the account's inbox rules classify the text as routing
 * will: a MALICIOUS message gets no reply at all, and when the account chose
 * {@code routedAckOnly} a message a rule routes gets none either, because the ticket's
 * acknowledgement already tells the follower it was received.
 */
@Component
public class ReplyComposer {

	private final ReplyRuleCache cache;

	public ReplyComposer(ReplyRuleCache cache) {
		this.cache = cache;
	}

	public Optional<ReplyDecision> decide(ParsedCallback callback) {
		long accountId = callback.account().id();
		if (!answers(this.cache.inbox(accountId), callback.message())) {
			return Optional.empty();
		}
		List<AutoReplyRule> rules = this.cache.rules(accountId);
		return choose(rules, callback.message())
			.map(rule -> new ReplyDecision(rule.getId(), build(rule, callback.message()).toXml()));
	}

	/**
	 * Whether the inbox rules leave the message a passive reply: not when they class it
	 * MALICIOUS, nor when a rule routes it and the account wants only the acknowledgement
	 * then.
	 */
	static boolean answers(ReplyRuleCache.Inbox inbox, WxMpXmlMessage m) {
		if (isClick(m)) {
			// A button an inbox MENU_KEY rule routes opens a ticket; with routedAckOnly
			// its
			// acknowledgement is the only answer, as for a routed text.
			Classification c = inbox.rules().classify(null, m.getEventKey());
			return !(c != null && (c.category() == Category.MALICIOUS || (inbox.routedAckOnly() && c.matched())));
		}
		if (!"text".equalsIgnoreCase(m.getMsgType()) || m.getContent() == null) {
			return true;
		}
		Classification c = inbox.rules().classify(m.getContent(), null);
		if (c.category() == Category.MALICIOUS) {
			return false;
		}
		return !(inbox.routedAckOnly() && c.matched());
	}

	static Optional<AutoReplyRule> choose(List<AutoReplyRule> rules, WxMpXmlMessage m) {
		if ("event".equalsIgnoreCase(m.getMsgType())) {
			if ("subscribe".equalsIgnoreCase(m.getEvent())) {
				return first(rules, TriggerType.SUBSCRIBE);
			}
			if (isClick(m)) {
				// The key is the button's, sent back as it was published: compared
				// exactly.
				return rules.stream()
					.filter(r -> r.getTriggerType() == TriggerType.CLICK && m.getEventKey().equals(r.getKeyword()))
					.findFirst();
			}
			return Optional.empty();
		}
		if ("text".equalsIgnoreCase(m.getMsgType()) && m.getContent() != null) {
			String text = TextNormaliser.normaliseTerm(m.getContent());
			// Each keyword normalised once per message, not once per comparison.
			List<Keyword> keywords = rules.stream()
				.filter(r -> r.getTriggerType() == TriggerType.KEYWORD && r.getKeyword() != null)
				// A keyword that normalises to nothing or one character is skipped
				// (ReplyRuleCache reports it when it loads the rules).
				.map(r -> new Keyword(r, TextNormaliser.keyword(r.getKeyword())))
				.filter(k -> k.key() != null)
				.toList();
			Optional<AutoReplyRule> exact = keywords.stream()
				.filter(k -> k.rule().getMatchMode() == MatchMode.EXACT && text.equals(k.key()))
				.map(Keyword::rule)
				.findFirst();
			if (exact.isPresent()) {
				return exact;
			}
			Optional<AutoReplyRule> contains = keywords.stream()
				.filter(k -> k.rule().getMatchMode() == MatchMode.CONTAINS)
				// the message contains the keyword, never the keyword the message
				.filter(k -> text.contains(k.key()))
				.sorted(Comparator.comparing((Keyword k) -> -k.rule().getPriority())
					.thenComparing(k -> -k.key().length()))
				.map(Keyword::rule)
				.findFirst();
			if (contains.isPresent()) {
				return contains;
			}
		}
		return first(rules, TriggerType.DEFAULT);
	}

	/**
	 * A keyword rule and its keyword as {@link TextNormaliser#normaliseTerm} makes it.
	 */
	private record Keyword(AutoReplyRule rule, String key) {
	}

	private static boolean isClick(WxMpXmlMessage m) {
		return "event".equalsIgnoreCase(m.getMsgType()) && "CLICK".equalsIgnoreCase(m.getEvent())
				&& m.getEventKey() != null;
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
