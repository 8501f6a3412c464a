package io.wxops.admin.report;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;

import org.springframework.stereotype.Service;

/**
 * Posting regularity (更新频率): updates per week or month, days since the last update with
 * its warning and veto, and bursts (several updates within minutes, 集中发布).
 */
@Service
public class PostingReports {

	/** Weeks (ISO, Monday first) or calendar months. */
	public enum Granularity {

		WEEK, MONTH

	}

	@Schema(description = "Updates in one week or month of the period (clipped to the period)")
	public record PeriodCount(LocalDate start, LocalDate end, int updates, int items) {
	}

	@Schema(description = "Updates following each other within the burst window (wxops.admin.reports.burst-window), "
			+ "at least burst-min-items of them")
	public record Burst(long accountId, Instant start, Instant end, int updates, List<Long> sendIds) {
	}

	@Schema(description = "Whether and when an account last updated, as of its report date (its local days)")
	public record PostingStanding(long accountId, LocalDate asOf, @Schema(
			description = "Local day of the last update on or before asOf; null if none") LocalDate lastUpdateDay,
			@Schema(description = "asOf minus the last update's day (or the registration day when there is none)") long daysSinceLastUpdate,
			@Schema(description = "PASS or WARNING (from update-warning-days); from update-veto-days a WARNING with unconfirmed set, never a VETO while posts made outside wxops are not seen") Level level,
			@Schema(description = "True from update-veto-days: the days without an update through wxops reached the veto, but posts made elsewhere (mp.weixin.qq.com) are not seen yet, so the veto is not confirmed") boolean unconfirmed,
			@Schema(description = "Why the level is capped (set with unconfirmed), else null") String note,
			@Schema(description = "The first day that would be a veto without a new update") LocalDate vetoOn) {
	}

	/** The note of an unconfirmed veto. */
	public static final String UNCONFIRMED_NOTE = "no update through wxops for the veto's days or more; posts made elsewhere (mp.weixin.qq.com) are not seen yet, so this is not a confirmed veto";

	@Schema(description = "One account's posting regularity")
	public record AccountPosting(long accountId, String name, String timeZone, PostingStanding standing, int updates,
			int items, List<PeriodCount> periods, List<Burst> bursts) {
	}

	@Schema(description = "Posting regularity of the accounts; totals sums the accounts per week or month")
	public record PostingReport(LocalDate from, LocalDate to, Granularity granularity, int warningDays, int vetoDays,
			@Schema(description = "Update sources counted; today MASS_SEND only (free publishes are not built yet)") List<String> sources,
			List<PeriodCount> totals, List<AccountPosting> accounts) {
	}

	private final List<UpdateSource> sources;

	private final ReportProperties properties;

	PostingReports(List<UpdateSource> sources, ReportProperties properties) {
		this.sources = sources;
		this.properties = properties;
	}

	PostingReport report(List<ReportAccount> accounts, ReportScope.Period period, Granularity granularity,
			Map<Long, LocalDate> asOf) {
		List<Long> ids = accounts.stream().map(ReportAccount::id).toList();
		Map<Long, List<Update>> byAccount = new HashMap<>();
		for (Update u : updates(ids, period.from(), period.to())) {
			byAccount.computeIfAbsent(u.accountId(), (k) -> new ArrayList<>()).add(u);
		}
		Map<Long, PostingStanding> standings = standings(accounts, asOf);
		List<PeriodCount> totals = buckets(period, granularity, List.of());
		List<AccountPosting> rows = new ArrayList<>();
		for (ReportAccount a : accounts) {
			List<Update> list = byAccount.getOrDefault(a.id(), List.of());
			List<PeriodCount> periods = buckets(period, granularity, list);
			for (int i = 0; i < totals.size(); i++) {
				PeriodCount t = totals.get(i);
				PeriodCount p = periods.get(i);
				totals.set(i, new PeriodCount(t.start(), t.end(), t.updates() + p.updates(), t.items() + p.items()));
			}
			rows.add(new AccountPosting(a.id(), a.name(), a.zone().getId(), standings.get(a.id()), list.size(),
					list.stream().mapToInt(Update::items).sum(), periods, bursts(list)));
		}
		return new PostingReport(period.from(), period.to(), granularity, this.properties.updateWarningDays(),
				this.properties.updateVetoDays(), sourceNames(), totals, rows);
	}

	List<String> sourceNames() {
		return this.sources.stream()
			.map((s) -> (s instanceof MassSendUpdates) ? "MASS_SEND" : s.getClass().getSimpleName())
			.toList();
	}

	/** The updates of every source, in time order. */
	List<Update> updates(Collection<Long> accounts, LocalDate from, LocalDate to) {
		List<Update> all = new ArrayList<>();
		for (UpdateSource s : this.sources) {
			all.addAll(s.updates(accounts, from, to));
		}
		all.sort(Comparator.comparing(Update::at).thenComparing(Update::refId));
		return all;
	}

	/**
	 * Each account's standing on its report date ({@code asOf} per account): days since
	 * its last update on or before that day, in its local days.
	 */
	Map<Long, PostingStanding> standings(List<ReportAccount> accounts, Map<Long, LocalDate> asOf) {
		List<Long> ids = accounts.stream().map(ReportAccount::id).toList();
		LocalDate latest = asOf.values().stream().max(LocalDate::compareTo).orElse(LocalDate.now());
		Map<Long, LocalDate> last = new HashMap<>();
		for (UpdateSource s : this.sources) {
			s.lastUpdateDays(ids, latest).forEach((id, day) -> last.merge(id, day, (x, y) -> x.isAfter(y) ? x : y));
		}
		Map<Long, PostingStanding> standings = new HashMap<>();
		for (ReportAccount a : accounts) {
			LocalDate day = asOf.get(a.id());
			LocalDate lastDay = last.get(a.id());
			if (lastDay != null && lastDay.isAfter(day)) {
				// A later report date than this account's: look again up to its own.
				lastDay = null;
				for (UpdateSource s : this.sources) {
					LocalDate d = s.lastUpdateDays(List.of(a.id()), day).get(a.id());
					if (d != null && (lastDay == null || d.isAfter(lastDay))) {
						lastDay = d;
					}
				}
			}
			LocalDate since = (lastDay != null) ? lastDay : a.dayOf(a.createdAt());
			long days = Math.max(0, ChronoUnit.DAYS.between(since, day));
			// Only sends through wxops are seen: an account that posts on
			// mp.weixin.qq.com
			// must not get a false veto, so the veto's days are an unconfirmed warning.
			boolean unconfirmed = level(days) == Level.VETO;
			standings.put(a.id(),
					new PostingStanding(a.id(), day, lastDay, days, unconfirmed ? Level.WARNING : level(days),
							unconfirmed, unconfirmed ? UNCONFIRMED_NOTE : null,
							since.plusDays(this.properties.updateVetoDays())));
		}
		return standings;
	}

	Level level(long daysWithout) {
		if (daysWithout >= this.properties.updateVetoDays()) {
			return Level.VETO;
		}
		return (daysWithout >= this.properties.updateWarningDays()) ? Level.WARNING : Level.PASS;
	}

	List<Burst> bursts(List<Update> updates) {
		List<Burst> bursts = new ArrayList<>();
		List<Update> run = new ArrayList<>();
		for (Update u : updates) {
			if (!run.isEmpty() && u.at().isAfter(run.get(run.size() - 1).at().plus(this.properties.burstWindow()))) {
				addBurst(bursts, run);
				run = new ArrayList<>();
			}
			run.add(u);
		}
		addBurst(bursts, run);
		return bursts;
	}

	private void addBurst(List<Burst> bursts, List<Update> run) {
		if (run.size() >= this.properties.burstMinItems()) {
			bursts.add(new Burst(run.get(0).accountId(), run.get(0).at(), run.get(run.size() - 1).at(), run.size(),
					run.stream().map(Update::refId).toList()));
		}
	}

	static List<PeriodCount> buckets(ReportScope.Period period, Granularity granularity, List<Update> updates) {
		List<PeriodCount> buckets = new ArrayList<>();
		LocalDate start = period.from();
		while (!start.isAfter(period.to())) {
			LocalDate end = (granularity == Granularity.WEEK)
					? start.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY))
					: start.with(TemporalAdjusters.lastDayOfMonth());
			if (end.isAfter(period.to())) {
				end = period.to();
			}
			int n = 0;
			int items = 0;
			for (Update u : updates) {
				if (!u.day().isBefore(start) && !u.day().isAfter(end)) {
					n++;
					items += u.items();
				}
			}
			buckets.add(new PeriodCount(start, end, n, items));
			start = end.plusDays(1);
		}
		return buckets;
	}

}
