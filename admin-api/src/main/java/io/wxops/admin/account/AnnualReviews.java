package io.wxops.admin.account;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.baomidou.mybatisplus.core.toolkit.Wrappers;
import io.wxops.admin.account.AccountViews.AnnualReviewView;
import io.wxops.admin.audit.AuditTrail;
import io.wxops.admin.security.Caller;
import io.wxops.admin.security.Role;
import io.wxops.admin.web.ApiException;
import io.wxops.admin.web.Problem;
import io.wxops.core.account.Account;
import io.wxops.core.account.AccountChangeNotifier;
import io.wxops.core.account.AccountStanding;
import io.wxops.core.account.AnnualReview;
import io.wxops.core.account.AnnualReviewMapper;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The annual review: a report per November cycle, then passed or failed; and the
 * account's standing (may it operate?), which a failed review stops at once.
 */
@Service
class AnnualReviews {

	private final AccountAccess access;

	private final AnnualReviewMapper reviews;

	private final AccountStanding standing;

	private final AccountRules rules;

	private final AccountChangeNotifier notifier;

	private final AuditTrail audit;

	private final Clock clock;

	AnnualReviews(AccountAccess access, AnnualReviewMapper reviews, AccountStanding standing, AccountRules rules,
			AccountChangeNotifier notifier, AuditTrail audit, Clock clock) {
		this.access = access;
		this.reviews = reviews;
		this.standing = standing;
		this.rules = rules;
		this.notifier = notifier;
		this.audit = audit;
		this.clock = clock;
	}

	public List<AnnualReviewView> annualReviews(Caller caller, long id) {
		this.access.visible(caller, id);
		return this.reviews.findByAccount(id).stream().map(AnnualReviews::reviewView).toList();
	}

	@Transactional
	public AnnualReviewView submitAnnualReport(Caller caller, long id, Integer cycle, String report) {
		Account row = this.access.withRole(caller, id, Role.ADMIN);
		int thisYear = this.rules.today(row).getYear();
		Map<String, String> errors = new LinkedHashMap<>();
		if (cycle == null || cycle < 2000 || cycle > thisYear) {
			errors.put("cycle", "cycle is the year whose November review this is, at most " + thisYear);
		}
		if (!errors.isEmpty()) {
			throw ApiException.invalid(errors);
		}
		AnnualReview existing = this.reviews.find(id, cycle);
		if (existing != null && existing.getResult() != null) {
			throw Problem.REVIEW_DECIDED.exception("The " + cycle + " review is already decided",
					"A decided review is not changed. Record the next cycle's report instead.");
		}
		Instant now = now();
		AnnualReview review = (existing != null) ? existing : new AnnualReview();
		AnnualReviewView before = (existing != null) ? reviewView(existing) : null;
		review.setAccountId(id);
		review.setCycleYear(cycle);
		review.setReport(report.trim());
		review.setSubmittedBy(caller.personId());
		review.setSubmittedAt(now);
		if (existing == null) {
			review.setVersion(1);
			try {
				this.reviews.insert(review);
			}
			catch (org.springframework.dao.DuplicateKeyException ex) {
				throw Problem.REVIEW_EXISTS.exception("The " + cycle + " report was just submitted",
						"Someone else submitted it at the same moment. Load the reviews again.");
			}
		}
		else {
			// The optimistic-lock interceptor adds "version = the one read" and advances
			// it.
			if (this.reviews.update(review,
					Wrappers.<AnnualReview>lambdaUpdate().eq(AnnualReview::getId, review.getId())) != 1) {
				throw ApiException.staleVersion("annual review");
			}
		}
		AnnualReviewView after = reviewView(review);
		this.audit.record(caller, "ANNUAL_REPORT_SUBMITTED", "ACCOUNT", id, id, before, after);
		return after;
	}

	@Transactional
	public AnnualReviewView decideAnnualReview(Caller caller, long id, int cycle, String result, String note) {
		Account account = this.access.withRole(caller, id, Role.ADMIN);
		AnnualReview review = this.reviews.find(id, cycle);
		if (review == null) {
			throw Problem.REPORT_MISSING.exception("No report for " + cycle,
					"Submit the " + cycle + " annual report before recording the decision.");
		}
		if (review.getResult() != null) {
			throw Problem.REVIEW_DECIDED.exception("The " + cycle + " review is already decided",
					"It was decided " + review.getResult() + " at " + review.getDecidedAt() + ".");
		}
		AnnualReviewView before = reviewView(review);
		review.setResult(result);
		review.setDecisionNote((note != null) ? note.trim() : null);
		review.setDecidedBy(caller.personId());
		review.setDecidedAt(now());
		if (this.reviews.update(review,
				Wrappers.<AnnualReview>lambdaUpdate()
					.eq(AnnualReview::getId, review.getId())
					.isNull(AnnualReview::getResult)) != 1) {
			throw ApiException.staleVersion("annual review");
		}
		AnnualReviewView after = reviewView(review);
		this.audit.record(caller, "ANNUAL_REVIEW_DECIDED", "ACCOUNT", id, id, before, after);
		// Gateways remember whether an account may reply; tell them to check again.
		this.notifier.accountChanged(account.getAppId());
		return after;
	}

	public AccountStanding.Standing standing(Caller caller, long id) {
		this.access.visible(caller, id);
		return this.standing.of(id);
	}

	private static AnnualReviewView reviewView(AnnualReview r) {
		return new AnnualReviewView(r.getId(), r.getCycleYear(), r.getReport(), r.getSubmittedBy(), r.getSubmittedAt(),
				r.getResult(), r.getDecisionNote(), r.getDecidedBy(), r.getDecidedAt());
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

}
