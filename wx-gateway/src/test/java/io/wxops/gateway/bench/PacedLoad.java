package io.wxops.gateway.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.wxops.devkit.bench.BenchSupport;
import io.wxops.gateway.bench.LoadRunner.RunResult;

/**
 * The paced generator: a JVM of its own that sends the callbacks of a request file
 * ({@link CallbackRequests}) at a fixed rate, open loop, with each request's latency
 * counted from the moment it was due ({@link LoadRunner#fixedRate}). wrk cannot do this:
 * it is closed loop, so a stalled server makes it send less instead of making the stall
 * show. A short warm-up at the same rate from the same file comes first (this JVM's own
 * JIT would otherwise be measured), and is reported apart.
 *
 * <p>
 * Prints one {@code WXBENCH-PACED} line per phase, which {@link CallbackBenchmark}
 * parses; exit status 0 when it ran, 2 when it could not.
 */
public final class PacedLoad {

	static final String USAGE = """
			Usage: PacedLoad --port P --file F [options]   (sends to 127.0.0.1 only)
			  --rate R             callbacks per second (default 1000)
			  --seconds S          measured run (default 15)
			  --warmup-seconds S   warm-up before it, same rate (default 3)
			  --connections N      connections (default 64)
			  --max-inflight N     requests queued or in flight at most (default 256)
			  --timeout-ms N       socket timeout per request (default 10000)""";

	/** Printed after the last phase. */
	static final String DONE = "WXBENCH-PACED-DONE";

	private static final Pattern LINE = Pattern.compile("^WXBENCH-PACED phase=(\\w+)((?: \\w+=-?[\\d.]+)+)$",
			Pattern.MULTILINE);

	private static final Pattern FIELD = Pattern.compile("(\\w+)=(-?[\\d.]+)");

	private static final Pattern ERROR = Pattern.compile("^WXBENCH-PACED-ERROR phase=(\\w+) (.*)$", Pattern.MULTILINE);

	private PacedLoad() {
	}

	public static void main(String[] args) {
		BenchSupport.runAndExit(USAGE, () -> {
			int[] port = { 0 };
			String[] file = { null };
			int[] o = { 1000, 15, 3, 64, 256, 10_000 };
			boolean[] help = { false };
			BenchSupport.parseOptions(args, (name, value) -> {
				switch (name) {
					case "--port" -> port[0] = BenchSupport.positive(name, value, 65_535);
					case "--file" -> file[0] = value;
					case "--rate" -> o[0] = BenchSupport.positive(name, value, 100_000);
					case "--seconds" -> o[1] = BenchSupport.positive(name, value, 600);
					case "--warmup-seconds" -> o[2] = Integer.parseInt(value);
					case "--connections" -> o[3] = BenchSupport.positive(name, value, 1024);
					case "--max-inflight" -> o[4] = BenchSupport.positive(name, value, 100_000);
					case "--timeout-ms" -> o[5] = BenchSupport.positive(name, value, 120_000);
					default -> throw new IllegalArgumentException("unknown option " + name);
				}
			}, () -> help[0] = true);
			if (help[0]) {
				System.out.println(USAGE);
				return 0;
			}
			if (port[0] == 0 || file[0] == null || o[2] < 0 || o[2] > 600) {
				throw new IllegalArgumentException("--port and --file are required; --warmup-seconds 0 to 600");
			}
			run(port[0], Path.of(file[0]), o[0], o[1], o[2], o[3], o[4], o[5]);
			System.out.println(DONE);
			System.out.flush();
			awaitEndOfInput();
			return 0;
		});
	}

	/**
	 * Waits (at most two minutes) until standard input closes: the benchmark reads this
	 * process's CPU time from /proc before letting it end.
	 */
	private static void awaitEndOfInput() throws InterruptedException {
		Thread reader = new Thread(() -> {
			try {
				while (System.in.read() >= 0) {
					// nothing is sent; only the end matters
				}
			}
			catch (java.io.IOException ex) {
				// closed
			}
		}, "await-end-of-input");
		reader.setDaemon(true);
		reader.start();
		reader.join(120_000);
	}

	private static void run(int port, Path file, int rate, int seconds, int warmupSeconds, int connections,
			int maxInFlight, int timeoutMillis) throws Exception {
		String host = "127.0.0.1:" + port;
		List<byte[]> requests = CallbackRequests.read(file).stream().map((line) -> line.httpRequest(host)).toList();
		int warmup = rate * warmupSeconds;
		int measured = rate * seconds;
		if (requests.size() < warmup + measured) {
			throw new IllegalArgumentException(file + " holds " + requests.size() + " requests; the runs need "
					+ (warmup + measured) + " (each request is sent once)");
		}
		LoadRunner runner = new LoadRunner("127.0.0.1", port, timeoutMillis);
		if (warmup > 0) {
			print("warmup", runner.fixedRate("paced warm-up", requests.subList(0, warmup), rate,
					Duration.ofSeconds(warmupSeconds), connections, maxInFlight));
		}
		System.gc();
		print("measured", runner.fixedRate("paced", requests.subList(warmup, warmup + measured), rate,
				Duration.ofSeconds(seconds), connections, maxInFlight));
	}

	private static void print(String phase, RunResult r) {
		System.out.printf(Locale.ROOT,
				"WXBENCH-PACED phase=%s planned=%d answered=%d ok=%d errors=%d seconds=%.3f rate=%d p50_us=%d"
						+ " p90_us=%d p99_us=%d p999_us=%d max_us=%d service_p50_us=%d service_p99_us=%d%n",
				phase, r.requests(), r.answered(), r.ok(), r.errors(), r.seconds(), r.rate(),
				r.latency().getValueAtPercentile(50), r.latency().getValueAtPercentile(90),
				r.latency().getValueAtPercentile(99), r.latency().getValueAtPercentile(99.9), r.latency().getMaxValue(),
				r.service().getValueAtPercentile(50), r.service().getValueAtPercentile(99));
		for (String sample : r.errorSamples()) {
			System.out.println("WXBENCH-PACED-ERROR phase=" + phase + " " + sample.replaceAll("\\s+", " "));
		}
		System.out.flush();
	}

	/** The phases the generator printed, by name ({@code warmup}, {@code measured}). */
	static Map<String, Result> parse(String output) {
		Map<String, Result> phases = new LinkedHashMap<>();
		Matcher line = LINE.matcher(output);
		while (line.find()) {
			Map<String, String> f = new LinkedHashMap<>();
			Matcher field = FIELD.matcher(line.group(2));
			while (field.find()) {
				f.put(field.group(1), field.group(2));
			}
			phases.put(line.group(1),
					new Result(num(f, "planned"), num(f, "answered"), num(f, "ok"), num(f, "errors"),
							Double.parseDouble(f.getOrDefault("seconds", "0")), (int) num(f, "rate"), num(f, "p50_us"),
							num(f, "p90_us"), num(f, "p99_us"), num(f, "p999_us"), num(f, "max_us"),
							num(f, "service_p50_us"), num(f, "service_p99_us"), new java.util.ArrayList<>()));
		}
		Matcher error = ERROR.matcher(output);
		while (error.find()) {
			Result r = phases.get(error.group(1));
			if (r != null && r.errorSamples().size() < 5) {
				r.errorSamples().add(error.group(2));
			}
		}
		return phases;
	}

	private static long num(Map<String, String> fields, String name) {
		String value = fields.get(name);
		if (value == null) {
			throw new IllegalStateException("the paced generator's line has no " + name);
		}
		return Long.parseLong(value);
	}

	/**
	 * One paced phase; latencies in microseconds, from each request's due time (service
	 * times: from its actual send).
	 */
	record Result(long planned, long answered, long ok, long errors, double seconds, int rate, long p50Micros,
			long p90Micros, long p99Micros, long p999Micros, long maxMicros, long serviceP50Micros,
			long serviceP99Micros, List<String> errorSamples) {

		double throughput() {
			return (this.seconds > 0) ? this.answered / this.seconds : 0;
		}

	}

}
