package io.wxops.admin.web;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes RFC 4180 CSV: fields separated by commas, records ended by CRLF, and a field
 * quoted (with inner quotes doubled) when it holds a comma, a quote or a line break. Text
 * that a spreadsheet would run as a formula (starting with =, +, -, @, tab or CR) is
 * prefixed with an apostrophe. Exports start with {@link #BOM} so spreadsheet programs
 * read Chinese text as UTF-8.
 */
public final class Csv {

	/** The byte-order mark that starts every export. */
	public static final String BOM = "\uFEFF";

	private Csv() {
	}

	/** One record as a string, CRLF-terminated. */
	public static String row(List<?> fields) {
		return fields.stream().map(Csv::field).collect(Collectors.joining(",")) + "\r\n";
	}

	public static void writeRecord(Writer out, Object... fields) throws IOException {
		for (int i = 0; i < fields.length; i++) {
			if (i > 0) {
				out.write(',');
			}
			out.write(field(fields[i]));
		}
		out.write("\r\n");
	}

	/**
	 * The formula guard of every export (CSV here, XLSX in the reports): text a
	 * spreadsheet would run as a formula (starting with =, +, -, @, tab or CR) gets an
	 * apostrophe in front.
	 */
	public static String defused(String text) {
		if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
			return "'" + text;
		}
		return text;
	}

	public static String field(Object value) {
		if (value == null) {
			return "";
		}
		if (value instanceof Number) {
			return value.toString();
		}
		String text = defused(value.toString());
		if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
			return text;
		}
		return '"' + text.replace("\"", "\"\"") + '"';
	}

}
