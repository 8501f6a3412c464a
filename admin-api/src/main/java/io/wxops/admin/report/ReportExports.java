package io.wxops.admin.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.wxops.admin.web.Csv;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Writes a {@link ReportTable} as CSV (UTF-8 with a BOM, RFC 4180, the CSV exports'
 * formula guard) or XLSX (one sheet; numbers as numbers, everything else as text through
 * the same guard, so no cell is ever a formula).
 */
final class ReportExports {

	private ReportExports() {
	}

	static void csv(ReportTable table, OutputStream out) throws IOException {
		Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
		w.write(Csv.BOM);
		w.write(Csv.row(table.headers()));
		for (List<Object> row : table.rows()) {
			w.write(Csv.row(row.stream().map(ReportExports::text).toList()));
		}
		w.flush();
	}

	static void xlsx(ReportTable table, OutputStream out) throws IOException {
		Workbook wb = new Workbook(out, "wxops", "1.0");
		Worksheet ws = wb.newWorksheet(table.name());
		for (int c = 0; c < table.headers().size(); c++) {
			ws.value(0, c, table.headers().get(c));
			ws.style(0, c).bold().set();
		}
		int r = 1;
		for (List<Object> row : table.rows()) {
			for (int c = 0; c < row.size(); c++) {
				Object v = row.get(c);
				if (v == null) {
					continue;
				}
				if (v instanceof Number n) {
					ws.value(r, c, n);
				}
				else if (v instanceof Boolean b) {
					ws.value(r, c, b);
				}
				else {
					ws.value(r, c, Csv.defused(v.toString()));
				}
			}
			r++;
		}
		wb.finish();
	}

	/** Numbers stay numbers; the rest as text (Csv applies the guard). */
	private static Object text(Object v) {
		return (v == null || v instanceof Number) ? v : v.toString();
	}

}
