package io.wxops.gateway.intake;

import java.util.Map;

import io.wxops.core.account.AccountSnapshot;
import io.wxops.core.account.AccountStatus;
import io.wxops.core.account.AccountType;
import io.wxops.core.account.MessageMode;
import io.wxops.gateway.callback.ParsedCallback;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The dedup identity follows WeChat's rules. */
class DedupKeyTests {

	static final AccountSnapshot ACCOUNT = new AccountSnapshot(1, "wx0000000000000001", "gh_000000000001", "a",
			AccountType.SUBSCRIPTION, MessageMode.PLAINTEXT, AccountStatus.ACTIVE, "token", null, null, null, 1);

	@Test
	void messagesAreIdentifiedByMsgIdAndSender() {
		DedupKey a = key("<MsgType>text</MsgType><Content>a</Content><MsgId>42</MsgId>", "o1", 100);
		DedupKey sameIdOtherTime = key("<MsgType>text</MsgType><Content>a</Content><MsgId>42</MsgId>", "o1", 101);
		DedupKey sameIdOtherSender = key("<MsgType>text</MsgType><Content>a</Content><MsgId>42</MsgId>", "o2", 100);

		assertThat(sameIdOtherTime).isEqualTo(a);
		assertThat(sameIdOtherSender.hash()).isNotEqualTo(a.hash());
	}

	@Test
	void differentEventsInTheSameSecondStayApart() {
		DedupKey click = key("<MsgType>event</MsgType><Event>CLICK</Event><EventKey>A</EventKey>", "o1", 100);
		DedupKey otherKey = key("<MsgType>event</MsgType><Event>CLICK</Event><EventKey>B</EventKey>", "o1", 100);
		DedupKey view = key("<MsgType>event</MsgType><Event>VIEW</Event><EventKey>A</EventKey>", "o1", 100);
		DedupKey loc1 = key("<MsgType>event</MsgType><Event>LOCATION</Event><Latitude>1</Latitude>", "o1", 100);
		DedupKey loc2 = key("<MsgType>event</MsgType><Event>LOCATION</Event><Latitude>2</Latitude>", "o1", 100);

		assertThat(click.hash()).isNotEqualTo(otherKey.hash()).isNotEqualTo(view.hash());
		assertThat(loc1.hash()).isNotEqualTo(loc2.hash());
	}

	@Test
	void theSameEventRetriedIsTheSameKey() {
		String xml = "<MsgType>event</MsgType><Event>subscribe</Event><EventKey>qrscene_1</EventKey><Ticket>T</Ticket>";
		assertThat(key(xml, "o1", 100)).isEqualTo(key(xml, "o1", 100));
		assertThat(key(xml, "o1", 100).hash()).isNotEqualTo(key(xml, "o1", 101).hash());
	}

	@Test
	void massSendJobIsIdentifiedByItsCapitalDMsgId() {
		String job = "<MsgType>event</MsgType><Event>MASSSENDJOBFINISH</Event><MsgID>1000001625</MsgID>"
				+ "<Status>send success</Status>";
		DedupKey first = key(job, "o1", 100);
		DedupKey repushed = key(job, "o1", 999);
		DedupKey otherJob = key(job.replace("1000001625", "1000001626"), "o1", 100);

		assertThat(first.identity()).startsWith("job|masssendjobfinish|1000001625");
		assertThat(repushed).isEqualTo(first);
		assertThat(otherJob.hash()).isNotEqualTo(first.hash());
	}

	private static DedupKey key(String body, String from, long createTime) {
		String xml = "<xml><ToUserName>gh_000000000001</ToUserName><FromUserName>" + from
				+ "</FromUserName><CreateTime>" + createTime + "</CreateTime>" + body + "</xml>";
		WxMpXmlMessage message = WxMpXmlMessage.fromXml(xml);
		Map<String, Object> fields = message.getAllFieldsMap();
		return DedupKey.of(new ParsedCallback(ACCOUNT, message, fields, false, null));
	}

}
