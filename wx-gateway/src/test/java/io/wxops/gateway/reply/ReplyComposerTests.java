package io.wxops.gateway.reply;

import java.util.List;
import java.util.Optional;

import io.wxops.core.reply.AutoReplyRule;
import io.wxops.core.reply.AutoReplyRule.MatchMode;
import io.wxops.core.reply.AutoReplyRule.TriggerType;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which rule answers which message. */
class ReplyComposerTests {

	final AutoReplyRule exact = rule(1, AutoReplyRule.keyword(1, MatchMode.EXACT, "你好", "exact"));

	final AutoReplyRule contains = rule(2, AutoReplyRule.keyword(1, MatchMode.CONTAINS, "投诉", "contains"));

	final AutoReplyRule longerContains = rule(3,
			AutoReplyRule.keyword(1, MatchMode.CONTAINS, "投诉食堂", "longer contains"));

	final AutoReplyRule welcome = rule(4, AutoReplyRule.text(1, TriggerType.SUBSCRIBE, "welcome"));

	final AutoReplyRule fallback = rule(5, AutoReplyRule.text(1, TriggerType.DEFAULT, "default"));

	final List<AutoReplyRule> all = List.of(this.exact, this.contains, this.longerContains, this.welcome,
			this.fallback);

	@Test
	void keywordsThatNormaliseToOneCharacterOrNothingAreSkipped() {
		AutoReplyRule single = rule(6, AutoReplyRule.keyword(1, MatchMode.CONTAINS, " 好！", "single"));
		AutoReplyRule punctuation = rule(7, AutoReplyRule.keyword(1, MatchMode.EXACT, "？？", "nothing"));
		List<AutoReplyRule> rules = List.of(single, punctuation, this.fallback);
		assertThat(ReplyComposer.choose(rules, text("你好好"))).contains(this.fallback);
		assertThat(ReplyComposer.choose(rules, text("好"))).contains(this.fallback);
		assertThat(ReplyComposer.choose(rules, text("？？"))).contains(this.fallback);
	}

	@Test
	void exactKeywordMatchesTheWholeMessageOnly() {
		assertThat(choose(text(" 你好 "))).contains(this.exact);
		assertThat(choose(text("你好吗"))).contains(this.fallback);
	}

	@Test
	void containsMeansTheMessageContainsTheKeyword() {
		assertThat(choose(text("我要投诉宿舍"))).contains(this.contains);
	}

	@Test
	void aMessageThatIsPartOfTheKeywordDoesNotMatch() {
		// The reversed LIKE of some WeChat admins would match "投" against keyword "投诉".
		assertThat(choose(text("投"))).contains(this.fallback);
	}

	@Test
	void theLongestContainedKeywordWins() {
		assertThat(choose(text("我要投诉食堂的饭菜"))).contains(this.longerContains);
	}

	@Test
	void subscribeGetsTheWelcome() {
		assertThat(choose(event("subscribe"))).contains(this.welcome);
	}

	@Test
	void otherEventsGetNothing() {
		assertThat(choose(event("CLICK"))).isEmpty();
		assertThat(choose(event("unsubscribe"))).isEmpty();
	}

	@Test
	void nonTextMessagesGetTheDefault() {
		WxMpXmlMessage image = new WxMpXmlMessage();
		image.setMsgType("image");
		assertThat(choose(image)).contains(this.fallback);
	}

	@Test
	void withoutADefaultNothingIsSent() {
		assertThat(ReplyComposer.choose(List.of(this.exact), text("hello"))).isEmpty();
	}

	@Test
	void replyGoesFromTheAccountToTheFollower() {
		WxMpXmlMessage m = text("你好");
		m.setFromUser("o_follower");
		m.setToUser("gh_account");
		String xml = ReplyComposer.build(this.exact, m).toXml();
		assertThat(xml).contains("<ToUserName><![CDATA[o_follower]]></ToUserName>")
			.contains("<FromUserName><![CDATA[gh_account]]></FromUserName>")
			.contains("<Content><![CDATA[exact]]></Content>");
	}

	private Optional<AutoReplyRule> choose(WxMpXmlMessage message) {
		return ReplyComposer.choose(this.all, message);
	}

	private static WxMpXmlMessage text(String content) {
		WxMpXmlMessage m = new WxMpXmlMessage();
		m.setMsgType("text");
		m.setContent(content);
		return m;
	}

	private static WxMpXmlMessage event(String event) {
		WxMpXmlMessage m = new WxMpXmlMessage();
		m.setMsgType("event");
		m.setEvent(event);
		return m;
	}

	private static AutoReplyRule rule(long id, AutoReplyRule rule) {
		rule.setId(id);
		return rule;
	}

}
