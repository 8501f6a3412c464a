package io.wxops.core.account;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * The one check every operation that reaches followers calls (mass sends,
 * customer-service replies): may this account operate now?
 *
 * <p>
 * It may when it is ACTIVE and its annual review is in order. The review of cycle
 * {@code Y} is due in November of {@code Y}, in the account's time zone. From 1 December
 * of {@code Y} an account registered before 1 November of {@code Y} needs a passed review
 * for {@code Y}; an account registered later is first due the following November. A
 * failed review stops the account at once, until a later cycle passes.
 */
public class AccountStanding {

	/** Why an account may or may not operate. */
	public enum Code {

		OPERATING, NOT_ACTIVE, REVIEW_FAILED, REVIEW_OVERDUE

	}

	/**
	 * The answer.
	 *
	 * @param operating whether mass sends and replies are allowed
	 * @param code the reason as a code
	 * @param reason the reason in words, with what to do
	 * @param requiredCycle the review cycle that must have passed now, if any
	 */
	public record Standing(boolean operating, Code code, String reason, Integer requiredCycle) {
	}

	private final AccountMapper accounts;

	private final AnnualReviewMapper reviews;

	private final Clock clock;

	public AccountStanding(AccountMapper accounts, AnnualReviewMapper reviews, Clock clock) {
		this.accounts = accounts;
		this.reviews = reviews;
		this.clock = clock;
	}

	public Standing of(long accountId) {
		Account account = this.accounts.selectById(accountId);
		if (account == null) {
			throw new AccountNotFoundException(String.valueOf(accountId));
		}
		return of(account, this.reviews.findByAccount(accountId));
	}

	/**
	 * Throws unless the account may operate.
	 * @param accountId the account
	 * @throws AccountNotOperatingException with the reason
	 */
	public void requireOperating(long accountId) {
		Standing standing = of(accountId);
		if (!standing.operating()) {
			throw new AccountNotOperatingException(standing);
		}
	}

	Standing of(Account account, List<AnnualReview> history) {
		ZoneId zone = ZoneId.of(account.getTimeZone());
		LocalDate today = LocalDate.now(this.clock.withZone(zone));
		Integer required = requiredCycle(account, today, zone);
		if (account.getStatus() != AccountStatus.ACTIVE) {
			return new Standing(false, Code.NOT_ACTIVE, "The account is " + account.getStatus()
					+ ((account.getStatusReason() != null) ? " (" + account.getStatusReason() + ")" : "")
					+ "; only an ACTIVE account may mass send or reply. An administrator can change its status.",
					required);
		}
		Optional<AnnualReview> latestDecided = history.stream()
			.filter((r) -> r.getResult() != null)
			.max((a, b) -> Integer.compare(a.getCycleYear(), b.getCycleYear()));
		if (latestDecided.isPresent() && "FAIL".equals(latestDecided.get().getResult())) {
			return new Standing(false, Code.REVIEW_FAILED, "The annual review of " + latestDecided.get().getCycleYear()
					+ " failed, so the account stops operating until a later review passes.", required);
		}
		if (required != null
				&& history.stream().noneMatch((r) -> r.getCycleYear() >= required && "PASS".equals(r.getResult()))) {
			return new Standing(false, Code.REVIEW_OVERDUE,
					"The annual review for " + required + " was due in November " + required
							+ " and has not passed. Submit the report and record the decision to resume.",
					required);
		}
		return new Standing(true, Code.OPERATING, "The account is ACTIVE and its annual review is in order.", required);
	}

	/**
	 * The cycle that must have passed on {@code today}: the last November that has ended,
	 * unless the account was registered on or after 1 November of that year.
	 */
	static Integer requiredCycle(Account account, LocalDate today, ZoneId zone) {
		int cycle = (today.getMonth() == Month.DECEMBER) ? today.getYear() : today.getYear() - 1;
		LocalDate registered = LocalDate.ofInstant(account.getCreatedAt(), zone);
		return registered.isBefore(LocalDate.of(cycle, Month.NOVEMBER, 1)) ? cycle : null;
	}

}
