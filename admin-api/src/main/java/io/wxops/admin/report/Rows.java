package io.wxops.admin.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * Reading the report queries' rows. Timestamps are selected as text ({@code CAST(col AS
 * CHAR)}: the stored UTC value, whatever the driver's time-zone handling).
 */
final class Rows {

	private static final DateTimeFormatter STORED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSS][.SS][.S]");

	private Rows() {
	}

	static long lng(Map<String, Object> row, String key) {
		Object v = row.get(key);
		return (v == null) ? 0 : ((Number) v).longValue();
	}

	static Long lngOrNull(Map<String, Object> row, String key) {
		Object v = row.get(key);
		return (v == null) ? null : ((Number) v).longValue();
	}

	static Integer intOrNull(Map<String, Object> row, String key) {
		Object v = row.get(key);
		return (v == null) ? null : ((Number) v).intValue();
	}

	static String str(Map<String, Object> row, String key) {
		Object v = row.get(key);
		return (v == null) ? null : v.toString();
	}

	static Instant instant(Map<String, Object> row, String key) {
		Object v = row.get(key);
		if (v == null) {
			return null;
		}
		String text = v.toString();
		if (text.length() > 23) {
			text = text.substring(0, 23);
		}
		return LocalDateTime.parse(text, STORED).toInstant(ZoneOffset.UTC);
	}

	static LocalDate date(Map<String, Object> row, String key) {
		Object v = row.get(key);
		if (v == null) {
			return null;
		}
		if (v instanceof LocalDate d) {
			return d;
		}
		if (v instanceof java.sql.Date d) {
			return d.toLocalDate();
		}
		return LocalDate.parse(v.toString().substring(0, 10));
	}

}
