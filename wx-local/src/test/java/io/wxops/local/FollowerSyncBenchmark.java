package io.wxops.local;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.wxops.admin.AdminApplication;
import io.wxops.admin.follower.FollowerSync;
import io.wxops.admin.security.Caller;
import io.wxops.devkit.DevServers;
import io.wxops.devkit.bench.BenchSupport;
import io.wxops.local.LocalState.DemoSecrets;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The follower sync at scale: {@code --followers} (1,000,000) synthetic followers synced
 * from the WeChat simulator running in its own process ({@code ClusterTools wechat}, as
 * the cluster runs it) into admin-api running in a JVM of its own with at most
 * {@code --admin-heap} (512m) of heap, against the embedded MariaDB and Redis. The
 * target: done within {@code --target-minutes} (5), every follower stored exactly once.
 *
 * <pre>
 * ./mvnw -q -B -pl wx-local -am -Dbench=followers -DskipTests test
 * ./mvnw -q -B -pl wx-local -am -Dbench=followers -DskipTests test -Dexec.args="--followers 100000"
 * </pre>
 *
 * This process starts the servers and the two others, and checks the rows afterwards; the
 * admin process ({@code --worker}) registers the demo account, starts the sync through
 * {@link FollowerSync}, prints its progress and its peak heap, and exits. Exit status 0
 * when the target was met, 1 when not, 2 when the benchmark could not run.
 */
public final class FollowerSyncBenchmark {

	static final String USAGE = """
			Usage: FollowerSyncBenchmark [options]
			  --followers N        followers in the simulator (default 1000000, at most 5000000)
			  --target-minutes N   the target (default 5)
			  --admin-heap SIZE    -Xmx of the admin process (default 512m)
			  --limit-minutes N    give up after this long (default 20)""";

	public static void main(String[] args) {
		if (args.length > 0 && "--worker".equals(args[0])) {
			BenchSupport.runAndExit(USAGE, () -> worker(args));
			return;
		}
		BenchSupport.runAndExit(USAGE, () -> orchestrate(args));
	}

	private static int orchestrate(String[] args) throws Exception {
		Map<String, String> o = new LinkedHashMap<>(
				Map.of("followers", "1000000", "target-minutes", "5", "admin-heap", "512m", "limit-minutes", "20"));
		BenchSupport.parseOptions(args, (name, value) -> {
			String key = name.startsWith("--") ? name.substring(2) : name;
			if (!o.containsKey(key)) {
				throw new IllegalArgumentException("unknown option " + name);
			}
			o.put(key, value);
		}, () -> {
			System.out.println(USAGE);
			System.exit(0);
		});
		int followers = BenchSupport.positive("followers", o.get("followers"), 5_000_000);
		int targetMinutes = BenchSupport.positive("target-minutes", o.get("target-minutes"), 600);
		int limitMinutes = BenchSupport.positive("limit-minutes", o.get("limit-minutes"), 600);
		Path home = Files.createTempDirectory("wxops-follower-bench");
		LocalSettings settings = new LocalSettings(Map.of(LocalSettings.HOME, home.toString()));
		LocalState.demoSecrets(settings);
		DevServers servers = DevServers.start(DevServers.Mode.SHARED);
		String classpath = classpath();
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		int apiPort = freePort();
		List<String> wechat = List.of(java, "-Xmx512m", "-cp", classpath, ClusterTools.class.getName(), "wechat",
				"--home=" + home, "--api-port=" + apiPort, "--control-port=" + freePort(), "--follower-port=0",
				"--gateway=http://127.0.0.1:9", "--followers=" + followers);
		Process simulator = new ProcessBuilder(wechat).redirectErrorStream(true)
			.redirectOutput(home.resolve("wechat.log").toFile())
			.start();
		try {
			awaitPort(apiPort, Duration.ofSeconds(120));
			System.out.printf(Locale.ROOT,
					"%nFollower sync benchmark: %,d followers, %d cores, Java %s; simulator pid %d on port %d;"
							+ " load average before: %s%n",
					followers, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
					simulator.pid(), apiPort, BenchSupport.loadAverage());
			List<String> admin = new ArrayList<>(
					List.of(java, "-Xmx" + o.get("admin-heap"), "-cp", classpath, FollowerSyncBenchmark.class.getName(),
							"--worker", home.toString(), "http://127.0.0.1:" + apiPort, String.valueOf(limitMinutes)));
			servers.springProperties().forEach((k, v) -> admin.add(k + "=" + v));
			Process worker = new ProcessBuilder(admin).redirectErrorStream(true).start();
			String result = null;
			try (BufferedReader out = new BufferedReader(
					new InputStreamReader(worker.getInputStream(), StandardCharsets.UTF_8))) {
				for (String line = out.readLine(); line != null; line = out.readLine()) {
					if (line.startsWith("BENCH ")) {
						System.out.println("  " + line.substring(6));
					}
					if (line.startsWith("BENCH RESULT ")) {
						result = line;
					}
				}
			}
			if (!worker.waitFor(limitMinutes + 2L, TimeUnit.MINUTES) || worker.exitValue() != 0 || result == null) {
				System.out.println("The admin process failed (exit " + (worker.isAlive() ? "none" : worker.exitValue())
						+ "); its log is above only in part, run with --followers 1000 to see it.");
				worker.destroyForcibly();
				return 2;
			}
			JdbcTemplate jdbc = new JdbcTemplate(new org.springframework.jdbc.datasource.DriverManagerDataSource(
					servers.jdbcUrl(), servers.dbUser(), servers.dbPassword()));
			long rows = jdbc.queryForObject(
					"SELECT COUNT(*) FROM wx_follower f JOIN wx_account a ON a.id = f.account_id "
							+ "WHERE a.app_id = ? AND f.subscribed AND f.openid LIKE 'oSIM%'",
					Long.class, DemoAccount.APP_ID);
			long distinct = jdbc.queryForObject(
					"SELECT COUNT(DISTINCT f.openid) FROM wx_follower f JOIN wx_account a ON a.id = f.account_id "
							+ "WHERE a.app_id = ?",
					Long.class, DemoAccount.APP_ID);
			double seconds = Double.parseDouble(result.replaceAll(".*seconds=([0-9.]+).*", "$1"));
			boolean met = rows == followers && distinct == followers && seconds <= targetMinutes * 60.0;
			System.out.printf(Locale.ROOT,
					"  rows %,d (distinct %,d) of %,d; %.1f s (target %d min); load average after: %s%n  %s%n", rows,
					distinct, followers, seconds, targetMinutes, BenchSupport.loadAverage(),
					met ? "TARGET MET" : "TARGET MISSED");
			return met ? 0 : 1;
		}
		finally {
			simulator.destroy();
			simulator.waitFor(10, TimeUnit.SECONDS);
		}
	}

	/** The admin process: args are --worker, home, api host, limit minutes, then k=v. */
	private static int worker(String[] args) throws Exception {
		Path home = Path.of(args[1]);
		String apiHost = args[2];
		int limitMinutes = Integer.parseInt(args[3]);
		LocalSettings settings = new LocalSettings(Map.of(LocalSettings.HOME, home.toString()));
		DemoSecrets secrets = LocalState.demoSecrets(settings);
		List<String> springArgs = new ArrayList<>();
		springArgs.add("--spring.config.location=" + LocalLauncher.ownApplicationYml(AdminApplication.class));
		for (int i = 4; i < args.length; i++) {
			springArgs.add("--" + args[i]);
		}
		springArgs.add("--server.port=0");
		springArgs.add("--server.address=127.0.0.1");
		springArgs.add("--management.server.port=0");
		springArgs.add("--wxops.secrets.key=" + LocalState.secretKey(settings).base64());
		springArgs.add("--wxops.audit.hmac-key="
				+ LocalState.auditKey(settings, LocalSettings.AUDIT_HMAC_KEY, LocalState.AUDIT_HMAC_KEY_FILE).base64());
		springArgs.add("--wxops.audit.signing-key="
				+ LocalState.auditKey(settings, LocalSettings.AUDIT_SIGNING_KEY, LocalState.AUDIT_SIGNING_KEY_FILE)
					.base64());
		springArgs.add("--wxops.wechat.api-host=" + apiHost);
		springArgs.add("--wxops.admin.followers.slice=60s");
		springArgs.add("--logging.level.root=WARN");
		springArgs.add("--spring.main.banner-mode=off");
		try (ConfigurableApplicationContext admin = new SpringApplicationBuilder(AdminApplication.class)
			.web(WebApplicationType.SERVLET)
			.bannerMode(Banner.Mode.OFF)
			.run(springArgs.toArray(String[]::new))) {
			long accountId = DemoAccount.seed(admin, secrets) != null
					? admin.getBean(JdbcTemplate.class)
						.queryForObject("SELECT id FROM wx_account WHERE app_id = ?", Long.class, DemoAccount.APP_ID)
					: 0;
			FollowerSync sync = admin.getBean(FollowerSync.class);
			System.gc();
			resetPeaks();
			long started = System.nanoTime();
			sync.start(Caller.system("follower-bench"), accountId);
			long deadline = started + TimeUnit.MINUTES.toNanos(limitMinutes);
			FollowerSync.Progress p = sync.progress(accountId);
			while (p.state() != FollowerSync.State.COMPLETE && System.nanoTime() < deadline) {
				Thread.sleep(10_000);
				p = sync.progress(accountId);
				System.out.printf(Locale.ROOT, "BENCH %5.0f s: %s %,d/%s, %s/s, ETA %s s, heap used %d MB%n",
						(System.nanoTime() - started) / 1e9, p.state(), p.done(),
						(p.total() != null) ? String.format(Locale.ROOT, "%,d", p.total()) : "?", p.ratePerSecond(),
						p.etaSeconds(), usedHeapMb());
				if (p.state() == FollowerSync.State.FAILED || p.state() == FollowerSync.State.PAUSED) {
					break;
				}
			}
			double seconds = (System.nanoTime() - started) / 1e9;
			System.out.printf(Locale.ROOT, "BENCH RESULT state=%s done=%d seconds=%.1f peakHeapMB=%d maxHeapMB=%d%n",
					p.state(), p.done(), seconds, peakHeapMb(), Runtime.getRuntime().maxMemory() >> 20);
			return (p.state() == FollowerSync.State.COMPLETE) ? 0 : 1;
		}
	}

	private static void resetPeaks() {
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				pool.resetPeakUsage();
			}
		}
	}

	private static long peakHeapMb() {
		long peak = 0;
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				peak += pool.getPeakUsage().getUsed();
			}
		}
		return peak >> 20;
	}

	private static long usedHeapMb() {
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
	}

	/** The test classpath, also under exec:java (which loads it in a class loader). */
	private static String classpath() {
		List<String> entries = new ArrayList<>();
		for (ClassLoader l = Thread.currentThread().getContextClassLoader(); l != null; l = l.getParent()) {
			if (l instanceof URLClassLoader urls) {
				for (URL url : urls.getURLs()) {
					try {
						entries.add(new File(url.toURI()).getPath());
					}
					catch (Exception ex) {
						entries.add(url.getPath());
					}
				}
			}
		}
		if (entries.isEmpty()) {
			return System.getProperty("java.class.path");
		}
		return String.join(File.pathSeparator, entries);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static void awaitPort(int port, Duration limit) throws InterruptedException {
		long deadline = System.nanoTime() + limit.toNanos();
		while (System.nanoTime() < deadline) {
			try (Socket s = new Socket("127.0.0.1", port)) {
				return;
			}
			catch (IOException ex) {
				Thread.sleep(200);
			}
		}
		throw new IllegalStateException("The simulator did not listen on port " + port + " within " + limit);
	}

}
