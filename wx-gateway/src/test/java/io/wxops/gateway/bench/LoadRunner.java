package io.wxops.gateway.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.Histogram;

/**
 * Drives pre-built requests at the gateway at a fixed rate (open loop), in the paced
 * generator's JVM ({@link PacedLoad}); the maximum-rate runs are wrk's. Every run stops
 * at whichever comes first, its request count or its time limit, and every wait in here
 * has a deadline.
 */
final class LoadRunner {

	/**
	 * What a callback must get back: WeChat treats anything else as a failure and
	 * retries.
	 */
	static final String SUCCESS = "success";

	private final String host;

	private final int port;

	private final int timeoutMillis;

	LoadRunner(String host, int port, int timeoutMillis) {
		this.host = host;
		this.port = port;
		this.timeoutMillis = timeoutMillis;
	}

	/**
	 * Open loop at a fixed rate: request i is due at {@code start + i / rate}, whether or
	 * not earlier ones have been answered, and its latency is measured from that due
	 * time. A sender that falls behind (no free connection, a stalled server) therefore
	 * shows up as latency instead of silently lowering the rate (coordinated omission).
	 * At most {@code maxInFlight} requests are queued or in flight; beyond that the
	 * dispatcher waits, and what it could not send before the time limit is counted as
	 * errors.
	 */
	RunResult fixedRate(String name, List<byte[]> requests, int rate, Duration duration, int connections,
			int maxInFlight) throws InterruptedException {
		long planned = Math.min(requests.size(), (long) rate * duration.toSeconds());
		BlockingQueue<Task> queue = new ArrayBlockingQueue<>(maxInFlight);
		Semaphore permits = new Semaphore(maxInFlight);
		CountDownLatch ready = new CountDownLatch(connections);
		AtomicBoolean stop = new AtomicBoolean();
		List<Stats> stats = new ArrayList<>();
		List<Thread> threads = new ArrayList<>();
		for (int w = 0; w < connections; w++) {
			Stats s = new Stats();
			s.service = new Histogram(3);
			stats.add(s);
			Thread t = new Thread(() -> {
				try (KeepAliveConnection connection = new KeepAliveConnection(this.host, this.port,
						this.timeoutMillis)) {
					preconnect(connection, s);
					ready.countDown();
					// bounded: the dispatcher sets stop after its own bounded drain
					for (;;) {
						Task task = queue.poll(20, TimeUnit.MILLISECONDS);
						if (task == null) {
							if (stop.get()) {
								return;
							}
							continue;
						}
						try {
							send(connection, requests.get(task.index()), task.due(), System.nanoTime(), s);
						}
						finally {
							permits.release();
						}
					}
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}, "bench-rate-" + w);
			t.setDaemon(true);
			threads.add(t);
			t.start();
		}
		ready.await(30, TimeUnit.SECONDS);
		long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
		long end = start + duration.toNanos();
		long notSent = 0;
		for (int i = 0; i < planned; i++) {
			long due = start + (long) (i * (1_000_000_000.0 / rate));
			if (due >= end) {
				planned = i;
				break;
			}
			for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
				LockSupport.parkNanos(wait);
			}
			long left = end - System.nanoTime();
			if (!permits.tryAcquire(Math.max(left, 0), TimeUnit.NANOSECONDS)) {
				notSent = planned - i;
				break;
			}
			queue.add(new Task(i, due));
		}
		// Drain: every request still queued or in flight gets at most one socket timeout
		// more.
		boolean drained = permits.tryAcquire(maxInFlight, this.timeoutMillis + 2_000L, TimeUnit.MILLISECONDS);
		stop.set(true);
		joinAll(threads, drained ? 5_000 : this.timeoutMillis + 5_000L);
		return RunResult.of(name, true, planned, stats, start, notSent, connections, rate);
	}

	private static void preconnect(KeepAliveConnection connection, Stats s) {
		try {
			connection.connect();
		}
		catch (IOException ex) {
			// the first request will try again and count the failure
			s.sample("connect: " + ex.getMessage());
		}
	}

	private static void send(KeepAliveConnection connection, byte[] request, long measureFrom, long sent, Stats s) {
		String failure;
		try {
			KeepAliveConnection.Response response = connection.exchange(request);
			failure = answeredWithoutReply(response.status(), response.body()) ? null
					: response.status() + " " + response.body();
		}
		catch (IOException | RuntimeException ex) {
			failure = "I/O " + ex.getClass().getSimpleName() + ": " + ex.getMessage();
		}
		long done = System.nanoTime();
		s.record(failure, done - measureFrom, done - sent, done);
	}

	/**
	 * 2xx with {@code success} or an empty body: what WeChat takes for "received, no
	 * reply" (the benchmark's account has no reply rules). wrk's script judges alike.
	 */
	static boolean answeredWithoutReply(int status, String body) {
		return status >= 200 && status < 300 && (SUCCESS.equals(body) || body.isEmpty());
	}

	private static void joinAll(List<Thread> threads, long timeoutMillis) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
		for (Thread t : threads) {
			long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
			if (left > 0) {
				t.join(left);
			}
			if (t.isAlive()) {
				// daemon threads; a socket timeout ends them soon, and the run is
				// reported as is
				t.interrupt();
			}
		}
	}

	private record Task(int index, long due) {
	}

	/** One worker's counts; merged after the run, so no sharing while measuring. */
	static final class Stats {

		final Histogram latency = new Histogram(3);

		Histogram service;

		long ok;

		long errors;

		long lastDone;

		final List<String> samples = new ArrayList<>();

		void record(String failure, long latencyNanos, long serviceNanos, long done) {
			this.latency.recordValue(Math.max(1, latencyNanos / 1_000));
			if (this.service != null) {
				this.service.recordValue(Math.max(1, serviceNanos / 1_000));
			}
			if (failure == null) {
				this.ok++;
			}
			else {
				this.errors++;
				sample(failure);
			}
			this.lastDone = Math.max(this.lastDone, done);
		}

		void sample(String failure) {
			if (this.samples.size() < 3) {
				this.samples.add((failure.length() > 200) ? failure.substring(0, 200) + "..." : failure);
			}
		}

	}

	/**
	 * What one run did. Latencies are in microseconds.
	 *
	 * @param requests requests the run sent or planned to send
	 * @param answered requests that got an answer or failed on the wire
	 * @param ok answered 200 {@code success}
	 * @param errors anything else, including requests the dispatcher could not send in
	 * time
	 * @param durationNanos from the start to the last answer
	 * @param latency closed loop: service time; fixed rate: from the due time
	 * @param service fixed rate only: from the actual send
	 * @param rate the fixed rate, or 0 for a closed loop
	 */
	record RunResult(String name, boolean fullPath, long requests, long answered, long ok, long errors,
			long durationNanos, Histogram latency, Histogram service, List<String> errorSamples, int connections,
			int rate) {

		static RunResult of(String name, boolean fullPath, long planned, List<Stats> stats, long start, long notSent,
				int connections, int rate) {
			Histogram latency = new Histogram(3);
			Histogram service = (rate > 0) ? new Histogram(3) : null;
			long ok = 0;
			long failed = 0;
			long lastDone = start;
			List<String> samples = new ArrayList<>();
			// Stats are read after joining the workers, which publishes their writes.
			for (Stats s : stats) {
				latency.add(s.latency);
				if (service != null && s.service != null) {
					service.add(s.service);
				}
				ok += s.ok;
				failed += s.errors;
				lastDone = Math.max(lastDone, s.lastDone);
				s.samples.stream().filter(x -> samples.size() < 5).forEach(samples::add);
			}
			long errors = failed + notSent;
			if (notSent > 0) {
				samples.add(notSent + " requests not sent: " + connections + " connections and the in-flight cap"
						+ " could not keep up");
			}
			long unanswered = Math.max(0, planned - notSent - ok - failed);
			if (unanswered > 0) {
				// requests still in flight when the run's time (and drain) was up
				errors += unanswered;
				samples.add(unanswered + " requests unanswered when the run ended");
			}
			long answered = latency.getTotalCount();
			return new RunResult(name, fullPath, Math.max(planned, ok + errors), answered, ok, errors,
					Math.max(1, lastDone - start), latency, service, samples, connections, rate);
		}

		double seconds() {
			return this.durationNanos / 1e9;
		}

		/** Answered requests per second. */
		double throughput() {
			return this.answered / seconds();
		}

		double percentileMillis(double percentile) {
			return this.latency.getValueAtPercentile(percentile) / 1000.0;
		}

		double maxMillis() {
			return this.latency.getMaxValue() / 1000.0;
		}

	}

}
