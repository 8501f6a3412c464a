package io.wxops.admin.report;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;

import org.springframework.stereotype.Service;

/**
 * The self-inspection (自查) of accounts against the inspection indicators of 国办秘函〔2019〕19号
 * that our records can answer: posting regularity (no update within two weeks is a single
 * veto), interaction (follower messages left unanswered for long), reply timeliness, and
 * review and send discipline; each PASS, WARNING or VETO with its evidence.
 */
@Service
public class Inspections {

	/** Most evidence items listed per indicator (the summary gives the full count). */
	static final int EVIDENCE_LIMIT = 50;

	@Schema(description = "A record behind an indicator: kind SEND (a mass send's id), TICKET (a ticket's id, never "
			+ "an openid) or ACCOUNT (the account itself, e.g. its registration day when it never updated)")
	public record Evidence(String kind, long id, LocalDate day, Instant at, String note) {
	}

	@Schema(description = "One indicator: key posting, interaction, timeliness or discipline")
	public record Indicator(String key, Level level, String summary, @Schema(
			description = "posting: the days since the last update; the others: how many tickets or sends are behind the level (evidence lists at most 50)") int count,
			List<Evidence> evidence) {
	}

	@Schema(description = "The thresholds the inspection applied (wxops.admin.reports.*)")
	public record Thresholds(int updateWarningDays, int updateVetoDays, int unansweredWarningDays,
			int unansweredVetoDays, double ackSameDayWarningShare, int inspectionDays) {
	}

	@Schema(description = "A dated self-inspection report of one account")
	public record Inspection(long accountId, String name, String timeZone,
			@Schema(description = "The report date, a local day of the account") LocalDate reportDate,
			@Schema(description = "First local day of the inspected period (inspection-days before the report date)") LocalDate from,
			LocalDate to, @Schema(description = "The worst level of the indicators") Level overall,
			List<Indicator> indicators, Thresholds thresholds, Instant generatedAt,
			@Schema(description = "Indicators this system's records cannot judge (left to the inspector)") List<String> notAssessed,
			@Schema(description = "Update sources counted (MASS_SEND only: free publishes are not built yet)") List<String> updateSources) {
	}

	@Schema(description = "One account in the central office's overview")
	public record OverviewRow(long accountId, String name, String timeZone, LocalDate reportDate, Level overall,
			Level posting, long daysSinceLastUpdate, LocalDate lastUpdateDay,
			@Schema(description = "The first day that is a veto without a new update") LocalDate vetoOn,
			@Schema(description = "The posting level is a capped veto: 14+ days without an update through wxops, posts made elsewhere not seen yet") boolean postingUnconfirmed,
			@Schema(description = "Not PASS now, or the posting veto falls within 7 days of the report date") boolean atRiskThisWeek,
			Level interaction, int unansweredTickets, Level timeliness, Level discipline) {
	}

	@Schema(description = "Every account the caller's grants cover, worst first")
	public record Overview(Instant generatedAt, int accounts, int atRisk, int vetoes, int warnings,
			List<OverviewRow> rows) {
	}

	private final PostingReports posting;

	private final TimelinessReports timeliness;

	private final ReportMapper reports;

	private final ReportProperties properties;

	private final Clock clock;

	Inspections(PostingReports posting, TimelinessReports timeliness, ReportMapper reports, ReportProperties properties,
			Clock clock) {
		this.posting = posting;
		this.timeliness = timeliness;
		this.reports = reports;
		this.properties = properties;
		this.clock = clock;
	}

	Thresholds thresholds() {
		ReportProperties p = this.properties;
		return new Thresholds(p.updateWarningDays(), p.updateVetoDays(), p.unansweredWarningDays(),
				p.unansweredVetoDays(), p.ackSameDayWarningShare(), p.inspectionDays());
	}

	/** The inspections of the accounts, each on its report date; batched queries. */
	List<Inspection> inspect(List<ReportAccount> accounts, Map<Long, LocalDate> reportDates) {
		if (accounts.isEmpty()) {
			return List.of();
		}
		Instant now = this.clock.instant();
		List<Long> ids = accounts.stream().map(ReportAccount::id).toList();
		LocalDate latest = reportDates.values().stream().max(LocalDate::compareTo).orElseThrow();
		LocalDate earliest = reportDates.values().stream().min(LocalDate::compareTo).orElseThrow();
		ReportScope.Period all = new ReportScope.Period(earliest.minusDays(this.properties.inspectionDays() - 1),
				latest);
		Map<Long, PostingReports.PostingStanding> standings = this.posting.standings(accounts, reportDates);
		Map<Long, List<Update>> updates = group(this.posting.updates(ids, all.from(), all.to()), Update::accountId);
		Map<Long, List<TicketFacts>> tickets = group(this.timeliness.tickets(accounts, all), TicketFacts::accountId);
		Map<Long, List<Map<String, Object>>> unanswered = group(
				this.reports.unanswered(ids, all.latestEnd(accounts),
						new ReportScope.Period(earliest, earliest).earliestStart(accounts)),
				(r) -> Rows.lng(r, "account_id"));
		Map<Long, List<Map<String, Object>>> sends = group(this.reports.sends(ids, all.from(), all.to()),
				(r) -> Rows.lng(r, "account_id"));
		List<Inspection> out = new ArrayList<>();
		for (ReportAccount a : accounts) {
			LocalDate date = reportDates.get(a.id());
			ReportScope.Period period = new ReportScope.Period(date.minusDays(this.properties.inspectionDays() - 1),
					date);
			List<Indicator> indicators = List.of(
					postingIndicator(a, standings.get(a.id()), updates.getOrDefault(a.id(), List.of()), period),
					interactionIndicator(a, date, unanswered.getOrDefault(a.id(), List.of())),
					timelinessIndicator(tickets.getOrDefault(a.id(), List.of()), period, now),
					disciplineIndicator(sends.getOrDefault(a.id(), List.of()), period));
			Level overall = indicators.stream().map(Indicator::level).reduce(Level.PASS, Level::worst);
			out.add(new Inspection(a.id(), a.name(), a.zone().getId(), date, period.from(), period.to(), overall,
					indicators, thresholds(), now,
					List.of("security: leaks, seriously wrong statements or prohibited content (安全、泄密事故)"),
					this.posting.sourceNames()));
		}
		return out;
	}

	Overview overview(List<ReportAccount> accounts, Map<Long, LocalDate> reportDates) {
		List<OverviewRow> rows = new ArrayList<>();
		Map<Long, PostingReports.PostingStanding> standings = this.posting.standings(accounts, reportDates);
		for (Inspection i : inspect(accounts, reportDates)) {
			Indicator p = i.indicators().get(0);
			PostingReports.PostingStanding st = standings.get(i.accountId());
			boolean atRisk = i.overall() != Level.PASS || !st.vetoOn().isAfter(i.reportDate().plusDays(7));
			rows.add(new OverviewRow(i.accountId(), i.name(), i.timeZone(), i.reportDate(), i.overall(), p.level(),
					st.daysSinceLastUpdate(), st.lastUpdateDay(), st.vetoOn(), st.unconfirmed(), atRisk,
					i.indicators().get(1).level(), i.indicators().get(1).count(), i.indicators().get(2).level(),
					i.indicators().get(3).level()));
		}
		rows.sort((x, y) -> (x.overall() != y.overall()) ? y.overall().compareTo(x.overall())
				: (x.atRiskThisWeek() != y.atRiskThisWeek()) ? Boolean.compare(y.atRiskThisWeek(), x.atRiskThisWeek())
						: Long.compare(y.daysSinceLastUpdate(), x.daysSinceLastUpdate()));
		return new Overview(this.clock.instant(), rows.size(),
				(int) rows.stream().filter(OverviewRow::atRiskThisWeek).count(),
				(int) rows.stream().filter((r) -> r.overall() == Level.VETO).count(),
				(int) rows.stream().filter((r) -> r.overall() == Level.WARNING).count(), rows);
	}

	/**
	 * How many of the accounts (ACTIVE or SUSPENDED, {@code accounts} null for every one)
	 * are at the posting warning and at the veto today, each in its own zone: for "my
	 * work".
	 */
	public PostingAlerts postingAlerts(Collection<Long> accounts) {
		List<ReportAccount> list = this.reports.accounts(accounts, null, null)
			.stream()
			.map((r) -> new ReportAccount(Rows.lng(r, "id"), Rows.str(r, "name"),
					java.time.ZoneId.of(Rows.str(r, "time_zone")), Rows.lngOrNull(r, "owning_department_id"),
					Rows.str(r, "status"), Rows.instant(r, "created_at")))
			.toList();
		Map<Long, LocalDate> today = new HashMap<>();
		list.forEach((a) -> today.put(a.id(), LocalDate.now(this.clock.withZone(a.zone()))));
		int warning = 0;
		int veto = 0;
		for (PostingReports.PostingStanding s : this.posting.standings(list, today).values()) {
			if (s.level() == Level.VETO || s.unconfirmed()) {
				veto++;
			}
			else if (s.level() == Level.WARNING) {
				warning++;
			}
		}
		return new PostingAlerts(warning, veto);
	}

	/**
	 * Accounts at the posting warning and at the veto's days (an unconfirmed veto: posts
	 * made outside wxops are not seen yet).
	 */
	public record PostingAlerts(int warning, int veto) {
	}

	private Indicator postingIndicator(ReportAccount a, PostingReports.PostingStanding st, List<Update> updates,
			ReportScope.Period period) {
		List<Evidence> evidence = new ArrayList<>();
		List<Update> inPeriod = updates.stream().filter((u) -> period.contains(u.day())).toList();
		for (int i = inPeriod.size() - 1; i >= 0 && evidence.size() < EVIDENCE_LIMIT; i--) {
			Update u = inPeriod.get(i);
			evidence.add(new Evidence("SEND", u.refId(), u.day(), u.at(), u.items() + " item(s)"));
		}
		String summary;
		if (st.lastUpdateDay() == null) {
			summary = "no update since registration on " + a.dayOf(a.createdAt()) + ": " + st.daysSinceLastUpdate()
					+ " days";
			evidence.add(new Evidence("ACCOUNT", a.id(), a.dayOf(a.createdAt()), a.createdAt(), "registered"));
		}
		else {
			summary = st.daysSinceLastUpdate() + " days since the last update on " + st.lastUpdateDay() + " ("
					+ inPeriod.size() + " updates in the period; veto from " + st.vetoOn() + ")";
		}
		if (st.unconfirmed()) {
			summary += "; unconfirmed: " + PostingReports.UNCONFIRMED_NOTE;
		}
		return new Indicator("posting", st.level(), summary, (int) st.daysSinceLastUpdate(), evidence);
	}

	private Indicator interactionIndicator(ReportAccount a, LocalDate date, List<Map<String, Object>> open) {
		Level level = Level.PASS;
		List<Evidence> evidence = new ArrayList<>();
		int count = 0;
		for (Map<String, Object> r : open) {
			Instant first = Rows.instant(r, "first_message_at");
			LocalDate day = a.dayOf(first);
			Instant reply = Rows.instant(r, "first_reply_at");
			// Unanswered at the end of the report date, whatever the ticket's status now.
			if (day.isAfter(date) || (reply != null && reply.isBefore(a.startOf(date.plusDays(1))))) {
				continue;
			}
			long days = ChronoUnit.DAYS.between(day, date);
			Level l = (days >= this.properties.unansweredVetoDays()) ? Level.VETO
					: (days >= this.properties.unansweredWarningDays()) ? Level.WARNING : Level.PASS;
			if (l == Level.PASS) {
				continue;
			}
			count++;
			level = level.worst(l);
			if (evidence.size() < EVIDENCE_LIMIT) {
				evidence.add(new Evidence("TICKET", Rows.lng(r, "id"), day, first,
						Rows.str(r, "category") + ", unanswered for " + days + " days"));
			}
		}
		String summary = (count == 0)
				? "no ticket left without a human reply for " + this.properties.unansweredWarningDays()
						+ " days or more"
				: count + " ticket(s) without a human reply for " + this.properties.unansweredWarningDays()
						+ " days or more";
		return new Indicator("interaction", level, summary, count, evidence);
	}

	private Indicator timelinessIndicator(List<TicketFacts> all, ReportScope.Period period, Instant now) {
		List<TicketFacts> tickets = all.stream().filter((t) -> period.contains(t.day())).toList();
		TimelinessReports.CategoryTimeliness f = TimelinessReports.figures("ALL", tickets, now);
		List<Evidence> evidence = new ArrayList<>();
		int count = 0;
		Level level = Level.PASS;
		boolean lowAck = f.ackSameDayShare() != null && f.ackSameDayShare() < this.properties.ackSameDayWarningShare();
		if (lowAck || f.overdue() > 0) {
			level = Level.WARNING;
		}
		for (TicketFacts t : tickets) {
			boolean late = lowAck && !t.acknowledgedSameDay();
			if (late || t.overdue(now)) {
				count++;
			}
			if (evidence.size() >= EVIDENCE_LIMIT) {
				continue;
			}
			if (late) {
				evidence
					.add(new Evidence("TICKET", t.id(), t.day(), t.firstMessageAt(), "not acknowledged the same day"));
			}
			else if (t.overdue(now)) {
				evidence.add(
						new Evidence("TICKET", t.id(), t.day(), t.firstMessageAt(), "overdue (due " + t.dueAt() + ")"));
			}
		}
		String summary = f.tickets() + " ticket(s); same-day acknowledgement "
				+ ((f.ackSameDayShare() == null) ? "n/a" : Math.round(f.ackSameDayShare() * 1000) / 10.0 + "%") + "; "
				+ f.overdue() + " overdue; " + f.escalated() + " escalated; follow-up rate "
				+ ((f.followupRate() == null) ? "n/a" : Math.round(f.followupRate() * 1000) / 10.0 + "%");
		return new Indicator("timeliness", level, summary, count, evidence);
	}

	private Indicator disciplineIndicator(List<Map<String, Object>> sends, ReportScope.Period period) {
		List<Evidence> evidence = new ArrayList<>();
		int failed = 0;
		int total = 0;
		for (Map<String, Object> r : sends) {
			LocalDate day = Rows.date(r, "local_day");
			if (!period.contains(day)) {
				continue;
			}
			total++;
			String copyright = Rows.str(r, "copyright_result");
			boolean refused = copyright != null && copyright.matches("(?s).*\"CheckState\"\\s*:\\s*\"?3\\b.*");
			if ("FAILED".equals(Rows.str(r, "status")) || refused) {
				failed++;
				if (evidence.size() < EVIDENCE_LIMIT) {
					evidence.add(new Evidence("SEND", Rows.lng(r, "id"), day, null, refused ? "copyright check refused"
							: "failed: " + Rows.str(r, "error_code") + " " + Rows.str(r, "error_message")));
				}
			}
		}
		return new Indicator("discipline", (failed > 0) ? Level.WARNING : Level.PASS,
				total + " send(s) in the period, " + failed + " failed or refused", failed, evidence);
	}

	private static <T> Map<Long, List<T>> group(List<T> rows, java.util.function.Function<T, Long> key) {
		Map<Long, List<T>> map = new HashMap<>();
		for (T r : rows) {
			map.computeIfAbsent(key.apply(r), (k) -> new ArrayList<>()).add(r);
		}
		return map;
	}

}
