package io.wxops.admin.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A report as one table, for the exports: a header row and the rows, each cell a number,
 * a boolean, text or null. Only ids, days and figures: no openid is ever a cell.
 */
record ReportTable(String name, List<String> headers, List<List<Object>> rows) {

	static ReportTable posting(PostingReports.PostingReport r) {
		List<List<Object>> rows = new ArrayList<>();
		for (PostingReports.AccountPosting a : r.accounts()) {
			PostingReports.PostingStanding s = a.standing();
			for (PostingReports.PeriodCount p : a.periods()) {
				rows.add(cells(a.accountId(), a.name(), a.timeZone(), p.start(), p.end(), p.updates(), p.items(),
						s.asOf(), s.lastUpdateDay(), s.daysSinceLastUpdate(), s.level(), s.unconfirmed(), s.vetoOn(),
						a.bursts().size()));
			}
		}
		return new ReportTable("posting",
				List.of("accountId", "accountName", "timeZone", "periodStart", "periodEnd", "updates", "items", "asOf",
						"lastUpdateDay", "daysSinceLastUpdate", "level", "unconfirmed", "vetoOn", "burstsInReport"),
				rows);
	}

	static ReportTable timeliness(TimelinessReports.TimelinessReport r) {
		List<List<Object>> rows = new ArrayList<>();
		List<TimelinessReports.CategoryTimeliness> all = new ArrayList<>(r.categories());
		all.add(r.total());
		for (TimelinessReports.CategoryTimeliness c : all) {
			rows.add(cells(r.from(), r.to(), c.category(), c.tickets(), c.acknowledgedSameDay(), c.ackSameDayShare(),
					c.answered(), c.firstReplyMedianSeconds(), c.firstReplyP90Seconds(), c.resolvedWithinSla(),
					c.resolvedWithinSlaShare(), c.overdue(), c.escalated(), c.neverAnswered(),
					(c.oldestUnanswered() == null) ? null : c.oldestUnanswered().ticketId(),
					(c.oldestUnanswered() == null) ? null : c.oldestUnanswered().firstMessageAt(), c.withResult(),
					c.closed(), c.followedUp(), c.followupRate()));
		}
		return new ReportTable("timeliness",
				List.of("from", "to", "category", "tickets", "acknowledgedSameDay", "ackSameDayShare", "answered",
						"firstReplyMedianSeconds", "firstReplyP90Seconds", "resolvedWithinSla",
						"resolvedWithinSlaShare", "overdue", "escalated", "neverAnswered", "oldestUnansweredTicketId",
						"oldestUnansweredAt", "withResult", "closed", "followedUp", "followupRate"),
				rows);
	}

	static ReportTable discipline(DisciplineReports.DisciplineReport r) {
		List<List<Object>> rows = new ArrayList<>();
		for (DisciplineReports.SendResult s : r.sendResults()) {
			rows.add(cells("SEND", s.sendId(), s.accountId(), s.day(), s.kind(), s.status(), s.totalCount(),
					s.filterCount(), s.sentCount(), s.errorCount(), s.copyrightRefused(), s.errorCode(),
					s.errorMessage(), s.wechatStatus(), joined(s.articleIds()), null, null));
		}
		for (DisciplineReports.Rejection j : r.rejections()) {
			rows.add(cells("REJECTION_" + j.kind(), j.id(), j.accountId(), null, null, null, null, null, null, null,
					null, null, null, null, null, j.level(), j.decidedAt()));
		}
		return new ReportTable("discipline",
				List.of("row", "id", "accountId", "day", "kind", "status", "totalCount", "filterCount", "sentCount",
						"errorCount", "copyrightRefused", "errorCode", "errorMessage", "wechatStatus", "articleIds",
						"reviewLevel", "decidedAt"),
				rows);
	}

	static ReportTable inspection(Inspections.Inspection i) {
		List<List<Object>> rows = new ArrayList<>();
		for (Inspections.Indicator ind : i.indicators()) {
			if (ind.evidence().isEmpty()) {
				rows.add(cells(i.accountId(), i.name(), i.reportDate(), ind.key(), ind.level(), ind.summary(), null,
						null, null, null, null));
			}
			for (Inspections.Evidence e : ind.evidence()) {
				rows.add(cells(i.accountId(), i.name(), i.reportDate(), ind.key(), ind.level(), ind.summary(), e.kind(),
						e.id(), e.day(), e.at(), e.note()));
			}
		}
		return new ReportTable("inspection", List.of("accountId", "accountName", "reportDate", "indicator", "level",
				"summary", "evidenceKind", "evidenceId", "evidenceDay", "evidenceAt", "note"), rows);
	}

	static ReportTable overview(Inspections.Overview o) {
		List<List<Object>> rows = new ArrayList<>();
		for (Inspections.OverviewRow r : o.rows()) {
			rows.add(cells(r.accountId(), r.name(), r.timeZone(), r.reportDate(), r.overall(), r.posting(),
					r.daysSinceLastUpdate(), r.lastUpdateDay(), r.vetoOn(), r.postingUnconfirmed(), r.atRiskThisWeek(),
					r.interaction(), r.unansweredTickets(), r.timeliness(), r.discipline()));
		}
		return new ReportTable("overview",
				List.of("accountId", "accountName", "timeZone", "reportDate", "overall", "posting",
						"daysSinceLastUpdate", "lastUpdateDay", "vetoOn", "postingUnconfirmed", "atRiskThisWeek",
						"interaction", "unansweredTickets", "timeliness", "discipline"),
				rows);
	}

	private static String joined(List<Long> ids) {
		return ids.isEmpty() ? null : ids.stream().map(String::valueOf).reduce((a, b) -> a + " " + b).orElse(null);
	}

	private static List<Object> cells(Object... values) {
		List<Object> list = new ArrayList<>(values.length);
		for (Object v : values) {
			list.add((v instanceof Enum<?> e) ? e.name() : v);
		}
		return list;
	}

}
