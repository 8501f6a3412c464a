package io.wxops.gateway.callback;

import java.util.Map;
import java.util.stream.Stream;

import io.wxops.devkit.simulator.FollowerSimulator.Delivery;
import io.wxops.devkit.simulator.SimulatedAccount.Mode;
import io.wxops.gateway.Fixtures;
import io.wxops.gateway.Fixtures.Registered;
import io.wxops.gateway.GatewayIntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every message and event type, from the XML samples of WeChat's documentation, in
 * plaintext, compatible and safe mode: acknowledged, stored once, with its fields.
 */
@GatewayIntegrationTest
class MessageTypesIntegrationTests {

	@Autowired
	Fixtures fixtures;

	@Autowired
	JsonMapper json;

	static Stream<Arguments> samples() {
		Object[][] cases = {
				// sample, msg_type, event, a field that must be stored, its value
				{ "text", "text", null, "Content", "this is a test" },
				{ "image", "image", null, "PicUrl", "this is a url" },
				{ "voice", "voice", null, "Recognition", "腾讯微信团队" },
				{ "video", "video", null, "ThumbMediaId", "thumb_media_id" },
				{ "shortvideo", "shortvideo", null, "ThumbMediaId", "thumb_media_id" },
				{ "location", "location", null, "Label", "位置信息" }, { "link", "link", null, "Url", "url" },
				{ "event-subscribe", "event", "subscribe", "Event", "subscribe" },
				{ "event-subscribe-qrscene", "event", "subscribe", "Ticket", "TICKET" },
				{ "event-unsubscribe", "event", "unsubscribe", "Event", "unsubscribe" },
				{ "event-scan", "event", "SCAN", "EventKey", "SCENE_VALUE" },
				{ "event-location", "event", "LOCATION", "Precision", "119.385040" },
				{ "event-click", "event", "CLICK", "EventKey", "EVENTKEY" },
				{ "event-view", "event", "VIEW", "MenuId", "MENUID" },
				{ "event-masssendjobfinish", "event", "MASSSENDJOBFINISH", "Status", "err(30003)" },
				{ "event-templatesendjobfinish", "event", "TEMPLATESENDJOBFINISH", "Status", "success" },
				{ "event-publishjobfinish", "event", "PUBLISHJOBFINISH", "PublishEventInfo", null },
				{ "event-scancode-push", "event", "scancode_push", "ScanCodeInfo", null },
				{ "event-location-select", "event", "location_select", "SendLocationInfo", null } };
		return Stream.of(Mode.values())
			.flatMap(mode -> Stream.of(cases).map(c -> Arguments.of(mode, c[0], c[1], c[2], c[3], c[4])));
	}

	@ParameterizedTest(name = "{1} in {0} mode")
	@MethodSource("samples")
	void everyTypeIsAcknowledgedAndStoredWithItsFields(Mode mode, String sample, String msgType, String event,
			String field, String value) {
		Registered account = this.fixtures.account(mode);
		String openid = Fixtures.openid();
		long msgId = Fixtures.nextMsgId();
		String xml = Fixtures.sample(sample, account, openid, System.currentTimeMillis() / 1000, msgId);

		Delivery delivery = this.fixtures.simulator().deliver(account.wechat(), xml, openid);

		assertThat(delivery.status()).isEqualTo(200);
		assertThat(delivery.reply()).isEqualTo("success");
		assertThat(delivery.attempts()).hasSize(1);
		assertThat(this.fixtures.messageCount(account)).isEqualTo(1);
		Map<String, Object> row = this.fixtures.onlyMessage(account);
		assertThat(row.get("msg_type")).isEqualTo(msgType);
		assertThat(row.get("event")).isEqualTo(event);
		assertThat(row.get("encrypted")).isEqualTo(mode != Mode.PLAINTEXT);
		Map<?, ?> fields = this.json.readValue((String) row.get("fields"), Map.class);
		assertThat(fields.containsKey(field)).as("field %s stored", field).isTrue();
		if (value != null) {
			assertThat(String.valueOf(fields.get(field))).isEqualTo(value);
		}
		else {
			assertThat(fields.get(field)).isInstanceOf(Map.class);
		}
		if (sample.startsWith("event-") && (sample.contains("jobfinish"))) {
			assertThat(row.get("msg_id")).isEqualTo(sample.contains("publish") ? null : String.valueOf(msgId));
		}
		else if (!"event".equals(msgType)) {
			assertThat(row.get("msg_id")).isEqualTo(String.valueOf(msgId));
			assertThat(row.get("from_user")).isEqualTo(openid);
		}
	}

}
