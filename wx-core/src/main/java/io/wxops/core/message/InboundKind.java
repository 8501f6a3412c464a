package io.wxops.core.message;

/**
 * What a stored inbound message is, from its {@code msg_type} and {@code event}: a
 * message the follower wrote (which opens WeChat's 48-hour customer-service window and is
 * filed into a ticket), a menu click, a mass send's job-finish report, or another event.
 */
public enum InboundKind {

	/** A message the follower wrote: text, image, voice, video, location or link. */
	FOLLOWER_MESSAGE,
	/** A click on a menu button ({@code event} CLICK), carrying its event key. */
	MENU_CLICK,
	/** WeChat's report on a finished mass send ({@code event} MASSSENDJOBFINISH). */
	MASS_SEND_JOB_FINISH,
	/** Any other event (subscribe, unsubscribe, scan, location report, view...). */
	OTHER_EVENT,
	/** A message type WeChat may add later. */
	OTHER;

	/** The {@code msg_type} values a follower writes, as the gateway stores them. */
	public static final java.util.List<String> FOLLOWER_MESSAGE_TYPES = java.util.List.of("text", "image", "voice",
			"video", "shortvideo", "location", "link");

	/**
	 * {@link #FOLLOWER_MESSAGE_TYPES} as an SQL list, for queries that filter on them.
	 */
	public static final String FOLLOWER_MESSAGE_TYPES_SQL = "'text', 'image', 'voice', 'video', 'shortvideo', 'location', 'link'";

	/** The kind of a stored message with this type and event. */
	public static InboundKind of(String msgType, String event) {
		if (msgType != null && FOLLOWER_MESSAGE_TYPES.contains(msgType)) {
			return FOLLOWER_MESSAGE;
		}
		if (!"event".equals(msgType)) {
			return OTHER;
		}
		if ("CLICK".equalsIgnoreCase(event)) {
			return MENU_CLICK;
		}
		if ("MASSSENDJOBFINISH".equals(event)) {
			return MASS_SEND_JOB_FINISH;
		}
		return OTHER_EVENT;
	}

}
