package io.wxops.admin.inbox;

/**
 * The same-day acknowledgement of a ticket: PENDING (due) → SENDING (claimed by one
 * sender, WeChat being called) → SENT or FAILED, or back to PENDING when WeChat certainly
 * did not receive it. NULL in the database when none is due (a malicious message). The
 * names are the stored strings.
 */
public enum AckStatus {

	PENDING, SENDING, SENT, FAILED;

	/** Whether an acknowledgement in this status may become {@code next}. */
	public boolean canBecome(AckStatus next) {
		return switch (this) {
			case PENDING -> next == SENDING;
			case SENDING -> next == SENT || next == FAILED || next == PENDING;
			case SENT, FAILED -> false;
		};
	}

}
