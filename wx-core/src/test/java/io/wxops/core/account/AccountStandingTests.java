package io.wxops.core.account;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one check mass sends and replies call: ACTIVE, and the annual review in order, with
 * the November deadline taken in the account's time zone.
 */
class AccountStandingTests {

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	@Test
	void anActiveAccountWithNothingDueOperates() {
		AccountStanding.Standing s = standingAt("2026-11-21T10:00:00", account(AccountStatus.ACTIVE, "2026-02-01"),
				List.of());
		assertThat(s.operating()).isTrue();
		assertThat(s.code()).isEqualTo(AccountStanding.Code.OPERATING);
	}

	@Test
	void aSuspendedAccountDoesNotOperateAndSaysWhy() {
		Account a = account(AccountStatus.SUSPENDED, "2026-02-01");
		a.setStatusReason("内容违规整改");
		AccountStanding.Standing s = standingAt("2026-11-21T10:00:00", a, List.of());
		assertThat(s.operating()).isFalse();
		assertThat(s.code()).isEqualTo(AccountStanding.Code.NOT_ACTIVE);
		assertThat(s.reason()).contains("SUSPENDED").contains("内容违规整改");
	}

	@Test
	void theLastSecondOfNovemberStillOperatesWithoutAReview() {
		AccountStanding.Standing s = standingAt("2026-11-30T23:59:59", account(AccountStatus.ACTIVE, "2026-02-01"),
				List.of());
		assertThat(s.operating()).isTrue();
	}

	@Test
	void fromTheFirstOfDecemberLocalTimeAMissingReviewStopsTheAccount() {
		AccountStanding.Standing s = standingAt("2026-12-01T00:00:00", account(AccountStatus.ACTIVE, "2026-02-01"),
				List.of());
		assertThat(s.operating()).isFalse();
		assertThat(s.code()).isEqualTo(AccountStanding.Code.REVIEW_OVERDUE);
		assertThat(s.requiredCycle()).isEqualTo(2026);
	}

	@Test
	void aPassedReviewKeepsTheAccountOperatingThroughTheNextYear() {
		List<AnnualReview> reviews = List.of(review(2026, "PASS"));
		Account a = account(AccountStatus.ACTIVE, "2026-02-01");
		assertThat(standingAt("2026-12-01T00:00:00", a, reviews).operating()).isTrue();
		assertThat(standingAt("2027-11-30T23:59:59", a, reviews).operating()).isTrue();
		assertThat(standingAt("2027-12-01T00:00:00", a, reviews).code()).isEqualTo(AccountStanding.Code.REVIEW_OVERDUE);
	}

	@Test
	void aReportWithoutADecisionIsNotAPass() {
		AccountStanding.Standing s = standingAt("2026-12-02T09:00:00", account(AccountStatus.ACTIVE, "2026-02-01"),
				List.of(review(2026, null)));
		assertThat(s.code()).isEqualTo(AccountStanding.Code.REVIEW_OVERDUE);
	}

	@Test
	void aFailedReviewStopsTheAccountAtOnce() {
		AccountStanding.Standing s = standingAt("2026-11-21T10:00:00", account(AccountStatus.ACTIVE, "2026-02-01"),
				List.of(review(2026, "FAIL")));
		assertThat(s.operating()).isFalse();
		assertThat(s.code()).isEqualTo(AccountStanding.Code.REVIEW_FAILED);
	}

	@Test
	void anAccountRegisteredInNovemberIsFirstDueTheNextNovember() {
		Account a = account(AccountStatus.ACTIVE, "2026-11-05");
		assertThat(standingAt("2026-12-15T10:00:00", a, List.of()).operating()).isTrue();
		assertThat(standingAt("2027-12-01T00:00:00", a, List.of()).code())
			.isEqualTo(AccountStanding.Code.REVIEW_OVERDUE);
	}

	@Test
	void theDeadlineFollowsTheAccountsTimeZone() {
		Account a = account(AccountStatus.ACTIVE, "2026-02-01");
		a.setTimeZone("Europe/London");
		// 08:30 on 1 December in Shanghai is 00:30 in London: due there too.
		assertThat(standingAt("2026-12-01T07:59:59", a, List.of()).operating()).isTrue();
		assertThat(standingAt("2026-12-01T08:30:00", a, List.of()).operating()).isFalse();
	}

	/** The standing at a Shanghai local time. */
	private static AccountStanding.Standing standingAt(String shanghaiLocal, Account account,
			List<AnnualReview> reviews) {
		Instant at = LocalDateTime.parse(shanghaiLocal).atZone(SHANGHAI).toInstant();
		return new AccountStanding(null, null, Clock.fixed(at, SHANGHAI)).of(account, reviews);
	}

	private static Account account(AccountStatus status, String registeredOn) {
		Account a = new Account();
		a.setId(1L);
		a.setStatus(status);
		a.setTimeZone("Asia/Shanghai");
		a.setCreatedAt(LocalDateTime.parse(registeredOn + "T09:00:00").atZone(SHANGHAI).toInstant());
		return a;
	}

	private static AnnualReview review(int cycle, String result) {
		AnnualReview r = new AnnualReview();
		r.setCycleYear(cycle);
		r.setResult(result);
		return r;
	}

}
