package io.wxops.admin.report;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * Mass sends as updates: FINISHED with a sentCount above 0, on the local day the send
 * held (its {@code local_day}, the account's zone).
 */
@Component
class MassSendUpdates implements UpdateSource {

	private final ReportMapper reports;

	MassSendUpdates(ReportMapper reports) {
		this.reports = reports;
	}

	@Override
	public List<Update> updates(Collection<Long> accounts, LocalDate from, LocalDate to) {
		if (accounts.isEmpty()) {
			return List.of();
		}
		return this.reports.sendUpdates(accounts, from, to)
			.stream()
			.map((r) -> new Update(Rows.lng(r, "account_id"), "MASS_SEND", Rows.lng(r, "id"), Rows.date(r, "local_day"),
					Rows.instant(r, "at"), (int) Rows.lng(r, "items")))
			.toList();
	}

	@Override
	public Map<Long, LocalDate> lastUpdateDays(Collection<Long> accounts, LocalDate asOf) {
		Map<Long, LocalDate> last = new HashMap<>();
		if (accounts.isEmpty()) {
			return last;
		}
		for (Map<String, Object> r : this.reports.lastSendDays(accounts, asOf)) {
			last.put(Rows.lng(r, "account_id"), Rows.date(r, "day"));
		}
		return last;
	}

}
