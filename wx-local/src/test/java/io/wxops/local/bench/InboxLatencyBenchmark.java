package io.wxops.local.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import io.wxops.devkit.bench.BenchSupport;
import io.wxops.devkit.simulator.Callback;
import io.wxops.devkit.simulator.SimulatedAccount;
import io.wxops.local.DemoInbox;
import io.wxops.local.LocalLauncher;
import io.wxops.local.LocalLauncher.Running;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;

import static io.wxops.devkit.bench.BenchSupport.positive;

/**
 * Latency of the follower inbox in the complete local system: from the gateway's 200
 * answer to a follower message until its ticket entry is visible, at a fixed rate of
 * messages through the gateway's callback endpoint. The target of the inbox issue is p99
 * at most 1 s at 200 messages a second.
 *
 * <p>
 * It starts the local run ({@link LocalLauncher#start}: embedded MariaDB and Redis, the
 * WeChat simulator, the gateway and admin-api in this JVM) on free ports with its state
 * in a temporary directory, sets up the demo account's inbox ({@link DemoInbox}: central
 * office, complaints to the demo handler's department, two keyword rules), and opens
 * WeChat's customer-service window of every sender so acknowledgements are delivered.
 *
 * <p>
 * Sender threads post text messages, signed and AES-encrypted as WeChat does
 * ({@link Callback#seal}), at a fixed rate (open loop: message i is due at
 * {@code start + i / rate}) from {@code --openids} distinct followers, a third each
 * complaints, suggestions and questions, so tickets are both opened (with an
 * acknowledgement) and joined. Every message carries a MsgId unique to the run.
 *
 * <p>
 * <b>Visible.</b> A poller reads, every {@code --poll-ms}, the newly committed
 * {@code inb_ticket_entry} rows joined to {@code wx_inbound_message} (for their MsgId).
 * The handler's queue ({@code GET /api/tickets}, {@code TicketService.queue}) reads the
 * same committed tickets and entries, so a message is in the queue exactly when its entry
 * is visible to this query. A message's latency is from its 200 answer to the end of the
 * first poll that returned it, so it includes up to one poll interval and the poll's own
 * time: an upper bound.
 *
 * <pre>
 * ./mvnw -q -B -pl wx-local -am -Dbench=inbox -DskipTests test
 * ./mvnw -q -B -pl wx-local -am -Dbench=inbox -DskipTests test -Dexec.args="--rate 200 --seconds 30"
 * ./mvnw -q -B -pl wx-local -am -Dbench=inbox -DskipTests test -Dexec.args=--help
 * </pre>
 *
 * Exit status: 0 when p99 is at most the target and every message answered was filed
 * exactly once; 1 when not; 2 when the benchmark could not run.
 */
public final class InboxLatencyBenchmark {

	static final String USAGE = """
			Usage: InboxLatencyBenchmark [options]
			  --rate R               messages per second through the gateway (default 200)
			  --seconds S            length of the run (default 30, at most 600)
			  --senders N            sender threads, each with its own keep-alive connection (default 16)
			  --openids N            distinct followers writing (default 1000)
			  --warmup-seconds N     warm-up at half the rate from other followers, not measured (default 20)
			  --poll-ms N            how often the entries are read (default 20)
			  --settle-seconds S     after the last message, how long to wait for the rest to be filed (default 30)
			  --target-p99-ms N      the target (default 1000)
			  --admin-property K=V   extra Spring property for both applications (system property),
			                         repeatable, e.g. wxops.admin.inbox.route-interval=50ms
			  --startup-seconds S    time limit for starting the local system (default 300)
			Exit status 1 when p99 exceeds the target, an answered message is not filed exactly once,
			or a request fails.""";

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final String[] TEXTS = { "投诉：宿舍热水不足", "建议增加校车班次", "请问图书馆几点开门" };

	private final Options options;

	private InboxLatencyBenchmark(Options options) {
		this.options = options;
	}

	public static void main(String[] args) {
		BenchSupport.runAndExit(USAGE, () -> {
			Options options = Options.parse(args);
			if (options.help) {
				System.out.println(USAGE);
				return 0;
			}
			return new InboxLatencyBenchmark(options).run();
		});
	}

	private int run() throws Exception {
		quietLogging();
		this.options.springProperties.forEach(System::setProperty);
		Path home = Files.createTempDirectory("wxops-inbox-bench");
		Thread watchdog = BenchSupport.startupWatchdog(this.options.startupSeconds, "the local system");
		Running running;
		long started = System.nanoTime();
		try {
			running = LocalLauncher.start(Map.of("WXOPS_GATEWAY_PORT", "0", "WXOPS_ADMIN_PORT", "0",
					"WXOPS_SIMULATOR_PORT", "0", "wxops.local.home", home.toString()));
		}
		finally {
			watchdog.interrupt();
		}
		try (running) {
			double startup = (System.nanoTime() - started) / 1e9;
			DemoInbox.Setup inbox = DemoInbox.configure(running.admin());
			SimulatedAccount account = running.demoAccount();
			List<String> openids = new ArrayList<>();
			String runId = Long.toString(Math.abs(RANDOM.nextLong()), 36);
			for (int i = 0; i < this.options.openids; i++) {
				String openid = "o_bench_" + runId + "_" + i;
				openids.add(openid);
				running.wechatApi().followerMessaged(account.appId(), openid);
			}
			System.out.printf(Locale.ROOT,
					"%nInbox latency benchmark: %d cores, Java %s; local system ready in %.1f s (gateway %s, admin %s)%n"
							+ "  route interval %s; load average before: %s%n",
					Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), startup,
					running.gatewayUrl(), running.adminUrl(),
					running.admin().getEnvironment().getProperty("wxops.admin.inbox.route-interval", "200ms (default)"),
					BenchSupport.loadAverage());
			JdbcTemplate jdbc = running.gateway().getBean(JdbcTemplate.class);
			warmUp(running, account, openids, jdbc);
			return measure(running, account, openids, jdbc, inbox);
		}
	}

	/**
	 * {@code --warmup-seconds} at half the rate from followers of their own (so the
	 * measured run opens as many tickets as it would cold), so class loading, JIT
	 * compilation and connection pools are not charged to the measured run; its messages
	 * are not counted.
	 */
	private void warmUp(Running running, SimulatedAccount account, List<String> openids, JdbcTemplate jdbc)
			throws InterruptedException {
		List<String> warmFollowers = new ArrayList<>();
		for (String openid : openids) {
			String warmOpenid = openid.replace("o_bench_", "o_warm_");
			warmFollowers.add(warmOpenid);
			running.wechatApi().followerMessaged(account.appId(), warmOpenid);
		}
		Run warm = new Run(running, account, warmFollowers, jdbc, Math.max(this.options.rate / 2, 5),
				this.options.warmupSeconds);
		warm.execute();
		System.out.printf(Locale.ROOT, "  warm-up: %d messages, %d filed%n", warm.answered.get(), warm.seen.size());
	}

	private int measure(Running running, SimulatedAccount account, List<String> openids, JdbcTemplate jdbc,
			DemoInbox.Setup inbox) throws InterruptedException {
		System.gc();
		Run run = new Run(running, account, openids, jdbc, this.options.rate, this.options.seconds);
		long ticketsBefore = jdbc.queryForObject("SELECT COUNT(*) FROM inb_ticket WHERE account_id = ?", Long.class,
				inbox.accountId());
		run.execute();
		long ticketsAfter = jdbc.queryForObject("SELECT COUNT(*) FROM inb_ticket WHERE account_id = ?", Long.class,
				inbox.accountId());
		// Exactly once: every answered message of this run has exactly one entry.
		List<Map<String, Object>> duplicates = jdbc.queryForList(
				"SELECT m.msg_id, COUNT(e.id) AS n FROM wx_inbound_message m LEFT JOIN inb_ticket_entry e"
						+ " ON e.inbound_message_id = m.id WHERE m.msg_id LIKE ? GROUP BY m.msg_id HAVING n <> 1",
				run.msgIdPrefix + "%");
		QueueCheck queue = queueCheck(running, jdbc, inbox);
		Map<String, Long> acks = new java.util.TreeMap<>();
		jdbc.queryForList(
				"SELECT COALESCE(t.ack_status, 'NONE') AS s, COUNT(*) AS n FROM inb_ticket t"
						+ " WHERE t.account_id = ? AND t.openid LIKE 'o_bench_%' GROUP BY t.ack_status",
				inbox.accountId())
			.forEach((row) -> acks.put((String) row.get("s"), ((Number) row.get("n")).longValue()));
		long[] latencies = run.latenciesMillis();
		long notFiled = run.answered.get() - latencies.length;
		double achieved = run.answered.get() / run.sendSeconds;
		StringBuilder out = new StringBuilder();
		out.append(String.format(Locale.ROOT,
				"%nRun: %,d messages planned at %d/s over %d s from %d senders, %,d followers%n", run.planned,
				this.options.rate, this.options.seconds, this.options.senders, openids.size()));
		out.append(String.format(Locale.ROOT,
				"  answered 200: %,d   errors: %,d   not sent: %,d   achieved rate: %.1f/s%n", run.answered.get(),
				run.errors.get(), run.notSent, achieved));
		out.append(
				String.format(Locale.ROOT, "  gateway answer (from due time): p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
						percentile(run.gatewayMillis(), 50), percentile(run.gatewayMillis(), 99),
						percentile(run.gatewayMillis(), 100)));
		out.append(String.format(Locale.ROOT,
				"  tickets opened: %,d; entries filed: %,d; not filed in time: %,d;"
						+ " messages without exactly one entry: %,d%n",
				ticketsAfter - ticketsBefore, latencies.length, notFiled, duplicates.size()));
		out.append(String.format(Locale.ROOT,
				"  acknowledgements of the run's tickets: %s%n"
						+ "  demo-handler's queue (GET /api/tickets, COMPLAINT): total %,d; open complaint tickets"
						+ " of the service department in the database: %,d%n",
				acks, queue.apiTotal(), queue.dbCount()));
		double p99 = percentile(latencies, 99);
		out.append(String.format(Locale.ROOT,
				"%n  200 answer -> entry visible: count %,d  p50 %.0f ms  p95 %.0f ms  p99 %.0f ms  max %.0f ms%n",
				latencies.length, percentile(latencies, 50), percentile(latencies, 95), p99,
				percentile(latencies, 100)));
		out.append("  load average after: " + BenchSupport.loadAverage() + "\n");
		if (!run.errorSamples.isEmpty()) {
			out.append("  error samples: " + run.errorSamples + "\n");
		}
		boolean latencyOk = latencies.length > 0 && notFiled == 0 && p99 <= this.options.targetP99Millis;
		boolean exactlyOnce = duplicates.isEmpty() || allUnanswered(duplicates, notFiled);
		boolean noErrors = run.errors.get() == 0 && run.notSent == 0 && queue.apiTotal() == queue.dbCount();
		out.append(String.format(Locale.ROOT, "%n  p99 <= %d ms: %s; exactly once: %s; no errors: %s%n",
				this.options.targetP99Millis, latencyOk ? "PASS" : "FAIL", exactlyOnce ? "PASS" : "FAIL",
				noErrors ? "PASS" : "FAIL"));
		System.out.print(out);
		return (latencyOk && exactlyOnce && noErrors) ? 0 : 1;
	}

	/** What the handler's queue says against what the database holds. */
	record QueueCheck(long apiTotal, long dbCount) {
	}

	/**
	 * The complaints as demo-handler (HANDLER of the customer-service department) sees
	 * them through the API, against the open complaint tickets of that department: the
	 * entries the poller counts are in tickets the handler's queue shows.
	 */
	private static QueueCheck queueCheck(Running running, JdbcTemplate jdbc, DemoInbox.Setup inbox) {
		try {
			String password = running.demoPassword();
			HttpClient http = HttpClient.newHttpClient();
			HttpResponse<String> session = http
				.send(HttpRequest.newBuilder(URI.create(running.adminUrl() + "/api/session"))
					.timeout(Duration.ofSeconds(10))
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers
						.ofString("{\"username\":\"demo-handler\",\"password\":\"" + password + "\"}"))
					.build(), HttpResponse.BodyHandlers.ofString());
			JsonMapper json = JsonMapper.builder().build();
			String token = json.readTree(session.body()).get("token").asString();
			HttpResponse<String> queue = http.send(HttpRequest
				.newBuilder(URI.create(running.adminUrl() + "/api/tickets?accountId=" + inbox.accountId()
						+ "&category=COMPLAINT&size=1"))
				.timeout(Duration.ofSeconds(10))
				.header("Authorization", "Bearer " + token)
				.build(), HttpResponse.BodyHandlers.ofString());
			long apiTotal = json.readTree(queue.body()).get("total").asLong();
			long dbCount = jdbc.queryForObject(
					"SELECT COUNT(*) FROM inb_ticket WHERE account_id = ? AND category ="
							+ " 'COMPLAINT' AND department_id = ? AND status <> 'CLOSED' AND hidden = FALSE",
					Long.class, inbox.accountId(), inbox.service());
			return new QueueCheck(apiTotal, dbCount);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not read demo-handler's queue: " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted reading demo-handler's queue", ex);
		}
	}

	/**
	 * A message left without an entry is one that was not filed in time (already
	 * counted); any other count than 0 or 1 is a duplicate.
	 */
	private static boolean allUnanswered(List<Map<String, Object>> rows, long notFiled) {
		return rows.stream().allMatch((r) -> ((Number) r.get("n")).intValue() == 0) && rows.size() <= notFiled;
	}

	/** One run at a fixed rate, with its poller. */
	private final class Run {

		final Running running;

		final SimulatedAccount account;

		final List<String> openids;

		final JdbcTemplate jdbc;

		final int rate;

		final int seconds;

		/** MsgIds of this run: this prefix and a sequence number. */
		final String msgIdPrefix = String.valueOf(7 + RANDOM.nextInt(2))
				+ String.format("%08d", RANDOM.nextInt(100_000_000));

		/** When each answered message got its 200 (nanoTime), by MsgId. */
		final Map<String, Long> answeredAt = new ConcurrentHashMap<>();

		/** When each message's entry was first seen (nanoTime), by MsgId. */
		final Map<String, Long> seen = new ConcurrentHashMap<>();

		final List<Long> gatewayNanos = Collections.synchronizedList(new ArrayList<>());

		final AtomicLong answered = new AtomicLong();

		final AtomicLong errors = new AtomicLong();

		final List<String> errorSamples = Collections.synchronizedList(new ArrayList<>());

		long planned;

		long notSent;

		double sendSeconds;

		Run(Running running, SimulatedAccount account, List<String> openids, JdbcTemplate jdbc, int rate, int seconds) {
			this.running = running;
			this.account = account;
			this.openids = openids;
			this.jdbc = jdbc;
			this.rate = rate;
			this.seconds = seconds;
		}

		void execute() throws InterruptedException {
			Options o = InboxLatencyBenchmark.this.options;
			AtomicBoolean stopPolling = new AtomicBoolean();
			Thread poller = new Thread(() -> poll(stopPolling, o.pollMillis), "bench-poller");
			poller.setDaemon(true);
			poller.start();
			this.planned = (long) this.rate * this.seconds;
			int maxInFlight = Math.max(o.senders * 4, 64);
			BlockingQueue<long[]> queue = new ArrayBlockingQueue<>(maxInFlight);
			Semaphore permits = new Semaphore(maxInFlight);
			AtomicBoolean stop = new AtomicBoolean();
			HttpClient http = HttpClient.newBuilder()
				.version(HttpClient.Version.HTTP_1_1)
				.connectTimeout(Duration.ofSeconds(2))
				.build();
			List<Thread> senders = new ArrayList<>();
			for (int w = 0; w < o.senders; w++) {
				Thread t = new Thread(() -> {
					try {
						// bounded: the dispatcher sets stop after its own bounded drain
						for (;;) {
							long[] task = queue.poll(20, TimeUnit.MILLISECONDS);
							if (task == null) {
								if (stop.get()) {
									return;
								}
								continue;
							}
							try {
								send(http, task[0], task[1]);
							}
							finally {
								permits.release();
							}
						}
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
					}
				}, "bench-sender-" + w);
				t.setDaemon(true);
				senders.add(t);
				t.start();
			}
			long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
			long end = start + TimeUnit.SECONDS.toNanos(this.seconds);
			for (long i = 0; i < this.planned; i++) {
				long due = start + (long) (i * (1_000_000_000.0 / this.rate));
				for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
					LockSupport.parkNanos(wait);
				}
				if (!permits.tryAcquire(Math.max(end - System.nanoTime(), 0), TimeUnit.NANOSECONDS)) {
					this.notSent = this.planned - i;
					break;
				}
				queue.add(new long[] { i, due });
			}
			// Every request still queued or in flight gets at most its timeout more.
			permits.tryAcquire(maxInFlight, 15, TimeUnit.SECONDS);
			this.sendSeconds = (System.nanoTime() - start) / 1e9;
			stop.set(true);
			for (Thread t : senders) {
				t.join(5_000);
			}
			// Wait (bounded) until every answered message is seen, then stop polling.
			long settleEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(o.settleSeconds);
			while (this.seen.size() < this.answeredAt.size() && System.nanoTime() < settleEnd) {
				Thread.sleep(50);
			}
			stopPolling.set(true);
			poller.join(5_000);
		}

		private void send(HttpClient http, long i, long due) {
			String openid = this.openids.get((int) (i * 7919 % this.openids.size()));
			String msgId = this.msgIdPrefix + String.format("%08d", i);
			String xml = "<xml><ToUserName><![CDATA[" + this.account.originalId() + "]]></ToUserName><FromUserName>"
					+ "<![CDATA[" + openid + "]]></FromUserName><CreateTime>" + (System.currentTimeMillis() / 1000)
					+ "</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA["
					+ TEXTS[(int) (i % TEXTS.length)] + " #" + i + "]]></Content><MsgId>" + msgId + "</MsgId></xml>";
			Callback callback = Callback.seal(this.account, xml, openid);
			HttpRequest request = HttpRequest
				.newBuilder(URI.create(
						this.running.gatewayUrl() + "/wx/" + this.account.appId() + "/callback?" + callback.query()))
				.timeout(Duration.ofSeconds(10))
				.header("Content-Type", "text/xml; charset=utf-8")
				.POST(HttpRequest.BodyPublishers.ofString(callback.body(), StandardCharsets.UTF_8))
				.build();
			String failure;
			try {
				HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
				failure = (response.statusCode() == 200) ? null : response.statusCode() + " " + response.body();
			}
			catch (IOException ex) {
				failure = "I/O " + ex;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				failure = "interrupted";
			}
			long done = System.nanoTime();
			if (failure == null) {
				this.answeredAt.put(msgId, done);
				this.answered.incrementAndGet();
				this.gatewayNanos.add(done - due);
			}
			else {
				this.errors.incrementAndGet();
				if (this.errorSamples.size() < 5) {
					this.errorSamples.add(failure);
				}
			}
		}

		/**
		 * Reads new entries every few milliseconds. Entry ids are given out before the
		 * commit, so a lower id can become visible after a higher one: each poll looks
		 * back a margin below the highest id seen, and a MsgId counts once.
		 */
		private void poll(AtomicBoolean stop, int pollMillis) {
			long highest = this.jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM inb_ticket_entry", Long.class);
			String like = this.msgIdPrefix + "%";
			// bounded: execute() stops it after a bounded wait, and it is a daemon
			while (!stop.get()) {
				long from = Math.max(0, highest - 2_000);
				List<Map<String, Object>> rows = this.jdbc
					.queryForList("SELECT e.id, m.msg_id FROM inb_ticket_entry e JOIN wx_inbound_message m"
							+ " ON m.id = e.inbound_message_id WHERE e.id > ? AND e.kind = 'IN' AND m.msg_id LIKE ?",
							from, like);
				long now = System.nanoTime();
				for (Map<String, Object> row : rows) {
					highest = Math.max(highest, ((Number) row.get("id")).longValue());
					this.seen.putIfAbsent((String) row.get("msg_id"), now);
				}
				LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(pollMillis));
			}
		}

		/** Latencies of the messages answered and seen, sorted. */
		long[] latenciesMillis() {
			List<Long> values = new ArrayList<>();
			this.answeredAt.forEach((msgId, at) -> {
				Long visible = this.seen.get(msgId);
				if (visible != null) {
					// Seen before the sender recorded the answer: visible at once.
					values.add(Math.max(0, TimeUnit.NANOSECONDS.toMillis(visible - at)));
				}
			});
			long[] sorted = values.stream().mapToLong(Long::longValue).toArray();
			Arrays.sort(sorted);
			return sorted;
		}

		long[] gatewayMillis() {
			long[] sorted;
			synchronized (this.gatewayNanos) {
				sorted = this.gatewayNanos.stream().mapToLong((n) -> TimeUnit.NANOSECONDS.toMillis(n)).toArray();
			}
			Arrays.sort(sorted);
			return sorted;
		}

	}

	/** Nearest-rank percentile of sorted values; 100 is the maximum. */
	static double percentile(long[] sorted, double p) {
		if (sorted.length == 0) {
			return Double.NaN;
		}
		int rank = (int) Math.ceil(p / 100.0 * sorted.length);
		return sorted[Math.min(Math.max(rank, 1), sorted.length) - 1];
	}

	/** Before Spring Boot configures logging, Logback would log everything at DEBUG. */
	private static void quietLogging() {
		if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
			context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(Level.WARN);
		}
		System.setProperty("logging.level.root", "WARN");
	}

	/** Command-line options; every run is bounded. */
	static final class Options {

		boolean help;

		int rate = 200;

		int seconds = 30;

		int senders = 16;

		int openids = 1_000;

		int pollMillis = 20;

		int warmupSeconds = 20;

		int settleSeconds = 30;

		int targetP99Millis = 1_000;

		int startupSeconds = 300;

		final Map<String, String> springProperties = new LinkedHashMap<>();

		static Options parse(String[] args) {
			Options o = new Options();
			BenchSupport.parseOptions(args, (name, value) -> {
				switch (name) {
					case "--rate" -> o.rate = positive(name, value, 5_000);
					case "--seconds" -> o.seconds = positive(name, value, 600);
					case "--warmup-seconds" -> o.warmupSeconds = positive(name, value, 600);
					case "--senders" -> o.senders = positive(name, value, 256);
					case "--openids" -> o.openids = positive(name, value, 100_000);
					case "--poll-ms" -> o.pollMillis = positive(name, value, 1_000);
					case "--settle-seconds" -> o.settleSeconds = positive(name, value, 600);
					case "--target-p99-ms" -> o.targetP99Millis = positive(name, value, 600_000);
					case "--startup-seconds" -> o.startupSeconds = positive(name, value, 3_600);
					case "--admin-property" -> {
						int split = value.indexOf('=');
						if (split <= 0) {
							throw new IllegalArgumentException("--admin-property needs KEY=VALUE, got " + value);
						}
						o.springProperties.put(value.substring(0, split), value.substring(split + 1));
					}
					default -> throw new IllegalArgumentException("unknown option " + name);
				}
			}, () -> o.help = true);
			if ((long) o.rate * o.seconds > 300_000) {
				throw new IllegalArgumentException("--rate times --seconds is limited to 300,000 messages");
			}
			return o;
		}

	}

}
