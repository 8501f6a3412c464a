package io.wxops.devkit.simulator;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

import me.chanjar.weixin.common.util.crypto.SHA1;
import me.chanjar.weixin.common.util.crypto.WxCryptUtil;
import me.chanjar.weixin.mp.config.impl.WxMpDefaultConfigImpl;
import me.chanjar.weixin.mp.util.crypto.WxMpCryptUtil;

/**
 * One callback exactly as WeChat would send it: the query string (signature, timestamp,
 * nonce, openid, and in compatible/safe mode encrypt_type=aes and msg_signature) and the
 * body.
 */
public record Callback(String query, String body) {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final String ALPHANUM = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

	/** Seals a plaintext message for the account with a fresh timestamp and nonce. */
	public static Callback seal(SimulatedAccount account, String plainXml, String openid) {
		return seal(account, plainXml, openid, String.valueOf(System.currentTimeMillis() / 1000), randomString(10));
	}

	public static Callback seal(SimulatedAccount account, String plainXml, String openid, String timestamp,
			String nonce) {
		String signature = SHA1.gen(account.token(), timestamp, nonce);
		StringBuilder query = new StringBuilder().append("signature=")
			.append(signature)
			.append("&timestamp=")
			.append(timestamp)
			.append("&nonce=")
			.append(nonce);
		if (openid != null) {
			query.append("&openid=").append(URLEncoder.encode(openid, StandardCharsets.UTF_8));
		}
		if (account.mode() == SimulatedAccount.Mode.PLAINTEXT) {
			return new Callback(query.toString(), plainXml);
		}
		String encrypt = crypt(account).encrypt(randomString(16), plainXml);
		String msgSignature = SHA1.gen(account.token(), timestamp, nonce, encrypt);
		query.append("&encrypt_type=aes&msg_signature=").append(msgSignature);
		String body;
		if (account.mode() == SimulatedAccount.Mode.SAFE) {
			body = "<xml><ToUserName><![CDATA[" + account.originalId() + "]]></ToUserName><Encrypt><![CDATA[" + encrypt
					+ "]]></Encrypt></xml>";
		}
		else {
			// Compatible mode: the plaintext fields and the ciphertext in one body.
			int end = plainXml.lastIndexOf("</xml>");
			body = plainXml.substring(0, end) + "<Encrypt><![CDATA[" + encrypt + "]]></Encrypt></xml>";
		}
		return new Callback(query.toString(), body);
	}

	/** The GET WeChat sends to verify the URL. */
	public static String verificationQuery(SimulatedAccount account, String echostr) {
		String timestamp = String.valueOf(System.currentTimeMillis() / 1000);
		String nonce = randomString(10);
		return "signature=" + SHA1.gen(account.token(), timestamp, nonce) + "&timestamp=" + timestamp + "&nonce="
				+ nonce + "&echostr=" + echostr;
	}

	static String randomString(int length) {
		StringBuilder sb = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			sb.append(ALPHANUM.charAt(RANDOM.nextInt(ALPHANUM.length())));
		}
		return sb.toString();
	}

	/**
	 * WxJava's crypto with the JDK's Base64, which accepts every key the console issues.
	 */
	static WxCryptUtil crypt(SimulatedAccount account) {
		WxMpDefaultConfigImpl config = new WxMpDefaultConfigImpl();
		config.setToken(account.token());
		config.setAesKey(account.aesKey());
		config.setAppId(account.appId());
		return new WxMpCryptUtil(config);
	}

}
