package io.wxops.gateway.intake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.wxops.gateway.callback.ParsedCallback;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;

/**
 * The identity of a callback by WeChat's rules, which a retry shares with the original.
 * <ul>
 * <li>messages: {@code MsgId}, with the sender (WxJava #333: MsgId alone collided across
 * followers);</li>
 * <li>{@code MASSSENDJOBFINISH} / {@code TEMPLATESENDJOBFINISH}: the job's {@code MsgID}
 * (capital D), so a re-pushed job result is one result;</li>
 * <li>{@code PUBLISHJOBFINISH}: the {@code publish_id} and its status;</li>
 * <li>other events: sender and {@code CreateTime} plus the event's own fields (Event,
 * EventKey, Ticket, location, menu data...), so two different events in the same second
 * stay apart.</li>
 * </ul>
 * Stored as a SHA-256 so the unique index is small and the key holds no openid in clear.
 */
public record DedupKey(String identity, String hash) {

	private static final Set<String> ENVELOPE = Set.of("ToUserName", "FromUserName", "CreateTime", "MsgType");

	private static final Set<String> JOB_EVENTS = Set.of("masssendjobfinish", "templatesendjobfinish");

	public static DedupKey of(ParsedCallback callback) {
		WxMpXmlMessage m = callback.message();
		String from = m.getFromUser();
		String identity;
		Object msgId = callback.fields().get("MsgId");
		Object jobId = callback.fields().get("MsgID");
		if (!callback.isEvent() && msgId != null) {
			identity = "msg|" + from + "|" + msgId;
		}
		else if (callback.isEvent() && JOB_EVENTS.contains(lower(m.getEvent())) && jobId != null) {
			identity = "job|" + lower(m.getEvent()) + "|" + jobId;
		}
		else if (callback.isEvent() && "publishjobfinish".equals(lower(m.getEvent()))
				&& callback.fields().get("PublishEventInfo") instanceof Map<?, ?> info
				&& info.get("publish_id") != null) {
			identity = "publish|" + info.get("publish_id") + "|" + info.get("publish_status");
		}
		else {
			Map<String, Object> eventFields = new TreeMap<>(callback.fields());
			eventFields.keySet().removeAll(ENVELOPE);
			identity = "evt|" + from + "|" + m.getCreateTime() + "|" + canonical(eventFields);
		}
		return new DedupKey(identity, sha256(identity));
	}

	/**
	 * The message id to keep in its own column: MsgId, or a job's MsgID. Read from the
	 * raw fields: WxJava 4.7.9.B maps {@code MsgID} to {@code getMsgId()} and leaves
	 * {@code getMassMsgId()} null, so its typed getters cannot tell the two apart.
	 */
	public static String messageId(Map<String, Object> fields) {
		Object id = fields.containsKey("MsgId") ? fields.get("MsgId") : fields.get("MsgID");
		return (id != null) ? String.valueOf(id) : null;
	}

	/** Nested blocks in a stable order, whatever map the parser produced. */
	private static String canonical(Object value) {
		if (value instanceof Map<?, ?> map) {
			Map<String, Object> sorted = new TreeMap<>();
			map.forEach((k, v) -> sorted.put(String.valueOf(k), v));
			StringBuilder sb = new StringBuilder("{");
			sorted.forEach((k, v) -> sb.append(k).append('=').append(canonical(v)).append(';'));
			return sb.append('}').toString();
		}
		if (value instanceof java.util.List<?> list) {
			return list.stream().map(DedupKey::canonical).toList().toString();
		}
		return String.valueOf(value);
	}

	private static String lower(String s) {
		return (s != null) ? s.toLowerCase(Locale.ROOT) : "";
	}

	private static String sha256(String s) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public String toString() {
		return "DedupKey[" + this.hash + "]";
	}

}
