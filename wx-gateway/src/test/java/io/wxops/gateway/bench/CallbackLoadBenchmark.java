package io.wxops.gateway.bench;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.stream.IntStream;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.wxops.core.account.AccountRegistry;
import io.wxops.core.account.AccountSnapshot;
import io.wxops.core.account.AccountType;
import io.wxops.core.account.MessageMode;
import io.wxops.core.account.NewAccount;
import io.wxops.core.secret.SecretCipher;
import io.wxops.devkit.DevServers;
import io.wxops.devkit.bench.BenchSupport;
import io.wxops.devkit.simulator.Callback;
import io.wxops.devkit.simulator.SimulatedAccount;
import io.wxops.gateway.GatewayApplication;
import io.wxops.gateway.bench.LoadRunner.RunResult;
import org.slf4j.LoggerFactory;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

import static io.wxops.devkit.bench.BenchSupport.positive;

/**
 * Load benchmark of the callback gateway: how much the exactly-once path (Redis check,
 * transactional insert under the unique key, Redis marker) costs next to the work every
 * callback needs anyway (signature, AES, XML), and what latency WeChat would see at 1,000
 * callbacks a second.
 *
 * <p>
 * Runs, each bounded by a request count and a time limit: a warm-up of both endpoints;
 * the baseline endpoint ({@code /wx/{appId}/callback-baseline}: verify, decrypt, parse)
 * at maximum rate; the real endpoint at maximum rate; the real endpoint at a fixed rate
 * (open loop, latency from each request's due time). Every request is a distinct
 * safe-mode text message, sealed before its run starts so that sealing is not measured,
 * and every full-path request stores a row, which is checked at the end.
 *
 * <p>
 * By default it starts the dev servers (embedded MariaDB and Redis, or the ones named by
 * {@code WXOPS_DB_URL} / {@code WXOPS_REDIS_URL}) and a gateway in this JVM. With
 * {@code --url} it drives an already running gateway on 127.0.0.1 instead.
 *
 * <pre>
 * ./mvnw -q -B -DskipTests install &amp;&amp; ./mvnw -q -B -pl wx-gateway -Pbench exec:java
 * WXOPS_DB_URL=jdbc:mysql://127.0.0.1:3306/test WXOPS_DB_USERNAME=root WXOPS_REDIS_URL=redis://127.0.0.1:6379 \
 *     ./mvnw -q -B -pl wx-gateway -Pbench exec:java
 * ./mvnw -q -B -pl wx-gateway -Pbench exec:java -Dexec.args="--help"
 * </pre>
 *
 * Client, gateway, database and Redis share the machine, so after every run it prints (on
 * Linux) who used the CPU, including other processes and what the hypervisor stole, and
 * the CPU time spent per request, which is the steadiest number on a busy machine; for
 * the in-JVM gateway also its own timers (time to handle a callback, to get and to hold a
 * database connection).
 *
 * <p>
 * Exit status: 0 when every target passes, 1 when one fails, 2 when the benchmark could
 * not run.
 */
public final class CallbackLoadBenchmark {

	static final String USAGE = """
			Usage: CallbackLoadBenchmark [options]
			  --concurrency N        connections of the max-rate runs (default 32)
			  --warmup-count N       warm-up requests per endpoint (default 5000)
			  --warmup-seconds S     warm-up time limit per endpoint (default 8)
			  --max-count N          request limit of each max-rate run (default 60000)
			  --max-seconds S        time limit of each max-rate run (default 15)
			  --rate R               fixed-rate run, callbacks per second (default 1000)
			  --rate-seconds S       fixed-rate run length (default 15)
			  --rate-connections N   connections of the fixed-rate run (default 64)
			  --max-inflight N       fixed-rate run: requests queued or in flight at most (default 256)
			  --timeout-ms N         socket timeout per request (default 10000)
			  --startup-seconds S    time limit for starting the servers and the gateway (default 240)
			  --gateway-property K=V extra Spring property for the in-JVM gateway, repeatable
			                         (e.g. spring.datasource.hikari.maximum-pool-size=8)
			Against a running gateway instead of one in this JVM (127.0.0.1 only; it needs
			wxops.gateway.baseline-endpoint=true and this SAFE-mode account registered):
			  --url http://127.0.0.1:PORT --appid wx... --token T --aes-key K --original-id gh_...
			  --db-url jdbc:mysql://127.0.0.1:3306/DB   optional, to check the stored rows
			                         (user and password from WXOPS_DB_USERNAME / WXOPS_DB_PASSWORD)
			Targets: full/baseline max throughput >= 0.50, p99 <= 25 ms at 1,000/s, zero errors,
			one stored row per successful full-path request.""";

	private static final String LOOPBACK = "127.0.0.1";

	private static final double MIN_RATIO = 0.50;

	private static final double MAX_P99_MILLIS = 25.0;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final Options options;

	/**
	 * Successful full-path requests over all runs: each must have stored exactly one row.
	 */
	private final AtomicLong fullPathSuccesses = new AtomicLong();

	private final List<RunResult> results = new ArrayList<>();

	private CallbackLoadBenchmark(Options options) {
		this.options = options;
	}

	public static void main(String[] args) {
		// Exiting also drops the isolated database.
		BenchSupport.runAndExit(USAGE, () -> {
			Options options = Options.parse(args);
			if (options.help) {
				System.out.println(USAGE);
				return 0;
			}
			return new CallbackLoadBenchmark(options).run();
		});
	}

	private int run() throws Exception {
		quietLogging();
		Thread watchdog = BenchSupport.startupWatchdog(this.options.startupSeconds, "the servers and the gateway");
		Target target;
		try {
			target = (this.options.url != null) ? Target.external(this.options) : Target.inThisJvm(this.options);
		}
		finally {
			watchdog.interrupt();
		}
		try (target) {
			return run(target);
		}
	}

	private int run(Target target) throws Exception {
		Options o = this.options;
		System.out.printf(Locale.ROOT, "%nCallback load benchmark: %d cores, Java %s, %s%n",
				Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), target.description);
		System.out.println("  load average before the runs: " + BenchSupport.loadAverage());
		Requests requests = new Requests(target.account, target.host, target.port);
		LoadRunner runner = new LoadRunner(target.host, target.port, o.timeoutMillis);
		long rowsBefore = (target.rows != null) ? target.rows.getAsLong() : -1;

		preflight(runner, requests);

		measure(target, requests.generate(false, o.warmupCount), r -> runner.closedLoop("warm-up baseline", false, r,
				o.concurrency, Duration.ofSeconds(o.warmupSeconds)));
		measure(target, requests.generate(true, o.warmupCount), r -> runner.closedLoop("warm-up full path", true, r,
				o.concurrency, Duration.ofSeconds(o.warmupSeconds)));
		RunResult baseline = measure(target, requests.generate(false, o.maxCount),
				r -> runner.closedLoop("baseline max rate", false, r, o.concurrency, Duration.ofSeconds(o.maxSeconds)));
		RunResult full = measure(target, requests.generate(true, o.maxCount),
				r -> runner.closedLoop("full path max rate", true, r, o.concurrency, Duration.ofSeconds(o.maxSeconds)));
		int rateCount = (int) Math.min(Integer.MAX_VALUE - 8, (long) o.rate * o.rateSeconds);
		RunResult fixed = measure(target, requests.generate(true, rateCount),
				r -> runner.fixedRate("full path " + o.rate + "/s", r, o.rate, Duration.ofSeconds(o.rateSeconds),
						o.rateConnections, o.maxInFlight));

		long rowsStored = (target.rows != null) ? settledRowCount(target.rows) - rowsBefore : -1;
		return report(baseline, full, fixed, rowsStored);
	}

	/**
	 * One request to each endpoint, so a misconfigured target fails clearly instead of as
	 * a run of errors.
	 */
	private void preflight(LoadRunner runner, Requests requests) throws InterruptedException {
		for (boolean fullPath : new boolean[] { false, true }) {
			RunResult r = runner.closedLoop("preflight", fullPath, requests.generate(fullPath, 1), 1,
					Duration.ofSeconds(10));
			if (r.ok() != 1) {
				throw new IllegalStateException(
						"The " + (fullPath ? "callback" : "baseline") + " endpoint did not answer 200 success: "
								+ r.errorSamples() + (fullPath ? "" : " (is wxops.gateway.baseline-endpoint=true?)"));
			}
			if (fullPath) {
				this.fullPathSuccesses.incrementAndGet();
			}
		}
	}

	/**
	 * One run on requests sealed beforehand (the arguments are evaluated before the run),
	 * with what the gateway and the machine did meanwhile.
	 */
	private RunResult measure(Target target, List<byte[]> requests, Run run) throws InterruptedException {
		// Collect first so the previous run's garbage (and the sealing) is not charged to
		// this one.
		System.gc();
		ServerMeters.Snapshot before = (target.meters != null) ? target.meters.snapshot() : null;
		CpuAccounting.Snapshot cpuBefore = CpuAccounting.snapshot();
		RunResult result = run.run(requests);
		CpuAccounting.Snapshot cpuAfter = CpuAccounting.snapshot();
		this.results.add(result);
		if (result.fullPath()) {
			this.fullPathSuccesses.addAndGet(result.ok());
		}
		System.out.printf(Locale.ROOT, "  done: %-20s %,9d requests %,6d errors %6.1f s%n", result.name(),
				result.requests(), result.errors(), result.seconds());
		if (cpuAfter != null) {
			System.out.println("        cpu: " + cpuAfter.since(cpuBefore, result.answered()));
		}
		if (before != null && result.fullPath()) {
			System.out.println("        gateway: " + target.meters.snapshot().since(before));
		}
		return result;
	}

	/** One run of the given requests. */
	@FunctionalInterface
	private interface Run {

		RunResult run(List<byte[]> requests) throws InterruptedException;

	}

	/**
	 * The gateway's own timers (in-JVM only), to split a full-path request into waiting
	 * for a database connection, holding it (insert and commit), and the rest.
	 */
	static final class ServerMeters {

		private final MeterRegistry registry;

		ServerMeters(MeterRegistry registry) {
			this.registry = registry;
		}

		Snapshot snapshot() {
			return new Snapshot(timer("wx.callback.latency"), timer("hikaricp.connections.acquire"),
					timer("hikaricp.connections.usage"));
		}

		/** Count and total milliseconds of every timer of that name. */
		private double[] timer(String name) {
			double count = 0;
			double millis = 0;
			for (Timer t : this.registry.find(name).timers()) {
				count += t.count();
				millis += t.totalTime(TimeUnit.MILLISECONDS);
			}
			return new double[] { count, millis };
		}

		record Snapshot(double[] callback, double[] acquire, double[] usage) {

			String since(Snapshot before) {
				return String.format(Locale.ROOT,
						"callback handled in %.2f ms mean; db connection: waited for %.2f ms mean, held %.2f ms mean"
								+ " (%,.0f checkouts)",
						mean(this.callback, before.callback), mean(this.acquire, before.acquire),
						mean(this.usage, before.usage), this.usage[0] - before.usage[0]);
			}

			private static double mean(double[] now, double[] then) {
				double count = now[0] - then[0];
				return (count > 0) ? (now[1] - then[1]) / count : Double.NaN;
			}

		}

	}

	/**
	 * Rows are committed before the answer, but a timed-out request may still be storing.
	 */
	private long settledRowCount(LongSupplier rows) throws InterruptedException {
		long count = rows.getAsLong();
		for (int i = 0; i < 10; i++) {
			Thread.sleep(300);
			long again = rows.getAsLong();
			if (again == count) {
				return count;
			}
			count = again;
		}
		return count;
	}

	private int report(RunResult baseline, RunResult full, RunResult fixed, long rowsStored) {
		StringBuilder out = new StringBuilder();
		out.append(String.format(Locale.ROOT, "%n%-20s %9s %7s %8s %10s %8s %8s %8s %8s%n", "run", "requests", "errors",
				"time s", "req/s", "p50 ms", "p99 ms", "p999 ms", "max ms"));
		for (RunResult r : this.results) {
			out.append(String.format(Locale.ROOT, "%-20s %,9d %,7d %8.2f %,10.1f %8.2f %8.2f %8.2f %8.2f%n", r.name(),
					r.requests(), r.errors(), r.seconds(), r.throughput(), r.percentileMillis(50),
					r.percentileMillis(99), r.percentileMillis(99.9), r.maxMillis()));
		}
		out.append(String.format(Locale.ROOT,
				"%nFixed rate: %,d/s planned over %d s, %,.1f/s answered; latency above is from each request's"
						+ " due time.%n  Service time (from the actual send): p50 %.2f ms, p99 %.2f ms, p999 %.2f ms,"
						+ " max %.2f ms%n",
				fixed.rate(), this.options.rateSeconds, fixed.throughput(),
				fixed.service().getValueAtPercentile(50) / 1000.0, fixed.service().getValueAtPercentile(99) / 1000.0,
				fixed.service().getValueAtPercentile(99.9) / 1000.0, fixed.service().getMaxValue() / 1000.0));
		for (RunResult r : this.results) {
			if (!r.errorSamples().isEmpty()) {
				out.append(String.format("  errors in %s: %s%n", r.name(), r.errorSamples()));
			}
		}
		double ratio = full.throughput() / baseline.throughput();
		out.append(String.format(Locale.ROOT, "%nfull/baseline max throughput: %,.1f / %,.1f = %.2f%n",
				full.throughput(), baseline.throughput(), ratio));

		long requests = this.results.stream().mapToLong(RunResult::requests).sum();
		long errors = this.results.stream().mapToLong(RunResult::errors).sum();
		double p99 = fixed.percentileMillis(99);
		boolean ratioOk = ratio >= MIN_RATIO;
		boolean p99Ok = p99 <= MAX_P99_MILLIS;
		boolean errorsOk = errors == 0;
		long successes = this.fullPathSuccesses.get();
		out.append('\n');
		out.append(String.format(Locale.ROOT, "[%s] full/baseline max throughput ratio %.2f >= %.2f%n",
				verdict(ratioOk), ratio, MIN_RATIO));
		out.append(String.format(Locale.ROOT, "[%s] p99 latency at %,d/s %.2f ms <= %.0f ms%n", verdict(p99Ok),
				fixed.rate(), p99, MAX_P99_MILLIS));
		out.append(String.format(Locale.ROOT, "[%s] zero errors: %,d errors in %,d requests%n", verdict(errorsOk),
				errors, requests));
		boolean rowsOk;
		if (rowsStored < 0) {
			rowsOk = true;
			out.append("[SKIP] exactly once: no database to count rows in (give --db-url)\n");
		}
		else {
			rowsOk = rowsStored == successes;
			out.append(String.format(Locale.ROOT,
					"[%s] exactly once: %,d rows stored in wx_inbound_message, %,d successful full-path requests%n",
					verdict(rowsOk), rowsStored, successes));
		}
		boolean pass = ratioOk && p99Ok && errorsOk && rowsOk;
		out.append(pass ? "\nAll targets met.\n" : "\nSome targets missed.\n");
		System.out.print(out);
		return pass ? 0 : 1;
	}

	private static String verdict(boolean ok) {
		return ok ? "PASS" : "FAIL";
	}

	/**
	 * Before Spring Boot configures logging, Logback logs everything at DEBUG, which for
	 * the embedded MariaDB means pages of server output; the gateway itself gets WARN by
	 * property.
	 */
	private static void quietLogging() {
		if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
			context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(Level.WARN);
		}
	}

	static void requireLoopback(String what, String host) {
		if (!LOOPBACK.equals(host)) {
			throw new IllegalArgumentException(what + " must be on " + LOOPBACK + ", not " + host
					+ ": the benchmark only sends traffic to this machine");
		}
	}

	/** The host of a JDBC URL such as {@code jdbc:mysql://127.0.0.1:3306/db?x=y}. */
	static String jdbcHost(String jdbcUrl) {
		int start = jdbcUrl.indexOf("//");
		if (start < 0) {
			return "";
		}
		String rest = jdbcUrl.substring(start + 2);
		int end = rest.length();
		for (char c : new char[] { ':', '/', '?', ',' }) {
			int i = rest.indexOf(c);
			if (i >= 0) {
				end = Math.min(end, i);
			}
		}
		return rest.substring(0, end);
	}

	static String random(String alphabet, int length) {
		StringBuilder sb = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			sb.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
		}
		return sb.toString();
	}

	/**
	 * Distinct safe-mode text callbacks as complete HTTP requests. Every message gets its
	 * own MsgId and openid, so no two requests share a dedup key, in this run or any
	 * other.
	 */
	static final class Requests {

		private static final String ALNUM = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

		private final SimulatedAccount account;

		private final String hostHeader;

		/** Random per benchmark, so repeated runs against one gateway never collide. */
		private final String openidTag = random(ALNUM, 6);

		private final long msgIdBase = 7_000_000_000_000_000_000L + RANDOM.nextLong(1_000_000_000_000_000L);

		private final AtomicLong sequence = new AtomicLong();

		Requests(SimulatedAccount account, String host, int port) {
			this.account = account;
			this.hostHeader = host + ":" + port;
		}

		List<byte[]> generate(boolean fullPath, int count) {
			long first = this.sequence.getAndAdd(count);
			String path = "/wx/" + this.account.appId() + (fullPath ? "/callback?" : "/callback-baseline?");
			long createTime = System.currentTimeMillis() / 1000;
			// Sealing is AES plus SHA-1 per message: parallel, and before the run's clock
			// starts.
			return IntStream.range(0, count).parallel().mapToObj(i -> request(path, first + i, createTime)).toList();
		}

		private byte[] request(String path, long n, long createTime) {
			// 28 characters like a real openid: "oBnch", the tag (6) and the sequence
			// (17)
			String openid = "oBnch" + this.openidTag + String.format("%017d", n);
			String xml = "<xml><ToUserName><![CDATA[" + this.account.originalId() + "]]></ToUserName>"
					+ "<FromUserName><![CDATA[" + openid + "]]></FromUserName><CreateTime>" + createTime
					+ "</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[benchmark message " + n
					+ "]]></Content><MsgId>" + (this.msgIdBase + n) + "</MsgId></xml>";
			Callback callback = Callback.seal(this.account, xml, openid);
			byte[] body = callback.body().getBytes(StandardCharsets.UTF_8);
			String head = "POST " + path + callback.query() + " HTTP/1.1\r\nHost: " + this.hostHeader
					+ "\r\nUser-Agent: Mozilla/4.0\r\nAccept: */*\r\nContent-Type: text/xml\r\nContent-Length: "
					+ body.length + "\r\n\r\n";
			byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
			byte[] request = new byte[headBytes.length + body.length];
			System.arraycopy(headBytes, 0, request, 0, headBytes.length);
			System.arraycopy(body, 0, request, headBytes.length, body.length);
			return request;
		}

	}

	/**
	 * The gateway under test, the account it serves, and how to count its stored rows.
	 */
	static final class Target implements AutoCloseable {

		final String host;

		final int port;

		final SimulatedAccount account;

		/**
		 * Rows of the account in wx_inbound_message, or {@code null} when we cannot see
		 * the database.
		 */
		final LongSupplier rows;

		final String description;

		/** The in-JVM gateway's timers, or {@code null} for a gateway elsewhere. */
		final ServerMeters meters;

		private final AutoCloseable resources;

		private Target(String host, int port, SimulatedAccount account, LongSupplier rows, String description,
				ServerMeters meters, AutoCloseable resources) {
			this.host = host;
			this.port = port;
			this.account = account;
			this.rows = rows;
			this.description = description;
			this.meters = meters;
			this.resources = resources;
		}

		/** Dev servers and a gateway in this JVM, with a fresh SAFE-mode account. */
		static Target inThisJvm(Options o) {
			for (String setting : new String[] { "WXOPS_DB_URL", "WXOPS_REDIS_URL" }) {
				String value = System.getProperty(setting, System.getenv(setting));
				if (value != null && !value.isBlank()) {
					requireLoopback(setting,
							setting.endsWith("DB_URL") ? jdbcHost(value) : URI.create(value).getHost());
				}
			}
			long started = System.nanoTime();
			System.out.println("Starting the dev servers and a gateway in this JVM...");
			DevServers servers = DevServers.forTests();
			List<String> args = new ArrayList<>();
			// Command-line arguments, not SpringApplicationBuilder.properties(): those
			// are defaults,
			// and application.yml (server.port: 8080, the datasource from WXOPS_DB_URL)
			// would win.
			servers.springProperties().forEach((k, v) -> args.add("--" + k + "=" + v));
			Map<String, String> props = new LinkedHashMap<>();
			props.put("server.port", "0");
			// A second instance in this JVM: a free management port, not the default one.
			props.put("management.server.port", "0");
			props.put("wxops.secrets.key", SecretCipher.generateKey());
			props.put("wxops.gateway.baseline-endpoint", "true");
			props.put("spring.main.banner-mode", "off");
			props.put("logging.level.root", "WARN");
			props.put("spring.jmx.enabled", "false");
			props.putAll(o.gatewayProperties);
			props.forEach((k, v) -> args.add("--" + k + "=" + v));
			ConfigurableApplicationContext context = new SpringApplicationBuilder(GatewayApplication.class)
				.run(args.toArray(String[]::new));
			try {
				Environment env = context.getEnvironment();
				int port = Integer.parseInt(env.getRequiredProperty("local.server.port"));
				SimulatedAccount account = new SimulatedAccount("wx" + random("0123456789abcdef", 16),
						"gh_" + random("0123456789abcdef", 12), random(Requests.ALNUM, 32), random(Requests.ALNUM, 43),
						SimulatedAccount.Mode.SAFE);
				AccountSnapshot snapshot = context.getBean(AccountRegistry.class)
					.register(new NewAccount(account.appId(), account.originalId(), "Benchmark " + account.appId(),
							AccountType.SUBSCRIPTION, MessageMode.SAFE, account.token(), account.aesKey(), null));
				JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
				LongSupplier rows = () -> jdbc.queryForObject(
						"SELECT COUNT(*) FROM wx_inbound_message WHERE account_id = ?", Long.class, snapshot.id());
				String servedBy = (System.getenv("WXOPS_DB_URL") != null || System.getProperty("WXOPS_DB_URL") != null)
						? "external database" : "embedded MariaDB";
				servedBy += (System.getenv("WXOPS_REDIS_URL") != null || System.getProperty("WXOPS_REDIS_URL") != null)
						? " + external Redis" : " + embedded Redis";
				String description = String.format(Locale.ROOT,
						"gateway in this JVM on %s:%d (%s, ready in %.1f s)%n  gateway settings: hikari max %s,"
								+ " tomcat threads max %s, reply-threads %s, jedis max-active %s",
						LOOPBACK, port, servedBy, (System.nanoTime() - started) / 1e9,
						env.getProperty("spring.datasource.hikari.maximum-pool-size"),
						env.getProperty("server.tomcat.threads.max"), env.getProperty("wxops.gateway.reply-threads"),
						env.getProperty("spring.data.redis.jedis.pool.max-active"));
				return new Target(LOOPBACK, port, account, rows, description,
						new ServerMeters(context.getBean(MeterRegistry.class)), context::close);
			}
			catch (RuntimeException ex) {
				context.close();
				throw ex;
			}
		}

		/** A gateway already running on 127.0.0.1, with an account registered there. */
		static Target external(Options o) {
			URI uri = URI.create(o.url);
			if (!"http".equals(uri.getScheme()) || uri.getPort() < 0) {
				throw new IllegalArgumentException("--url must look like http://127.0.0.1:PORT");
			}
			requireLoopback("--url", uri.getHost());
			if (o.appId == null || o.token == null || o.aesKey == null || o.originalId == null) {
				throw new IllegalArgumentException("--url needs --appid, --token, --aes-key and --original-id");
			}
			SimulatedAccount account = new SimulatedAccount(o.appId, o.originalId, o.token, o.aesKey,
					SimulatedAccount.Mode.SAFE);
			LongSupplier rows = null;
			if (o.dbUrl != null) {
				requireLoopback("--db-url", jdbcHost(o.dbUrl));
				String user = System.getenv().getOrDefault("WXOPS_DB_USERNAME", "root");
				String password = System.getenv().getOrDefault("WXOPS_DB_PASSWORD", "");
				rows = () -> countRows(o.dbUrl, user, password, o.appId);
			}
			return new Target(LOOPBACK, uri.getPort(), account, rows,
					"running gateway at " + o.url + ((rows != null) ? "" : " (stored rows not checked)"), null, () -> {
					});
		}

		private static long countRows(String url, String user, String password, String appId) {
			try (Connection c = DriverManager.getConnection(url, user, password);
					PreparedStatement st = c.prepareStatement("SELECT COUNT(*) FROM wx_inbound_message m"
							+ " JOIN wx_account a ON a.id = m.account_id WHERE a.app_id = ?")) {
				st.setString(1, appId);
				try (ResultSet rs = st.executeQuery()) {
					rs.next();
					return rs.getLong(1);
				}
			}
			catch (SQLException ex) {
				throw new IllegalStateException("Could not count stored rows: " + ex.getMessage(), ex);
			}
		}

		@Override
		public void close() throws Exception {
			this.resources.close();
		}

	}

	/** Command-line options; every run is bounded by default. */
	static final class Options {

		boolean help;

		int concurrency = 32;

		int warmupCount = 5_000;

		int warmupSeconds = 8;

		int maxCount = 60_000;

		int maxSeconds = 15;

		int rate = 1_000;

		int rateSeconds = 15;

		int rateConnections = 64;

		int maxInFlight = 256;

		int timeoutMillis = 10_000;

		int startupSeconds = 240;

		String url;

		String appId;

		String token;

		String aesKey;

		String originalId;

		String dbUrl;

		final Map<String, String> gatewayProperties = new LinkedHashMap<>();

		static Options parse(String[] args) {
			Options o = new Options();
			BenchSupport.parseOptions(args, (name, value) -> {
				switch (name) {
					case "--concurrency" -> o.concurrency = positive(name, value, 1024);
					case "--warmup-count" -> o.warmupCount = positive(name, value, 1_000_000);
					case "--warmup-seconds" -> o.warmupSeconds = positive(name, value, 600);
					case "--max-count" -> o.maxCount = positive(name, value, 2_000_000);
					case "--max-seconds" -> o.maxSeconds = positive(name, value, 600);
					case "--rate" -> o.rate = positive(name, value, 100_000);
					case "--rate-seconds" -> o.rateSeconds = positive(name, value, 600);
					case "--rate-connections" -> o.rateConnections = positive(name, value, 1024);
					case "--max-inflight" -> o.maxInFlight = positive(name, value, 100_000);
					case "--timeout-ms" -> o.timeoutMillis = positive(name, value, 120_000);
					case "--startup-seconds" -> o.startupSeconds = positive(name, value, 3_600);
					case "--url" -> o.url = value;
					case "--appid" -> o.appId = value;
					case "--token" -> o.token = value;
					case "--aes-key" -> o.aesKey = value;
					case "--original-id" -> o.originalId = value;
					case "--db-url" -> o.dbUrl = value;
					case "--gateway-property" -> {
						int split = value.indexOf('=');
						if (split <= 0) {
							throw new IllegalArgumentException("--gateway-property needs KEY=VALUE, got " + value);
						}
						o.gatewayProperties.put(value.substring(0, split), value.substring(split + 1));
					}
					default -> throw new IllegalArgumentException("unknown option " + name);
				}
			}, () -> o.help = true);
			if ((long) o.rate * o.rateSeconds > 2_000_000) {
				throw new IllegalArgumentException("--rate times --rate-seconds is limited to 2,000,000 requests");
			}
			if (o.url == null && (o.dbUrl != null || o.appId != null)) {
				throw new IllegalArgumentException("--appid, --db-url and the other account options go with --url");
			}
			if (o.url != null && !o.gatewayProperties.isEmpty()) {
				throw new IllegalArgumentException("--gateway-property only applies to the gateway in this JVM");
			}
			return o;
		}

	}

}
