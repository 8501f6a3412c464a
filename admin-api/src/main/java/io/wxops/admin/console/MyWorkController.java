package io.wxops.admin.console;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wxops.admin.security.AllowAnyPerson;
import io.wxops.admin.security.Caller;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "My work", description = "What waits for the signed-in person, for the console's first page.")
class MyWorkController {

	private final MyWork work;

	MyWorkController(MyWork work) {
		this.work = work;
	}

	@GetMapping("/api/my-work")
	@AllowAnyPerson
	@Operation(summary = "What waits for me",
			description = "Counts by the roles you hold, each with the scope of its own list (so the count and the "
					+ "list it leads to agree); an item is present, possibly 0, for every role you hold. Stable keys: "
					+ "HANDLER: tickets.open (not closed, of your departments and, for the central office, escalated "
					+ "ones), tickets.unacknowledged (NEW), tickets.overdue (overdue or escalated, as the duty view), "
					+ "tickets.unassigned, tickets.mine. EDITOR: articles.rejected (your articles sent back). "
					+ "DEPT_REVIEWER, OFFICE_REVIEWER, LEADER: reviews.articles and reviews.sends (awaiting your "
					+ "level, as GET /api/reviews/pending and /pending-sends). PUBLISHER: queue.articles (one item per "
					+ "account with articles in its queue, accountId set), sends.toPreview (COMPOSED), "
					+ "sends.toConfirm (PREVIEWED). ADMIN: accounts.annualReviewDue (November without a passed review "
					+ "of the year, or overdue), accounts.annualReviewUndecided (report submitted, no decision), "
					+ "accounts.suspended. ADMIN or OFFICE_REVIEWER (the account's administrator and the central office): "
					+ "accounts.updateWarning and accounts.updateVeto (accounts at the posting warning, 10 local days "
					+ "without an update by default, and at the veto's days, 14, an unconfirmed veto while posts made outside wxops are not seen; as GET /api/reports/inspection). AUDITOR on every account: audit.lastVerification (count 1 when the last "
					+ "GET /api/audit/verify found a break, else 0; at: when it ran, null if never). route is the "
					+ "console page that lists the items. No re-filing can be pending: a change of contact is "
					+ "recorded as its re-filing. Carries an ETag (serverTime left out) for polling with "
					+ "If-None-Match.")
	MyWork.Answer myWork(Caller caller) {
		return this.work.of(caller);
	}

}
