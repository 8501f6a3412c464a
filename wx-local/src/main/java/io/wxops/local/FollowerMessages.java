package io.wxops.local;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Builds follower messages and events in WeChat's XML format (before signing and
 * encryption), from the simple parameters of the local follower endpoint.
 */
final class FollowerMessages {

	static final String TYPES = "text (content=...), subscribe, unsubscribe, click (key=...), location (lat=..., lng=...), image";

	private static final Pattern OPENID = Pattern.compile("[0-9A-Za-z_-]{1,64}");

	private static final Pattern EVENT_KEY = Pattern.compile("[^<>&\\p{Cntrl}]{1,128}");

	private static final int MAX_CONTENT = 2_000;

	/**
	 * MsgIds are unique 64-bit numbers; WeChat deduplicates on them, so every simulated
	 * message gets a new one (random start, so two runs against one database do not
	 * collide).
	 */
	private static final AtomicLong MSG_IDS = new AtomicLong(
			7_000_000_000_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000_000_000_000L));

	private FollowerMessages() {
	}

	static String checkOpenid(String openid) {
		if (openid == null || !OPENID.matcher(openid).matches()) {
			throw new IllegalArgumentException("openid must be 1 to 64 letters, digits, '_' or '-'");
		}
		return openid;
	}

	/**
	 * @param type text, subscribe, unsubscribe, click, location or image
	 * @param params the request's parameters (content, key, lat, lng, label, scale,
	 * picUrl, mediaId, and createTime: the message's time in epoch seconds, now by
	 * default, for a message from the past such as one outside the 48-hour window)
	 * @param account the account's original id (ToUserName)
	 * @throws IllegalArgumentException when the type is unknown or a parameter is missing
	 * or malformed
	 */
	static String build(String type, Map<String, String> params, String account, String openid) {
		String head = "<xml><ToUserName><![CDATA[" + account + "]]></ToUserName><FromUserName><![CDATA["
				+ checkOpenid(openid) + "]]></FromUserName><CreateTime>" + createTime(params) + "</CreateTime>";
		String normalized = (type != null) ? type.trim().toLowerCase(Locale.ROOT) : "text";
		return switch (normalized) {
			case "text" -> head + "<MsgType><![CDATA[text]]></MsgType><Content>" + cdata(content(params)) + "</Content>"
					+ msgId() + "</xml>";
			case "image" -> head + "<MsgType><![CDATA[image]]></MsgType><PicUrl>"
					+ cdata(params.getOrDefault("picUrl", "http://127.0.0.1/simulated-image.jpg"))
					+ "</PicUrl><MediaId>"
					+ cdata(params.getOrDefault("mediaId", "SIM_MEDIA_" + LocalState.randomAlnum(16))) + "</MediaId>"
					+ msgId() + "</xml>";
			case "location" -> head + "<MsgType><![CDATA[location]]></MsgType><Location_X>"
					+ coordinate(params, "lat", 90) + "</Location_X><Location_Y>" + coordinate(params, "lng", 180)
					+ "</Location_Y><Scale>" + scale(params) + "</Scale><Label>"
					+ cdata(params.getOrDefault("label", "模拟位置")) + "</Label>" + msgId() + "</xml>";
			case "subscribe" -> head + event("subscribe") + (params.containsKey("key")
					? "<EventKey>" + cdata("qrscene_" + eventKey(params)) + "</EventKey>" : "") + "</xml>";
			case "unsubscribe" -> head + event("unsubscribe") + "</xml>";
			case "click" -> head + event("CLICK") + "<EventKey>" + cdata(eventKey(params)) + "</EventKey></xml>";
			default -> throw new IllegalArgumentException("unknown type '" + type + "'; use one of: " + TYPES);
		};
	}

	private static String event(String event) {
		return "<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[" + event + "]]></Event>";
	}

	private static String msgId() {
		return "<MsgId>" + MSG_IDS.incrementAndGet() + "</MsgId>";
	}

	/** The message's CreateTime: the createTime parameter (epoch seconds), or now. */
	static long createTime(Map<String, String> params) {
		String value = params.get("createTime");
		if (value == null || value.isBlank()) {
			return System.currentTimeMillis() / 1000;
		}
		if (!value.trim().matches("[0-9]{1,12}")) {
			throw new IllegalArgumentException(
					"createTime must be epoch seconds, e.g. " + (System.currentTimeMillis() / 1000));
		}
		return Long.parseLong(value.trim());
	}

	private static String content(Map<String, String> params) {
		String content = params.get("content");
		if (content == null || content.isBlank()) {
			throw new IllegalArgumentException("type=text needs content=... (e.g. --data-urlencode 'content=你好')");
		}
		if (content.length() > MAX_CONTENT) {
			throw new IllegalArgumentException("content is longer than " + MAX_CONTENT + " characters");
		}
		return content;
	}

	private static String eventKey(Map<String, String> params) {
		String key = params.get("key");
		if (key == null || !EVENT_KEY.matcher(key).matches()) {
			throw new IllegalArgumentException("this type needs key=... (1 to 128 characters, no markup)");
		}
		return key;
	}

	private static String coordinate(Map<String, String> params, String name, double limit) {
		String value = params.get(name);
		try {
			double number = Double.parseDouble((value != null) ? value.trim() : "");
			if (Double.isNaN(number) || Math.abs(number) > limit) {
				throw new NumberFormatException();
			}
			return String.format(Locale.ROOT, "%.6f", number);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(
					"type=location needs " + name + "=<number between -" + (int) limit + " and " + (int) limit + ">");
		}
	}

	private static int scale(Map<String, String> params) {
		try {
			int scale = Integer.parseInt(params.getOrDefault("scale", "15").trim());
			if (scale < 1 || scale > 30) {
				throw new NumberFormatException();
			}
			return scale;
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("scale must be a whole number from 1 to 30");
		}
	}

	/** A CDATA section that stays one even when the text contains its terminator. */
	static String cdata(String text) {
		return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>";
	}

}
