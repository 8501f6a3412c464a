package io.wxops.admin.masssend;

/**
 * Where a mass send is, from composition to WeChat's result; stored by name in
 * {@code ms_send.status}.
 *
 * <p>
 * COMPOSED → PREVIEWED (again, any number of times) → CONFIRMED → SENDING → SENT →
 * FINISHED; a send that has not started may be CANCELLED, one being sent ends in FAILED
 * when WeChat refuses it, and a message WeChat accepted may be DELETED. FAILED and
 * CANCELLED give the day (and the month slot) back: the generated columns
 * {@code day_claim} and {@code month_claim} hold the same list ({@link #claimsDay()}).
 */
public enum SendStatus {

	/** Composed (and for TEXT and IMAGE, in or through review); not previewed yet. */
	COMPOSED,
	/** Previewed to the test followers; awaits someone's confirmation. */
	PREVIEWED,
	/** Confirmed; goes out at its slot. */
	CONFIRMED,
	/** Taken for sending; committed before WeChat is called. */
	SENDING,
	/** WeChat accepted it; its result is not in yet. */
	SENT,
	/** WeChat's result is in. */
	FINISHED,
	/** WeChat refused it, or it could not be sent; its day is free again. */
	FAILED,
	/** Cancelled before it started; its day is free again. */
	CANCELLED,
	/** Deleted from WeChat after it was sent. */
	DELETED;

	/** The status named {@code name}, or null when there is none. */
	static SendStatus parse(String name) {
		for (SendStatus s : values()) {
			if (s.name().equals(name)) {
				return s;
			}
		}
		return null;
	}

	/** Whether a send in this status may move to {@code next}. */
	public boolean canBecome(SendStatus next) {
		return switch (this) {
			case COMPOSED -> next == PREVIEWED || next == CANCELLED;
			case PREVIEWED -> next == PREVIEWED || next == CONFIRMED || next == CANCELLED;
			case CONFIRMED -> next == SENDING || next == CANCELLED;
			case SENDING -> next == SENT || next == FAILED;
			case SENT -> next == FINISHED || next == DELETED;
			case FINISHED -> next == DELETED;
			case FAILED, CANCELLED, DELETED -> false;
		};
	}

	/** Whether the send still holds its local day and month slot. */
	public boolean claimsDay() {
		return this != FAILED && this != CANCELLED;
	}

	/** Whether WeChat accepted the message (so it may be deleted from WeChat). */
	public boolean acceptedByWeChat() {
		return this == SENT || this == FINISHED;
	}

}
