package io.wxops.gateway.reply;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.wxops.core.account.AccountChangeNotifier;
import io.wxops.core.account.AccountRegistry;
import io.wxops.core.account.AnnualReview;
import io.wxops.core.account.AnnualReviewMapper;
import io.wxops.core.account.AccountStatus;
import io.wxops.core.account.AccountUpdate;
import io.wxops.core.reply.AutoReplyRule;
import io.wxops.core.reply.AutoReplyRule.MatchMode;
import io.wxops.core.reply.AutoReplyRule.ReplyType;
import io.wxops.core.reply.AutoReplyRule.TriggerType;
import io.wxops.devkit.simulator.FollowerSimulator;
import io.wxops.devkit.simulator.FollowerSimulator.Delivery;
import io.wxops.devkit.simulator.SimulatedAccount;
import io.wxops.devkit.simulator.SimulatedAccount.Mode;
import io.wxops.gateway.Fixtures;
import io.wxops.gateway.Fixtures.Registered;
import io.wxops.gateway.GatewayIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Keyword, welcome and default replies as a follower sees them, in every mode. */
@GatewayIntegrationTest
class PassiveReplyIntegrationTests {

	@Autowired
	Fixtures fixtures;

	@Autowired
	AccountRegistry registry;

	@Autowired
	AnnualReviewMapper reviews;

	@Autowired
	AccountChangeNotifier notifier;

	@Test
	void exactKeywordIsAnsweredInPlaintext() {
		Registered account = this.fixtures.account(Mode.PLAINTEXT);
		this.fixtures.addRule(account, AutoReplyRule.keyword(account.snapshot().id(), MatchMode.EXACT, "你好", "您好！"));

		Delivery d = send(account, "你好");

		assertThat(d.body()).contains("<MsgType><![CDATA[text]]></MsgType>")
			.contains("<Content><![CDATA[您好！]]></Content>");
		Map<String, Object> row = this.fixtures.onlyMessage(account);
		assertThat(row.get("reply_status")).isEqualTo("REPLIED");
		assertThat(row.get("reply_xml")).asString().contains("您好！");
	}

	@Test
	void safeModeReplyIsEncryptedAndOpensForWeChat() {
		Registered account = this.fixtures.account(Mode.SAFE);
		this.fixtures.addRule(account,
				AutoReplyRule.keyword(account.snapshot().id(), MatchMode.CONTAINS, "投诉", "已转客服部门处理"));

		Delivery d = send(account, "我要投诉食堂");

		assertThat(d.body()).contains("<Encrypt>").contains("<MsgSignature>").doesNotContain("已转客服部门处理");
		assertThat(d.reply()).contains("<Content><![CDATA[已转客服部门处理]]></Content>");
	}

	@Test
	void compatibleModeRequestGetsAnEncryptedReply() {
		Registered account = this.fixtures.account(Mode.COMPATIBLE);
		this.fixtures.addRule(account, AutoReplyRule.text(account.snapshot().id(), TriggerType.DEFAULT, "默认回复"));

		Delivery d = send(account, "随便说点什么");

		assertThat(d.body()).contains("<Encrypt>");
		assertThat(d.reply()).contains("默认回复");
	}

	@Test
	void keywordThatOnlyContainsTheMessageDoesNotFire() {
		Registered account = this.fixtures.account(Mode.PLAINTEXT);
		this.fixtures.addRule(account,
				AutoReplyRule.keyword(account.snapshot().id(), MatchMode.CONTAINS, "招生简章", "请查看招生简章"));

		assertThat(send(account, "招生").reply()).isEqualTo("success");
		assertThat(send(account, "2026年招生简章在哪").reply()).contains("请查看招生简章");
	}

	@Test
	void subscribeGetsTheWelcomeAndUnmatchedTextTheDefault() {
		Registered account = this.fixtures.account(Mode.SAFE);
		this.fixtures.addRule(account, AutoReplyRule.text(account.snapshot().id(), TriggerType.SUBSCRIBE, "欢迎关注"));
		this.fixtures.addRule(account, AutoReplyRule.text(account.snapshot().id(), TriggerType.DEFAULT, "已收到"));
		String openid = Fixtures.openid();

		Delivery welcome = this.fixtures.simulator()
			.deliver(account.wechat(),
					Fixtures.sample("event-subscribe", account, openid, System.currentTimeMillis() / 1000, 0), openid);
		Delivery other = send(account, "别的问题");
		Delivery click = this.fixtures.simulator()
			.deliver(account.wechat(),
					Fixtures.sample("event-click", account, openid, System.currentTimeMillis() / 1000, 0), openid);

		assertThat(welcome.reply()).contains("欢迎关注");
		assertThat(other.reply()).contains("已收到");
		assertThat(click.reply()).isEqualTo("success");
	}

	@Test
	void menuClickIsAnsweredWithTheClickRuleOfItsKeyEncrypted() {
		Registered account = this.fixtures.account(Mode.SAFE);
		AutoReplyRule click = AutoReplyRule.text(account.snapshot().id(), TriggerType.CLICK, "办事指南：请访问服务大厅");
		click.setKeyword("EVENTKEY");
		this.fixtures.addRule(account, click);
		this.fixtures.addRule(account, AutoReplyRule.text(account.snapshot().id(), TriggerType.DEFAULT, "已收到"));
		String openid = Fixtures.openid();
		String event = Fixtures.sample("event-click", account, openid, System.currentTimeMillis() / 1000, 0);

		Delivery answered = this.fixtures.simulator().deliver(account.wechat(), event, openid);
		Delivery otherKey = this.fixtures.simulator()
			.deliver(account.wechat(), event.replace("EVENTKEY", "OTHER_KEY").replace(openid, openid + "b"),
					openid + "b");

		assertThat(answered.body()).contains("<Encrypt>").doesNotContain("办事指南");
		assertThat(answered.reply()).contains("<MsgType><![CDATA[text]]></MsgType>")
			.contains("<Content><![CDATA[办事指南：请访问服务大厅]]></Content>");
		assertThat(otherKey.reply()).isEqualTo("success");
	}

	/** Keywords match as inbox routing matches them: through spacing and full width. */
	@Test
	void keywordsMatchAsRoutingMatchesThem() {
		Registered account = this.fixtures.account(Mode.PLAINTEXT);
		this.fixtures.addRule(account,
				AutoReplyRule.keyword(account.snapshot().id(), MatchMode.CONTAINS, "投诉", "已转客服部门处理"));
		this.fixtures.addRule(account,
				AutoReplyRule.keyword(account.snapshot().id(), MatchMode.EXACT, "WiFi", "无线网指南"));

		assertThat(send(account, "我要投 诉食堂").reply()).contains("已转客服部门处理");
		assertThat(send(account, "ＷＩＦＩ！").reply()).contains("无线网指南");
	}

	/**
	 * The account's inbox rules apply before a reply: a message they class MALICIOUS gets
	 * none, and a rule added later (announced) applies to the next message.
	 */
	@Test
	void maliciousMessagesGetNoReply() {
		Registered account = this.fixtures.account(Mode.PLAINTEXT);
		this.fixtures.addRule(account, AutoReplyRule.text(account.snapshot().id(), TriggerType.DEFAULT, "已收到"));
		this.fixtures.addRule(account,
				AutoReplyRule.keyword(account.snapshot().id(), MatchMode.CONTAINS, "学校", "学校简介见菜单"));
		inboxRule(account, "骗子 学校", "MALICIOUS");

		assertThat(send(account, "你们是骗子学校！").reply()).isEqualTo("success");
		assertThat(send(account, "学校几点开门").reply()).contains("学校简介见菜单");
		assertThat(send(account, "你好").reply()).contains("已收到");
		assertThat(this.fixtures.jdbc()
			.queryForList("SELECT reply_status FROM wx_inbound_message WHERE account_id = ? ORDER BY id", String.class,
					account.snapshot().id()))
			.containsExactly(null, "REPLIED", "REPLIED");

		inboxRule(account, "广告", "MALICIOUS");
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(send(account, "免费广告").reply()).isEqualTo("success"));
	}

	/**
	 * An account that chose it: a message a rule routes gets only the ticket's
	 * acknowledgement (no passive reply); others still get theirs.
	 */
	@Test
	void routedMessagesGetOnlyTheAcknowledgementWhenTheAccountChoosesIt() {
		Registered account = this.fixtures.account(Mode.PLAINTEXT);
		this.fixtures.addRule(account, AutoReplyRule.text(account.snapshot().id(), TriggerType.DEFAULT, "已收到"));
		this.fixtures.addRule(account,
				AutoReplyRule.keyword(account.snapshot().id(), MatchMode.CONTAINS, "投诉", "已转客服部门处理"));
		inboxRule(account, "投诉", "COMPLAINT");
		assertThat(send(account, "投诉：宿舍热水不足").reply()).contains("已转客服部门处理");

		this.fixtures.jdbc()
			.update("UPDATE wx_account SET routed_ack_only = TRUE WHERE id = ?", account.snapshot().id());
		this.notifier.accountChanged(account.snapshot().appId());

		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(send(account, "投诉：宿舍热水不足").reply()).isEqualTo("success"));
		assertThat(send(account, "图书馆几点开门").reply()).contains("已收到");
	}

	private void inboxRule(Registered account, String pattern, String category) {
		this.fixtures.jdbc()
			.update("INSERT INTO inb_rule (account_id, kind, pattern, category, priority, created_at)"
					+ " VALUES (?, 'KEYWORD', ?, ?, 10, NOW(3))", account.snapshot().id(), pattern, category);
		this.notifier.accountChanged(account.snapshot().appId());
	}

	@Test
	void imageAndNewsRepliesHaveWeChatsShape() {
		Registered account = this.fixtures.account(Mode.PLAINTEXT);
		AutoReplyRule image = AutoReplyRule.keyword(account.snapshot().id(), MatchMode.EXACT, "图片", null);
		image.setReplyType(ReplyType.IMAGE);
		image.setMediaId("MEDIA_ID_1");
		this.fixtures.addRule(account, image);
		AutoReplyRule news = AutoReplyRule.keyword(account.snapshot().id(), MatchMode.EXACT, "新闻", null);
		news.setReplyType(ReplyType.NEWS);
		news.setNewsTitle("开学通知");
		news.setNewsDescription("2026年秋季开学安排");
		news.setNewsPicUrl("https://example.org/p.jpg");
		news.setNewsUrl("https://example.org/n");
		this.fixtures.addRule(account, news);

		assertThat(send(account, "图片").reply()).contains("<MsgType><![CDATA[image]]></MsgType>")
			.contains("<MediaId><![CDATA[MEDIA_ID_1]]></MediaId>");
		assertThat(send(account, "新闻").reply()).contains("<MsgType><![CDATA[news]]></MsgType>")
			.contains("<ArticleCount>1</ArticleCount>")
			.contains("<Title><![CDATA[开学通知]]></Title>")
			.contains("<Url><![CDATA[https://example.org/n]]></Url>");
	}

	@Test
	void suspendedAccountStoresButDoesNotReply() {
		Registered account = this.fixtures.account(Mode.PLAINTEXT);
		this.fixtures.addRule(account, AutoReplyRule.text(account.snapshot().id(), TriggerType.DEFAULT, "默认"));
		this.registry.update(account.snapshot().appId(), AccountUpdate.status(AccountStatus.SUSPENDED));

		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(send(account, "在吗").reply()).isEqualTo("success"));
		assertThat(this.fixtures.messageCount(account)).isPositive();
	}

	@Test
	void accountWhoseAnnualReviewFailedStoresButDoesNotReply() {
		Registered account = this.fixtures.account(Mode.PLAINTEXT);
		this.fixtures.addRule(account, AutoReplyRule.text(account.snapshot().id(), TriggerType.DEFAULT, "默认"));
		assertThat(send(account, "审核前").reply()).contains("默认");
		AnnualReview failed = new AnnualReview();
		failed.setAccountId(account.snapshot().id());
		failed.setCycleYear(2026);
		failed.setReport("年度报告");
		failed.setSubmittedAt(Instant.now());
		failed.setResult("FAIL");
		failed.setDecidedAt(Instant.now());
		failed.setVersion(1);
		this.reviews.insert(failed);
		this.notifier.accountChanged(account.snapshot().appId());

		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(send(account, "审核后").reply()).isEqualTo("success"));
		assertThat(this.fixtures.messageCount(account)).isEqualTo(2);
	}

	@Test
	void callbacksSealedWithThePreviousKeyStillOpenAfterRotationAndAreAnsweredWithIt() {
		Registered account = this.fixtures.account(Mode.SAFE);
		this.fixtures.addRule(account, AutoReplyRule.text(account.snapshot().id(), TriggerType.DEFAULT, "收到"));
		String newKey = "N".repeat(43);
		this.registry.update(account.snapshot().appId(), new AccountUpdate(null, null, null, null, newKey, null));
		SimulatedAccount rotated = new SimulatedAccount(account.wechat().appId(), account.wechat().originalId(),
				account.wechat().token(), newKey, Mode.SAFE);
		String openid = Fixtures.openid();

		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(
					this.fixtures.simulator().deliver(rotated, Fixtures.text(account, openid, "新密钥"), openid).reply())
				.contains("收到"));
		// WeChat may still seal with the old key for a while; reply with the key that
		// worked.
		Delivery old = this.fixtures.simulator()
			.deliver(account.wechat(), Fixtures.text(account, openid, "旧密钥"), openid);
		assertThat(old.status()).isEqualTo(200);
		assertThat(FollowerSimulator.openReply(account.wechat(), old.body())).contains("收到");
	}

	private Delivery send(Registered account, String text) {
		String openid = Fixtures.openid();
		Delivery d = this.fixtures.simulator().deliver(account.wechat(), Fixtures.text(account, openid, text), openid);
		assertThat(d.status()).isEqualTo(200);
		return d;
	}

}
