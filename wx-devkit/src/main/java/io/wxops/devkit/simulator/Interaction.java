package io.wxops.devkit.simulator;

import java.time.Duration;

/**
 * A follower action that opens a customer-service (客服) window, in which the account may
 * send {@code POST /cgi-bin/message/custom/send} messages to that follower. The default
 * window and quota of each kind are the platform's current rules (WECHAT.md §3); they
 * have changed before (20 messages per 48 h until the 2021 rules), so treat them as
 * configuration: {@link WeChatApiSimulator#setInteractionWindow} changes them.
 *
 * @see WeChatApiSimulator#followerInteracted(String, String, Interaction)
 */
public enum Interaction {

	/** The follower sent a message (用户发送消息): 5 messages in 48 h. */
	MESSAGE(Duration.ofHours(48), Interaction.MESSAGE_QUOTA),

	/**
	 * The follower clicked a click-push or scan-push menu (点击自定义菜单): 3 messages in one
	 * minute.
	 */
	MENU_CLICK(Duration.ofMinutes(1), Interaction.EVENT_QUOTA),

	/** The follower subscribed (关注): 3 messages in one minute. */
	SUBSCRIBE(Duration.ofMinutes(1), Interaction.EVENT_QUOTA),

	/** The follower scanned a QR code (扫描二维码): 3 messages in one minute. */
	SCAN(Duration.ofMinutes(1), Interaction.EVENT_QUOTA);

	/** How long a window opened by a follower's message lasts by default: 48 h. */
	public static final Duration MESSAGE_WINDOW = MESSAGE.defaultWindow;

	/** How many messages a window opened by a follower's message allows by default: 5. */
	public static final int MESSAGE_QUOTA = 5;

	/**
	 * How long a window opened by a menu click, a subscription or a scan lasts by
	 * default: one minute.
	 */
	public static final Duration EVENT_WINDOW = SUBSCRIBE.defaultWindow;

	/**
	 * How many messages a window opened by a menu click, a subscription or a scan allows
	 * by default: 3.
	 */
	public static final int EVENT_QUOTA = 3;

	private final Duration defaultWindow;

	private final int defaultQuota;

	Interaction(Duration defaultWindow, int defaultQuota) {
		this.defaultWindow = defaultWindow;
		this.defaultQuota = defaultQuota;
	}

	/** How long the window this interaction opens lasts, by default. */
	public Duration defaultWindow() {
		return this.defaultWindow;
	}

	/** How many customer-service messages the window allows, by default. */
	public int defaultQuota() {
		return this.defaultQuota;
	}

}
