package io.wxops.admin.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * An account a report covers: its id, name, time zone (its local days), owning department
 * and when it was registered (the start of "days without an update" before its first).
 */
record ReportAccount(long id, String name, ZoneId zone, Long departmentId, String status, Instant createdAt) {

	Instant startOf(LocalDate day) {
		return day.atStartOfDay(this.zone).toInstant();
	}

	LocalDate dayOf(Instant at) {
		return at.atZone(this.zone).toLocalDate();
	}

}
