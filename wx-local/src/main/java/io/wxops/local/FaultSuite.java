package io.wxops.local;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.wxops.devkit.simulator.Callback;
import io.wxops.devkit.simulator.SimulatedAccount;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;

/**
 * The fault suite of the one-machine cluster ({@code src/cluster/fault-suite.sh}): drives
 * signed, AES-encrypted follower messages through the gateways' load balancer the way
 * WeChat does (5 s per attempt, up to 3 retries, the next attempt 5 s after the previous
 * one started), injects one fault per scenario through {@code cluster.sh}, and then
 * counts, in the database and at the simulated WeChat, what was stored, routed, filed and
 * acknowledged. A scenario fails on any loss (a message WeChat got a 200 for that is not
 * stored), any duplicate (a message stored, filed or acknowledged twice) and on its own
 * promise (see each scenario). Every wait is bounded.
 *
 * <p>
 * Options ({@code --name=value}): {@code cluster} (the cluster directory holding
 * {@code cluster.env}), {@code scenarios} (e.g. {@code 1,2,3,4,5,6}), {@code messages}
 * (scenario 1), {@code copies} (4), {@code rate} (40: messages/s of the steady load of 2,
 * 3, 4 and 6), {@code seconds} (their duration), {@code outage} (scenario 3, seconds),
 * {@code report} (a file the reports are appended to).
 */
public final class FaultSuite {

	static {
		// The JDK client keeps idle connections 20 minutes and does not retry a POST on
		// one
		// the load balancer closed meanwhile (HAProxy: after 10 s), which would count as
		// a
		// reset the cluster did not cause. WeChat's side closes first here.
		System.setProperty("jdk.httpclient.keepalive.timeout", "5");
	}

	private static final int ATTEMPTS = 4;

	private static final Duration ATTEMPT_SPACING = Duration.ofSeconds(5);

	private static final Pattern JSON_NUMBER = Pattern.compile("\"%s\":(-?\\d+)");

	private final Map<String, String> cluster;

	private final Map<String, String> options;

	private final SimulatedAccount account;

	private final String demoPassword;

	private final String run = Long.toString(System.currentTimeMillis() / 1000 % 1_000_000, 36);

	private final HttpClient api = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final List<Report> reports = new ArrayList<>();

	private FaultSuite(Map<String, String> cluster, Map<String, String> options) {
		this.cluster = cluster;
		this.options = options;
		LocalSettings home = new LocalSettings(Map.of(LocalSettings.HOME, cluster.get("CLUSTER_HOME")));
		this.account = ClusterTools.demoAccount(LocalState.demoSecrets(home));
		this.demoPassword = LocalState.demoPassword(home);
	}

	/** Runs the chosen scenarios; true when every one passed. */
	public static boolean run(Map<String, String> options) throws Exception {
		List<Report> reports = runAll(options);
		return reports.stream().allMatch(Report::passed);
	}

	/** Runs the chosen scenarios and returns their reports (also printed). */
	public static List<Report> runAll(Map<String, String> options) throws Exception {
		Path dir = Path.of(options.getOrDefault("cluster", System.getenv().getOrDefault("CLUSTER_DIR", "")));
		Properties env = new Properties();
		try (var in = Files.newBufferedReader(dir.resolve("cluster.env"))) {
			env.load(in);
		}
		Map<String, String> cluster = new HashMap<>();
		env.forEach((k, v) -> cluster.put(k.toString(), v.toString()));
		cluster.put("CLUSTER_DIR", dir.toString());
		FaultSuite suite = new FaultSuite(cluster, options);
		for (String scenario : options.getOrDefault("scenarios", "1,2,3,4,5,6").split(",")) {
			// The previous scenario's fault may still be healing (a killed gateway
			// started
			// again takes a while on a busy machine): each scenario starts on the whole
			// cluster, or the next fault lands on a cluster already missing an instance.
			double waited = suite.awaitAllHealthy(Duration.ofMinutes(4));
			Report report = switch (scenario.strip()) {
				case "1" -> suite.duplicates();
				case "2" -> suite.gatewayKilled();
				case "3" -> suite.databaseOutage();
				case "4" -> suite.redisFailover();
				case "5" -> suite.massSendHolderKilled();
				case "6" -> suite.rollingRestart();
				default -> throw new IllegalArgumentException("Unknown scenario " + scenario);
			};
			if (waited > 0.5) {
				report.note("started after waiting " + waited + " s for every service to be healthy");
			}
			suite.reports.add(report);
			System.out.println(report.format());
			String file = options.get("report");
			if (file != null) {
				Files.writeString(Path.of(file), report.format() + "\n", StandardCharsets.UTF_8,
						StandardOpenOption.CREATE, StandardOpenOption.APPEND);
			}
		}
		return List.copyOf(suite.reports);
	}

	private int option(String name, int fallback) {
		return Integer.parseInt(this.options.getOrDefault(name, String.valueOf(fallback)));
	}

	// ---------------------------------------------------------------- scenarios

	/**
	 * 1. Distinct messages, each delivered {@code copies} times at once (spread over both
	 * gateways by the load balancer): exactly one stored, routed and filed per message,
	 * one acknowledgement per new ticket.
	 */
	Report duplicates() throws Exception {
		int messages = option("messages", 10_000);
		int copies = option("copies", 4);
		Batch batch = new Batch("s1", messages, Math.max(1, messages / 10));
		Report report = new Report("1. " + messages + " messages x " + copies + " concurrent copies");
		long ackBefore = simulatorCount("customMessageCalls");
		try (Load load = new Load(this.account, URI.create(this.cluster.get("GATEWAY_URL")), 128)) {
			openWindows(batch);
			long start = System.nanoTime();
			for (int i = 0; i < messages; i++) {
				Message m = batch.message(i);
				for (int c = 0; c < copies; c++) {
					load.send(m);
				}
			}
			load.await(Duration.ofMinutes(10));
			report.offered = messages + " messages, " + (messages * copies) + " deliveries in "
					+ seconds(System.nanoTime() - start) + " s";
			count(report, load, batch, ackBefore);
		}
		report.require(report.stored == messages, "stored " + report.stored + " of " + messages);
		report.require(report.acknowledged == messages, "acknowledged " + report.acknowledged + " of " + messages);
		return report;
	}

	/**
	 * 2. kill -9 one gateway under steady load, started again a little later: everything
	 * answered 200 is stored; the rest is retried like WeChat and stored once.
	 */
	Report gatewayKilled() throws Exception {
		Report report = new Report("2. kill -9 gw1 under load");
		return steady(report, "s2", (load, t0) -> {
			sleepUntil(t0, 6);
			long fault = System.nanoTime();
			action("kill", "gw1");
			report.note("gw1 killed at 6 s");
			sleepUntil(t0, 12);
			action("start-async", "gw1");
			return fault;
		}, true);
	}

	/**
	 * 3. The database unreachable (TcpProxy cut) under steady load: callbacks get 503
	 * within WeChat's 5 s, admin-api answers 503 problems, nothing acknowledged is lost,
	 * everything is stored once after recovery.
	 */
	Report databaseOutage() throws Exception {
		int outage = option("outage", 10);
		Report report = new Report("3. database unreachable for " + outage + " s");
		String token = signIn("demo-handler");
		Map<String, LongAdder> adminAnswers = new ConcurrentHashMap<>();
		Report result = steady(report, "s3", (load, t0) -> {
			sleepUntil(t0, 5);
			long fault = System.nanoTime();
			postControl(this.cluster.get("DB_PROXY_CONTROL_URL") + "/cut");
			long end = fault + TimeUnit.SECONDS.toNanos(outage);
			while (System.nanoTime() < end) {
				String answer = adminProbe(token);
				adminAnswers.computeIfAbsent(answer, (k) -> new LongAdder()).increment();
				Thread.sleep(500);
			}
			postControl(this.cluster.get("DB_PROXY_CONTROL_URL") + "/restore");
			report.note("database cut at 5 s for " + outage + " s");
			return fault;
		}, true);
		report.note("admin API during the outage: " + adminAnswers);
		report.require(adminAnswers.keySet().stream().allMatch((a) -> a.startsWith("503 problem")),
				"admin API answered " + adminAnswers.keySet() + " during the outage, not only 503 problems");
		report.require(report.maxLatencyMs < 5_000, "an answer took " + report.maxLatencyMs + " ms (WeChat waits 5 s)");
		report.require(report.answers.getOrDefault("timeout", 0L) == 0, "callbacks timed out");
		return result;
	}

	/**
	 * 4. The Redis primary killed under steady load: Sentinel promotes the replica, the
	 * services follow without a restart, the gateways' account-changed subscription comes
	 * back, nothing is stored twice, acknowledgements (access tokens from Redis) go out.
	 */
	Report redisFailover() throws Exception {
		Report report = new Report("4. Redis primary killed (Sentinel failover)");
		String before = redisPrimary();
		String channel = this.cluster.get("KEY_PREFIX") + ":account-changed";
		AtomicLong resubscribed = new AtomicLong();
		Report result = steady(report, "s4", (load, t0) -> {
			sleepUntil(t0, 5);
			long fault = System.nanoTime();
			action("redis-kill-primary");
			boolean promoted = waitFor(Duration.ofSeconds(30), () -> !before.equals(redisPrimary()));
			report.require(promoted, "Sentinel did not promote a new primary within 30 s");
			report.note("primary " + before + " killed at 5 s; new primary " + redisPrimary() + " after "
					+ seconds(System.nanoTime() - fault) + " s");
			boolean back = waitFor(Duration.ofSeconds(60), () -> subscribers(channel) >= 2);
			resubscribed.set(System.nanoTime() - fault);
			report.require(back, "the gateways' account-changed subscriptions did not come back within 60 s");
			report.note("both gateways subscribed to " + channel + " on the new primary " + seconds(resubscribed.get())
					+ " s after the kill");
			return fault;
		}, true);
		action("redis-restart-old");
		return result;
	}

	/**
	 * 5. One due mass send, two admin instances; the simulated WeChat accepts the sendall
	 * and holds its answer back; the instance waiting for it is killed with -9: exactly
	 * one send reaches WeChat and the send ends FINISHED.
	 */
	Report massSendHolderKilled() throws Exception {
		Report report = new Report("5. kill -9 the admin instance holding a mass send");
		long accountId;
		long department;
		try (Connection c = db()) {
			accountId = queryLong(c, "SELECT id FROM wx_account WHERE app_id = ?", DemoAccount.APP_ID);
			department = queryLong(c, "SELECT id FROM adm_department WHERE code = ?", "publicity");
		}
		String publisher = signIn("demo-publisher");
		String reviewer = signIn("demo-dept-reviewer");
		long sendsBefore = simulatorCount("sends");
		postControl(this.cluster.get("WECHAT_CONTROL_URL") + "/hold-sendall?seconds=40");
		String send = call("POST", "/api/sends", publisher,
				"{\"accountId\":" + accountId + ",\"kind\":\"TEXT\",\"text\":\"本周六图书馆闭馆一天（故障演练 " + this.run
						+ "）\",\"audience\":\"ALL\"," + "\"sendIgnoreReprint\":false,\"departmentId\":" + department
						+ ",\"sensitivity\":\"GENERAL\"}",
				201);
		long id = Long.parseLong(field(send, "id"));
		call("POST", "/api/sends/" + id + "/decision", reviewer,
				"{\"decision\":\"APPROVE\",\"contentHash\":\"" + field(send, "contentHash") + "\"}", 200);
		String preview = call("POST", "/api/sends/" + id + "/preview", publisher, null, 200);
		long t0 = System.nanoTime();
		call("POST", "/api/sends/" + id + "/confirm", publisher,
				"{\"previewHash\":\"" + field(preview, "previewHash") + "\"}", 200);
		boolean sending = waitFor(Duration.ofSeconds(30),
				() -> "SENDING".equals(sendStatus(id)) && simulatorCount("sends") > sendsBefore);
		report.require(sending, "the send did not reach WeChat within 30 s (status " + sendStatus(id) + ")");
		String holder = action("sendall-holder").strip();
		report.note("send " + id + " accepted by WeChat, answer held back; " + holder + " waits for it");
		long fault = System.nanoTime();
		action("kill", holder);
		action("start-async", holder);
		boolean finished = waitFor(Duration.ofSeconds(120), () -> "FINISHED".equals(sendStatus(id)));
		report.recoverSeconds = seconds(System.nanoTime() - fault);
		long sends = simulatorCount("sends") - sendsBefore;
		report.offered = "1 mass send confirmed, sendall answer held 40 s, " + holder + " killed";
		report.stored = sends;
		report.note("send status " + sendStatus(id) + " " + seconds(System.nanoTime() - t0)
				+ " s after confirmation; sends accepted by WeChat: " + sends);
		report.require(sends == 1, "WeChat accepted " + sends + " sends");
		report.require(finished, "the send is " + sendStatus(id) + ", not FINISHED");
		report.duplicates = Math.max(0, sends - 1);
		return report;
	}

	/**
	 * 6. Every service restarted one after the other (SIGTERM, wait, start, wait healthy)
	 * under steady load: not one callback fails (no 5xx, no reset, no timeout).
	 */
	Report rollingRestart() throws Exception {
		Report report = new Report("6. rolling restart of gw1, gw2, admin1, admin2");
		Report result = steady(report, "s6", (load, t0) -> {
			sleepUntil(t0, 3);
			long fault = System.nanoTime();
			for (String service : List.of("gw1", "gw2", "admin1", "admin2")) {
				long started = System.nanoTime();
				action("restart", service);
				report.note(service + " restarted in " + seconds(System.nanoTime() - started) + " s");
			}
			return fault;
		}, false);
		long failed = result.requests - result.answers.getOrDefault("200", 0L);
		report.require(failed == 0, failed + " callback attempts did not get a 200");
		return result;
	}

	// ---------------------------------------------------------------- steady load

	/** What a scenario does while the steady load runs; returns when the fault began. */
	@FunctionalInterface
	interface Fault {

		long inject(Load load, long t0) throws Exception;

	}

	/**
	 * Sends {@code rate} distinct messages a second, one copy each, for {@code seconds}
	 * (longer while the fault is still being injected), then counts.
	 */
	private Report steady(Report report, String tag, Fault fault, boolean storeAll) throws Exception {
		// 40 a second by default: a third of what the two gateways answered at most on
		// this
		// 2-core machine, so one of them can carry it while the other is away (README).
		int rate = option("rate", 40);
		int seconds = option("seconds", 25);
		int capacity = rate * 600;
		Batch batch = new Batch(tag, capacity, Math.max(1, rate * 2));
		long ackBefore = simulatorCount("customMessageCalls");
		ExecutorService faults = Executors.newSingleThreadExecutor();
		try (Load load = new Load(this.account, URI.create(this.cluster.get("GATEWAY_URL")), rate * 40)) {
			openWindows(batch);
			long t0 = System.nanoTime();
			CompletableFuture<Long> injected = CompletableFuture.supplyAsync(() -> {
				try {
					return fault.inject(load, t0);
				}
				catch (Exception ex) {
					throw new CompletionException(ex);
				}
			}, faults);
			int sent = 0;
			long minEnd = t0 + TimeUnit.SECONDS.toNanos(seconds);
			long hardEnd = t0 + TimeUnit.SECONDS.toNanos(600);
			while (sent < capacity && System.nanoTime() < hardEnd
					&& (System.nanoTime() < minEnd || !injected.isDone())) {
				long due = t0 + (long) (sent * 1e9 / rate);
				long wait = due - System.nanoTime();
				if (wait > 0) {
					TimeUnit.NANOSECONDS.sleep(wait);
				}
				load.send(batch.message(sent++));
			}
			long faultAt = injected.get(1, TimeUnit.MINUTES);
			load.await(Duration.ofMinutes(2));
			batch.used = sent;
			report.offered = sent + " messages at " + rate + "/s over " + seconds(System.nanoTime() - t0) + " s";
			long lastFailure = load.lastFailureNanos.get();
			report.recoverSeconds = (lastFailure > faultAt) ? seconds(lastFailure - faultAt) : 0;
			count(report, load, batch, ackBefore);
			if (storeAll) {
				report.require(report.stored == sent, "stored " + report.stored + " of " + sent);
			}
		}
		finally {
			faults.shutdownNow();
		}
		return report;
	}

	// ---------------------------------------------------------------- counting

	/**
	 * Waits (bounded) until routing and acknowledgements settled, then fills the report
	 * from the database and the simulated WeChat.
	 */
	private void count(Report report, Load load, Batch batch, long ackBefore) throws Exception {
		report.requests = load.requests.get();
		report.answers = load.answers();
		report.acknowledged = load.acked.size();
		report.gaveUp = load.gaveUp.size();
		report.p99LatencyMs = load.percentileMs(0.99);
		report.maxLatencyMs = load.percentileMs(1.0);
		long accountId;
		try (Connection c = db()) {
			accountId = queryLong(c, "SELECT id FROM wx_account WHERE app_id = ?", DemoAccount.APP_ID);
		}
		long[] last = new long[1];
		long settling = System.nanoTime();
		waitFor(Duration.ofSeconds(120), () -> {
			Counts counts = counts(accountId, batch);
			boolean settled = counts.routed == counts.stored && counts.entries == counts.stored
					&& counts.ackPending == 0
					&& simulatorCount("customMessageCalls") - ackBefore >= counts.ackSent + counts.ackSending
					&& counts.stored == last[0];
			last[0] = counts.stored;
			return settled;
		});
		double settled = seconds(System.nanoTime() - settling);
		report.note("routing and acknowledgements settled " + settled + " s after the last answer");
		// Routing and acknowledging resume within seconds of a fault's end, not after a
		// lock
		// held by an instance that lost the database expired.
		report.require(settled <= 30, "routing and acknowledgements took " + settled + " s to settle");
		Counts counts = counts(accountId, batch);
		report.stored = counts.stored;
		report.routed = counts.routed;
		report.entries = counts.entries;
		report.tickets = counts.tickets;
		report.acksSent = simulatorCount("customMessageCalls") - ackBefore;
		report.duplicates = counts.duplicateRows + counts.duplicateEntries
				+ Math.max(0, report.acksSent - counts.tickets);
		Set<String> lost = new HashSet<>(load.acked);
		lost.removeAll(counts.storedMsgIds);
		report.lost = lost.size();
		report.require(report.duplicates == 0, report.duplicates + " duplicates");
		report.require(report.lost == 0, report.lost + " messages answered 200 but not stored");
		report.require(report.routed == report.stored, "routed " + report.routed + " of " + report.stored);
		report.require(report.entries == report.stored, "filed " + report.entries + " of " + report.stored);
		report.require(report.acksSent == report.tickets,
				report.acksSent + " acknowledgements for " + report.tickets + " new tickets");
		// An acknowledgement whose outcome could not be written while the database was
		// cut is written again once it is back (up to a minute), so none is left SENDING.
		report.require(counts.ackSending == 0, counts.ackSending + " acknowledgements left SENDING");
		report.note(counts.ackSent + " of " + counts.tickets + " tickets recorded their acknowledgement as sent, "
				+ counts.ackSending + " left SENDING, " + counts.ackPending + " PENDING");
	}

	record Counts(long stored, long routed, long entries, long tickets, long ackSent, long ackPending, long ackSending,
			long duplicateRows, long duplicateEntries, Set<String> storedMsgIds) {
	}

	private Counts counts(long accountId, Batch batch) {
		String like = batch.prefix() + "%";
		try (Connection c = db()) {
			Set<String> ids = new HashSet<>();
			long rows = 0;
			long routed = 0;
			try (PreparedStatement st = c.prepareStatement(
					"SELECT msg_id, routed_at IS NOT NULL FROM wx_inbound_message WHERE account_id = ? AND from_user LIKE ?")) {
				st.setLong(1, accountId);
				st.setString(2, like);
				try (ResultSet rs = st.executeQuery()) {
					while (rs.next()) {
						rows++;
						ids.add(rs.getString(1));
						routed += rs.getBoolean(2) ? 1 : 0;
					}
				}
			}
			long entries = 0;
			long duplicateEntries = 0;
			try (PreparedStatement st = c.prepareStatement(
					"SELECT COUNT(e.id) FROM wx_inbound_message m JOIN inb_ticket_entry e ON e.inbound_message_id = m.id"
							+ " WHERE m.account_id = ? AND m.from_user LIKE ? GROUP BY m.id")) {
				st.setLong(1, accountId);
				st.setString(2, like);
				try (ResultSet rs = st.executeQuery()) {
					while (rs.next()) {
						entries++;
						duplicateEntries += rs.getLong(1) - 1;
					}
				}
			}
			long tickets = 0;
			long ackSent = 0;
			long ackPending = 0;
			long ackSending = 0;
			try (PreparedStatement st = c.prepareStatement("SELECT COUNT(*), COALESCE(SUM(ack_status = 'SENT'), 0),"
					+ " COALESCE(SUM(ack_status = 'PENDING'), 0), COALESCE(SUM(ack_status = 'SENDING'), 0)"
					+ " FROM inb_ticket WHERE account_id = ? AND openid LIKE ?")) {
				st.setLong(1, accountId);
				st.setString(2, like);
				try (ResultSet rs = st.executeQuery()) {
					rs.next();
					tickets = rs.getLong(1);
					ackSent = rs.getLong(2);
					ackPending = rs.getLong(3);
					ackSending = rs.getLong(4);
				}
			}
			return new Counts(rows, routed, entries, tickets, ackSent, ackPending, ackSending, rows - ids.size(),
					duplicateEntries, ids);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Counting failed: " + ex.getMessage(), ex);
		}
	}

	private Connection db() throws SQLException {
		return DriverManager.getConnection(this.cluster.get("DB_URL"), this.cluster.get("DB_USER"),
				this.cluster.getOrDefault("DB_PASSWORD", ""));
	}

	private static long queryLong(Connection c, String sql, Object parameter) throws SQLException {
		try (PreparedStatement st = c.prepareStatement(sql)) {
			st.setObject(1, parameter);
			try (ResultSet rs = st.executeQuery()) {
				if (!rs.next()) {
					throw new IllegalStateException("No row for " + sql + " (" + parameter + ")");
				}
				return rs.getLong(1);
			}
		}
	}

	private String sendStatus(long id) {
		try (Connection c = db();
				PreparedStatement st = c.prepareStatement("SELECT status FROM ms_send WHERE id = ?")) {
			st.setLong(1, id);
			try (ResultSet rs = st.executeQuery()) {
				return rs.next() ? rs.getString(1) : "missing";
			}
		}
		catch (SQLException ex) {
			return "unknown (" + ex.getMessage() + ")";
		}
	}

	// ---------------------------------------------------------------- the cluster

	/** Runs {@code cluster.sh <action> <args>} and returns what it printed. */
	private String action(String... args) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>();
		command.add(this.cluster.get("SCRIPT"));
		command.addAll(Arrays.asList(args));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment().put("CLUSTER_DIR", this.cluster.get("CLUSTER_DIR"));
		Process process = builder.start();
		byte[] output = process.getInputStream().readAllBytes();
		if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
			throw new IllegalStateException(
					"cluster.sh " + String.join(" ", args) + " failed: " + new String(output, StandardCharsets.UTF_8));
		}
		String text = new String(output, StandardCharsets.UTF_8);
		String[] lines = text.strip().split("\n");
		return lines[lines.length - 1];
	}

	private String redisPrimary() {
		for (String sentinel : this.cluster.get("REDIS_SENTINELS").split(",")) {
			try (Jedis jedis = jedis(sentinel)) {
				List<String> address = jedis.sentinelGetMasterAddrByName(this.cluster.get("REDIS_MASTER"));
				return address.get(0) + ":" + address.get(1);
			}
			catch (RuntimeException ex) {
				// the next Sentinel
			}
		}
		return "unknown";
	}

	private long subscribers(String channel) {
		try (Jedis jedis = jedis(redisPrimary())) {
			return jedis.pubsubNumSub(channel).getOrDefault(channel, 0L);
		}
		catch (RuntimeException ex) {
			return -1;
		}
	}

	private static Jedis jedis(String hostAndPort) {
		HostAndPort address = HostAndPort.from(hostAndPort);
		return new Jedis(address.getHost(), address.getPort(), 1000);
	}

	private long simulatorCount(String name) {
		try {
			HttpResponse<String> r = this.api
				.send(HttpRequest.newBuilder(URI.create(this.cluster.get("WECHAT_CONTROL_URL") + "/counts"))
					.timeout(Duration.ofSeconds(5))
					.build(), HttpResponse.BodyHandlers.ofString());
			Matcher m = Pattern.compile(String.format(JSON_NUMBER.pattern(), name)).matcher(r.body());
			if (!m.find()) {
				throw new IllegalStateException("No " + name + " in " + r.body());
			}
			return Long.parseLong(m.group(1));
		}
		catch (IOException ex) {
			throw new IllegalStateException("The simulator's control port did not answer: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private void postControl(String url) throws IOException, InterruptedException {
		HttpResponse<String> r = this.api.send(HttpRequest.newBuilder(URI.create(url))
			.timeout(Duration.ofSeconds(5))
			.POST(HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.ofString());
		if (r.statusCode() != 200) {
			throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + r.body());
		}
	}

	/**
	 * Opens the customer-service windows of a batch's followers at the simulated WeChat.
	 */
	private void openWindows(Batch batch) throws IOException, InterruptedException {
		StringBuilder body = new StringBuilder();
		for (int k = 0; k < batch.followers; k++) {
			body.append(batch.openid(k)).append('\n');
		}
		HttpResponse<String> r = this.api
			.send(HttpRequest.newBuilder(URI.create(this.cluster.get("WECHAT_CONTROL_URL") + "/messaged"))
				.timeout(Duration.ofSeconds(30))
				.POST(HttpRequest.BodyPublishers.ofString(body.toString()))
				.build(), HttpResponse.BodyHandlers.ofString());
		if (r.statusCode() != 200) {
			throw new IllegalStateException("The simulator did not take the followers: " + r.body());
		}
	}

	private String signIn(String username) throws IOException, InterruptedException {
		String body = call("POST", "/api/session", null,
				"{\"username\":\"" + username + "\",\"password\":\"" + this.demoPassword + "\"}", 200);
		return field(body, "token");
	}

	private String call(String method, String path, String token, String json, int expected)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.cluster.get("ADMIN_URL") + path))
			.timeout(Duration.ofSeconds(30))
			.method(method, (json != null) ? HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)
					: HttpRequest.BodyPublishers.noBody());
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		HttpResponse<String> r = this.api.send(request.build(), HttpResponse.BodyHandlers.ofString());
		if (r.statusCode() != expected && !(expected == 201 && r.statusCode() == 200)) {
			throw new IllegalStateException(method + " " + path + " answered " + r.statusCode() + ": " + r.body());
		}
		return r.body();
	}

	/** One admin API call that needs the database, as "status kind". */
	private String adminProbe(String token) {
		try {
			HttpResponse<String> r = this.api
				.send(HttpRequest.newBuilder(URI.create(this.cluster.get("ADMIN_URL") + "/api/tickets?size=1"))
					.header("Authorization", "Bearer " + token)
					.timeout(Duration.ofSeconds(10))
					.build(), HttpResponse.BodyHandlers.ofString());
			String type = r.headers().firstValue("Content-Type").orElse("");
			return r.statusCode() + (type.startsWith("application/problem+json") ? " problem" : " " + type);
		}
		catch (IOException ex) {
			return "io-error " + ex.getClass().getSimpleName();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "interrupted";
		}
	}

	static String field(String json, String name) {
		Matcher m = Pattern.compile("\"" + name + "\":\"?([^\",}]*)").matcher(json);
		if (!m.find()) {
			throw new IllegalStateException("No " + name + " in " + json);
		}
		return m.group(1);
	}

	/**
	 * Waits until the four services answer their health check and the load balancers have
	 * seen them (two passed checks, 500 ms apart); returns the seconds waited.
	 */
	double awaitAllHealthy(Duration limit) throws InterruptedException {
		long start = System.nanoTime();
		List<String> ports = List.of("GW1_PORT", "GW2_PORT", "ADMIN1_PORT", "ADMIN2_PORT");
		BooleanSupplier healthy = () -> ports.stream().allMatch((port) -> {
			try {
				HttpResponse<Void> answer = this.api.send(HttpRequest
					.newBuilder(URI.create("http://127.0.0.1:" + this.cluster.get(port) + "/actuator/health"))
					.timeout(Duration.ofSeconds(2))
					.build(), HttpResponse.BodyHandlers.discarding());
				return answer.statusCode() == 200;
			}
			catch (java.io.IOException ex) {
				return false;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
		});
		if (healthy.getAsBoolean()) {
			return 0;
		}
		if (!waitFor(limit, healthy)) {
			throw new IllegalStateException("The cluster's services were not all healthy within " + limit);
		}
		Thread.sleep(1_500);
		return seconds(System.nanoTime() - start);
	}

	private static boolean waitFor(Duration limit, BooleanSupplier condition) throws InterruptedException {
		long end = System.nanoTime() + limit.toNanos();
		while (System.nanoTime() < end) {
			if (condition.getAsBoolean()) {
				return true;
			}
			Thread.sleep(250);
		}
		return condition.getAsBoolean();
	}

	private static void sleepUntil(long t0, int second) throws InterruptedException {
		long wait = t0 + TimeUnit.SECONDS.toNanos(second) - System.nanoTime();
		if (wait > 0) {
			TimeUnit.NANOSECONDS.sleep(wait);
		}
	}

	static double seconds(long nanos) {
		return Math.round(nanos / 1e8) / 10.0;
	}

	// ---------------------------------------------------------------- messages and load

	record Message(String openid, String msgId, String xml) {
	}

	/** A scenario's messages: distinct MsgIds from a pool of followers of this run. */
	final class Batch {

		final String tag;

		final int size;

		final int followers;

		final long base;

		int used;

		Batch(String tag, int size, int followers) {
			this.tag = tag;
			this.size = size;
			this.followers = followers;
			this.base = System.currentTimeMillis() * 1000;
			this.used = size;
		}

		String prefix() {
			return "o_" + this.tag + "_" + FaultSuite.this.run + "_";
		}

		String openid(int k) {
			return prefix() + k;
		}

		Message message(int i) {
			String openid = openid(i % this.followers);
			String msgId = Long.toString(this.base + i);
			String text = switch (i % 3) {
				case 0 -> "投诉：宿舍热水不足 #" + i;
				case 1 -> "建议图书馆延长开放时间 #" + i;
				default -> "请问什么时候放假 #" + i;
			};
			String xml = "<xml><ToUserName><![CDATA[" + DemoAccount.ORIGINAL_ID
					+ "]]></ToUserName><FromUserName><![CDATA[" + openid + "]]></FromUserName><CreateTime>"
					+ (System.currentTimeMillis() / 1000)
					+ "</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[" + text
					+ "]]></Content><MsgId>" + msgId + "</MsgId></xml>";
			return new Message(openid, msgId, xml);
		}

	}

	/**
	 * Delivers callbacks like WeChat: each attempt waits up to 5 s; a timeout, a 5xx or a
	 * broken connection is tried again 5 s after the attempt began, up to 4 attempts in
	 * all; a 200 or a 4xx ends it.
	 */
	static final class Load implements AutoCloseable {

		private final HttpClient http;

		private final ExecutorService executor = Executors.newFixedThreadPool(4);

		private final java.util.concurrent.ScheduledExecutorService timer = Executors
			.newSingleThreadScheduledExecutor();

		private final SimulatedAccount account;

		private final URI gateway;

		private final Semaphore inFlight;

		private final Map<String, LongAdder> answers = new ConcurrentHashMap<>();

		private final ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();

		final Set<String> acked = ConcurrentHashMap.newKeySet();

		final Set<String> gaveUp = ConcurrentHashMap.newKeySet();

		final AtomicLong requests = new AtomicLong();

		final AtomicLong lastFailureNanos = new AtomicLong();

		private final AtomicInteger pending = new AtomicInteger();

		Load(SimulatedAccount account, URI gateway, int maxInFlight) {
			this.account = account;
			this.gateway = gateway;
			this.inFlight = new Semaphore(maxInFlight);
			this.http = HttpClient.newBuilder()
				.version(HttpClient.Version.HTTP_1_1)
				.connectTimeout(Duration.ofSeconds(2))
				.executor(this.executor)
				.build();
		}

		/**
		 * Starts one delivery (with its retries); blocks while too many are in flight.
		 */
		void send(Message message) throws InterruptedException {
			this.inFlight.acquire();
			this.pending.incrementAndGet();
			attempt(message, 1).whenComplete((v, ex) -> {
				this.inFlight.release();
				this.pending.decrementAndGet();
			});
		}

		private CompletableFuture<Void> attempt(Message message, int n) {
			Callback callback = Callback.seal(this.account, message.xml(), message.openid());
			HttpRequest request = HttpRequest
				.newBuilder(this.gateway.resolve("/wx/" + this.account.appId() + "/callback?" + callback.query()))
				.timeout(ATTEMPT_SPACING)
				.header("Content-Type", "text/xml; charset=utf-8")
				.POST(HttpRequest.BodyPublishers.ofString(callback.body(), StandardCharsets.UTF_8))
				.build();
			long started = System.nanoTime();
			this.requests.incrementAndGet();
			return this.http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((response, failure) -> {
				long now = System.nanoTime();
				this.latencies.add((now - started) / 1_000);
				String outcome = (failure == null) ? String.valueOf(response.statusCode()) : classify(failure);
				this.answers.computeIfAbsent(outcome, (k) -> new LongAdder()).increment();
				if (failure == null && response.statusCode() == 200) {
					this.acked.add(message.msgId());
					return CompletableFuture.<Void>completedFuture(null);
				}
				this.lastFailureNanos.accumulateAndGet(now, Math::max);
				if (failure == null && response.statusCode() < 500) {
					this.gaveUp.add(message.msgId());
					return CompletableFuture.<Void>completedFuture(null);
				}
				if (n >= ATTEMPTS) {
					this.gaveUp.add(message.msgId());
					return CompletableFuture.<Void>completedFuture(null);
				}
				long delay = Math.max(0, ATTEMPT_SPACING.toNanos() - (now - started));
				CompletableFuture<Void> next = new CompletableFuture<>();
				this.timer.schedule(() -> attempt(message, n + 1).whenComplete((v, ex) -> next.complete(null)), delay,
						TimeUnit.NANOSECONDS);
				return next;
			}).thenCompose((f) -> f);
		}

		private static String classify(Throwable failure) {
			Throwable cause = (failure instanceof CompletionException && failure.getCause() != null)
					? failure.getCause() : failure;
			if (cause instanceof HttpConnectTimeoutException) {
				return "connect-timeout";
			}
			if (cause instanceof HttpTimeoutException) {
				return "timeout";
			}
			if (cause instanceof ConnectException) {
				return "refused";
			}
			return "io-error";
		}

		/** Waits (bounded) until every delivery ended. */
		void await(Duration limit) throws InterruptedException {
			long end = System.nanoTime() + limit.toNanos();
			while (this.pending.get() > 0 && System.nanoTime() < end) {
				Thread.sleep(100);
			}
			if (this.pending.get() > 0) {
				throw new IllegalStateException(this.pending.get() + " deliveries still running after " + limit);
			}
		}

		Map<String, Long> answers() {
			Map<String, Long> copy = new TreeMap<>();
			this.answers.forEach((k, v) -> copy.put(k, v.sum()));
			return copy;
		}

		long percentileMs(double p) {
			List<Long> sorted = new ArrayList<>(this.latencies);
			if (sorted.isEmpty()) {
				return 0;
			}
			Collections.sort(sorted);
			int index = (int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1);
			return sorted.get(Math.max(0, index)) / 1_000;
		}

		@Override
		public void close() {
			this.timer.shutdownNow();
			this.executor.shutdownNow();
		}

	}

	/** One scenario's figures and verdict. */
	public static final class Report {

		final String name;

		String offered = "";

		long requests;

		Map<String, Long> answers = new LinkedHashMap<>();

		long acknowledged;

		long gaveUp;

		long stored;

		long routed;

		long entries;

		long tickets;

		long acksSent;

		long duplicates;

		long lost;

		long p99LatencyMs;

		long maxLatencyMs;

		double recoverSeconds;

		private final List<String> notes = new ArrayList<>();

		private final List<String> failures = new ArrayList<>();

		Report(String name) {
			this.name = name;
		}

		void require(boolean condition, String failure) {
			if (!condition) {
				this.failures.add(failure);
			}
		}

		void note(String note) {
			this.notes.add(note);
		}

		public boolean passed() {
			return this.failures.isEmpty();
		}

		public List<String> failures() {
			return List.copyOf(this.failures);
		}

		public String format() {
			StringBuilder out = new StringBuilder();
			out.append("=== ").append(this.name).append(": ").append(passed() ? "PASS" : "FAIL").append('\n');
			out.append("  offered:      ")
				.append(this.offered)
				.append(" (")
				.append(this.requests)
				.append(" requests)\n");
			out.append("  answers:      ").append(this.answers).append('\n');
			out.append("  answered 200: ")
				.append(this.acknowledged)
				.append(" messages; WeChat gave up on ")
				.append(this.gaveUp)
				.append('\n');
			out.append("  stored:       ")
				.append(this.stored)
				.append(", routed ")
				.append(this.routed)
				.append(", ticket entries ")
				.append(this.entries)
				.append(", new tickets ")
				.append(this.tickets)
				.append(", acknowledgements sent ")
				.append(this.acksSent)
				.append('\n');
			out.append("  duplicates:   ").append(this.duplicates).append(", lost ").append(this.lost).append('\n');
			out.append("  latency:      p99 ")
				.append(this.p99LatencyMs)
				.append(" ms, max ")
				.append(this.maxLatencyMs)
				.append(" ms; recovered ")
				.append(this.recoverSeconds)
				.append(" s after the fault\n");
			for (String note : this.notes) {
				out.append("  note:         ").append(note).append('\n');
			}
			for (String failure : this.failures) {
				out.append("  FAILED:       ").append(failure).append('\n');
			}
			out.append("  at ").append(Instant.now());
			return out.toString();
		}

	}

}
