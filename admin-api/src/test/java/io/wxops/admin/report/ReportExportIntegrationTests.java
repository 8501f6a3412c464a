package io.wxops.admin.report;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import io.wxops.admin.AdminFixtures;
import io.wxops.admin.AdminFixtures.Login;
import io.wxops.admin.AdminIntegrationTest;
import io.wxops.admin.security.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reports' CSV and XLSX exports: the CSV exports' formula guard on every text cell,
 * no cell a formula, ticket ids and never openids, and the caller's grants as the scope.
 */
@AdminIntegrationTest
class ReportExportIntegrationTests {

	static final String HOSTILE = "=HYPERLINK(\"http://evil.example\",\"点我\")";

	@Autowired
	AdminFixtures fx;

	@Autowired
	JdbcTemplate jdbc;

	final HttpClient http = HttpClient.newHttpClient();

	record Setup(Login admin, long mine, long other, ReportHistory history) {
	}

	Setup setup() {
		Login admin = this.fx.person(Role.ADMIN);
		ReportHistory h = new ReportHistory(this.jdbc, admin.personId());
		long mine = this.fx.registerAccount(admin).get("id").asLong();
		long other = this.fx.registerAccount(admin).get("id").asLong();
		h.account(mine, "Asia/Shanghai");
		h.account(other, "Asia/Shanghai");
		this.jdbc.update("UPDATE wx_account SET name = ? WHERE id = ?", HOSTILE, mine);
		h.finishedSend(mine, LocalDate.of(2026, 3, 2), Instant.parse("2026-03-02T02:00:00Z"), 10);
		h.send(mine, LocalDate.of(2026, 3, 3), Instant.parse("2026-03-03T02:00:00Z"), "FAILED", null, null, 45028,
				"@SUM(1+1) quota");
		h.finishedSend(other, LocalDate.of(2026, 3, 2), Instant.parse("2026-03-02T02:00:00Z"), 10);
		return new Setup(admin, mine, other, h);
	}

	HttpResponse<byte[]> download(String path, String token) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create(this.fx.baseUrl() + path))
			.header("Authorization", "Bearer " + token)
			.GET()
			.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	@Test
	void csvExportsCarryTheFormulaGuardAndTicketIds() throws Exception {
		Setup s = setup();
		long ticket = s.history().ticket(s.mine(), "CONSULTATION", Instant.parse("2026-03-04T02:00:00Z"), 7).save();
		String openid = this.jdbc.queryForObject("SELECT openid FROM inb_ticket WHERE id = ?", String.class, ticket);

		HttpResponse<byte[]> posting = download(
				"/api/reports/posting/export?accountId=" + s.mine() + "&from=2026-03-01&to=2026-03-14&asOf=2026-03-14",
				s.admin().token());
		assertThat(posting.statusCode()).isEqualTo(200);
		assertThat(posting.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
		assertThat(posting.headers().firstValue("Content-Disposition").orElse("")).contains("report-posting-");
		String csv = new String(posting.body(), StandardCharsets.UTF_8);
		assertThat(csv).startsWith("\uFEFFaccountId,accountName,timeZone,periodStart");
		assertThat(csv).contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"点我\"\")\"");
		List<String> lines = Arrays.asList(csv.substring(1).split("\r\n"));
		assertThat(lines).hasSize(1 + 3);
		assertThat(lines.get(1)).startsWith(s.mine() + ",")
			.contains(",2026-03-01,2026-03-01,0,0,2026-03-14,2026-03-02,12,WARNING,");
		assertThat(lines.get(2)).contains(",2026-03-02,2026-03-08,1,1,");

		String discipline = new String(
				download("/api/reports/discipline/export?accountId=" + s.mine() + "&from=2026-03-01&to=2026-03-14",
						s.admin().token())
					.body(),
				StandardCharsets.UTF_8);
		assertThat(discipline).contains(",'@SUM(1+1) quota,");

		String timeliness = new String(
				download("/api/reports/timeliness/export?accountId=" + s.mine() + "&from=2026-03-01&to=2026-03-14",
						s.admin().token())
					.body(),
				StandardCharsets.UTF_8);
		assertThat(timeliness).contains(",CONSULTATION,1,").contains("," + ticket + ",2026-03-04T02:00:00Z,");
		assertThat(timeliness).doesNotContain(openid);

		String inspection = new String(
				download("/api/reports/inspection/export?accountId=" + s.mine() + "&asOf=2026-03-14", s.admin().token())
					.body(),
				StandardCharsets.UTF_8);
		assertThat(inspection).contains(",interaction,WARNING,").contains(",TICKET," + ticket + ",2026-03-04,");
		assertThat(inspection).doesNotContain(openid).contains("'=HYPERLINK");
	}

	@Test
	void xlsxCellsAreNeverFormulas() throws Exception {
		Setup s = setup();
		HttpResponse<byte[]> r = download("/api/reports/overview/export?format=XLSX&asOf=2026-03-14",
				s.admin().token());
		assertThat(r.statusCode()).isEqualTo(200);
		assertThat(r.headers().firstValue("Content-Type").orElse(""))
			.startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		StringBuilder xml = new StringBuilder();
		String sheet = null;
		Path file = Files.createTempFile("report", ".xlsx");
		try {
			Files.write(file, r.body());
			try (ZipFile zip = new ZipFile(file.toFile())) {
				for (ZipEntry e : java.util.Collections.list(zip.entries())) {
					String text = new String(zip.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8);
					xml.append(text);
					if (e.getName().startsWith("xl/worksheets/")) {
						sheet = text;
					}
				}
			}
		}
		finally {
			Files.deleteIfExists(file);
		}
		assertThat(sheet).isNotNull().doesNotContain("<f>").doesNotContain("<f ");
		assertThat(unescaped(xml.toString())).contains("'=HYPERLINK(\"http://evil.example\",\"点我\")")
			.contains("daysSinceLastUpdate")
			.doesNotContain(">=HYPERLINK");
		// A number stays a number.
		assertThat(sheet).contains("<v>" + s.mine() + "</v>");
	}

	/** XML text with its entities and character references resolved. */
	static String unescaped(String xml) {
		java.util.regex.Matcher m = java.util.regex.Pattern.compile("&#x([0-9a-fA-F]+);").matcher(xml);
		StringBuilder out = new StringBuilder();
		while (m.find()) {
			m.appendReplacement(out, java.util.regex.Matcher
				.quoteReplacement(new String(Character.toChars(Integer.parseInt(m.group(1), 16)))));
		}
		m.appendTail(out);
		return out.toString()
			.replace("&quot;", "\"")
			.replace("&apos;", "'")
			.replace("&lt;", "<")
			.replace("&gt;", ">")
			.replace("&amp;", "&");
	}

	@Test
	void exportsAreScopedByGrantsAndCheckTheirInput() throws Exception {
		Setup s = setup();
		Login narrow = this.fx.person(Role.AUDITOR, s.other(), null);
		String csv = new String(download("/api/reports/overview/export?asOf=2026-03-14", narrow.token()).body(),
				StandardCharsets.UTF_8);
		List<String> lines = Arrays.asList(csv.substring(1).split("\r\n"));
		assertThat(lines).hasSize(2);
		assertThat(lines.get(1)).startsWith(s.other() + ",");
		assertThat(csv).doesNotContain("HYPERLINK");
		assertThat(download("/api/reports/posting/export?accountId=" + s.mine(), narrow.token()).statusCode())
			.isEqualTo(404);
		assertThat(download("/api/reports/posting/export?format=pdf", s.admin().token()).statusCode()).isEqualTo(400);
		assertThat(download("/api/reports/everything/export", s.admin().token()).statusCode()).isEqualTo(400);
		assertThat(download("/api/reports/inspection/export", s.admin().token()).statusCode()).isEqualTo(400);
		assertThat(download("/api/reports/timeliness/export?from=2026-03-02&to=2026-03-01", s.admin().token())
			.statusCode()).isEqualTo(400);
		Login handler = this.fx.person(Role.HANDLER);
		assertThat(download("/api/reports/timeliness/export", handler.token()).statusCode()).isEqualTo(403);
	}

}
