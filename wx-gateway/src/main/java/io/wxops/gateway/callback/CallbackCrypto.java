package io.wxops.gateway.callback;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import me.chanjar.weixin.common.util.crypto.PKCS7Encoder;
import me.chanjar.weixin.common.util.crypto.SHA1;
import me.chanjar.weixin.common.util.crypto.WxCryptUtil;
import me.chanjar.weixin.mp.config.impl.WxMpDefaultConfigImpl;
import me.chanjar.weixin.mp.util.crypto.WxMpCryptUtil;

/**
 * WeChat's callback signatures and message encryption.
 *
 * <p>
 * Signatures and reply encryption are WxJava's ({@link SHA1}, {@link WxCryptUtil}).
 * Opening a ciphertext is done here with the JDK's AES and WxJava's PKCS#7 helper because
 * WxJava throws away the AppID sealed after the message (its check has been commented out
 * since 2019), and we must compare it: a payload sealed for another account is refused.
 */
public final class CallbackCrypto {

	private CallbackCrypto() {
	}

	/** {@code signature}: sha1 of the sorted Token, timestamp and nonce. */
	public static boolean signatureMatches(String token, String timestamp, String nonce, String signature) {
		if (signature == null || timestamp == null || nonce == null) {
			return false;
		}
		return constantTimeEquals(SHA1.gen(token, timestamp, nonce), signature);
	}

	/** {@code msg_signature}: sha1 of the sorted Token, timestamp, nonce and Encrypt. */
	public static boolean msgSignatureMatches(String token, String timestamp, String nonce, String encrypt,
			String msgSignature) {
		if (msgSignature == null || timestamp == null || nonce == null || encrypt == null) {
			return false;
		}
		return constantTimeEquals(SHA1.gen(token, timestamp, nonce, encrypt), msgSignature);
	}

	/**
	 * Decrypts {@code Encrypt} with an EncodingAESKey.
	 * @return the message and the AppID sealed with it
	 * @throws CallbackRejectedException {@link Rejection#UNDECRYPTABLE} when the key does
	 * not fit
	 */
	public static Opened open(String encodingAesKey, String encrypt) {
		byte[] key = aesKey(encodingAesKey);
		byte[] plain;
		try {
			byte[] sealed = Base64.getDecoder().decode(encrypt.trim());
			if (sealed.length == 0 || sealed.length % 16 != 0) {
				throw new CallbackRejectedException(Rejection.UNDECRYPTABLE);
			}
			Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(key, 0, 16));
			plain = PKCS7Encoder.decode(cipher.doFinal(sealed));
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			throw new CallbackRejectedException(Rejection.UNDECRYPTABLE);
		}
		// 16 random bytes, 4-byte big-endian length, the message, then the AppID.
		if (plain.length < 20) {
			throw new CallbackRejectedException(Rejection.UNDECRYPTABLE);
		}
		int length = ((plain[16] & 0xff) << 24) | ((plain[17] & 0xff) << 16) | ((plain[18] & 0xff) << 8)
				| (plain[19] & 0xff);
		if (length < 0 || 20L + length > plain.length) {
			throw new CallbackRejectedException(Rejection.UNDECRYPTABLE);
		}
		String message = new String(plain, 20, length, StandardCharsets.UTF_8);
		String appId = new String(Arrays.copyOfRange(plain, 20 + length, plain.length), StandardCharsets.UTF_8);
		return new Opened(message, appId);
	}

	/**
	 * The encrypted reply envelope (Encrypt, MsgSignature, TimeStamp, Nonce), by WxJava.
	 */
	public static String sealReply(String token, String encodingAesKey, String appId, String replyXml) {
		WxMpDefaultConfigImpl config = new WxMpDefaultConfigImpl();
		config.setToken(token);
		config.setAesKey(encodingAesKey);
		config.setAppId(appId);
		// WxMpCryptUtil decodes the key with the JDK's Base64, which accepts every key
		// the console issues.
		return new WxMpCryptUtil(config).encrypt(replyXml);
	}

	private static byte[] aesKey(String encodingAesKey) {
		// The JDK decoder accepts the non-canonical last character some real keys have.
		byte[] key = Base64.getDecoder().decode(encodingAesKey + "=");
		if (key.length != 32) {
			throw new IllegalStateException("EncodingAESKey must decode to 32 bytes");
		}
		return key;
	}

	private static boolean constantTimeEquals(String expected, String actual) {
		return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
				actual.getBytes(StandardCharsets.US_ASCII));
	}

	/** A decrypted callback and the AppID sealed with it. */
	public record Opened(String xml, String appId) {
	}

}
