package io.wxops.admin.report;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;

import org.springframework.stereotype.Service;

/**
 * Reply timeliness (回复制度) per inbox category: same-day acknowledgement, time to the first
 * human reply, results within the SLA, overdue and escalated tickets, tickets never
 * answered, and the follow-up (回访) rate.
 */
@Service
public class TimelinessReports {

	/** The categories in the order the report lists them (MALICIOUS is left out). */
	static final List<String> CATEGORIES = List.of("CONSULTATION", "COMPLAINT", "REPORT_PETITION", "SUGGESTION");

	@Schema(description = "The oldest ticket no human reply reached")
	public record Oldest(long ticketId, long accountId, Instant firstMessageAt) {
	}

	@Schema(description = "Timeliness of the tickets of one category (or of all, category ALL)")
	public record CategoryTimeliness(String category, @Schema(
			description = "Tickets the follower opened in the period (their first message's local day)") int tickets,
			@Schema(description = "Acknowledged by the end of the local day the follower wrote: the automatic "
					+ "acknowledgement delivered, or a human reply delivered") int acknowledgedSameDay,
			@Schema(description = "acknowledgedSameDay / tickets (0 to 1, 4 decimals); null without tickets") Double ackSameDayShare,
			@Schema(description = "Tickets with a delivered human reply (the acknowledgement does not count)") int answered,
			@Schema(description = "Median time from the follower's first message to the first delivered human reply, "
					+ "in seconds (nearest rank); null when none was answered") Long firstReplyMedianSeconds,
			@Schema(description = "90th percentile of the same (nearest rank)") Long firstReplyP90Seconds,
			@Schema(description = "RESOLVED or CLOSED no later than the due date (SLA days of the category)") int resolvedWithinSla,
			@Schema(description = "resolvedWithinSla / tickets") Double resolvedWithinSlaShare,
			@Schema(description = "Result after the due date, or none yet and the due date passed") int overdue,
			int escalated, @Schema(description = "Tickets no human reply reached (any status)") int neverAnswered,
			Oldest oldestUnanswered, @Schema(description = "Tickets RESOLVED or CLOSED") int withResult, int closed,
			@Schema(description = "CLOSED tickets with a recorded follow-up (回访)") int followedUp,
			@Schema(description = "followedUp / closed: of the closed tickets, the share followed up") Double followupRate) {
	}

	@Schema(description = "Reply timeliness of the accounts' tickets opened in the period, MALICIOUS tickets excluded")
	public record TimelinessReport(LocalDate from, LocalDate to, Instant computedAt,
			List<CategoryTimeliness> categories, CategoryTimeliness total) {
	}

	private final ReportMapper reports;

	private final Clock clock;

	TimelinessReports(ReportMapper reports, Clock clock) {
		this.reports = reports;
		this.clock = clock;
	}

	/** The tickets the accounts' followers opened on the period's local days. */
	List<TicketFacts> tickets(List<ReportAccount> accounts, ReportScope.Period period) {
		if (accounts.isEmpty()) {
			return List.of();
		}
		Map<Long, ReportAccount> byId = new HashMap<>();
		accounts.forEach((a) -> byId.put(a.id(), a));
		List<TicketFacts> facts = new ArrayList<>();
		for (Map<String, Object> r : this.reports.tickets(byId.keySet(), period.earliestStart(accounts),
				period.latestEnd(accounts))) {
			TicketFacts t = TicketFacts.of(r, byId.get(Rows.lng(r, "account_id")));
			if (period.contains(t.day())) {
				facts.add(t);
			}
		}
		return facts;
	}

	TimelinessReport report(List<ReportAccount> accounts, ReportScope.Period period) {
		Instant now = this.clock.instant();
		List<TicketFacts> tickets = tickets(accounts, period);
		Map<String, List<TicketFacts>> byCategory = new LinkedHashMap<>();
		CATEGORIES.forEach((c) -> byCategory.put(c, new ArrayList<>()));
		for (TicketFacts t : tickets) {
			byCategory.computeIfAbsent(t.category(), (k) -> new ArrayList<>()).add(t);
		}
		List<CategoryTimeliness> rows = new ArrayList<>();
		byCategory.forEach((c, list) -> rows.add(figures(c, list, now)));
		return new TimelinessReport(period.from(), period.to(), now, rows, figures("ALL", tickets, now));
	}

	static CategoryTimeliness figures(String category, List<TicketFacts> tickets, Instant now) {
		int ack = 0;
		int withinSla = 0;
		int overdue = 0;
		int escalated = 0;
		int withResult = 0;
		int closed = 0;
		int followedUp = 0;
		List<Long> replySeconds = new ArrayList<>();
		TicketFacts oldest = null;
		int never = 0;
		for (TicketFacts t : tickets) {
			if (t.acknowledgedSameDay()) {
				ack++;
			}
			if (t.resolvedWithinSla()) {
				withinSla++;
			}
			if (t.overdue(now)) {
				overdue++;
			}
			if (t.escalatedAt() != null) {
				escalated++;
			}
			if (t.hasResult()) {
				withResult++;
			}
			if ("CLOSED".equals(t.status())) {
				closed++;
				if (t.followedUp()) {
					followedUp++;
				}
			}
			if (t.firstReplyAt() != null) {
				replySeconds.add(Duration.between(t.firstMessageAt(), t.firstReplyAt()).toSeconds());
			}
			else {
				never++;
				if (oldest == null || t.firstMessageAt().isBefore(oldest.firstMessageAt())) {
					oldest = t;
				}
			}
		}
		int n = tickets.size();
		return new CategoryTimeliness(category, n, ack, Stats.share(ack, n), replySeconds.size(),
				Stats.percentile(replySeconds, 0.5), Stats.percentile(replySeconds, 0.9), withinSla,
				Stats.share(withinSla, n), overdue, escalated, never,
				(oldest == null) ? null : new Oldest(oldest.id(), oldest.accountId(), oldest.firstMessageAt()),
				withResult, closed, followedUp, Stats.share(followedUp, closed));
	}

}
