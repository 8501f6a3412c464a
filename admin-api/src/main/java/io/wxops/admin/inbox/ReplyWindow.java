package io.wxops.admin.inbox;

import java.time.Instant;

import io.wxops.admin.web.ApiException;
import io.wxops.admin.web.Problem;
import io.wxops.core.account.AccountStanding;

import org.springframework.stereotype.Component;

/**
 * Whether the account may message the follower now: it is operating, inside WeChat's
 * 48-hour window after the follower's last message, with messages of the window left.
 */
@Component
class ReplyWindow {

	/** Messages allowed per window (WECHAT.md §3; the platform's number may change). */
	static final int MESSAGES_PER_WINDOW = 5;

	private final TicketViews views;

	private final TicketEntryMapper entries;

	private final AccountStanding standing;

	ReplyWindow(TicketViews views, TicketEntryMapper entries, AccountStanding standing) {
		this.views = views;
		this.entries = entries;
		this.standing = standing;
	}

	/** Why a message to the ticket's follower may not go now, or null when it may. */
	ApiException refusal(Ticket t) {
		Instant now = this.views.now();
		Instant windowClosesAt = this.views.windowClosesAt(t);
		AccountStanding.Standing standing = this.standing.of(t.getAccountId());
		if (!standing.operating()) {
			return Problem.ACCOUNT_NOT_OPERATING.exception("The account may not reply now", standing.reason());
		}
		if (windowClosesAt == null || !now.isBefore(windowClosesAt)) {
			return Problem.OUTSIDE_SERVICE_WINDOW.exception("Outside WeChat's 48-hour window",
					"WeChat only lets the account answer within 48 hours of the follower's last message"
							+ ((windowClosesAt != null) ? " (closed at " + windowClosesAt + ")" : "")
							+ ". The reply is kept as undelivered; the follower must write again to open a new window.");
		}
		if (this.entries.deliveredSince(t.getAccountId(), t.getOpenid(),
				windowClosesAt.minus(TicketViews.WINDOW)) >= MESSAGES_PER_WINDOW) {
			return Problem.SERVICE_WINDOW_QUOTA.exception("This window's messages are used",
					"WeChat allows " + MESSAGES_PER_WINDOW + " messages per window after a follower's message. The "
							+ "reply is kept as undelivered; it can go when the follower writes again.");
		}
		return null;
	}

}
