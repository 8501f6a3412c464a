package io.wxops.gateway.callback;

import java.util.Map;

import io.wxops.core.account.AccountSnapshot;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;

/**
 * A verified, decrypted and parsed callback.
 *
 * @param account the account it was addressed to
 * @param message WxJava's typed view
 * @param fields every field of the message (nested blocks as maps), for storage
 * @param encrypted whether it arrived encrypted, in which case the reply must be too
 * @param aesKey the EncodingAESKey that opened it (current or previous), to seal the
 * reply with
 */
public record ParsedCallback(AccountSnapshot account, WxMpXmlMessage message, Map<String, Object> fields,
		boolean encrypted, String aesKey) {

	public boolean isEvent() {
		return "event".equalsIgnoreCase(this.message.getMsgType());
	}

	/**
	 * The message type, or the event name for events, lower-cased (a bounded metric tag).
	 */
	public String kind() {
		String kind = isEvent() ? this.message.getEvent() : this.message.getMsgType();
		return (kind != null) ? kind.toLowerCase(java.util.Locale.ROOT) : "unknown";
	}

	@Override
	public String toString() {
		return "ParsedCallback[appId=" + this.account.appId() + ", kind=" + kind() + ", encrypted=" + this.encrypted
				+ "]";
	}

}
