package io.wxops.gateway.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.wxops.devkit.DevServers;

/**
 * The gateway under test: its exec jar in a JVM of its own, configured only as an
 * operator would, through the {@code WXOPS_*} environment (README, "Running in
 * production"), plus {@code wxops.gateway.baseline-endpoint=true}. Its output goes to a
 * log file.
 */
final class GatewayProcess implements AutoCloseable {

	private final Process process;

	private final int port;

	private final Path log;

	private GatewayProcess(Process process, int port, Path log) {
		this.process = process;
		this.port = port;
		this.log = log;
	}

	/**
	 * Starts the jar against the servers and waits (at most {@code startupSeconds}) until
	 * its public health endpoint answers 200.
	 * @param jvmOptions options of the gateway's JVM (none: the JVM's defaults)
	 * @param properties extra Spring properties ({@code --key=value} arguments)
	 */
	static GatewayProcess start(Path jar, DevServers servers, String secretKey, List<String> jvmOptions,
			Map<String, String> properties, Path log, int startupSeconds) throws IOException, InterruptedException {
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException("No gateway exec jar at " + jar
					+ ": run the benchmark through Maven's verify phase (README, \"Benchmark\"), which packages it");
		}
		int port = freePort();
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(jvmOptions);
		command.add("-jar");
		command.add(jar.toString());
		command.add("--wxops.gateway.baseline-endpoint=true");
		command.add("--server.address=127.0.0.1");
		properties.forEach((k, v) -> command.add("--" + k + "=" + v));
		ProcessBuilder pb = new ProcessBuilder(command);
		Map<String, String> env = pb.environment();
		env.put("WXOPS_DB_URL", servers.jdbcUrl());
		env.put("WXOPS_DB_USERNAME", servers.dbUser());
		env.put("WXOPS_DB_PASSWORD", servers.dbPassword());
		env.put("WXOPS_REDIS_URL", servers.redisUrl());
		env.put("WXOPS_REDIS_KEY_PREFIX", servers.keyPrefix());
		env.put("WXOPS_SECRET_KEY", secretKey);
		env.put("WXOPS_GATEWAY_PORT", String.valueOf(port));
		env.put("WXOPS_GATEWAY_MANAGEMENT_PORT", String.valueOf(freePort()));
		env.put("WXOPS_MANAGEMENT_ADDRESS", "127.0.0.1");
		pb.redirectErrorStream(true);
		pb.redirectOutput(log.toFile());
		pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
		GatewayProcess gateway = new GatewayProcess(pb.start(), port, log);
		try {
			gateway.awaitHealthy(startupSeconds);
		}
		catch (IOException | InterruptedException | RuntimeException ex) {
			gateway.close();
			throw ex;
		}
		return gateway;
	}

	private void awaitHealthy(int startupSeconds) throws IOException, InterruptedException {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
		HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/actuator/health"))
			.timeout(Duration.ofSeconds(2))
			.build();
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(startupSeconds);
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException(
						"The gateway exited with " + this.process.exitValue() + " while starting:\n" + logTail(40));
			}
			try {
				if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(250);
		}
		throw new IllegalStateException("The gateway was not healthy within " + startupSeconds + " s:\n" + logTail(40));
	}

	int port() {
		return this.port;
	}

	long pid() {
		return this.process.pid();
	}

	/** The last lines of its log, to show why something failed. */
	String logTail(int lines) {
		try {
			List<String> all = Files.readAllLines(this.log, StandardCharsets.UTF_8);
			return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
		}
		catch (IOException | UncheckedIOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

	/** SIGTERM (graceful shutdown), then a forced stop after 30 s. */
	@Override
	public void close() throws InterruptedException {
		if (this.process.isAlive()) {
			this.process.destroy();
			if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
				this.process.waitFor(10, TimeUnit.SECONDS);
			}
		}
	}

	static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
