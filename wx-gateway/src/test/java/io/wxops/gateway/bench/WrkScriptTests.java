package io.wxops.gateway.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * wrk (Debian's package, at /usr/bin/wrk; .ci/run installs it) with the benchmark's
 * script against a small HTTP server on 127.0.0.1 that counts what it gets: one or two
 * seconds of sending each, no gateway.
 */
class WrkScriptTests {

	private static final String WRK = "/usr/bin/wrk";

	static {
		// The JDK's server writes headers and body apart; without this, Nagle's algorithm
		// and the client's delayed ACK hold every answer 40 ms.
		System.setProperty("sun.net.httpserver.nodelay", "true");
	}

	@TempDir
	Path dir;

	private final Map<String, AtomicInteger> received = new ConcurrentHashMap<>();

	private HttpServer server;

	private ExecutorService executor;

	@AfterEach
	void stopServer() {
		if (this.server != null) {
			this.server.stop(0);
			this.executor.shutdownNow();
		}
	}

	@Test
	void onceModeSendsEveryLineExactlyOnceAndStopsWhenTheyAreUsedUp() throws Exception {
		int port = serve(0, 200, "success");
		Path file = lines(400);

		WrkRun.Result r = runWrk(port, file, true, 3);

		assertThat(this.received).hasSize(400);
		assertThat(this.received.values()).allMatch((n) -> n.get() == 1);
		assertThat(r.sent()).isEqualTo(400);
		assertThat(r.responses()).isEqualTo(400);
		assertThat(r.ok()).isEqualTo(400);
		assertThat(r.exhaustedThreads()).isEqualTo(2);
		assertThat(r.errors()).isZero();
		assertThat(r.windowMicros()).isPositive();
	}

	@Test
	void everyRequestSentIsAnsweredBeforeWrkStops() throws Exception {
		int port = serve(200, 200, "success");
		Path file = lines(2_000);

		WrkRun.Result r = runWrk(port, file, true, 1);

		int got = this.received.values().stream().mapToInt(AtomicInteger::get).sum();
		assertThat(r.sent()).isBetween(4L, 1_000L);
		assertThat(r.responses()).isEqualTo(r.sent());
		assertThat(got).isEqualTo((int) r.sent());
		assertThat(this.received.values()).allMatch((n) -> n.get() == 1);
		assertThat(r.exhaustedThreads()).isZero();
		assertThat(r.unanswered()).isZero();
	}

	@Test
	void cycleModeStartsOverWithTheSameLines() throws Exception {
		int port = serve(0, 200, "");
		Path file = lines(10);

		WrkRun.Result r = runWrk(port, file, false, 1);

		assertThat(this.received).hasSize(10);
		assertThat(r.responses()).isGreaterThan(10);
		assertThat(r.ok()).isEqualTo(r.responses());
		assertThat(r.errors()).isZero();
	}

	@Test
	void answersOtherThanSuccessAreCountedAsFailures() throws Exception {
		int port = serve(0, 503, "busy");
		Path file = lines(50);

		WrkRun.Result r = runWrk(port, file, true, 1);

		assertThat(r.responses()).isEqualTo(50);
		assertThat(r.failed()).isEqualTo(50);
		assertThat(r.ok()).isZero();
		assertThat(r.non2xx()).isEqualTo(50);
		assertThat(r.errors()).isEqualTo(50);
		assertThat(r.failures()).isNotEmpty().allMatch((f) -> f.endsWith("503 busy"));
	}

	private WrkRun.Result runWrk(int port, Path file, boolean once, int seconds) throws Exception {
		Path script = WrkRun.script(this.dir);
		Path output = this.dir.resolve("wrk.txt");
		Process wrk = WrkRun.start(WrkRun.command(WRK, script, port, 2, 8, seconds, 1, file, once), output);
		try {
			return WrkRun.await(wrk, output, seconds, 20);
		}
		finally {
			wrk.destroyForcibly();
		}
	}

	/** Lines like the benchmark's: a distinct target each, a tab, a body. */
	private Path lines(int count) throws IOException {
		List<String> lines = IntStream.range(0, count)
			.mapToObj(
					(i) -> "/wx/wx0123456789abcdef/callback?nonce=n" + i + "\t<xml><Encrypt>e" + i + "</Encrypt></xml>")
			.toList();
		return Files.write(this.dir.resolve("lines.txt"), lines);
	}

	private int serve(long delayMillis, int status, String body) throws IOException {
		this.executor = Executors.newFixedThreadPool(16);
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
		this.server.setExecutor(this.executor);
		this.server.createContext("/", (HttpExchange exchange) -> {
			try (exchange) {
				String sent = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
				String target = exchange.getRequestURI().toString();
				if ("POST".equals(exchange.getRequestMethod()) && sent.startsWith("<xml>")) {
					this.received.computeIfAbsent(target, (k) -> new AtomicInteger()).incrementAndGet();
				}
				if (delayMillis > 0) {
					Thread.sleep(delayMillis);
				}
				byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
				exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
				if (bytes.length > 0) {
					try (OutputStream out = exchange.getResponseBody()) {
						out.write(bytes);
					}
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		});
		this.server.start();
		return this.server.getAddress().getPort();
	}

}
