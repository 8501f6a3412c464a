package io.wxops.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The part of the fault suite that runs in {@code ./mvnw verify} (integration-test phase,
 * after wx-local.jar and the services' exec jars are packaged): the one-machine cluster
 * of {@code src/cluster/cluster.sh} (two gateways and two admin instances from their exec
 * jars behind HAProxy, Redis with Sentinel, a database behind a TCP proxy, the WeChat
 * simulator) and scenarios 1, 3 and 4 with small counts. The full suite is
 * {@code src/cluster/fault-suite.sh}. Needs haproxy and redis-sentinel (Debian packages;
 * {@code .ci/run} installs them) and a MariaDB/MySQL on {@code WXOPS_CLUSTER_DB} (default
 * 127.0.0.1:3306, root without password): the cluster script fails with what is missing.
 */
@Timeout(value = 7, unit = TimeUnit.MINUTES)
class ClusterFaultSuiteIT {

	private static final Path SCRIPT = Path.of("..", "src", "cluster", "cluster.sh").toAbsolutePath().normalize();

	private static Path dir;

	@BeforeAll
	static void startCluster() throws Exception {
		dir = Files.createTempDirectory("wxops-cluster-it");
		Files.delete(dir);
		// About 90 s on a quiet 2-core machine, several minutes on a crowded one.
		String output = script(360, "up");
		assertThat(Files.exists(dir.resolve("cluster.env"))).as("cluster.sh up:\n" + output).isTrue();
	}

	@AfterAll
	static void stopCluster() throws Exception {
		if (dir != null) {
			script(90, "down");
		}
	}

	@Test
	void everyMessageIsKeptExactlyOnceThroughDuplicatesADatabaseOutageAndARedisFailover() throws Exception {
		List<FaultSuite.Report> reports = FaultSuite.runAll(Map.of("cluster", dir.toString(), "scenarios", "1,3,4",
				"messages", "400", "copies", "4", "rate", "20", "seconds", "15", "outage", "10"));
		assertThat(reports).hasSize(3);
		for (FaultSuite.Report report : reports) {
			assertThat(report.failures()).as(report.format()).isEmpty();
		}
	}

	private static String script(int seconds, String command) throws IOException, InterruptedException {
		ProcessBuilder builder = new ProcessBuilder(SCRIPT.toString(), command).redirectErrorStream(true);
		builder.environment().put("CLUSTER_DIR", dir.toString());
		Process process = builder.start();
		Path log = Files.createTempFile("cluster-" + command, ".log");
		Thread pump = new Thread(() -> {
			try {
				Files.copy(process.getInputStream(), log, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
			}
			catch (IOException ex) {
				// the log stays as far as it got
			}
		});
		pump.start();
		boolean ended = process.waitFor(seconds, TimeUnit.SECONDS);
		if (!ended) {
			process.destroy();
		}
		pump.join(5_000);
		String output = Files.readString(log, StandardCharsets.UTF_8);
		assertThat(ended).as("cluster.sh " + command + " did not end within " + seconds + " s:\n" + output).isTrue();
		assertThat(process.exitValue()).as("cluster.sh " + command + ":\n" + output).isZero();
		return output;
	}

}
