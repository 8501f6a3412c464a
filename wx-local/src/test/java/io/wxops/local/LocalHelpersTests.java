package io.wxops.local;

import java.util.Map;

import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The launcher's small pieces, without starting anything. */
class LocalHelpersTests {

	@Test
	void followerMessagesParseAsWeChatMessages() {
		WxMpXmlMessage text = WxMpXmlMessage
			.fromXml(FollowerMessages.build("text", Map.of("content", "a ]]> b"), "gh_demo00000001", "o1"));
		assertThat(text.getContent()).isEqualTo("a ]]> b");
		assertThat(text.getToUser()).isEqualTo("gh_demo00000001");
		assertThat(text.getMsgId()).isPositive();
		WxMpXmlMessage location = WxMpXmlMessage
			.fromXml(FollowerMessages.build("location", Map.of("lat", "39.9", "lng", "116.4"), "gh_x", "o1"));
		assertThat(location.getLocationX()).isEqualTo(39.9);
		WxMpXmlMessage click = WxMpXmlMessage
			.fromXml(FollowerMessages.build("CLICK", Map.of("key", "MENU_1"), "gh_x", "o1"));
		assertThat(click.getEvent()).isEqualTo("CLICK");
		assertThat(click.getEventKey()).isEqualTo("MENU_1");
	}

	@Test
	void aFollowerMessageCanComeFromThePast() {
		long twoDaysAgo = System.currentTimeMillis() / 1000 - 49 * 3600;
		WxMpXmlMessage old = WxMpXmlMessage.fromXml(FollowerMessages.build("text",
				Map.of("content", "hi", "createTime", Long.toString(twoDaysAgo)), "gh_x", "o1"));
		assertThat(old.getCreateTime()).isEqualTo(twoDaysAgo);
		assertThatIllegalArgumentException().isThrownBy(
				() -> FollowerMessages.build("text", Map.of("content", "hi", "createTime", "yesterday"), "gh_x", "o1"))
			.withMessageContaining("createTime");
	}

	@Test
	void badFollowerInputIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> FollowerMessages.build("text", Map.of(), "gh_x", "o1"));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> FollowerMessages.build("text", Map.of("content", "x"), "gh_x", "o<1>"));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> FollowerMessages.build("location", Map.of("lat", "91", "lng", "0"), "gh_x", "o1"));
		assertThatIllegalArgumentException().isThrownBy(() -> FollowerMessages.build("video", Map.of(), "gh_x", "o1"));
	}

	@Test
	void jdbcUrlsAreShownWithoutCredentialsOrOptions() {
		assertThat(LocalLauncher.Running.redactedJdbcUrl("jdbc:mysql://u:secret@db:3306/wxops?password=secret"))
			.isEqualTo("jdbc:mysql://db:3306/wxops");
		assertThat(LocalLauncher.lenientConnectTimeout("jdbc:mysql://h/db?a=1&connectTimeout=2000&b=2"))
			.isEqualTo("jdbc:mysql://h/db?a=1&connectTimeout=10000&b=2");
	}

}
