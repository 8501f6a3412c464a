package io.wxops.gateway.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One run of wrk (Debian's package) with {@code callbacks.lua}: the load generator of the
 * maximum-rate runs, in a process of its own. wrk is given a few seconds more than the
 * script sends for ({@link #DRAIN_SECONDS}), so that every request sent is answered
 * before wrk stops (see the script).
 */
final class WrkRun {

	/** wrk's run is this much longer than the sending, for the last answers to arrive. */
	static final int DRAIN_SECONDS = 3;

	private static final Pattern SUMMARY = Pattern.compile("^WXBENCH ((?:\\w+=-?\\d+ ?)+)$", Pattern.MULTILINE);

	private static final Pattern FIELD = Pattern.compile("(\\w+)=(-?\\d+)");

	private static final Pattern FAILURE = Pattern.compile("^WXBENCH-FAILURE (.*)$", Pattern.MULTILINE);

	private static final Pattern REQUESTS_IN = Pattern.compile("^\\s*(\\d+) requests in ([\\d.]+)(us|ms|s|m|h)",
			Pattern.MULTILINE);

	private static final Pattern SOCKET_ERRORS = Pattern
		.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)", Pattern.MULTILINE);

	private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");

	private WrkRun() {
	}

	/** Copies the script out of the test resources, where wrk can read it. */
	static Path script(Path dir) throws IOException {
		Path script = dir.resolve("callbacks.lua");
		try (InputStream in = WrkRun.class.getResourceAsStream("callbacks.lua")) {
			if (in == null) {
				throw new IllegalStateException("callbacks.lua is not on the classpath");
			}
			Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
		}
		return script;
	}

	/**
	 * The wrk command: {@code threads} threads, {@code connections} connections, sending
	 * the requests of {@code file} for {@code seconds} ({@code once}: each line at most
	 * once; otherwise cycling).
	 */
	static List<String> command(String wrk, Path script, int port, int threads, int connections, int seconds, Path file,
			boolean once) {
		return command(wrk, script, port, threads, connections, seconds, DRAIN_SECONDS, file, once);
	}

	static List<String> command(String wrk, Path script, int port, int threads, int connections, int seconds,
			int drainSeconds, Path file, boolean once) {
		return List.of(wrk, "-t", String.valueOf(threads), "-c", String.valueOf(connections), "-d",
				(seconds + drainSeconds) + "s", "--timeout", "10s", "--latency", "-s", script.toString(),
				"http://127.0.0.1:" + port + "/", "--", file.toString(), String.valueOf(seconds),
				once ? "once" : "cycle", String.valueOf(threads));
	}

	/**
	 * Starts wrk; its output goes to {@code output}, so a full pipe can never stall it.
	 */
	static Process start(List<String> command, Path output) throws IOException {
		ProcessBuilder pb = new ProcessBuilder(command);
		pb.redirectErrorStream(true);
		pb.redirectOutput(output.toFile());
		pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
		return pb.start();
	}

	/**
	 * Waits for wrk (bounded: its own duration plus {@code graceSeconds}) and parses what
	 * it printed.
	 */
	static Result await(Process wrk, Path output, int seconds, int graceSeconds)
			throws IOException, InterruptedException {
		if (!wrk.waitFor(seconds + DRAIN_SECONDS + graceSeconds, TimeUnit.SECONDS)) {
			wrk.destroyForcibly();
			wrk.waitFor(10, TimeUnit.SECONDS);
			throw new IllegalStateException(
					"wrk did not end within " + (seconds + DRAIN_SECONDS + graceSeconds) + " s: " + tail(output));
		}
		String text = Files.readString(output, StandardCharsets.UTF_8);
		if (wrk.exitValue() != 0) {
			throw new IllegalStateException("wrk exited with " + wrk.exitValue() + ": " + tail(output));
		}
		return parse(text);
	}

	private static String tail(Path output) throws IOException {
		String text = Files.exists(output) ? Files.readString(output, StandardCharsets.UTF_8) : "";
		return (text.length() > 2000) ? text.substring(text.length() - 2000) : text;
	}

	/**
	 * What wrk printed: its own summary (requests, socket errors, non-2xx answers) and
	 * the script's WXBENCH line.
	 * @throws IllegalStateException when the script's line is missing (the script did not
	 * run to its end)
	 */
	static Result parse(String output) {
		Matcher summary = SUMMARY.matcher(output);
		if (!summary.find()) {
			throw new IllegalStateException("wrk printed no WXBENCH line: "
					+ ((output.length() > 2000) ? output.substring(output.length() - 2000) : output));
		}
		Map<String, Long> f = new HashMap<>();
		Matcher field = FIELD.matcher(summary.group(1));
		while (field.find()) {
			f.put(field.group(1), Long.parseLong(field.group(2)));
		}
		List<String> failures = new ArrayList<>();
		Matcher failure = FAILURE.matcher(output);
		while (failure.find() && failures.size() < 5) {
			failures.add(failure.group(1).trim());
		}
		long completed = -1;
		double seconds = Double.NaN;
		Matcher requestsIn = REQUESTS_IN.matcher(output);
		if (requestsIn.find()) {
			completed = Long.parseLong(requestsIn.group(1));
			seconds = toSeconds(Double.parseDouble(requestsIn.group(2)), requestsIn.group(3));
		}
		long[] socket = new long[4];
		Matcher socketErrors = SOCKET_ERRORS.matcher(output);
		if (socketErrors.find()) {
			for (int i = 0; i < 4; i++) {
				socket[i] = Long.parseLong(socketErrors.group(i + 1));
			}
		}
		Matcher non2xx = NON_2XX.matcher(output);
		long wrkNon2xx = non2xx.find() ? Long.parseLong(non2xx.group(1)) : 0;
		// The script's counts and wrk's own must agree; take the worse of each.
		long connect = Math.max(socket[0], f.getOrDefault("connect", 0L));
		long read = Math.max(socket[1], f.getOrDefault("read", 0L));
		long write = Math.max(socket[2], f.getOrDefault("write", 0L));
		long timeout = Math.max(socket[3], f.getOrDefault("timeout", 0L));
		return new Result(required(f, "sent"), required(f, "responses"), required(f, "ok"), required(f, "failed"),
				Math.max(wrkNon2xx, f.getOrDefault("status", 0L)), f.getOrDefault("reused", 0L),
				f.getOrDefault("exhausted", 0L), required(f, "window_us"), connect + read + write + timeout, completed,
				seconds, f.getOrDefault("p50_us", 0L), f.getOrDefault("p90_us", 0L), f.getOrDefault("p99_us", 0L),
				f.getOrDefault("p999_us", 0L), f.getOrDefault("max_us", 0L), List.copyOf(failures));
	}

	private static long required(Map<String, Long> fields, String name) {
		Long value = fields.get(name);
		if (value == null) {
			throw new IllegalStateException("wrk's WXBENCH line has no " + name);
		}
		return value;
	}

	private static double toSeconds(double value, String unit) {
		return switch (unit) {
			case "us" -> value / 1e6;
			case "ms" -> value / 1e3;
			case "m" -> value * 60;
			case "h" -> value * 3600;
			default -> value;
		};
	}

	/**
	 * One wrk run.
	 *
	 * @param sent requests the script handed to wrk
	 * @param responses answers it got
	 * @param ok answers 2xx with {@code success} (or an empty body)
	 * @param failed other answers
	 * @param non2xx answers wrk itself counted as errors (status above 399)
	 * @param reused requests sent a second time after a broken connection
	 * @param exhaustedThreads threads that used up their lines before their time was up
	 * @param windowMicros from the first request to the last answer
	 * @param socketErrors connect, read, write and timeout errors
	 * @param completed wrk's own count of answers ({@code -1} when not printed)
	 * @param wrkSeconds wrk's own duration, drain included
	 */
	record Result(long sent, long responses, long ok, long failed, long non2xx, long reused, long exhaustedThreads,
			long windowMicros, long socketErrors, long completed, double wrkSeconds, long p50Micros, long p90Micros,
			long p99Micros, long p999Micros, long maxMicros, List<String> failures) {

		/** Requests sent and never answered: wrk stopped before their answer came. */
		long unanswered() {
			return Math.max(0, this.sent - this.responses);
		}

		/** Everything that went wrong. */
		long errors() {
			return this.failed + this.socketErrors + unanswered() + this.reused;
		}

		/** Successful answers per second over the sending window. */
		double throughput() {
			return (this.windowMicros > 0) ? this.ok / (this.windowMicros / 1e6) : 0;
		}

		double seconds() {
			return this.windowMicros / 1e6;
		}

	}

}
