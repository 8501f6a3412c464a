package io.wxops.admin.console;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wxops.admin.masssend.MassSendService;
import io.wxops.admin.security.AllowAnyPerson;
import io.wxops.admin.security.Caller;
import io.wxops.admin.security.Role;
import io.wxops.admin.web.ApiException;
import io.wxops.core.account.Account;
import io.wxops.core.account.AccountMapper;
import io.wxops.core.account.AccountType;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The local days an account's mass sends already hold (one send per account per local
 * day), for a slot picker that greys them out before the compose call would get 409
 * {@code day-taken}; for a service account also its month slots.
 */
@RestController
@Tag(name = "Mass sends")
class SendDaysController {

	/** Longest range one request may ask for. */
	static final int MAX_DAYS = 366;

	/** The range when the request names none: from today, about two months. */
	static final int DEFAULT_DAYS = 62;

	private final AccountMapper accounts;

	private final SendDaysMapper days;

	private final Clock clock;

	SendDaysController(AccountMapper accounts, SendDaysMapper days, Clock clock) {
		this.accounts = accounts;
		this.days = days;
		this.clock = clock;
	}

	/** A day a send holds: which send, in which state. */
	record TakenDay(LocalDate day, long sendId, String status) {
	}

	/** A month of a service account: sends holding one of its slots, of how many. */
	record MonthSlots(YearMonth month, long used, int limit) {
	}

	record SendDays(long accountId, String zone, LocalDate today, LocalDate from, LocalDate to, List<TakenDay> days,
			List<MonthSlots> months) {
	}

	@GetMapping("/api/accounts/{id}/send-days")
	@AllowAnyPerson
	@Operation(summary = "Days already taken by a mass send",
			description = "The account's local days (its time zone) between from and to, both included, that a send "
					+ "holds: composed, previewed, confirmed, sending or sent (a failed or cancelled send gives its day "
					+ "back). Without from, today in the account's zone; without to, " + DEFAULT_DAYS + " days on; "
					+ "at most " + MAX_DAYS + " days. For a service account, months lists each month touching the "
					+ "range with the sends holding its " + MassSendService.SERVICE_SENDS_PER_MONTH
					+ " slots (empty for a subscription account). Anyone granted on the account may read it; others "
					+ "get 404.")
	SendDays sendDays(Caller caller, @PathVariable long id,
			@Parameter(description = "First day (YYYY-MM-DD), default today in the account's zone") @RequestParam(
					required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@Parameter(description = "Last day (YYYY-MM-DD), included") @RequestParam(required = false) @DateTimeFormat(
					iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		Account account = this.accounts.selectById(id);
		if (account == null || !caller.can(id, Role.values())) {
			throw ApiException.notFound("Account", id);
		}
		ZoneId zone = ZoneId.of(account.getTimeZone());
		LocalDate today = LocalDate.now(this.clock.withZone(zone));
		LocalDate first = (from != null) ? from : today;
		LocalDate last = (to != null) ? to : first.plusDays(DEFAULT_DAYS);
		Map<String, String> problems = new LinkedHashMap<>();
		if (last.isBefore(first)) {
			problems.put("to", "to must not be before from");
		}
		else if (ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
			problems.put("to", "at most " + MAX_DAYS + " days at once");
		}
		if (!problems.isEmpty()) {
			throw ApiException.invalid(problems);
		}
		List<TakenDay> taken = new ArrayList<>();
		for (Map<String, Object> row : this.days.takenDays(id, first, last)) {
			taken.add(new TakenDay(localDate(row.get("local_day")), ((Number) row.get("id")).longValue(),
					(String) row.get("status")));
		}
		List<MonthSlots> months = new ArrayList<>();
		if (account.getAccountType() == AccountType.SERVICE) {
			Map<YearMonth, Long> used = new LinkedHashMap<>();
			for (Map<String, Object> row : this.days.takenMonthSlots(id, first.withDayOfMonth(1), last)) {
				used.put(YearMonth.from(localDate(row.get("month_claim"))), ((Number) row.get("n")).longValue());
			}
			for (YearMonth m = YearMonth.from(first); !m.isAfter(YearMonth.from(last)); m = m.plusMonths(1)) {
				months.add(new MonthSlots(m, used.getOrDefault(m, 0L), MassSendService.SERVICE_SENDS_PER_MONTH));
			}
		}
		return new SendDays(id, zone.getId(), today, first, last, taken, months);
	}

	private static LocalDate localDate(Object value) {
		if (value instanceof LocalDate d) {
			return d;
		}
		if (value instanceof java.sql.Date d) {
			return d.toLocalDate();
		}
		return LocalDate.parse(String.valueOf(value));
	}

}
