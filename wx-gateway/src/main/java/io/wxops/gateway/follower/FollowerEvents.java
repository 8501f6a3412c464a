package io.wxops.gateway.follower;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;

import io.wxops.core.follower.FollowerLeaving;
import io.wxops.core.follower.FollowerMapper;
import io.wxops.gateway.callback.ParsedCallback;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;

import org.springframework.stereotype.Component;

/**
 * Keeps follower rows in step with subscribe, unsubscribe and location events. Runs
 * inside the transaction that stores the event, so the row and the stored event never
 * disagree.
 *
 * <p>
 * On unsubscribe ({@link FollowerLeaving}, shared with admin-api's follower sync) WeChat
 * requires deleting the follower's information. We erase the profile, the subscribe scene
 * and every location on the follower row, and pseudonymise the archive (messages the
 * rules say we must keep): the openid becomes a keyed pseudonym, location and picture
 * fields and the stored reply go. The follower's closed tickets get the same pseudonym
 * (records and texts stay); an open one keeps the openid while it is handled and gets the
 * pseudonym when it is closed. The follower row keeps the openid itself, which is
 * WeChat's per-account id and is needed to keep one row per follower if they return.
 */
@Component
public class FollowerEvents {

	private final FollowerMapper followers;

	private final FollowerLeaving leaving;

	public FollowerEvents(FollowerMapper followers, FollowerLeaving leaving) {
		this.followers = followers;
		this.leaving = leaving;
	}

	/** Whether {@link #apply} would write anything for this callback. */
	public static boolean changesFollower(ParsedCallback callback) {
		if (!callback.isEvent() || callback.message().getEvent() == null) {
			return false;
		}
		return switch (callback.message().getEvent().toLowerCase(Locale.ROOT)) {
			case "subscribe", "unsubscribe", "scan", "location" -> true;
			default -> false;
		};
	}

	public void apply(ParsedCallback callback, Instant now) {
		if (!changesFollower(callback)) {
			return;
		}
		WxMpXmlMessage m = callback.message();
		long accountId = callback.account().id();
		String openid = m.getFromUser();
		long createTime = m.getCreateTime();
		switch (m.getEvent().toLowerCase(Locale.ROOT)) {
			case "subscribe" ->
				this.followers.subscribe(accountId, openid, createTime, scene(m.getEventKey()), m.getTicket(), now);
			case "scan" -> this.followers.confirmSubscribed(accountId, openid, createTime, now);
			case "unsubscribe" -> this.leaving.left(accountId, callback.account().appId(), openid, createTime, now);
			case "location" -> {
				if (m.getLatitude() != null && m.getLongitude() != null) {
					this.followers.recordLocation(accountId, openid, BigDecimal.valueOf(m.getLatitude()),
							BigDecimal.valueOf(m.getLongitude()),
							(m.getPrecision() != null) ? BigDecimal.valueOf(m.getPrecision()) : null, now);
				}
			}
			default -> {
				// other events are stored for later features and change no follower state
			}
		}
	}

	/**
	 * {@code qrscene_123} on a subscribe through a parameterised QR code; the scene is
	 * what follows.
	 */
	static String scene(String eventKey) {
		if (eventKey == null || eventKey.isBlank()) {
			return null;
		}
		return eventKey.startsWith("qrscene_") ? eventKey.substring("qrscene_".length()) : eventKey;
	}

}
