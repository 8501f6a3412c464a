package io.wxops.admin.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * A ticket as the timeliness report sees it (MALICIOUS tickets are never read).
 *
 * @param firstReplyAt the first human reply WeChat delivered, or null
 * @param ackDeadline the end of the local day the follower wrote (its ack_due_at)
 */
record TicketFacts(long id, long accountId, String category, Long departmentId, String status, Instant firstMessageAt,
		LocalDate day, Instant acknowledgedAt, Instant ackDeadline, Instant dueAt, Instant escalatedAt,
		Instant resolvedAt, Instant closedAt, Instant firstReplyAt, boolean followedUp) {

	static TicketFacts of(Map<String, Object> r, ReportAccount account) {
		Instant first = Rows.instant(r, "first_message_at");
		LocalDate day = account.dayOf(first);
		Instant ackDue = Rows.instant(r, "ack_due_at");
		if (ackDue == null) {
			// Tickets opened before ack_due_at existed: the same end of the local day.
			ackDue = account.startOf(day.plusDays(1)).minusMillis(1);
		}
		return new TicketFacts(Rows.lng(r, "id"), Rows.lng(r, "account_id"), Rows.str(r, "category"),
				Rows.lngOrNull(r, "department_id"), Rows.str(r, "status"), first, day,
				Rows.instant(r, "acknowledged_at"), ackDue, Rows.instant(r, "due_at"), Rows.instant(r, "escalated_at"),
				Rows.instant(r, "resolved_at"), Rows.instant(r, "closed_at"), Rows.instant(r, "first_reply_at"),
				Rows.lng(r, "followed_up") > 0);
	}

	/** Given its result: RESOLVED or CLOSED. */
	boolean hasResult() {
		return "RESOLVED".equals(this.status) || "CLOSED".equals(this.status);
	}

	/**
	 * Acknowledged the same local day: the automatic acknowledgement or a human reply
	 * delivered by the end of the day the follower wrote.
	 */
	boolean acknowledgedSameDay() {
		return (this.acknowledgedAt != null && !this.acknowledgedAt.isAfter(this.ackDeadline))
				|| (this.firstReplyAt != null && !this.firstReplyAt.isAfter(this.ackDeadline));
	}

	boolean resolvedWithinSla() {
		return hasResult() && this.resolvedAt != null && !this.resolvedAt.isAfter(this.dueAt);
	}

	/**
	 * Its result came after the due date, or it still has none and the date has passed.
	 */
	boolean overdue(Instant now) {
		if (hasResult()) {
			return this.resolvedAt != null && this.resolvedAt.isAfter(this.dueAt);
		}
		return this.dueAt.isBefore(now);
	}

}
