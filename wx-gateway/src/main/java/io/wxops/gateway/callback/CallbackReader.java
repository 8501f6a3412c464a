package io.wxops.gateway.callback;

import java.util.List;
import java.util.Map;

import io.wxops.core.account.AccountSnapshot;
import io.wxops.core.account.MessageMode;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import me.chanjar.weixin.mp.util.xml.XStreamTransformer;
import org.w3c.dom.Element;

import org.springframework.stereotype.Component;

/**
 * Verifies, decrypts and parses a callback body; everything it refuses is refused before
 * anything is stored. No I/O happens here, which is what the benchmark's baseline
 * measures.
 */
@Component
public class CallbackReader {

	public ParsedCallback read(AccountSnapshot account, CallbackParams params, String body) {
		if (!CallbackCrypto.signatureMatches(account.token(), params.timestamp(), params.nonce(), params.signature())) {
			throw new CallbackRejectedException(Rejection.BAD_SIGNATURE);
		}
		Element root = SafeXml.parseRoot(body);
		String xml = body;
		String usedKey = null;
		if (params.encrypted()) {
			if (account.aesKey() == null) {
				throw new CallbackRejectedException(Rejection.MODE_MISMATCH,
						"The request is encrypted but the account has no EncodingAESKey.");
			}
			String encrypt = SafeXml.childText(root, "Encrypt");
			if (encrypt == null || encrypt.isBlank()) {
				throw new CallbackRejectedException(Rejection.MALFORMED_XML, "Encrypted request without <Encrypt>.");
			}
			encrypt = encrypt.trim();
			if (!CallbackCrypto.msgSignatureMatches(account.token(), params.timestamp(), params.nonce(), encrypt,
					params.msgSignature())) {
				throw new CallbackRejectedException(Rejection.BAD_SIGNATURE,
						"msg_signature does not match the Token and the Encrypt element.");
			}
			Sealed sealed = open(account, encrypt);
			usedKey = sealed.key();
			xml = sealed.opened().xml();
			root = SafeXml.parseRoot(xml);
		}
		else if (account.mode() == MessageMode.SAFE) {
			throw new CallbackRejectedException(Rejection.MODE_MISMATCH,
					"The account is in safe mode; plaintext callbacks are refused.");
		}
		String toUser = SafeXml.childText(root, "ToUserName");
		if (toUser == null || !toUser.trim().equals(account.originalId())) {
			throw new CallbackRejectedException(Rejection.WRONG_RECIPIENT);
		}
		requireText(root, "FromUserName");
		requireText(root, "MsgType");
		String createTime = requireText(root, "CreateTime");
		if (!createTime.trim().matches("\\d{1,12}")) {
			throw new CallbackRejectedException(Rejection.INCOMPLETE, "CreateTime is not a number of seconds.");
		}
		Map<String, Object> fields = SafeXml.fields(root);
		WxMpXmlMessage message;
		try {
			// WxJava's typed view (XStream, type-whitelisted). fromXml(String) would
			// parse the XML
			// once more with dom4j for getAllFieldsMap(); we build that map from our own
			// parse.
			message = XStreamTransformer.fromXml(WxMpXmlMessage.class, xml.replace("</PicList><PicList>", ""));
		}
		catch (RuntimeException ex) {
			// A field WxJava types strictly (a non-numeric MenuId, say) must not cost us
			// the message.
			message = untyped(root);
		}
		message.setAllFieldsMap(fields);
		return new ParsedCallback(account, message, fields, params.encrypted(), usedKey);
	}

	/**
	 * The envelope fields when WxJava's typed parse refuses the message; all fields are
	 * in the map.
	 */
	private static WxMpXmlMessage untyped(Element root) {
		WxMpXmlMessage message = new WxMpXmlMessage();
		message.setToUser(SafeXml.childText(root, "ToUserName"));
		message.setFromUser(SafeXml.childText(root, "FromUserName"));
		message.setCreateTime(Long.valueOf(SafeXml.childText(root, "CreateTime").trim()));
		message.setMsgType(SafeXml.childText(root, "MsgType"));
		message.setEvent(SafeXml.childText(root, "Event"));
		message.setEventKey(SafeXml.childText(root, "EventKey"));
		message.setContent(SafeXml.childText(root, "Content"));
		String msgId = SafeXml.childText(root, "MsgId");
		if (msgId != null && msgId.trim().matches("\\d{1,19}")) {
			message.setMsgId(Long.valueOf(msgId.trim()));
		}
		return message;
	}

	/**
	 * Opens the ciphertext with the current EncodingAESKey or, during a rotation, the
	 * previous one (WeChat's FAQ: try both, reply with the one that worked). A key only
	 * counts if the AppID sealed with the message is this account's.
	 */
	private static Sealed open(AccountSnapshot account, String encrypt) {
		CallbackRejectedException failure = null;
		for (String key : (account.previousAesKey() != null) ? List.of(account.aesKey(), account.previousAesKey())
				: List.of(account.aesKey())) {
			try {
				CallbackCrypto.Opened opened = CallbackCrypto.open(key, encrypt);
				if (account.appId().equals(opened.appId())) {
					return new Sealed(opened, key);
				}
				failure = new CallbackRejectedException(Rejection.APPID_MISMATCH);
			}
			catch (CallbackRejectedException ex) {
				if (failure == null) {
					failure = ex;
				}
			}
		}
		throw failure;
	}

	/** A decrypted callback and the key that opened it. */
	private record Sealed(CallbackCrypto.Opened opened, String key) {
	}

	private static String requireText(Element root, String name) {
		String value = SafeXml.childText(root, name);
		if (value == null || value.isBlank()) {
			throw new CallbackRejectedException(Rejection.INCOMPLETE, name + " is missing.");
		}
		return value;
	}

}
