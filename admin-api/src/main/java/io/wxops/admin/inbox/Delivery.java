package io.wxops.admin.inbox;

/**
 * What became of a message to the follower (a reply or an acknowledgement): SENDING (kept
 * before WeChat is called, so a crash leaves it counted against the window) → DELIVERED
 * or UNDELIVERED; a reply refused before any call is UNDELIVERED at once. The names are
 * the stored strings.
 */
public enum Delivery {

	SENDING, DELIVERED, UNDELIVERED;

	/** Whether a message in this state may become {@code next}. */
	public boolean canBecome(Delivery next) {
		return this == SENDING && (next == DELIVERED || next == UNDELIVERED);
	}

	/** Whether it counts against the window's messages (the follower may have it). */
	public boolean countsAgainstWindow() {
		return this != UNDELIVERED;
	}

}
