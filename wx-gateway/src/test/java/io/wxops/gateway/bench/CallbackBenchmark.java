package io.wxops.gateway.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import io.wxops.core.account.AccountRegistry;
import io.wxops.core.account.AccountType;
import io.wxops.core.account.MessageMode;
import io.wxops.core.account.NewAccount;
import io.wxops.core.secret.SecretCipher;
import io.wxops.devkit.DevServers;
import io.wxops.devkit.bench.BenchSupport;
import io.wxops.devkit.simulator.SimulatedAccount;
import io.wxops.gateway.GatewayApplication;
import io.wxops.gateway.bench.CallbackRequests.Endpoint;
import org.slf4j.LoggerFactory;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static io.wxops.devkit.bench.BenchSupport.positive;

/**
 * Load benchmark of the callback gateway, with nothing of the load generator inside the
 * gateway's JVM: how much the durable path (dedup and store) costs next to the work every
 * callback needs anyway (signature, AES, XML: the {@code callback-baseline} endpoint),
 * and what latency WeChat sees at a paced 1,000 callbacks a second.
 *
 * <p>
 * This JVM (run by Maven in the verify phase, after the exec jar is packaged)
 * orchestrates: it starts the dev servers (embedded MariaDB and Redis, or those named by
 * {@code WXOPS_DB_URL} / {@code WXOPS_REDIS_URL}, with a fresh database and key prefix),
 * registers a SAFE-mode account through the gateway's own {@link AccountRegistry}, starts
 * the gateway's exec jar in a JVM of its own ({@link GatewayProcess}), signs the
 * callbacks in advance ({@link CallbackRequests}), and drives it with processes of their
 * own: wrk with {@code callbacks.lua} at maximum rate ({@link WrkRun}), alternating the
 * baseline and the full path, and {@link PacedLoad} for the paced run. At the end it
 * counts the stored rows and judges the targets ({@link BenchTargets}).
 *
 * <pre>
 * ./mvnw -q -B -pl wx-gateway -am -Dbench=callbacks -DskipTests verify
 * ./mvnw -q -B -pl wx-gateway -am -Dbench=callbacks -DskipTests verify -Dexec.args=--help
 * </pre>
 *
 * Exit status: 0 when every target is met, 1 when one is missed, 2 when it could not run.
 */
public final class CallbackBenchmark {

	static final String USAGE = """
			Usage: CallbackBenchmark [options]
			  --rounds N              baseline + full path pairs measured (default 2)
			  --seconds S             sending time of each measured max-rate run (default 12)
			  --warmup-seconds S      sending time of each warm-up run (default 10)
			  --threads N             wrk threads (default 2)
			  --connections N         wrk connections (default 32)
			  --baseline-messages N   distinct messages the baseline cycles through (default 20000)
			  --rate R                paced run, callbacks per second (default 1000)
			  --paced-seconds S       paced run length (default 15)
			  --paced-warmup-seconds S  paced warm-up before it (default 3)
			  --paced-connections N   connections of the paced run (default 64)
			  --wrk PATH              wrk (default /usr/bin/wrk)
			  --gateway-jvm OPTION    an option of the gateway's JVM, repeatable (default: none)
			  --gateway-property K=V  a Spring property of the gateway, repeatable
			  --startup-seconds S     time limit for the servers, the seeding and the gateway (default 300)
			Servers: WXOPS_DB_URL (with WXOPS_DB_USERNAME / WXOPS_DB_PASSWORD) and WXOPS_REDIS_URL,
			on 127.0.0.1; without them, embedded MariaDB and Redis.
			Targets: full/baseline >= 0.25, p99 <= 25 ms at the paced rate, zero errors,
			rows stored = full-path 2xx answers.""";

	private static final String LOOPBACK = "127.0.0.1";

	private final Options options;

	private final List<Phase> phases = new ArrayList<>();

	private long fullPathSuccesses;

	private long requests;

	private long errors;

	private CallbackBenchmark(Options options) {
		this.options = options;
	}

	public static void main(String[] args) {
		// Exiting also stops the embedded servers and drops the benchmark's database.
		BenchSupport.runAndExit(USAGE, () -> {
			Options options = Options.parse(args);
			if (options.help) {
				System.out.println(USAGE);
				return 0;
			}
			return new CallbackBenchmark(options).run();
		});
	}

	private int run() throws Exception {
		quietLogging();
		Options o = this.options;
		for (String setting : new String[] { "WXOPS_DB_URL", "WXOPS_REDIS_URL" }) {
			String value = System.getProperty(setting, System.getenv(setting));
			if (value != null && !value.isBlank()) {
				requireLoopback(setting, setting.endsWith("DB_URL") ? jdbcHost(value) : URI.create(value).getHost());
			}
		}
		if (!Files.isExecutable(Path.of(o.wrk))) {
			throw new IllegalStateException(o.wrk + " is not there: apt-get install wrk (Debian's package)");
		}
		Path dir = Path.of(System.getProperty("wxops.bench.dir", "target/bench"));
		Files.createDirectories(dir);
		Path jar = Path.of(System.getProperty("wxops.bench.gateway-jar", "target/wx-gateway-exec.jar"));

		long started = System.nanoTime();
		Thread watchdog = BenchSupport.startupWatchdog(o.startupSeconds, "the servers, the seeding and the gateway");
		GatewayProcess gateway;
		DevServers servers;
		SimulatedAccount account = CallbackRequests.randomAccount();
		long accountId;
		try {
			System.out.println("Starting the servers...");
			servers = DevServers.forTests();
			String secretKey = SecretCipher.generateKey();
			accountId = seed(servers, secretKey, account);
			System.out.println("Starting the gateway's exec jar " + jar.getFileName() + "...");
			gateway = GatewayProcess.start(jar, servers, secretKey, o.gatewayJvm, o.gatewayProperties,
					dir.resolve("gateway.log"), o.startupSeconds);
		}
		finally {
			watchdog.interrupt();
		}
		Thread stopGateway = new Thread(() -> {
			try {
				gateway.close();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}, "stop-gateway");
		Runtime.getRuntime().addShutdownHook(stopGateway);
		try {
			String where = String.format(Locale.ROOT, "%s %s, %s %s",
					external("WXOPS_DB_URL") ? "external database" : "embedded MariaDB",
					servers.jdbcUrl().replaceAll("\\?.*", ""),
					external("WXOPS_REDIS_URL") ? "external Redis" : "embedded Redis", servers.redisUrl());
			System.out.printf(Locale.ROOT,
					"%nCallback benchmark: %d cores, Java %s; gateway exec jar pid %d on %s:%d (%s; ready %.0f s"
							+ " after start)%n  wrk: %d threads, %d connections; paced: %,d/s on %d connections%n"
							+ "  load average before the runs: %s%n",
					Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), gateway.pid(),
					LOOPBACK, gateway.port(), where, (System.nanoTime() - started) / 1e9, o.threads, o.connections,
					o.rate, o.pacedConnections, BenchSupport.loadAverage());
			String loadBefore = BenchSupport.loadAverage();
			int status = measure(gateway, servers, account, accountId, dir);
			System.out.println("  load average before: " + loadBefore + ", after: " + BenchSupport.loadAverage()
					+ " (1, 5, 15 min)");
			return status;
		}
		catch (RuntimeException ex) {
			System.err.println("Gateway log, last lines:\n" + gateway.logTail(30));
			throw ex;
		}
		finally {
			gateway.close();
			Runtime.getRuntime().removeShutdownHook(stopGateway);
		}
	}

	private int measure(GatewayProcess gateway, DevServers servers, SimulatedAccount account, long accountId, Path dir)
			throws Exception {
		Options o = this.options;
		CallbackRequests requests = new CallbackRequests(account);
		long rowsBefore = rows(servers, accountId);
		preflight(gateway.port(), requests, dir);

		Path script = WrkRun.script(dir);
		Path baselineFile = sign(requests, Endpoint.BASELINE, o.baselineMessages, dir.resolve("baseline.txt"));
		Phase warmBaseline = wrk("warm-up baseline", false, false, gateway, script, baselineFile, o.warmupSeconds);
		Path warmFull = sign(requests, Endpoint.FULL, fullCount(warmBaseline.result.throughput(), 0, o.warmupSeconds),
				dir.resolve("full.txt"));
		Phase warmupFull = wrk("warm-up full path", true, false, gateway, script, warmFull, o.warmupSeconds);
		Files.delete(warmFull);

		List<WrkRun.Result> baselines = new ArrayList<>();
		List<WrkRun.Result> fulls = new ArrayList<>();
		double fullRate = warmupFull.result.throughput();
		double baselineRate = warmBaseline.result.throughput();
		for (int round = 1; round <= o.rounds; round++) {
			Phase baseline = wrk("baseline " + round, false, true, gateway, script, baselineFile, o.seconds);
			baselines.add(baseline.result);
			baselineRate = Math.max(baselineRate, baseline.result.throughput());
			Path fullFile = sign(requests, Endpoint.FULL, fullCount(baselineRate, fullRate, o.seconds),
					dir.resolve("full.txt"));
			Phase full = wrk("full path " + round, true, true, gateway, script, fullFile, o.seconds);
			Files.delete(fullFile);
			fulls.add(full.result);
			fullRate = Math.max(fullRate, full.result.throughput());
		}
		Files.delete(baselineFile);

		Path pacedFile = sign(requests, Endpoint.FULL, o.rate * (o.pacedWarmupSeconds + o.pacedSeconds),
				dir.resolve("paced.txt"));
		PacedLoad.Result paced = paced(gateway, pacedFile);
		Files.delete(pacedFile);

		long rowsStored = settledRowCount(servers, accountId) - rowsBefore;
		BenchTargets.Verdict verdict = BenchTargets.ISSUE_17.judge(baselines, fulls, paced, this.errors, this.requests,
				rowsStored, this.fullPathSuccesses);
		report(baselines, fulls, paced, verdict);
		return verdict.exitStatus();
	}

	/**
	 * How many distinct messages a full-path run gets: enough for twice the best
	 * full-path rate seen so far, or half the best baseline rate if that is more (a
	 * warm-up on a busy machine can read far too low), and never more than 1.2 times the
	 * best baseline rate (the full path does all the baseline's work and more). A run
	 * that uses them up ends early (its window is shorter, its rate still right) and says
	 * so.
	 */
	static int fullCount(double bestBaselineRate, double bestFullRate, int seconds) {
		double wanted = Math.max(2 * bestFullRate, 0.5 * bestBaselineRate);
		double capped = Math.min(wanted, 1.2 * bestBaselineRate) * seconds;
		return (int) Math.max(5_000, Math.min(1_500_000, Math.ceil(capped)));
	}

	private Path sign(CallbackRequests requests, Endpoint endpoint, int count, Path file) throws IOException {
		long start = System.nanoTime();
		requests.write(endpoint, count, file);
		System.out.printf(Locale.ROOT, "  signed %,d %s callbacks in %.1f s%n", count,
				(endpoint == Endpoint.FULL) ? "full-path" : "baseline", (System.nanoTime() - start) / 1e9);
		return file;
	}

	/**
	 * One request to each endpoint, so that a misconfigured gateway fails clearly instead
	 * of as a run of errors.
	 */
	private void preflight(int port, CallbackRequests requests, Path dir) throws IOException {
		for (Endpoint endpoint : Endpoint.values()) {
			Path file = requests.write(endpoint, 1, dir.resolve("preflight.txt"));
			CallbackRequests.Line line = CallbackRequests.read(file).get(0);
			Files.delete(file);
			try (KeepAliveConnection c = new KeepAliveConnection(LOOPBACK, port, 10_000)) {
				KeepAliveConnection.Response r = c.exchange(line.httpRequest(LOOPBACK + ":" + port));
				if (!LoadRunner.answeredWithoutReply(r.status(), r.body())) {
					throw new IllegalStateException(
							"The gateway answered the " + endpoint + " preflight " + r.status() + " " + r.body());
				}
			}
			this.requests++;
			if (endpoint == Endpoint.FULL) {
				this.fullPathSuccesses++;
			}
		}
	}

	private Phase wrk(String name, boolean fullPath, boolean measured, GatewayProcess gateway, Path script, Path file,
			int seconds) throws IOException, InterruptedException {
		Options o = this.options;
		Path output = Files.createTempFile(script.getParent(), "wrk-", ".txt");
		System.gc();
		CpuAccounting.Snapshot before = CpuAccounting.snapshot();
		Process wrk = WrkRun.start(
				WrkRun.command(o.wrk, script, gateway.port(), o.threads, o.connections, seconds, file, fullPath),
				output);
		WrkRun.Result result;
		CpuAccounting.Snapshot after = null;
		try {
			// /proc forgets wrk once it has ended: look while it idles through its drain.
			if (!wrk.waitFor(seconds * 1000L + WrkRun.DRAIN_SECONDS * 1000L - 500, TimeUnit.MILLISECONDS)) {
				after = CpuAccounting.snapshot();
			}
			result = WrkRun.await(wrk, output, seconds, 120);
		}
		finally {
			wrk.destroyForcibly();
		}
		if (after == null) {
			after = CpuAccounting.snapshot();
		}
		Files.delete(output);
		String cpu = (after != null)
				? after.since(before, result.responses(), Map.of(gateway.pid(), "gateway", wrk.pid(), "wrk"))
				: "unknown";
		Phase phase = new Phase(name, fullPath, measured, result, cpu);
		this.phases.add(phase);
		this.requests += result.sent();
		this.errors += result.errors();
		if (fullPath) {
			this.fullPathSuccesses += result.ok();
		}
		System.out.printf(Locale.ROOT, "  done: %-18s %,9d answered %,6d errors %6.2f s %,10.0f/s%s%n", name,
				result.responses(), result.errors(), result.seconds(), result.throughput(),
				(result.exhaustedThreads() > 0) ? " (used up its messages before its time)" : "");
		System.out.println("        cpu: " + cpu);
		for (String failure : result.failures()) {
			System.out.println("        failure: " + failure);
		}
		return phase;
	}

	private PacedLoad.Result paced(GatewayProcess gateway, Path file) throws IOException, InterruptedException {
		Options o = this.options;
		List<String> command = new ArrayList<>(List.of(
				Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xms256m", "-Xmx256m",
				"-XX:+UseSerialGC", "-cp", BenchSupport.classPathOf(CallbackBenchmark.class), PacedLoad.class.getName(),
				"--port", String.valueOf(gateway.port()), "--file", file.toString(), "--rate", String.valueOf(o.rate),
				"--seconds", String.valueOf(o.pacedSeconds), "--warmup-seconds", String.valueOf(o.pacedWarmupSeconds),
				"--connections", String.valueOf(o.pacedConnections)));
		Path output = Files.createTempFile(file.getParent(), "paced-", ".txt");
		ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
		System.gc();
		CpuAccounting.Snapshot before = CpuAccounting.snapshot();
		Process generator = pb.start();
		CpuAccounting.Snapshot after;
		int limit = o.pacedWarmupSeconds + o.pacedSeconds + 120;
		try {
			// It waits after its report until its input closes, so /proc still knows it.
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(limit);
			while (generator.isAlive() && !Files.readString(output, StandardCharsets.UTF_8).contains(PacedLoad.DONE)) {
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException("the paced generator did not end within " + limit + " s");
				}
				Thread.sleep(100);
			}
			after = CpuAccounting.snapshot();
			generator.getOutputStream().close();
			if (!generator.waitFor(30, TimeUnit.SECONDS)) {
				throw new IllegalStateException("the paced generator did not exit after its report");
			}
		}
		finally {
			generator.destroyForcibly();
		}
		String text = Files.readString(output, StandardCharsets.UTF_8);
		Files.delete(output);
		Map<String, PacedLoad.Result> results = PacedLoad.parse(text);
		PacedLoad.Result measured = results.get("measured");
		if (generator.exitValue() != 0 || measured == null) {
			throw new IllegalStateException("the paced generator failed (" + generator.exitValue() + "): "
					+ ((text.length() > 3000) ? text.substring(text.length() - 3000) : text));
		}
		long answered = 0;
		for (Map.Entry<String, PacedLoad.Result> e : results.entrySet()) {
			PacedLoad.Result r = e.getValue();
			answered += r.answered();
			this.requests += r.planned();
			this.errors += r.errors();
			this.fullPathSuccesses += r.ok();
			System.out.printf(Locale.ROOT,
					"  done: paced %-12s %,9d answered %,6d errors %6.2f s %,10.0f/s, p99 %.2f ms from due time%n",
					e.getKey(), r.answered(), r.errors(), r.seconds(), r.throughput(), r.p99Micros() / 1000.0);
			for (String sample : r.errorSamples()) {
				System.out.println("        error: " + sample);
			}
		}
		String cpu = (after != null)
				? after.since(before, answered, Map.of(gateway.pid(), "gateway", generator.pid(), "paced generator"))
				: "unknown";
		System.out.println("        cpu: " + cpu);
		return measured;
	}

	private void report(List<WrkRun.Result> baselines, List<WrkRun.Result> fulls, PacedLoad.Result paced,
			BenchTargets.Verdict verdict) {
		StringBuilder out = new StringBuilder();
		out.append(String.format(Locale.ROOT, "%n%-20s %9s %7s %8s %10s %8s %8s %8s %8s%n", "run", "answered", "errors",
				"time s", "req/s", "p50 ms", "p99 ms", "p999 ms", "max ms"));
		for (Phase p : this.phases) {
			WrkRun.Result r = p.result;
			out.append(String.format(Locale.ROOT, "%-20s %,9d %,7d %8.2f %,10.0f %8.2f %8.2f %8.2f %8.2f%n", p.name,
					r.responses(), r.errors(), r.seconds(), r.throughput(), r.p50Micros() / 1000.0,
					r.p99Micros() / 1000.0, r.p999Micros() / 1000.0, r.maxMicros() / 1000.0));
		}
		out.append(String.format(Locale.ROOT, "%-20s %,9d %,7d %8.2f %,10.0f %8.2f %8.2f %8.2f %8.2f%n",
				"paced " + paced.rate() + "/s", paced.answered(), paced.errors(), paced.seconds(), paced.throughput(),
				paced.p50Micros() / 1000.0, paced.p99Micros() / 1000.0, paced.p999Micros() / 1000.0,
				paced.maxMicros() / 1000.0));
		out.append(String.format(Locale.ROOT,
				"%nMax-rate latencies are wrk's (closed loop, %d connections); the paced run's are from each"
						+ " request's due time%n  (service time from the actual send: p50 %.2f ms, p99 %.2f ms).%n",
				this.options.connections, paced.serviceP50Micros() / 1000.0, paced.serviceP99Micros() / 1000.0));
		StringBuilder perRound = new StringBuilder();
		for (int i = 0; i < Math.min(baselines.size(), fulls.size()); i++) {
			perRound.append((i > 0) ? ", " : "")
				.append(String.format(Locale.ROOT, "%.3f",
						BenchTargets.ratio(fulls.get(i).throughput(), baselines.get(i).throughput())));
		}
		out.append(String.format(Locale.ROOT,
				"baseline %,.0f req/s, full path %,.0f req/s (measured runs together): full/baseline %.3f"
						+ " (per round: %s)%n%n",
				BenchTargets.throughput(baselines), BenchTargets.throughput(fulls), verdict.ratio(), perRound));
		verdict.checks().forEach((c) -> out.append(c).append('\n'));
		out.append(verdict.pass() ? "\nAll targets met.\n" : "\nSome targets missed.\n");
		System.out.print(out);
	}

	/**
	 * Flyway's schema and the benchmark's account, through the gateway's own
	 * {@link AccountRegistry} in a short-lived context in this JVM (as the cluster's
	 * seeding does), before the exec jar starts.
	 * @return the account's id
	 */
	private static long seed(DevServers servers, String secretKey, SimulatedAccount account) {
		List<String> args = new ArrayList<>();
		servers.springProperties().forEach((k, v) -> args.add("--" + k + "=" + v));
		Map<String, String> props = new LinkedHashMap<>();
		props.put("server.port", "0");
		props.put("server.address", LOOPBACK);
		props.put("management.server.port", "0");
		props.put("wxops.secrets.key", secretKey);
		props.put("spring.main.banner-mode", "off");
		props.put("logging.level.root", "WARN");
		// Its directory hears the registration it announces while the context closes.
		props.put("logging.level.io.wxops.gateway.account", "ERROR");
		props.put("spring.jmx.enabled", "false");
		props.forEach((k, v) -> args.add("--" + k + "=" + v));
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(GatewayApplication.class)
			.run(args.toArray(String[]::new))) {
			return context.getBean(AccountRegistry.class)
				.register(new NewAccount(account.appId(), account.originalId(), "Benchmark " + account.appId(),
						AccountType.SUBSCRIPTION, MessageMode.SAFE, account.token(), account.aesKey(), null))
				.id();
		}
	}

	private static long rows(DevServers servers, long accountId) throws SQLException {
		try (Connection c = servers.connect();
				PreparedStatement st = c
					.prepareStatement("SELECT COUNT(*) FROM wx_inbound_message WHERE account_id = ?")) {
			st.setLong(1, accountId);
			try (ResultSet rs = st.executeQuery()) {
				rs.next();
				return rs.getLong(1);
			}
		}
	}

	/**
	 * Rows are committed before the answer; a request that timed out may still be
	 * storing.
	 */
	private static long settledRowCount(DevServers servers, long accountId) throws Exception {
		long count = rows(servers, accountId);
		for (int i = 0; i < 10; i++) {
			Thread.sleep(300);
			long again = rows(servers, accountId);
			if (again == count) {
				return count;
			}
			count = again;
		}
		return count;
	}

	private static boolean external(String setting) {
		String value = System.getProperty(setting, System.getenv(setting));
		return value != null && !value.isBlank();
	}

	/**
	 * Before Spring Boot configures logging, Logback logs everything at DEBUG, which for
	 * the embedded MariaDB means pages of server output; the seeding context gets WARN by
	 * property.
	 */
	private static void quietLogging() {
		if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
			context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(Level.WARN);
		}
	}

	static void requireLoopback(String what, String host) {
		if (!LOOPBACK.equals(host) && !"localhost".equals(host)) {
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

	/** One wrk run and what the machine did meanwhile. */
	private record Phase(String name, boolean fullPath, boolean measured, WrkRun.Result result, String cpu) {
	}

	/** Command-line options; every run is bounded by default. */
	static final class Options {

		boolean help;

		int rounds = 2;

		int seconds = 12;

		int warmupSeconds = 10;

		int threads = 2;

		int connections = 32;

		int baselineMessages = 20_000;

		int rate = 1_000;

		int pacedSeconds = 15;

		int pacedWarmupSeconds = 3;

		int pacedConnections = 64;

		String wrk = "/usr/bin/wrk";

		final List<String> gatewayJvm = new ArrayList<>();

		final Map<String, String> gatewayProperties = new LinkedHashMap<>();

		int startupSeconds = 300;

		static Options parse(String[] args) {
			Options o = new Options();
			BenchSupport.parseOptions(args, (name, value) -> {
				switch (name) {
					case "--rounds" -> o.rounds = positive(name, value, 20);
					case "--seconds" -> o.seconds = positive(name, value, 300);
					case "--warmup-seconds" -> o.warmupSeconds = positive(name, value, 300);
					case "--threads" -> o.threads = positive(name, value, 64);
					case "--connections" -> o.connections = positive(name, value, 4096);
					case "--baseline-messages" -> o.baselineMessages = positive(name, value, 1_000_000);
					case "--rate" -> o.rate = positive(name, value, 50_000);
					case "--paced-seconds" -> o.pacedSeconds = positive(name, value, 300);
					case "--paced-warmup-seconds" -> o.pacedWarmupSeconds = positive(name, value, 60);
					case "--paced-connections" -> o.pacedConnections = positive(name, value, 1024);
					case "--wrk" -> o.wrk = value;
					case "--gateway-jvm" -> o.gatewayJvm.add(value);
					case "--gateway-property" -> {
						int split = value.indexOf('=');
						if (split <= 0) {
							throw new IllegalArgumentException("--gateway-property needs KEY=VALUE, got " + value);
						}
						o.gatewayProperties.put(value.substring(0, split), value.substring(split + 1));
					}
					case "--startup-seconds" -> o.startupSeconds = positive(name, value, 3_600);
					default -> throw new IllegalArgumentException("unknown option " + name);
				}
			}, () -> o.help = true);
			if (o.connections < o.threads) {
				throw new IllegalArgumentException("--connections must be at least --threads");
			}
			if ((long) o.rate * (o.pacedSeconds + o.pacedWarmupSeconds) > 3_000_000) {
				throw new IllegalArgumentException("the paced run is limited to 3,000,000 requests");
			}
			return o;
		}

	}

}
