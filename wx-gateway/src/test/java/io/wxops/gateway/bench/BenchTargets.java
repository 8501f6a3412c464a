package io.wxops.gateway.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The targets of the callback benchmark (issue 17) and the verdict on one run: the full
 * path's throughput at least {@code minRatio} of the no-I/O baseline's in the same run,
 * p99 at the paced rate (from each request's due time) at most {@code maxPacedP99Millis},
 * no error of any kind, and exactly one stored row per successful full-path request.
 */
record BenchTargets(double minRatio, double maxPacedP99Millis) {

	static final BenchTargets ISSUE_17 = new BenchTargets(0.25, 25.0);

	/**
	 * Successful answers per second over several runs together: all their answers over
	 * all their sending windows, so a short run weighs less than a long one.
	 */
	static double throughput(List<WrkRun.Result> runs) {
		long ok = runs.stream().mapToLong(WrkRun.Result::ok).sum();
		long micros = runs.stream().mapToLong(WrkRun.Result::windowMicros).sum();
		return (micros > 0) ? ok / (micros / 1e6) : 0;
	}

	/** Full-path throughput over the baseline's; 0 when the baseline answered nothing. */
	static double ratio(double full, double baseline) {
		return (baseline > 0) ? full / baseline : 0;
	}

	/**
	 * @param baselines the measured baseline runs
	 * @param fulls the measured full-path runs
	 * @param paced the measured paced run
	 * @param errors errors over every phase, warm-ups included
	 * @param requests requests over every phase
	 * @param rowsStored rows of the benchmark's account in wx_inbound_message
	 * @param fullPathSuccesses successful full-path answers over every phase
	 */
	Verdict judge(List<WrkRun.Result> baselines, List<WrkRun.Result> fulls, PacedLoad.Result paced, long errors,
			long requests, long rowsStored, long fullPathSuccesses) {
		List<Check> checks = new ArrayList<>();
		double baseline = throughput(baselines);
		double full = throughput(fulls);
		double ratio = ratio(full, baseline);
		checks.add(new Check(ratio >= this.minRatio, String.format(Locale.ROOT,
				"full path / baseline throughput %,.0f / %,.0f = %.3f >= %.2f", full, baseline, ratio, this.minRatio)));
		double p99 = paced.p99Micros() / 1000.0;
		checks.add(new Check(p99 <= this.maxPacedP99Millis && paced.answered() > 0,
				String.format(Locale.ROOT, "p99 at a paced %,d/s, from each request's due time: %.2f ms <= %.0f ms",
						paced.rate(), p99, this.maxPacedP99Millis)));
		checks.add(new Check(errors == 0, String.format(Locale.ROOT,
				"zero errors (non-2xx, socket errors, unanswered): %,d in %,d requests", errors, requests)));
		checks.add(new Check(rowsStored == fullPathSuccesses, String.format(Locale.ROOT,
				"rows stored = full-path 2xx answers: %,d rows, %,d answers", rowsStored, fullPathSuccesses)));
		return new Verdict(ratio, List.copyOf(checks));
	}

	/** One target and whether it was met. */
	record Check(boolean pass, String text) {

		@Override
		public String toString() {
			return (this.pass ? "[PASS] " : "[FAIL] ") + this.text;
		}

	}

	/** All targets of a run; the exit status is 0 only when every one passed. */
	record Verdict(double ratio, List<Check> checks) {

		boolean pass() {
			return this.checks.stream().allMatch(Check::pass);
		}

		int exitStatus() {
			return pass() ? 0 : 1;
		}

	}

}
