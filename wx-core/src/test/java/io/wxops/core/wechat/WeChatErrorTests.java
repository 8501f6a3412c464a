package io.wxops.core.wechat;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WeChatErrorTests {

	@Test
	void everyTokenErrcodeMeansTheTokenWasRejected() {
		assertThat(WeChatError.forErrcode(40001)).isEqualTo(WeChatError.ACCESS_TOKEN_REJECTED);
		assertThat(WeChatError.forErrcode(40014)).isEqualTo(WeChatError.ACCESS_TOKEN_REJECTED);
		assertThat(WeChatError.forErrcode(42001)).isEqualTo(WeChatError.ACCESS_TOKEN_REJECTED);
	}

	@Test
	void menuErrcodesAreARefusedMenuNotAnUnknownFailure() {
		for (int errcode : new int[] { 40016, 40018, 40025, 40055, 65303, 65320 }) {
			assertThat(WeChatError.forErrcode(errcode)).isEqualTo(WeChatError.MENU_REFUSED);
		}
		assertThat(WeChatError.MENU_REFUSED.status()).isEqualTo(422);
	}

	@Test
	void unlistedErrcodeIsUnknownWithItsOwnType() {
		assertThat(WeChatError.forErrcode(12345)).isEqualTo(WeChatError.UNKNOWN);
		assertThat(WeChatError.UNKNOWN.type(12345)).hasToString("https://wxops.io/problems/wechat/12345");
	}

	@Test
	void secretsInTextsAreMasked() {
		WeChatCallException ex = new WeChatCallException(WeChatError.UNKNOWN, 99999,
				"GET /cgi-bin/x?access_token=TOKEN123&appid=wx1&secret=SECRET456 body {\"secret\":\"SECRET789\"}", null,
				null);

		assertThat(ex.errmsg()).doesNotContain("TOKEN123")
			.doesNotContain("SECRET456")
			.doesNotContain("SECRET789")
			.contains("access_token=***")
			.contains("appid=wx1");
		assertThat(ex.getMessage()).doesNotContain("TOKEN123").doesNotContain("SECRET456");
	}

}
