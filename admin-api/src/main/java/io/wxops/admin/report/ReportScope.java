package io.wxops.admin.report;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.wxops.admin.security.Caller;
import io.wxops.admin.security.Role;
import io.wxops.admin.web.ApiException;

import org.springframework.stereotype.Component;

/**
 * Which accounts a report covers and over which local days: the accounts the caller's
 * grants of {@link #ROLES} cover, narrowed to one account or to the accounts a department
 * owns; the period checked (from not after to, at most
 * {@link ReportProperties#maxRangeDays()} days).
 */
@Component
class ReportScope {

	/** The roles that may read reports, each on the accounts its grants cover. */
	static final Role[] ROLES = { Role.ADMIN, Role.AUDITOR, Role.OFFICE_REVIEWER, Role.LEADER };

	/** The zone of the default period when a report covers several accounts. */
	static final ZoneId REGISTRY_ZONE = ZoneId.of("Asia/Shanghai");

	/** Length of the default period: twelve weeks. */
	static final int DEFAULT_DAYS = 84;

	private final ReportMapper reports;

	private final ReportProperties properties;

	private final Clock clock;

	ReportScope(ReportMapper reports, ReportProperties properties, Clock clock) {
		this.reports = reports;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * The accounts: one ({@code accountId}, any status; 404 when unknown or outside the
	 * grants), those a department owns (404 for an unknown department), or all the grants
	 * cover; without an account, only ACTIVE and SUSPENDED ones.
	 */
	List<ReportAccount> accounts(Caller caller, Long accountId, Long departmentId) {
		if (accountId != null && !caller.can(accountId, ROLES)) {
			throw ApiException.notFound("Account", accountId);
		}
		if (departmentId != null && this.reports.departmentExists(departmentId) == 0) {
			throw ApiException.notFound("Department", departmentId);
		}
		Collection<Long> scope = caller.accountScope(ROLES).orElse(null);
		if (scope != null && scope.isEmpty()) {
			scope = Set.of(-1L);
		}
		List<ReportAccount> found = this.reports.accounts(scope, accountId, departmentId)
			.stream()
			.map((r) -> new ReportAccount(Rows.lng(r, "id"), Rows.str(r, "name"), ZoneId.of(Rows.str(r, "time_zone")),
					Rows.lngOrNull(r, "owning_department_id"), Rows.str(r, "status"), Rows.instant(r, "created_at")))
			.toList();
		if (accountId != null && found.isEmpty()) {
			throw ApiException.notFound("Account", accountId);
		}
		return found;
	}

	/** Today in the zone. */
	LocalDate today(ZoneId zone) {
		return LocalDate.now(this.clock.withZone(zone));
	}

	/**
	 * The period: {@code to} defaults to {@code asOf} or today (in the account's zone for
	 * one account, in {@link #REGISTRY_ZONE} for several; or at's day there),
	 * {@code from} to {@value #DEFAULT_DAYS} days ending on {@code to}.
	 */
	Period period(List<ReportAccount> accounts, LocalDate from, LocalDate to, LocalDate asOf, java.time.Instant at) {
		ZoneId zone = (accounts.size() == 1) ? accounts.get(0).zone() : REGISTRY_ZONE;
		LocalDate last = (to != null) ? to
				: (asOf != null) ? asOf : (at != null) ? at.atZone(zone).toLocalDate() : today(zone);
		LocalDate first = (from != null) ? from : last.minusDays(DEFAULT_DAYS - 1);
		Map<String, String> problems = new LinkedHashMap<>();
		if (last.isBefore(first)) {
			problems.put("to", "to must not be before from");
		}
		else if (ChronoUnit.DAYS.between(first, last) >= this.properties.maxRangeDays()) {
			problems.put("to", "a report covers at most " + this.properties.maxRangeDays() + " days");
		}
		if (!problems.isEmpty()) {
			throw ApiException.invalid(problems);
		}
		return new Period(first, last);
	}

	/**
	 * The report date of an account: {@code asOf}; or the local day of {@code at} in its
	 * zone; or today in its zone.
	 */
	LocalDate asOf(ReportAccount account, LocalDate asOf, java.time.Instant at) {
		if (asOf != null) {
			return asOf;
		}
		return (at != null) ? account.dayOf(at) : today(account.zone());
	}

	/** The earliest day a report may name: records of this system are far younger. */
	static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

	/**
	 * Every date a client gives lies between {@link #EARLIEST} and a year after today (in
	 * {@link #REGISTRY_ZONE}), else 400: far dates would overflow the day arithmetic.
	 */
	void checkDates(LocalDate from, LocalDate to, LocalDate asOf, java.time.Instant at) {
		LocalDate latest = today(REGISTRY_ZONE).plusYears(1);
		Map<String, String> problems = new LinkedHashMap<>();
		Map<String, LocalDate> days = new LinkedHashMap<>();
		days.put("from", from);
		days.put("to", to);
		days.put("asOf", asOf);
		days.forEach((name, day) -> {
			if (day != null && (day.isBefore(EARLIEST) || day.isAfter(latest))) {
				problems.put(name, name + " must be between " + EARLIEST + " and " + latest);
			}
		});
		if (at != null && (at.isBefore(EARLIEST.atStartOfDay(java.time.ZoneOffset.UTC).toInstant())
				|| at.isAfter(latest.atStartOfDay(java.time.ZoneOffset.UTC).toInstant()))) {
			problems.put("at", "at must be between " + EARLIEST + " and " + latest);
		}
		if (!problems.isEmpty()) {
			throw ApiException.invalid(problems);
		}
	}

	/** asOf and at name the same thing: at most one of them. */
	static void requireOneOf(LocalDate asOf, java.time.Instant at) {
		if (asOf != null && at != null) {
			throw ApiException.invalid("at", "give asOf (a local day) or at (an instant), not both");
		}
	}

	/** Local days, both included. */
	record Period(LocalDate from, LocalDate to) {

		/** The earliest instant any of the accounts' first day starts. */
		java.time.Instant earliestStart(List<ReportAccount> accounts) {
			return accounts.stream()
				.map((a) -> a.startOf(this.from))
				.min(java.time.Instant::compareTo)
				.orElse(this.from.atStartOfDay(REGISTRY_ZONE).toInstant());
		}

		/** The latest instant any of the accounts' last day ends. */
		java.time.Instant latestEnd(List<ReportAccount> accounts) {
			return accounts.stream()
				.map((a) -> a.startOf(this.to.plusDays(1)))
				.max(java.time.Instant::compareTo)
				.orElse(this.to.plusDays(1).atStartOfDay(REGISTRY_ZONE).toInstant());
		}

		boolean contains(LocalDate day) {
			return !day.isBefore(this.from) && !day.isAfter(this.to);
		}

	}

}
