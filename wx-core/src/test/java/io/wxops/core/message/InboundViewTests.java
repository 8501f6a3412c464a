package io.wxops.core.message;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InboundViewTests {

	private static InboundMessage row(String msgType, String event, String content, String fields) {
		InboundMessage m = new InboundMessage();
		m.setId(7L);
		m.setAccountId(3L);
		m.setMsgType(msgType);
		m.setEvent(event);
		m.setFromUser("o_follower");
		m.setCreateTime(1_700_000_000L);
		m.setContent(content);
		m.setFields(fields);
		return m;
	}

	@Test
	void textMessageIsAFollowerMessageDescribedByItsText() {
		InboundMessage row = row("text", null, "投诉：热水", "{\"MsgId\":\"1\",\"Content\":\"投诉：热水\"}");
		row.setMsgId("1");
		InboundView v = InboundView.of(row);
		assertThat(v.kind()).isEqualTo(InboundKind.FOLLOWER_MESSAGE);
		assertThat(v.fromFollower()).isTrue();
		assertThat(v.id()).isEqualTo(7L);
		assertThat(v.accountId()).isEqualTo(3L);
		assertThat(v.openid()).isEqualTo("o_follower");
		assertThat(v.msgId()).isEqualTo("1");
		assertThat(v.createdAt()).isEqualTo(Instant.ofEpochSecond(1_700_000_000L));
		assertThat(v.describe()).isEqualTo("投诉：热水");
		assertThat(v.mediaId()).isNull();
		assertThat(v.jobFinish()).isNull();
	}

	@Test
	void imageMessageCarriesItsMediaIdAndNoDescription() {
		InboundView v = InboundView.of(row("image", null, null, "{\"PicUrl\":\"http://x\",\"MediaId\":\"m-1\"}"));
		assertThat(v.kind()).isEqualTo(InboundKind.FOLLOWER_MESSAGE);
		assertThat(v.mediaId()).isEqualTo("m-1");
		assertThat(v.describe()).isNull();
	}

	@Test
	void locationLinkAndVoiceAreDescribedByLabelTitleAndRecognition() {
		assertThat(InboundView.of(row("location", null, null, "{\"Label\":\"图书馆\"}")).describe()).isEqualTo("图书馆");
		assertThat(InboundView.of(row("link", null, null, "{\"Title\":\"通知\"}")).describe()).isEqualTo("通知");
		InboundView voice = InboundView.of(row("voice", null, null, "{\"MediaId\":\"v-1\",\"Recognition\":\"你好\"}"));
		assertThat(voice.describe()).isEqualTo("你好");
		assertThat(voice.recognition()).isEqualTo("你好");
		assertThat(voice.mediaId()).isEqualTo("v-1");
	}

	@Test
	void menuClickIsDescribedByItsEventKeyWhateverTheEventsCase() {
		InboundMessage row = row("event", "click", null, "{\"Event\":\"click\",\"EventKey\":\"ABOUT\"}");
		row.setEventKey("ABOUT");
		InboundView v = InboundView.of(row);
		assertThat(v.kind()).isEqualTo(InboundKind.MENU_CLICK);
		assertThat(v.menuClick()).isTrue();
		assertThat(v.fromFollower()).isFalse();
		assertThat(v.describe()).isEqualTo("ABOUT");
	}

	@Test
	void otherEventsAndUnknownTypesAreNeitherMessagesNorClicks() {
		assertThat(InboundView.of(row("event", "subscribe", null, "{}")).kind()).isEqualTo(InboundKind.OTHER_EVENT);
		assertThat(InboundView.of(row("miniprogrampage", null, null, "{}")).kind()).isEqualTo(InboundKind.OTHER);
	}

	@Test
	void receivedAtIsPreferredOverCreateTimeForTheThreadOrder() {
		InboundMessage row = row("text", null, "a", "{}");
		assertThat(InboundView.of(row).arrivedAt()).isEqualTo(Instant.ofEpochSecond(1_700_000_000L));
		row.setReceivedAt(Instant.parse("2023-11-14T22:13:20.345Z"));
		assertThat(InboundView.of(row).arrivedAt()).isEqualTo(Instant.parse("2023-11-14T22:13:20.345Z"));
	}

	@Test
	void unreadableFieldsLeaveTheColumns() {
		InboundView v = InboundView.of(row("text", null, "hi", "{not json"));
		assertThat(v.describe()).isEqualTo("hi");
		assertThat(v.mediaId()).isNull();
		assertThat(InboundView.of(row("image", null, null, null)).mediaId()).isNull();
	}

	@Test
	void jobFinishReportIsParsedWithCountsAndArticleUrls() {
		String fields = """
				{"MsgType":"event","Event":"MASSSENDJOBFINISH","MsgID":"1000001625","Status":"send success",
				 "TotalCount":"100","FilterCount":"80","SentCount":"75","ErrorCount":" 5 ",
				 "CopyrightCheckResult":{"Count":"0","CheckState":"2"},
				 "ArticleUrlResult":{"Count":"2","ResultList":{"item":[
				   {"ArticleIdx":"1","ArticleUrl":"https://mp.weixin.qq.com/s/a"},
				   {"ArticleIdx":"2","ArticleUrl":"https://mp.weixin.qq.com/s/b"}]}}}""";
		InboundView v = InboundView.of(row("event", "MASSSENDJOBFINISH", null, fields));
		assertThat(v.kind()).isEqualTo(InboundKind.MASS_SEND_JOB_FINISH);
		assertThat(v.msgId()).isEqualTo("1000001625");
		InboundView.JobFinish f = v.jobFinish();
		assertThat(f.status()).isEqualTo("send success");
		assertThat(f.totalCount()).isEqualTo(100);
		assertThat(f.filterCount()).isEqualTo(80);
		assertThat(f.sentCount()).isEqualTo(75);
		assertThat(f.errorCount()).isEqualTo(5);
		assertThat(f.copyrightCheckResult()).contains("\"CheckState\":\"2\"");
		assertThat(f.articleUrls()).containsExactly(new InboundView.ArticleUrl(1, "https://mp.weixin.qq.com/s/a"),
				new InboundView.ArticleUrl(2, "https://mp.weixin.qq.com/s/b"));
	}

	@Test
	void jobFinishWithOneArticleOrMissingCountsIsStillRead() {
		String fields = """
				{"Status":"err(10001)","TotalCount":"x",
				 "ArticleUrlResult":{"ResultList":{"item":{"ArticleIdx":"1","ArticleUrl":"https://u"}}}}""";
		InboundView.JobFinish f = InboundView.JobFinish.of(fields);
		assertThat(f.status()).isEqualTo("err(10001)");
		assertThat(f.totalCount()).isNull();
		assertThat(f.sentCount()).isNull();
		assertThat(f.copyrightCheckResult()).isNull();
		assertThat(f.articleUrls()).containsExactly(new InboundView.ArticleUrl(1, "https://u"));
		assertThat(InboundView.JobFinish.of(null).articleUrls()).isEmpty();
	}

	@Test
	void kindOfTypeAndEvent() {
		assertThat(InboundKind.FOLLOWER_MESSAGE_TYPES)
			.allSatisfy((t) -> assertThat(InboundKind.of(t, null)).isEqualTo(InboundKind.FOLLOWER_MESSAGE));
		assertThat(InboundKind.FOLLOWER_MESSAGE_TYPES_SQL).isEqualTo(
				String.join(", ", InboundKind.FOLLOWER_MESSAGE_TYPES.stream().map((t) -> "'" + t + "'").toList()));
		assertThat(InboundKind.of("event", "CLICK")).isEqualTo(InboundKind.MENU_CLICK);
		assertThat(InboundKind.of(null, null)).isEqualTo(InboundKind.OTHER);
	}

}
