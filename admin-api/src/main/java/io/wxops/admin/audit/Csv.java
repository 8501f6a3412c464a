package io.wxops.admin.audit;

import java.io.IOException;
import java.io.Writer;

/**
 * Writes RFC 4180 CSV: fields separated by commas, records ended by CRLF, and a field
 * quoted (with inner quotes doubled) when it holds a comma, a quote or a line break. Text
 * that a spreadsheet would run as a formula (starting with =, +, -, @, tab or CR) is
 * prefixed with an apostrophe.
 */
final class Csv {

	private Csv() {
	}

	static void writeRecord(Writer out, Object... fields) throws IOException {
		for (int i = 0; i < fields.length; i++) {
			if (i > 0) {
				out.write(',');
			}
			out.write(field(fields[i]));
		}
		out.write("\r\n");
	}

	static String field(Object value) {
		if (value == null) {
			return "";
		}
		if (value instanceof Number) {
			return value.toString();
		}
		String text = value.toString();
		if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
			text = "'" + text;
		}
		if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
			return text;
		}
		return '"' + text.replace("\"", "\"\"") + '"';
	}

}
