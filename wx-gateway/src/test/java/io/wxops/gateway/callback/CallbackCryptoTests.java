package io.wxops.gateway.callback;

import me.chanjar.weixin.common.util.crypto.WxCryptUtil;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** WeChat's official sample vectors and the checks WxJava leaves out. */
class CallbackCryptoTests {

	// The official demo's vector: token pamtest, this EncodingAESKey, this AppID.
	static final String TOKEN = "pamtest";

	static final String AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

	static final String APP_ID = "wxb11529c136998cb6";

	static final String SAMPLE_CIPHERTEXT = "jn1L23DB+6ELqJ+6bruv23M2GmYfkv0xBh2h+XTBOKVKcgDFHle6gqcZ1cZrk3e1qjPQ1F4RsLWzQRG9udbKWesxlkupqcEcW7ZQweImX9+wLMa0GaUzpkycA8+IamDBxn5loLgZpnS7fVAbExOkK5DYHBmv5tptA9tklE/fTIILHR8HLXa5nQvFb3tYPKAlHF3rtTeayNf0QuM+UW/wM9enGIDIJHF7CLHiDNAYxr+r+OrJCmPQyTy8cVWlu9iSvOHPT/77bZqJucQHQ04sq7KZI27OcqpQNSto2OdHCoTccjggX5Z9Mma0nMJBU+jLKJ38YB1fBIz+vBzsYjrTmFQ44YfeEuZ+xRTQwr92vhA9OxchWVINGC50qE/6lmkwWTwGX9wtQpsJKhP+oS7rvTY8+VdzETdfakjkwQ5/Xka042OlUb1/slTwo4RscuQ+RdxSGvDahxAJ6+EAjLt9d8igHngxIbf6YyqqROxuxqIeIch3CssH/LqRs+iAcILvApYZckqmA7FNERspKA5f8GoJ9sv8xmGvZ9Yrf57cExWtnX8aCMMaBropU/1k+hKP5LVdzbWCG0hGwx/dQudYR/eXp3P0XxjlFiy+9DMlaFExWUZQDajPkdPrEeOwofJb";

	static final String SAMPLE_PLAINTEXT = "<xml><ToUserName><![CDATA[oia2Tj我是中文jewbmiOUlr6X-1crbLOvLw]]></ToUserName><FromUserName><![CDATA[gh_7f083739789a]]></FromUserName><CreateTime>1407743423</CreateTime><MsgType><![CDATA[video]]></MsgType><Video><MediaId><![CDATA[eYJ1MbwPRJtOvIEabaxHs7TX2D-HV71s79GUxqdUkjm6Gs2Ed1KF3ulAOA9H1xG0]]></MediaId><Title><![CDATA[testCallBackReplyVideo]]></Title><Description><![CDATA[testCallBackReplyVideo]]></Description></Video></xml>";

	@Test
	void officialSampleVectorDecryptsWithItsAppId() {
		CallbackCrypto.Opened opened = CallbackCrypto.open(AES_KEY, SAMPLE_CIPHERTEXT);

		assertThat(opened.xml()).isEqualTo(SAMPLE_PLAINTEXT);
		assertThat(opened.appId()).isEqualTo(APP_ID);
	}

	@Test
	void officialShortVectorDecrypts() {
		CallbackCrypto.Opened opened = CallbackCrypto.open(AES_KEY,
				"jn1L23DB+6ELqJ+6bruv21Y6MD7KeIfP82D6gU39rmkgczbWwt5+3bnyg5K55bgVtVzd832WzZGMhkP72vVOfg==");

		assertThat(opened.xml()).isEqualTo("我是中文abcd123");
		assertThat(opened.appId()).isEqualTo(APP_ID);
	}

	@Test
	void officialUrlVerificationSignatureMatches() {
		assertThat(CallbackCrypto.signatureMatches("AAAAA", "1714036504", "1514711492",
				"f464b24fc39322e44b38aa78f5edd27bd1441696"))
			.isTrue();
		assertThat(CallbackCrypto.signatureMatches("AAAAB", "1714036504", "1514711492",
				"f464b24fc39322e44b38aa78f5edd27bd1441696"))
			.isFalse();
	}

	@Test
	void sealedReplyOpensWithWxJavaAndCarriesOurAppId() {
		String sealed = CallbackCrypto.sealReply(TOKEN, AES_KEY, APP_ID, "<xml><Content>回复</Content></xml>");
		String encrypt = sealed.replaceAll("(?s).*<Encrypt><!\\[CDATA\\[(.*?)]]></Encrypt>.*", "$1");

		assertThat(CallbackCrypto.open(AES_KEY, encrypt).appId()).isEqualTo(APP_ID);
		assertThat(CallbackCrypto.open(AES_KEY, encrypt).xml()).isEqualTo("<xml><Content>回复</Content></xml>");
		assertThat(sealed).contains("<MsgSignature>").contains("<TimeStamp>").contains("<Nonce>");
	}

	@Test
	void ciphertextForAnotherAppIdRevealsThatAppId() {
		String other = new WxCryptUtil(TOKEN, "KkzLQlRqyGZbMS9RoQtC4TVWs0RFyo2tBntUGzrQeRg", "wx0000000000000000")
			.encrypt("abcdabcdabcdabcd", "<xml/>");

		CallbackCrypto.Opened opened = CallbackCrypto.open("KkzLQlRqyGZbMS9RoQtC4TVWs0RFyo2tBntUGzrQeRg", other);

		assertThat(opened.appId()).isEqualTo("wx0000000000000000");
	}

	@Test
	void wrongKeyIsUndecryptable() {
		assertThatThrownBy(() -> CallbackCrypto.open("KkzLQlRqyGZbMS9RoQtC4TVWs0RFyo2tBntUGzrQeRg", SAMPLE_CIPHERTEXT))
			.isInstanceOfSatisfying(CallbackRejectedException.class,
					ex -> assertThat(ex.rejection()).isEqualTo(Rejection.UNDECRYPTABLE));
	}

	@Test
	void garbageIsUndecryptable() {
		assertThatThrownBy(() -> CallbackCrypto.open(AES_KEY, "not base64 at all!"))
			.isInstanceOf(CallbackRejectedException.class);
		assertThatThrownBy(() -> CallbackCrypto.open(AES_KEY, "QUJD")).isInstanceOf(CallbackRejectedException.class);
	}

}
