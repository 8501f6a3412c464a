package io.wxops.admin.web;

import java.util.List;
import java.util.stream.Collectors;

/**
 * CSV as RFC 4180 writes it, with a UTF-8 byte-order mark first so spreadsheet programs
 * read Chinese text correctly.
 */
public final class Csv {

	/** The byte-order mark that starts every export. */
	public static final String BOM = "\uFEFF";

	private Csv() {
	}

	/**
	 * One record, fields quoted where they hold a comma, quote or line break,
	 * CRLF-terminated.
	 */
	public static String row(List<?> fields) {
		return fields.stream().map(Csv::field).collect(Collectors.joining(",")) + "\r\n";
	}

	static String field(Object value) {
		if (value == null) {
			return "";
		}
		String text = value.toString();
		// A leading =, +, - or @ would run as a formula in a spreadsheet.
		if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
			text = "'" + text;
		}
		if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
			return "\"" + text.replace("\"", "\"\"") + "\"";
		}
		return text;
	}

}
