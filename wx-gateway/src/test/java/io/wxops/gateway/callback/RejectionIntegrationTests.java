package io.wxops.gateway.callback;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import io.wxops.devkit.simulator.Callback;
import io.wxops.devkit.simulator.SimulatedAccount;
import io.wxops.devkit.simulator.SimulatedAccount.Mode;
import io.wxops.gateway.Fixtures;
import io.wxops.gateway.Fixtures.Registered;
import io.wxops.gateway.GatewayIntegrationTest;
import me.chanjar.weixin.common.util.crypto.SHA1;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every refusal: the right status and problem type, nothing stored, and the server still
 * healthy afterwards.
 */
@GatewayIntegrationTest
class RejectionIntegrationTests {

	@Autowired
	Fixtures fixtures;

	final HttpClient http = HttpClient.newHttpClient();

	Registered safe;

	Registered plain;

	@BeforeEach
	void accounts() {
		this.safe = this.fixtures.account(Mode.SAFE);
		this.plain = this.fixtures.account(Mode.PLAINTEXT);
	}

	@AfterEach
	void nothingStoredAndStillHealthy() throws Exception {
		assertThat(this.fixtures.messageCount(this.safe)).isZero();
		assertThat(this.fixtures.messageCount(this.plain)).isZero();
		assertThat(this.fixtures.followerCount(this.safe)).isZero();
		assertThat(this.fixtures.followerCount(this.plain)).isZero();
		HttpResponse<String> health = this.http.send(
				HttpRequest.newBuilder(this.fixtures.baseUri().resolve("/actuator/health")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).contains("\"status\":\"UP\"");
	}

	@Test
	void missingSignatureIsForbidden() throws Exception {
		String xml = Fixtures.text(this.plain, Fixtures.openid(), "hi");
		assertRejected(post(this.plain.wechat(), "timestamp=1&nonce=2", xml), 403, "bad-signature");
	}

	@Test
	void wrongSignatureIsForbidden() throws Exception {
		Callback c = Callback.seal(this.plain.wechat(), Fixtures.text(this.plain, Fixtures.openid(), "hi"), null);
		String tampered = c.query().replaceFirst("signature=[0-9a-f]{40}", "signature=" + "0".repeat(40));
		assertRejected(post(this.plain.wechat(), tampered, c.body()), 403, "bad-signature");
	}

	@Test
	void signatureWithAnotherAccountsTokenIsForbidden() throws Exception {
		SimulatedAccount impostor = new SimulatedAccount(this.plain.wechat().appId(), this.plain.wechat().originalId(),
				"someOtherToken123", this.plain.wechat().aesKey(), Mode.PLAINTEXT);
		Callback c = Callback.seal(impostor, Fixtures.text(this.plain, Fixtures.openid(), "hi"), null);
		assertRejected(post(this.plain.wechat(), c.query(), c.body()), 403, "bad-signature");
	}

	@Test
	void wrongMsgSignatureIsForbidden() throws Exception {
		Callback c = Callback.seal(this.safe.wechat(), Fixtures.text(this.safe, Fixtures.openid(), "hi"), null);
		String tampered = c.query().replaceFirst("msg_signature=[0-9a-f]{40}", "msg_signature=" + "1".repeat(40));
		assertRejected(post(this.safe.wechat(), tampered, c.body()), 403, "bad-signature");
	}

	@Test
	void unknownAppIdIsNotFound() throws Exception {
		SimulatedAccount ghost = new SimulatedAccount("wx00000000000000ff", "gh_ghost", "token123", null,
				Mode.PLAINTEXT);
		Callback c = Callback.seal(ghost, Fixtures.text(this.plain, Fixtures.openid(), "hi"), null);
		assertRejected(post(ghost, c.query(), c.body()), 404, "unknown-account");
	}

	@Test
	void oversizedBodyIsRefused() throws Exception {
		String big = Fixtures.text(this.plain, Fixtures.openid(), "x".repeat(70 * 1024));
		Callback c = Callback.seal(this.plain.wechat(), big, null);
		assertRejected(post(this.plain.wechat(), c.query(), c.body()), 413, "body-too-large");
	}

	@Test
	void malformedXmlIsBadRequest() throws Exception {
		Callback c = Callback.seal(this.plain.wechat(), "<xml><ToUserName>oops</xml", null);
		assertRejected(post(this.plain.wechat(), c.query(), c.body()), 400, "malformed-xml");
	}

	@Test
	void notXmlAtAllIsBadRequest() throws Exception {
		Callback c = Callback.seal(this.plain.wechat(), "{\"json\":true}", null);
		assertRejected(post(this.plain.wechat(), c.query(), c.body()), 400, "malformed-xml");
	}

	@Test
	void externalEntityIsRefused() throws Exception {
		String xxe = "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
				+ "<xml><ToUserName>" + this.plain.wechat().originalId()
				+ "</ToUserName><FromUserName>o1</FromUserName>"
				+ "<CreateTime>1</CreateTime><MsgType>text</MsgType><Content>&x;</Content><MsgId>1</MsgId></xml>";
		Callback c = Callback.seal(this.plain.wechat(), xxe, null);
		HttpResponse<String> response = post(this.plain.wechat(), c.query(), c.body());
		assertRejected(response, 400, "forbidden-xml");
		assertThat(response.body()).doesNotContain("root:");
	}

	@Test
	void entityExpansionIsRefused() throws Exception {
		String lol = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
				+ "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
				+ "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]>"
				+ "<xml><Content>&lol3;</Content></xml>";
		Callback c = Callback.seal(this.plain.wechat(), lol, null);
		assertRejected(post(this.plain.wechat(), c.query(), c.body()), 400, "forbidden-xml");
	}

	@Test
	void encryptedDoctypeIsRefused() throws Exception {
		String inner = "<!DOCTYPE xml [<!ENTITY x SYSTEM \"file:///etc/hostname\">]><xml><ToUserName>"
				+ this.safe.wechat().originalId() + "</ToUserName><Content>&x;</Content></xml>";
		Callback c = Callback.seal(this.safe.wechat(), inner, null);
		assertRejected(post(this.safe.wechat(), c.query(), c.body()), 400, "forbidden-xml");
	}

	@Test
	void undecryptablePayloadIsBadRequest() throws Exception {
		String timestamp = "1700000000";
		String nonce = "abc";
		String encrypt = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
		String token = this.safe.wechat().token();
		String query = "signature=" + SHA1.gen(token, timestamp, nonce) + "&timestamp=" + timestamp + "&nonce=" + nonce
				+ "&encrypt_type=aes&msg_signature=" + SHA1.gen(token, timestamp, nonce, encrypt);
		String body = "<xml><ToUserName><![CDATA[" + this.safe.wechat().originalId()
				+ "]]></ToUserName><Encrypt><![CDATA[" + encrypt + "]]></Encrypt></xml>";
		assertRejected(post(this.safe.wechat(), query, body), 400, "undecryptable");
	}

	@Test
	void payloadSealedForAnotherAppIdIsBadRequest() throws Exception {
		// Same Token and key, different AppID inside the ciphertext: WxJava alone would
		// accept it.
		SimulatedAccount other = new SimulatedAccount("wx1111111111111111", this.safe.wechat().originalId(),
				this.safe.wechat().token(), this.safe.wechat().aesKey(), Mode.SAFE);
		Callback c = Callback.seal(other, Fixtures.text(this.safe, Fixtures.openid(), "hi"), null);
		assertRejected(post(this.safe.wechat(), c.query(), c.body()), 400, "appid-mismatch");
	}

	@Test
	void plaintextToSafeModeAccountIsBadRequest() throws Exception {
		Callback c = Callback.seal(this.safe.wechat().withMode(Mode.PLAINTEXT),
				Fixtures.text(this.safe, Fixtures.openid(), "hi"), null);
		assertRejected(post(this.safe.wechat(), c.query(), c.body()), 400, "mode-mismatch");
	}

	@Test
	void messageForAnotherAccountIsBadRequest() throws Exception {
		String xml = Fixtures.text(this.safe, Fixtures.openid(), "hi");
		Callback c = Callback.seal(this.plain.wechat(), xml, null);
		assertRejected(post(this.plain.wechat(), c.query(), c.body()), 400, "wrong-recipient");
	}

	@Test
	void messageWithoutSenderIsBadRequest() throws Exception {
		String xml = "<xml><ToUserName>" + this.plain.wechat().originalId()
				+ "</ToUserName><CreateTime>1</CreateTime><MsgType>text</MsgType></xml>";
		Callback c = Callback.seal(this.plain.wechat(), xml, null);
		assertRejected(post(this.plain.wechat(), c.query(), c.body()), 400, "incomplete");
	}

	@Test
	void urlVerificationEchoesOnlyWithAValidSignature() throws Exception {
		HttpResponse<String> ok = get(this.plain.wechat(), Callback.verificationQuery(this.plain.wechat(), "echo123"));
		assertThat(ok.statusCode()).isEqualTo(200);
		assertThat(ok.body()).isEqualTo("echo123");
		HttpResponse<String> bad = get(this.plain.wechat(),
				"signature=" + "0".repeat(40) + "&timestamp=1&nonce=2&echostr=echo123");
		assertRejected(bad, 403, "bad-signature");
		assertThat(bad.body()).doesNotContain("echo123");
	}

	private HttpResponse<String> post(SimulatedAccount account, String query, String body) throws Exception {
		return this.http.send(HttpRequest.newBuilder(uri(account, query))
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
			.header("Content-Type", "text/xml")
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> get(SimulatedAccount account, String query) throws Exception {
		return this.http.send(HttpRequest.newBuilder(uri(account, query)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(SimulatedAccount account, String query) {
		return this.fixtures.baseUri().resolve("/wx/" + account.appId() + "/callback?" + query);
	}

	private static void assertRejected(HttpResponse<String> response, int status, String type) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying(ct -> assertThat(ct).startsWith("application/problem+json"));
		assertThat(response.body()).contains("\"type\":\"https://wxops.io/problems/callback/" + type + "\"");
	}

}
