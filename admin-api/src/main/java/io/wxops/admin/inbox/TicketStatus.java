package io.wxops.admin.inbox;

import java.util.Arrays;
import java.util.List;

/**
 * Where a ticket is: NEW (filed) → ACKNOWLEDGED (the acknowledgement went out) →
 * IN_PROGRESS (a handler is on it, or a reply was delivered) → RESOLVED (the result is
 * given; a new message from the follower makes it IN_PROGRESS again) → CLOSED (after the
 * follow-up, 回访; final). The names are the stored strings.
 */
public enum TicketStatus {

	NEW, ACKNOWLEDGED, IN_PROGRESS, RESOLVED, CLOSED;

	/**
	 * What a handler may change a ticket in this status to with a status change (closing
	 * is its own request, with the follow-up).
	 */
	public List<TicketStatus> statusChanges() {
		return switch (this) {
			case NEW -> List.of(ACKNOWLEDGED, IN_PROGRESS, RESOLVED);
			case ACKNOWLEDGED -> List.of(IN_PROGRESS, RESOLVED);
			case IN_PROGRESS -> List.of(RESOLVED);
			case RESOLVED -> List.of(IN_PROGRESS);
			case CLOSED -> List.of();
		};
	}

	/**
	 * Whether a ticket in this status may become {@code next} by any way there is: a
	 * handler's status change, closing a resolved ticket, the acknowledgement (NEW →
	 * ACKNOWLEDGED), a delivered reply (→ IN_PROGRESS) or a new message reopening a
	 * resolved one.
	 */
	public boolean canBecome(TicketStatus next) {
		return statusChanges().contains(next) || (this == RESOLVED && next == CLOSED);
	}

	/** Not yet given its result: counts towards the due date and the duty view. */
	public boolean awaitsResult() {
		return this != RESOLVED && this != CLOSED;
	}

	/** Whether a delivered reply moves a ticket in this status to IN_PROGRESS. */
	public boolean startedByReply() {
		return this == NEW || this == ACKNOWLEDGED;
	}

	/** The status with this stored name, or null for anything else. */
	public static TicketStatus parse(String name) {
		return Arrays.stream(values()).filter((s) -> s.name().equals(name)).findFirst().orElse(null);
	}

}
