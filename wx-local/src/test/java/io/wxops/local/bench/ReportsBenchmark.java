package io.wxops.local.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import io.wxops.devkit.bench.BenchSupport;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every report for many accounts over a year of history answers within a second. The load
 * generator is this JVM; the system under test (the complete local run,
 * {@link ReportsBenchServer}) runs in a JVM of its own that this one starts.
 *
 * <p>
 * It seeds, with multi-row inserts straight into the database: {@code --accounts}
 * accounts (default 100; half in Asia/Shanghai, some in other zones), and over the year
 * ending today {@code --messages} follower messages (default 1,000,000),
 * {@code --tickets} tickets (default 40,000; each with its first message, most with the
 * acknowledgement and a human reply, most resolved and closed with a follow-up), a mass
 * send about every third day per account, and reviewed articles. Then, signed in as
 * demo-admin (every account), it asks each report {@code --runs} times after two warm-ups
 * and prints p50 and max; exit status 1 when any measured answer took more than
 * {@code --target-ms}.
 *
 * <pre>
 * ./mvnw -q -B -pl wx-local -am -Dbench=reports -DskipTests test
 * ./mvnw -q -B -pl wx-local -am -Dbench=reports -DskipTests test -Dexec.args=--help
 * </pre>
 */
public final class ReportsBenchmark {

	static final String USAGE = """
			Usage: ReportsBenchmark [options]
			  --accounts N       accounts (default 100)
			  --messages N       follower messages over the year (default 1000000)
			  --tickets N        tickets over the year (default 40000)
			  --runs N           measured runs of each report (default 5)
			  --target-ms N      the target per answer (default 1000)
			  --startup-seconds S  time limit for starting the server JVM (default 300)
			Exit status 1 when a measured answer exceeds the target or is not 200.""";

	static final String[] CATEGORIES = { "CONSULTATION", "COMPLAINT", "REPORT_PETITION", "SUGGESTION", "MALICIOUS" };

	static final String[] ZONES = { "Asia/Shanghai", "Asia/Shanghai", "Asia/Urumqi", "America/Los_Angeles",
			"Europe/Berlin" };

	int accounts = 100;

	int messages = 1_000_000;

	int tickets = 40_000;

	int runs = 5;

	int targetMs = 1000;

	int startupSeconds = 300;

	public static void main(String[] args) {
		BenchSupport.runAndExit(USAGE, () -> {
			ReportsBenchmark b = new ReportsBenchmark();
			boolean[] help = { false };
			BenchSupport.parseOptions(args, (name, value) -> {
				switch (name) {
					case "--accounts" -> b.accounts = BenchSupport.positive(name, value, 10_000);
					case "--messages" -> b.messages = BenchSupport.positive(name, value, 50_000_000);
					case "--tickets" -> b.tickets = BenchSupport.positive(name, value, 5_000_000);
					case "--runs" -> b.runs = BenchSupport.positive(name, value, 1000);
					case "--target-ms" -> b.targetMs = BenchSupport.positive(name, value, 600_000);
					case "--startup-seconds" -> b.startupSeconds = BenchSupport.positive(name, value, 3600);
					default -> throw new IllegalArgumentException("unknown option " + name);
				}
			}, () -> help[0] = true);
			if (help[0]) {
				System.out.println(USAGE);
				return 0;
			}
			return b.run();
		});
	}

	int run() throws Exception {
		Process server = startServer();
		try {
			BufferedReader out = new BufferedReader(
					new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
			String[] ready = awaitReady(out);
			// Keep draining the server's output so it never blocks on a full pipe.
			Thread drain = new Thread(() -> {
				try {
					while (out.readLine() != null) {
						// discard
					}
				}
				catch (java.io.IOException ex) {
					// the server stopped
				}
			}, "server-output");
			drain.setDaemon(true);
			drain.start();
			String adminUrl = ready[1];
			System.out.printf(Locale.ROOT,
					"%nReports benchmark: %d cores, Java %s; server JVM pid %d at %s%n"
							+ "  load average before seeding: %s%n",
					Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), server.pid(),
					adminUrl, BenchSupport.loadAverage());
			long seeded = System.nanoTime();
			try (Connection db = DriverManager.getConnection(ready[2], ready[3], ready[4])) {
				seed(db);
			}
			System.out.printf(Locale.ROOT, "  seeded in %.1f s; load average: %s%n", (System.nanoTime() - seeded) / 1e9,
					BenchSupport.loadAverage());
			return measure(adminUrl, ready[5]);
		}
		finally {
			server.getOutputStream().close();
			if (!server.waitFor(60, TimeUnit.SECONDS)) {
				server.destroy();
				server.waitFor(20, TimeUnit.SECONDS);
			}
		}
	}

	private Process startServer() throws Exception {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		ProcessBuilder pb = new ProcessBuilder(java, "-Xmx768m", "-cp",
				BenchSupport.classPathOf(ReportsBenchmark.class), ReportsBenchServer.class.getName());
		pb.redirectErrorStream(true);
		pb.redirectInput(ProcessBuilder.Redirect.PIPE);
		return pb.start();
	}

	private String[] awaitReady(BufferedReader out) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(this.startupSeconds);
		List<String> tail = new ArrayList<>();
		while (System.nanoTime() < deadline) {
			String line = out.readLine();
			if (line == null) {
				throw new IllegalStateException("the server JVM ended before it was ready: " + tail);
			}
			if (line.startsWith("READY\t")) {
				return line.split("\t", -1);
			}
			tail.add(line);
			if (tail.size() > 20) {
				tail.remove(0);
			}
		}
		throw new IllegalStateException("the server JVM was not ready within " + this.startupSeconds + " s");
	}

	// ---- seeding -------------------------------------------------------------------

	static String ts(Instant at) {
		return "'" + LocalDateTime.ofInstant(at, ZoneOffset.UTC).toString().replace('T', ' ') + "'";
	}

	void seed(Connection db) throws Exception {
		db.setAutoCommit(true);
		try (Statement st = db.createStatement()) {
			long demo;
			long person;
			long department;
			try (ResultSet rs = st.executeQuery("SELECT id FROM wx_account ORDER BY id LIMIT 1")) {
				rs.next();
				demo = rs.getLong(1);
			}
			try (ResultSet rs = st
				.executeQuery("SELECT id, department_id FROM adm_person WHERE username = 'demo-admin'")) {
				rs.next();
				person = rs.getLong(1);
				department = rs.getLong(2);
			}
			// A second level is decided by another person (one person decides one level).
			long officeReviewer;
			try (ResultSet rs = st.executeQuery("SELECT id FROM adm_person WHERE username = 'demo-office-reviewer'")) {
				rs.next();
				officeReviewer = rs.getLong(1);
			}
			Instant now = Instant.now();
			Instant yearAgo = now.minus(Duration.ofDays(365));
			long runTag = now.getEpochSecond() % 100000;
			List<Long> ids = new ArrayList<>();
			for (int a = 0; a < this.accounts; a++) {
				String zone = ZONES[a % ZONES.length];
				st.executeUpdate(
						"INSERT INTO wx_account (app_id, original_id, name, owning_department_id, account_type,"
								+ " message_mode, status, token_enc, secrets_updated_at, created_at, updated_at, time_zone)"
								+ " SELECT 'wxb" + runTag + "a" + a + "', 'gh_b" + runTag + "a" + a + "', '基准测试公众号 " + a
								+ "', owning_department_id, account_type, message_mode, 'ACTIVE', token_enc, secrets_updated_at, "
								+ ts(yearAgo.minus(Duration.ofDays(30))) + ", " + ts(now) + ", '" + zone
								+ "' FROM wx_account WHERE id = " + demo,
						Statement.RETURN_GENERATED_KEYS);
				try (ResultSet keys = st.getGeneratedKeys()) {
					keys.next();
					ids.add(keys.getLong(1));
				}
			}
			SplittableRandom random = new SplittableRandom(42);
			long yearSeconds = Duration.ofDays(365).toSeconds();

			// Follower messages.
			int perAccount = this.messages / this.accounts;
			Rows messagesRows = new Rows(st, "INSERT INTO wx_inbound_message (account_id, dedup_key, msg_id, msg_type,"
					+ " from_user, to_user, create_time, content, fields, encrypted, received_at) VALUES ");
			long seq = 0;
			for (long account : ids) {
				for (int i = 0; i < perAccount; i++) {
					Instant at = yearAgo.plusSeconds(random.nextLong(yearSeconds));
					seq++;
					messagesRows.add("(" + account + ", '" + String.format("%064x", seq + runTag * 100_000_000L)
							+ "', '" + seq + "', 'text', 'o_bench_" + (i % 500) + "', 'gh_b', " + at.getEpochSecond()
							+ ", '留言', '{}', TRUE, " + ts(at) + ")");
				}
			}
			messagesRows.flush();

			// Tickets with their thread and follow-ups.
			int ticketsPer = this.tickets / this.accounts;
			long firstTicket;
			try (ResultSet rs = st.executeQuery("SELECT COALESCE(MAX(id), 0) FROM inb_ticket")) {
				rs.next();
				// Well above the ids the running system may hand out meanwhile (demo
				// traffic): explicit ids, so entries can name their ticket.
				firstTicket = rs.getLong(1) + 1_000_000;
			}
			// The running system's own tickets (demo traffic) take ids after this range.
			st.execute("ALTER TABLE inb_ticket AUTO_INCREMENT = " + (firstTicket + this.tickets + 1000));
			Rows ticketRows = new Rows(st, "INSERT INTO inb_ticket (id, account_id, openid, category, department_id,"
					+ " status, hidden, ack_status, ack_due_at, acknowledged_at, due_at, escalated_at, first_message_at,"
					+ " last_message_at, resolved_at, closed_at, version, created_at, updated_at) VALUES ");
			Rows entryRows = new Rows(st, "INSERT INTO inb_ticket_entry (ticket_id, kind, person_id, msg_type, content,"
					+ " delivery, created_at) VALUES ", ticketRows);
			Rows followups = new Rows(st, "INSERT INTO inb_followup (ticket_id, method, result, satisfied, recorded_by,"
					+ " recorded_at) VALUES ", ticketRows);
			long ticketId = firstTicket;
			for (int a = 0; a < ids.size(); a++) {
				long account = ids.get(a);
				ZoneId zone = ZoneId.of(ZONES[a % ZONES.length]);
				for (int i = 0; i < ticketsPer; i++) {
					long id = ticketId++;
					Instant first = yearAgo.plusSeconds(random.nextLong(yearSeconds - 86400));
					String category = CATEGORIES[random.nextInt(CATEGORIES.length)];
					boolean malicious = "MALICIOUS".equals(category);
					Instant ackDue = first.atZone(zone)
						.toLocalDate()
						.plusDays(1)
						.atStartOfDay(zone)
						.toInstant()
						.minusMillis(1);
					Instant due = first.plus(Duration.ofDays(7));
					boolean acked = !malicious && random.nextInt(10) < 9;
					Instant ack = acked ? first.plusSeconds(2) : null;
					boolean replied = !malicious && random.nextInt(10) < 8;
					Instant reply = replied ? first.plusSeconds(60 + random.nextLong(3 * 86400)) : null;
					boolean old = first.isBefore(now.minus(Duration.ofDays(20)));
					boolean resolved = replied && (old || random.nextBoolean());
					Instant resolvedAt = resolved ? reply.plusSeconds(random.nextLong(8 * 86400)) : null;
					boolean closed = resolved && random.nextInt(10) < 8;
					String status = closed ? "CLOSED"
							: resolved ? "RESOLVED" : replied ? "IN_PROGRESS" : acked ? "ACKNOWLEDGED" : "NEW";
					Instant escalated = (!resolved && due.isBefore(now)) || (resolved && resolvedAt.isAfter(due))
							? due.plusSeconds(60) : null;
					ticketRows.add("(" + id + ", " + account + ", 'o_bench_t" + id + "', '" + category + "', "
							+ department + ", '" + status + "', " + malicious + ", "
							+ (malicious ? "NULL" : acked ? "'SENT'" : "'FAILED'") + ", "
							+ (malicious ? "NULL" : ts(ackDue)) + ", " + (ack == null ? "NULL" : ts(ack)) + ", "
							+ ts(due) + ", " + (escalated == null ? "NULL" : ts(escalated)) + ", " + ts(first) + ", "
							+ ts(first) + ", " + (resolvedAt == null ? "NULL" : ts(resolvedAt)) + ", "
							+ (closed ? ts(resolvedAt.plusSeconds(3600)) : "NULL") + ", 1, " + ts(first) + ", "
							+ ts(first) + ")");
					entryRows.add("(" + id + ", 'IN', NULL, 'text', '留言', NULL, " + ts(first) + ")");
					if (ack != null) {
						entryRows.add("(" + id + ", 'OUT', NULL, 'text', '已收到', 'DELIVERED', " + ts(ack) + ")");
					}
					if (reply != null) {
						entryRows.add("(" + id + ", 'OUT', " + person + ", 'text', '答复', '"
								+ (random.nextInt(20) == 0 ? "UNDELIVERED" : "DELIVERED") + "', " + ts(reply) + ")");
					}
					if (closed) {
						followups.add("(" + id + ", 'PHONE', '满意', TRUE, " + person + ", "
								+ ts(resolvedAt.plusSeconds(3600)) + ")");
					}
				}
			}
			ticketRows.flush();
			entryRows.flush();
			followups.flush();

			// Sends about every third local day, and reviewed articles.
			Rows sends = new Rows(st, "INSERT INTO ms_send (account_id, kind, text_content, audience,"
					+ " send_ignore_reprint, slot_at, local_day, status, content_hash, client_msg_id, total_count,"
					+ " filter_count, sent_count, error_count, error_code, error_message, accepted_at, finished_at,"
					+ " composed_by, version, created_at, updated_at) VALUES ");
			long articleSeq = 0;
			Rows articles = new Rows(st, "INSERT INTO art_article (id, account_id, department_id, created_by, title,"
					+ " body, source, sensitivity, status, content_version, content_hash, review_round, version,"
					+ " created_at, updated_at) VALUES ");
			Rows chains = new Rows(st,
					"INSERT INTO art_review_chain (article_id, review_round, levels, created_at) VALUES ", articles);
			Rows decisions = new Rows(st,
					"INSERT INTO art_review_decision (article_id, review_round, level_index, level,"
							+ " decision, content_hash, reviewer_id, decided_at) VALUES ",
					chains);
			long firstArticle;
			try (ResultSet rs = st.executeQuery("SELECT COALESCE(MAX(id), 0) FROM art_article")) {
				rs.next();
				firstArticle = rs.getLong(1) + 1_000_000;
			}
			st.execute("ALTER TABLE art_article AUTO_INCREMENT = " + (firstArticle + 400L * this.accounts + 1000));
			String[] sensitivities = { "GENERAL", "SENSITIVE", "MAJOR" };
			for (int a = 0; a < ids.size(); a++) {
				long account = ids.get(a);
				ZoneId zone = ZoneId.of(ZONES[a % ZONES.length]);
				LocalDate day = yearAgo.atZone(zone).toLocalDate();
				LocalDate today = now.atZone(zone).toLocalDate();
				// Some accounts stop posting weeks ago: warnings and vetoes in the
				// overview.
				LocalDate lastDay = today.minusDays(a % 20);
				while (!day.isAfter(lastDay)) {
					Instant at = day.atTime(10, random.nextInt(60)).atZone(zone).toInstant();
					boolean failed = random.nextInt(30) == 0;
					int sent = random.nextInt(50, 5000);
					sends.add("(" + account + ", 'TEXT', '通知', 'ALL', FALSE, " + ts(at) + ", '" + day + "', '"
							+ (failed ? "FAILED" : "FINISHED") + "', REPEAT('a', 64), 'bench-" + runTag + "-" + account
							+ "-" + day + "', "
							+ (failed ? "NULL, NULL, NULL, NULL, 45028, 'has no masssend quota', NULL, NULL"
									: (sent + 3) + ", 2, " + sent + ", 1, NULL, NULL, " + ts(at) + ", "
											+ ts(at.plusSeconds(300)))
							+ ", " + person + ", 1, " + ts(at) + ", " + ts(at) + ")");
					long article = firstArticle + articleSeq++;
					String sensitivity = sensitivities[random.nextInt(3)];
					Instant submitted = at.minus(Duration.ofHours(20));
					articles.add("(" + article + ", " + account + ", " + department + ", " + person + ", '文章 " + article
							+ "', '正文', '宣传部', '" + sensitivity + "', 'SENT', 1, REPEAT('b', 64), 1, 1, "
							+ ts(submitted) + ", " + ts(at) + ")");
					chains.add("(" + article + ", 1, 'DEPT_REVIEWER,OFFICE_REVIEWER', " + ts(submitted) + ")");
					boolean rejected = random.nextInt(15) == 0;
					decisions.add("(" + article + ", 1, 0, 'DEPT_REVIEWER', '" + (rejected ? "REJECTED" : "APPROVED")
							+ "', REPEAT('b', 64), " + person + ", " + ts(submitted.plus(Duration.ofHours(2))) + ")");
					if (!rejected) {
						decisions.add("(" + article + ", 1, 1, 'OFFICE_REVIEWER', 'APPROVED', REPEAT('b', 64), "
								+ officeReviewer + ", " + ts(submitted.plus(Duration.ofHours(5))) + ")");
					}
					day = day.plusDays(1 + random.nextInt(5));
				}
			}
			sends.flush();
			articles.flush();
			chains.flush();
			decisions.flush();
			Map<String, Long> counts = new LinkedHashMap<>();
			for (String table : List.of("wx_account", "wx_inbound_message", "inb_ticket", "inb_ticket_entry",
					"inb_followup", "ms_send", "art_article", "art_review_decision")) {
				try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
					rs.next();
					counts.put(table, rs.getLong(1));
				}
			}
			System.out.println("  rows: " + counts);
			st.execute("ANALYZE TABLE wx_inbound_message, inb_ticket, inb_ticket_entry, ms_send, art_article,"
					+ " art_review_chain, art_review_decision");
		}
	}

	/** Multi-row inserts of up to 2,000 rows each. */
	static final class Rows {

		private final Statement st;

		private final String head;

		private final StringBuilder sql = new StringBuilder();

		private int n;

		/** Rows these refer to (a foreign key): written first. */
		private final Rows parent;

		Rows(Statement st, String head) {
			this(st, head, null);
		}

		Rows(Statement st, String head, Rows parent) {
			this.st = st;
			this.head = head;
			this.parent = parent;
		}

		void add(String row) throws java.sql.SQLException {
			this.sql.append((this.n == 0) ? this.head : ",").append(row);
			if (++this.n == 2000) {
				flush();
			}
		}

		void flush() throws java.sql.SQLException {
			if (this.parent != null) {
				this.parent.flush();
			}
			if (this.n > 0) {
				this.st.executeUpdate(this.sql.toString());
				this.sql.setLength(0);
				this.n = 0;
			}
		}

	}

	// ---- measuring -----------------------------------------------------------------

	int measure(String adminUrl, String password) throws Exception {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
		JsonMapper json = JsonMapper.builder().build();
		HttpResponse<String> session = http.send(HttpRequest.newBuilder(URI.create(adminUrl + "/api/session"))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers
				.ofString("{\"username\":\"demo-admin\",\"password\":\"" + password + "\"}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		String token = json.readTree(session.body()).get("token").asString();
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		String year = "from=" + today.minusDays(365) + "&to=" + today;
		String oneAccount;
		HttpResponse<String> ov = get(http, adminUrl + "/api/reports/inspection", token);
		var overview = json.readTree(ov.body());
		oneAccount = overview.at("/rows/0/accountId").asString();
		System.out.printf(Locale.ROOT, "  overview: %d accounts, %d at risk this week, %d vetoes, %d warnings%n",
				overview.get("accounts").asInt(), overview.get("atRisk").asInt(), overview.get("vetoes").asInt(),
				overview.get("warnings").asInt());
		Map<String, String> reports = new LinkedHashMap<>();
		reports.put("posting, all accounts, 1 year, weeks", "/api/reports/posting?" + year);
		reports.put("posting, all accounts, 1 year, months", "/api/reports/posting?granularity=MONTH&" + year);
		reports.put("timeliness, all accounts, 1 year", "/api/reports/timeliness?" + year);
		reports.put("discipline, all accounts, 1 year", "/api/reports/discipline?" + year);
		reports.put("inspection overview, all accounts", "/api/reports/inspection");
		reports.put("inspection, one account", "/api/reports/inspection/" + oneAccount);
		reports.put("timeliness, one account, 1 year", "/api/reports/timeliness?accountId=" + oneAccount + "&" + year);
		reports.put("export posting CSV, all, 1 year", "/api/reports/posting/export?" + year);
		reports.put("export timeliness XLSX, all, 1 year", "/api/reports/timeliness/export?format=xlsx&" + year);
		reports.put("export discipline CSV, all, 1 year", "/api/reports/discipline/export?" + year);
		reports.put("export overview XLSX", "/api/reports/overview/export?format=xlsx");
		System.out.printf(Locale.ROOT, "  %-40s %8s %8s %10s%n", "report", "p50 ms", "max ms", "bytes");
		boolean ok = true;
		for (Map.Entry<String, String> r : reports.entrySet()) {
			String url = adminUrl + r.getValue();
			for (int w = 0; w < 2; w++) {
				get(http, url, token);
			}
			long[] ms = new long[this.runs];
			long bytes = 0;
			for (int i = 0; i < this.runs; i++) {
				long t0 = System.nanoTime();
				HttpResponse<byte[]> res = http.send(HttpRequest.newBuilder(URI.create(url))
					.timeout(Duration.ofSeconds(60))
					.header("Authorization", "Bearer " + token)
					.build(), HttpResponse.BodyHandlers.ofByteArray());
				ms[i] = (System.nanoTime() - t0) / 1_000_000;
				bytes = res.body().length;
				if (res.statusCode() != 200) {
					System.out.println("    " + r.getKey() + ": HTTP " + res.statusCode() + " "
							+ new String(res.body(), StandardCharsets.UTF_8));
					ok = false;
				}
			}
			Arrays.sort(ms);
			long p50 = ms[(ms.length - 1) / 2];
			long max = ms[ms.length - 1];
			if (max > this.targetMs) {
				ok = false;
			}
			System.out.printf(Locale.ROOT, "  %-40s %8d %8d %10d%s%n", r.getKey(), p50, max, bytes,
					(max > this.targetMs) ? "  OVER TARGET" : "");
		}
		System.out.printf(Locale.ROOT, "  load average after: %s; target %d ms per answer: %s%n",
				BenchSupport.loadAverage(), this.targetMs, ok ? "met" : "MISSED");
		return ok ? 0 : 1;
	}

	private static HttpResponse<String> get(HttpClient http, String url, String token) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(url))
			.timeout(Duration.ofSeconds(60))
			.header("Authorization", "Bearer " + token)
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
