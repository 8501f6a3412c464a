package io.wxops.admin.console;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.wxops.admin.inbox.TicketQueue;
import io.wxops.admin.inbox.TicketViews;
import io.wxops.admin.report.Inspections;
import io.wxops.admin.review.ReviewService;
import io.wxops.admin.review.SendReviewService;
import io.wxops.admin.security.Caller;
import io.wxops.admin.security.Role;

import org.springframework.stereotype.Service;

/**
 * "My work": how many things wait for the caller, by the roles they hold, counted with
 * the same scope each feature's own list applies, so a count and the list it leads to
 * agree.
 */
@Service
class MyWork {

	/**
	 * One count. {@code accountId} is set for per-account items (the publishing queue).
	 */
	record Item(String key, long count, Long accountId, String route, Instant at) {

		static Item of(String key, long count, String route) {
			return new Item(key, count, null, route, null);
		}

	}

	record Answer(Instant serverTime, List<Item> items) {
	}

	private static final Role[] REVIEWERS = { Role.DEPT_REVIEWER, Role.OFFICE_REVIEWER, Role.LEADER };

	private final TicketQueue tickets;

	private final ReviewService reviews;

	private final SendReviewService sendReviews;

	private final MyWorkMapper counts;

	private final AnnualReviewsDue annualReviewsDue;

	private final AuditVerificationMemory verifications;

	private final Clock clock;

	private final Inspections inspections;

	MyWork(TicketQueue tickets, ReviewService reviews, SendReviewService sendReviews, MyWorkMapper counts,
			AnnualReviewsDue annualReviewsDue, AuditVerificationMemory verifications, Clock clock,
			Inspections inspections) {
		this.inspections = inspections;
		this.tickets = tickets;
		this.reviews = reviews;
		this.sendReviews = sendReviews;
		this.counts = counts;
		this.annualReviewsDue = annualReviewsDue;
		this.verifications = verifications;
		this.clock = clock;
	}

	Answer of(Caller caller) {
		List<Item> items = new ArrayList<>();
		if (caller.hasAnyRole(Role.HANDLER)) {
			TicketViews.WorkCounts t = this.tickets.workCounts(caller);
			items.add(Item.of("tickets.open", t.open(), "/tickets"));
			items.add(Item.of("tickets.unacknowledged", t.unacknowledged(), "/tickets?status=NEW"));
			items.add(Item.of("tickets.overdue", t.overdue(), "/duty"));
			items.add(Item.of("tickets.unassigned", t.unassigned(), "/tickets?unassigned=true"));
			items.add(Item.of("tickets.mine", t.mine(), "/tickets?mine=true"));
		}
		if (caller.hasAnyRole(Role.EDITOR)) {
			items.add(Item.of("articles.rejected", this.counts.rejectedArticlesOf(caller.personId()),
					"/articles?status=REJECTED"));
		}
		if (caller.hasAnyRole(REVIEWERS)) {
			items.add(Item.of("reviews.articles", this.reviews.pending(caller).size(), "/reviews"));
			items.add(Item.of("reviews.sends", this.sendReviews.pending(caller).size(), "/reviews/sends"));
		}
		if (caller.hasAnyRole(Role.PUBLISHER)) {
			Set<Long> scope = scope(caller, Role.PUBLISHER);
			for (Map<String, Object> row : this.counts.queuedByAccount(scope)) {
				long account = ((Number) row.get("account_id")).longValue();
				items.add(new Item("queue.articles", ((Number) row.get("n")).longValue(), account,
						"/accounts/" + account + "/queue", null));
			}
			items.add(Item.of("sends.toPreview", this.counts.sends("COMPOSED", scope), "/sends?status=COMPOSED"));
			items.add(Item.of("sends.toConfirm", this.counts.sends("PREVIEWED", scope), "/sends?status=PREVIEWED"));
		}
		if (caller.hasAnyRole(Role.ADMIN)) {
			Set<Long> scope = scope(caller, Role.ADMIN);
			items.add(Item.of("accounts.annualReviewDue", this.annualReviewsDue.count(scope),
					"/accounts?annualReview=due"));
			items.add(Item.of("accounts.annualReviewUndecided", this.counts.undecidedAnnualReviews(scope),
					"/accounts?annualReview=undecided"));
			items
				.add(Item.of("accounts.suspended", this.counts.suspendedAccounts(scope), "/accounts?status=SUSPENDED"));
		}
		if (caller.hasAnyRole(Role.ADMIN, Role.OFFICE_REVIEWER)) {
			// The account's administrator and the central office see who nears the
			// posting veto (in each account's local days).
			Inspections.PostingAlerts alerts = this.inspections
				.postingAlerts(caller.accountScope(Role.ADMIN, Role.OFFICE_REVIEWER)
					.map((ids) -> ids.isEmpty() ? Set.of(-1L) : ids)
					.orElse(null));
			items.add(Item.of("accounts.updateWarning", alerts.warning(), "/reports/inspection"));
			items.add(Item.of("accounts.updateVeto", alerts.veto(), "/reports/inspection"));
		}
		if (caller.canEverywhere(Role.AUDITOR, Role.ADMIN) && caller.hasAnyRole(Role.AUDITOR)) {
			Optional<AuditVerificationMemory.Last> last = this.verifications.last();
			items.add(new Item("audit.lastVerification", last.map((v) -> v.intact() ? 0L : 1L).orElse(0L), null,
					"/audit/verify", last.map(AuditVerificationMemory.Last::checkedAt).orElse(null)));
		}
		return new Answer(this.clock.instant(), items);
	}

	/** The accounts a role covers, or null for every account. */
	private static Set<Long> scope(Caller caller, Role role) {
		return caller.accountScope(role).map((ids) -> ids.isEmpty() ? Set.of(-1L) : ids).orElse(null);
	}

}
