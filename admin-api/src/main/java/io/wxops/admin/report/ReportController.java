package io.wxops.admin.report;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wxops.admin.security.Allow;
import io.wxops.admin.security.Caller;
import io.wxops.admin.security.Role;
import io.wxops.admin.web.ApiException;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reports from our own records: posting regularity, reply timeliness, review and send
 * discipline, per account, per department (the accounts it owns) or for every account the
 * caller's grants cover, over a period of local days.
 */
@RestController
@Tag(name = "Reports", description = "Posting regularity, reply timeliness, review and send discipline, and the "
		+ "self-inspection against the inspection indicators (国办秘函〔2019〕19号), from this system's own records.")
class ReportController {

	static final String SCOPE = " Scope: accountId (one account; 404 when unknown or outside your grants), departmentId "
			+ "(the ACTIVE and SUSPENDED accounts that department owns; 404 when unknown), or neither (every ACTIVE or "
			+ "SUSPENDED account your grants cover). Readable with ADMIN, AUDITOR, OFFICE_REVIEWER or LEADER, each on "
			+ "the accounts its grants cover. Period: from and to (YYYY-MM-DD, both included) are local days, each "
			+ "account's own time zone; to defaults to asOf or today (the account's zone for one account, "
			+ "Asia/Shanghai for several), from to 84 days ending on to; at most wxops.admin.reports.max-range-days "
			+ "(366) days, else 400.";

	private final ReportScope scope;

	private final PostingReports posting;

	private final TimelinessReports timeliness;

	private final DisciplineReports discipline;

	private final Inspections inspections;

	private final Clock clock;

	ReportController(ReportScope scope, PostingReports posting, TimelinessReports timeliness,
			DisciplineReports discipline, Inspections inspections, Clock clock) {
		this.clock = clock;
		this.inspections = inspections;
		this.scope = scope;
		this.posting = posting;
		this.timeliness = timeliness;
		this.discipline = discipline;
	}

	@GetMapping("/api/reports/posting")
	@Allow({ Role.ADMIN, Role.AUDITOR, Role.OFFICE_REVIEWER, Role.LEADER })
	@Operation(summary = "Posting regularity",
			description = "Updates per week (ISO, Monday first) or month, clipped to the period, per account and in "
					+ "total; bursts (at least burst-min-items updates each within burst-window of the previous); and "
					+ "each account's standing on its report date: the local day of its last update on or before "
					+ "asOf, the days since (asOf minus that day; from its registration day when it never updated), "
					+ "and the level: WARNING from update-warning-days (10), VETO from update-veto-days (14). An update "
					+ "is a mass send FINISHED with sentCount > 0, on the local day it held. Free publishes (发布) are "
					+ "not built yet and are not counted (sources says what was)." + SCOPE)
	PostingReports.PostingReport posting(Caller caller, @RequestParam(required = false) Long accountId,
			@RequestParam(required = false) Long departmentId,
			@Parameter(description = "First local day, YYYY-MM-DD") @RequestParam(required = false) @DateTimeFormat(
					iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@Parameter(description = "Last local day, included") @RequestParam(required = false) @DateTimeFormat(
					iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@Parameter(description = "Report date for days since the last update; default today in each account's "
					+ "zone") @RequestParam(
							required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
			@Parameter(description = "Instead of asOf: an instant (ISO-8601, e.g. 2026-03-11T15:59:59Z) whose local "
					+ "day in each account's zone is its report date") @RequestParam(required = false) Instant at,
			@Parameter(description = "WEEK (default) or MONTH") @RequestParam(required = false) String granularity) {
		PostingReports.Granularity g = granularity(granularity);
		ReportScope.requireOneOf(asOf, at);
		this.scope.checkDates(from, to, asOf, at);
		List<ReportAccount> accounts = this.scope.accounts(caller, accountId, departmentId);
		ReportScope.Period period = this.scope.period(accounts, from, to, asOf, at);
		return this.posting.report(accounts, period, g, asOfs(accounts, asOf, at));
	}

	@GetMapping("/api/reports/timeliness")
	@Allow({ Role.ADMIN, Role.AUDITOR, Role.OFFICE_REVIEWER, Role.LEADER })
	@Operation(summary = "Reply timeliness",
			description = "Per inbox category (and ALL), for the tickets followers opened on the period's local days "
					+ "(MALICIOUS ones excluded): the share acknowledged by the end of the local day the follower "
					+ "wrote (the automatic acknowledgement delivered or a human reply delivered); the time from the "
					+ "first message to the first delivered human reply (median and 90th percentile, nearest rank, "
					+ "seconds; the acknowledgement does not count as an answer); the share RESOLVED or CLOSED by the "
					+ "due date; overdue (result after the due date, or none and the date passed as of now) and "
					+ "escalated counts; tickets no human reply reached and the oldest of them; and the follow-up "
					+ "(回访) rate: tickets with a recorded follow-up among those CLOSED." + SCOPE)
	TimelinessReports.TimelinessReport timeliness(Caller caller, @RequestParam(required = false) Long accountId,
			@RequestParam(required = false) Long departmentId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		this.scope.checkDates(from, to, null, null);
		List<ReportAccount> accounts = this.scope.accounts(caller, accountId, departmentId);
		return this.timeliness.report(accounts, this.scope.period(accounts, from, to, null, null));
	}

	@GetMapping("/api/reports/discipline")
	@Allow({ Role.ADMIN, Role.AUDITOR, Role.OFFICE_REVIEWER, Role.LEADER })
	@Operation(summary = "Review and send discipline",
			description = "Review rounds submitted on the period's local days by sensitivity (article rounds, the "
					+ "articles they concern, TEXT/IMAGE send reviews; approved, rejected, still in review), the "
					+ "decisions per review level, every rejection (article id or send id), time in review (submission "
					+ "to the round's last decision, median and 90th percentile), and the sends held on the period's "
					+ "days that went out or failed: WeChat's total/filtered/sent/error counts, copyright refusals "
					+ "(CheckState 3) and the failed sends with their error." + SCOPE)
	DisciplineReports.DisciplineReport discipline(Caller caller, @RequestParam(required = false) Long accountId,
			@RequestParam(required = false) Long departmentId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		this.scope.checkDates(from, to, null, null);
		List<ReportAccount> accounts = this.scope.accounts(caller, accountId, departmentId);
		return this.discipline.report(accounts, this.scope.period(accounts, from, to, null, null));
	}

	static final String INDICATORS = " Indicators (each PASS, WARNING or VETO with evidence: send ids, ticket ids and "
			+ "local days, never openids): posting (days since the last update: WARNING from update-warning-days, "
			+ "and from update-veto-days a WARNING marked unconfirmed, not the veto, while only sends through wxops "
			+ "are counted); interaction (tickets, whatever their status now, without a delivered human reply by the "
			+ "end of the report date: WARNING from unanswered-warning-days, VETO "
			+ "from unanswered-veto-days, 留言长期不回复); timeliness (over the inspected period of inspection-days "
			+ "ending on the report date: WARNING when the same-day acknowledgement share is below "
			+ "ack-same-day-warning-share or any ticket is overdue); discipline (WARNING when a send failed or "
			+ "WeChat's copyright check refused it). overall is the worst. Security incidents (leaks, wrong "
			+ "statements) are not judged from records and are listed in notAssessed. The report date is asOf, or "
			+ "the local day of at in the account's zone, or today there. Thresholds: wxops.admin.reports.*, after "
			+ "国办秘函〔2019〕19号; provinces differ.";

	@GetMapping("/api/reports/inspection/{accountId:\\d+}")
	@Allow({ Role.ADMIN, Role.AUDITOR, Role.OFFICE_REVIEWER, Role.LEADER })
	@Operation(summary = "Self-inspection of one account",
			description = "A dated report an institution can file (the console prints it)." + INDICATORS
					+ " 404 when the account is unknown or outside your grants.")
	Inspections.Inspection inspection(Caller caller, @PathVariable long accountId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
			@RequestParam(required = false) Instant at) {
		ReportScope.requireOneOf(asOf, at);
		this.scope.checkDates(null, null, asOf, at);
		List<ReportAccount> accounts = this.scope.accounts(caller, accountId, null);
		return this.inspections.inspect(accounts, asOfs(accounts, asOf, at)).get(0);
	}

	@GetMapping("/api/reports/inspection")
	@Allow({ Role.ADMIN, Role.AUDITOR, Role.OFFICE_REVIEWER, Role.LEADER })
	@Operation(summary = "Inspection overview",
			description = "For the central office: every ACTIVE or SUSPENDED account your grants cover (or those "
					+ "departmentId owns), worst first, with each indicator's level, the days since the last update, "
					+ "the day the posting veto falls without a new update, and atRiskThisWeek (not PASS now, or that "
					+ "veto within 7 days of the report date)." + INDICATORS)
	Inspections.Overview overview(Caller caller, @RequestParam(required = false) Long departmentId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
			@RequestParam(required = false) Instant at) {
		ReportScope.requireOneOf(asOf, at);
		this.scope.checkDates(null, null, asOf, at);
		List<ReportAccount> accounts = this.scope.accounts(caller, null, departmentId);
		return this.inspections.overview(accounts, asOfs(accounts, asOf, at));
	}

	@GetMapping("/api/reports/{report}/export")
	@Allow({ Role.ADMIN, Role.AUDITOR, Role.OFFICE_REVIEWER, Role.LEADER })
	@Operation(summary = "Export a report",
			description = "report is posting (one row per account and week/month, with the account's standing), "
					+ "timeliness (one row per category and ALL), discipline (one row per send, then one per "
					+ "rejection), inspection (one account, accountId required: one row per indicator and evidence) or "
					+ "overview (one row per account). Same parameters and scope as the report itself. format=csv "
					+ "(default: UTF-8 with a BOM, a header row, RFC 4180 quoting) or xlsx (one sheet, numbers as "
					+ "numbers). In both, text that a spreadsheet would run as a formula (starting with =, +, -, @, "
					+ "tab or CR) is prefixed with an apostrophe, as in the audit export, and no cell is a formula. "
					+ "Rows carry ticket, send and article ids, never openids.",
			responses = @ApiResponse(responseCode = "200", description = "The file",
					content = { @Content(mediaType = "text/csv", schema = @Schema(type = "string")),
							@Content(mediaType = XLSX, schema = @Schema(type = "string", format = "binary")) }))
	void exportReport(Caller caller, @Parameter(
			description = "posting, timeliness, discipline, inspection or overview") @PathVariable String report,
			@Parameter(description = "csv (default) or xlsx") @RequestParam(required = false) String format,
			@RequestParam(required = false) Long accountId, @RequestParam(required = false) Long departmentId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
			@RequestParam(required = false) Instant at, @RequestParam(required = false) String granularity,
			HttpServletResponse response) throws IOException {
		boolean xlsx;
		if (format == null || format.isBlank() || "csv".equalsIgnoreCase(format.trim())) {
			xlsx = false;
		}
		else if ("xlsx".equalsIgnoreCase(format.trim())) {
			xlsx = true;
		}
		else {
			throw ApiException.invalid("format", "format must be csv or xlsx");
		}
		ReportTable table = switch (report) {
			case "posting" ->
				ReportTable.posting(posting(caller, accountId, departmentId, from, to, asOf, at, granularity));
			case "timeliness" -> ReportTable.timeliness(timeliness(caller, accountId, departmentId, from, to));
			case "discipline" -> ReportTable.discipline(discipline(caller, accountId, departmentId, from, to));
			case "inspection" -> {
				if (accountId == null) {
					throw ApiException.invalid("accountId",
							"the inspection export is of one account: accountId is required");
				}
				yield ReportTable.inspection(inspection(caller, accountId, asOf, at));
			}
			case "overview" -> ReportTable.overview(overview(caller, departmentId, asOf, at));
			default -> throw ApiException.invalid("report",
					"report must be posting, timeliness, discipline, inspection or overview");
		};
		String name = "report-" + table.name() + "-" + FILE_STAMP.format(this.clock.instant())
				+ (xlsx ? ".xlsx" : ".csv");
		response.setContentType(xlsx ? XLSX : "text/csv; charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(name).build().toString());
		if (xlsx) {
			ReportExports.xlsx(table, response.getOutputStream());
		}
		else {
			ReportExports.csv(table, response.getOutputStream());
		}
	}

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private static final DateTimeFormatter FILE_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
		.withZone(ZoneOffset.UTC);

	static PostingReports.Granularity granularity(String value) {
		if (value == null || value.isBlank()) {
			return PostingReports.Granularity.WEEK;
		}
		try {
			return PostingReports.Granularity.valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw ApiException.invalid("granularity", "granularity must be WEEK or MONTH");
		}
	}

	Map<Long, LocalDate> asOfs(List<ReportAccount> accounts, LocalDate asOf, Instant at) {
		Map<Long, LocalDate> days = new HashMap<>();
		accounts.forEach((a) -> days.put(a.id(), this.scope.asOf(a, asOf, at)));
		return days;
	}

}
