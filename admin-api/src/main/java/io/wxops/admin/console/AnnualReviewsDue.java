package io.wxops.admin.console;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import io.wxops.core.account.Account;
import io.wxops.core.account.AccountMapper;
import io.wxops.core.account.AccountStanding;
import io.wxops.core.account.AnnualReview;
import io.wxops.core.account.AnnualReviewMapper;

import org.springframework.stereotype.Component;

/** The administrator's "annual review due" count of "my work". */
@Component
class AnnualReviewsDue {

	private final MyWorkMapper counts;

	private final AccountMapper accounts;

	private final AccountStanding standing;

	private final AnnualReviewMapper annualReviews;

	private final Clock clock;

	AnnualReviewsDue(MyWorkMapper counts, AccountMapper accounts, AccountStanding standing,
			AnnualReviewMapper annualReviews, Clock clock) {
		this.counts = counts;
		this.accounts = accounts;
		this.standing = standing;
		this.annualReviews = annualReviews;
		this.clock = clock;
	}

	/**
	 * Accounts (active or suspended) whose annual review is due: the cycle the standing
	 * requires has not passed (overdue, whatever the account's status), or it is
	 * November, the review month, and this year's cycle has not passed (for accounts
	 * registered before 1 November, as the standing counts them).
	 */
	long count(Set<Long> scope) {
		long due = 0;
		for (long id : this.counts.reviewedAccounts(scope)) {
			List<AnnualReview> history = this.annualReviews.findByAccount(id);
			Integer required = this.standing.of(id).requiredCycle();
			if (required != null && !passed(history, required)) {
				due++;
				continue;
			}
			Account account = this.accounts.selectById(id);
			ZoneId zone = ZoneId.of(account.getTimeZone());
			LocalDate today = LocalDate.now(this.clock.withZone(zone));
			if (today.getMonth() == Month.NOVEMBER
					&& LocalDate.ofInstant(account.getCreatedAt(), zone)
						.isBefore(LocalDate.of(today.getYear(), Month.NOVEMBER, 1))
					&& !passed(history, today.getYear())) {
				due++;
			}
		}
		return due;
	}

	private static boolean passed(List<AnnualReview> history, int cycle) {
		return history.stream().anyMatch((r) -> r.getCycleYear() >= cycle && "PASS".equals(r.getResult()));
	}

}
