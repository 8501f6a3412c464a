package io.wxops.gateway.bench;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BenchTargetsTests {

	@Test
	void throughputOfSeveralRunsIsAllTheirAnswersOverAllTheirWindows() {
		List<WrkRun.Result> runs = List.of(run(10_000, 10_000_000), run(30_000, 10_000_000));

		assertThat(BenchTargets.throughput(runs)).isEqualTo(2_000.0);
		assertThat(BenchTargets.throughput(List.of())).isZero();
	}

	@Test
	void ratioIsFullOverBaselineAndZeroWithoutABaseline() {
		assertThat(BenchTargets.ratio(2_500, 10_000)).isEqualTo(0.25);
		assertThat(BenchTargets.ratio(2_500, 0)).isZero();
	}

	@Test
	void aRunMeetingEveryTargetPasses() {
		BenchTargets.Verdict verdict = BenchTargets.ISSUE_17.judge(List.of(run(100_000, 10_000_000)),
				List.of(run(25_000, 10_000_000)), paced(24_900), 0, 150_000, 40_000, 40_000);

		assertThat(verdict.ratio()).isEqualTo(0.25);
		assertThat(verdict.pass()).isTrue();
		assertThat(verdict.exitStatus()).isZero();
		assertThat(verdict.checks()).hasSize(4).allMatch(BenchTargets.Check::pass);
	}

	@Test
	void eachMissedTargetFailsTheRun() {
		List<WrkRun.Result> baseline = List.of(run(100_000, 10_000_000));
		List<WrkRun.Result> full = List.of(run(25_000, 10_000_000));
		List<BenchTargets.Verdict> missed = new ArrayList<>();
		missed.add(BenchTargets.ISSUE_17.judge(baseline, List.of(run(24_999, 10_000_000)), paced(1_000), 0, 1, 5, 5));
		missed.add(BenchTargets.ISSUE_17.judge(baseline, full, paced(25_001), 0, 1, 5, 5));
		missed.add(BenchTargets.ISSUE_17.judge(baseline, full, paced(1_000), 1, 1, 5, 5));
		missed.add(BenchTargets.ISSUE_17.judge(baseline, full, paced(1_000), 0, 1, 6, 5));
		missed.add(BenchTargets.ISSUE_17.judge(baseline, full, paced(1_000), 0, 1, 4, 5));

		assertThat(missed).allSatisfy((v) -> {
			assertThat(v.pass()).isFalse();
			assertThat(v.exitStatus()).isEqualTo(1);
			assertThat(v.checks().stream().filter((c) -> !c.pass())).hasSize(1);
			assertThat(v.checks().stream().filter((c) -> !c.pass()).findFirst().orElseThrow().toString())
				.startsWith("[FAIL] ");
		});
	}

	@Test
	void aPacedRunThatAnsweredNothingFails() {
		PacedLoad.Result nothing = new PacedLoad.Result(15_000, 0, 0, 15_000, 15, 1000, 0, 0, 0, 0, 0, 0, 0, List.of());

		BenchTargets.Verdict verdict = BenchTargets.ISSUE_17.judge(List.of(run(100, 1_000_000)),
				List.of(run(100, 1_000_000)), nothing, 0, 1, 0, 0);

		assertThat(verdict.checks().get(1).pass()).isFalse();
	}

	@Test
	void fullPathRunsGetMessagesForTwiceTheBestRateButNoMoreThanTheBaselineAllows() {
		assertThat(CallbackBenchmark.fullCount(10_000, 4_000, 10)).isEqualTo(80_000);
		assertThat(CallbackBenchmark.fullCount(10_000, 9_000, 10)).isEqualTo(120_000);
		// at least half the baseline's rate: a warm-up on a busy machine reads too low
		assertThat(CallbackBenchmark.fullCount(10_000, 0, 10)).isEqualTo(50_000);
		assertThat(CallbackBenchmark.fullCount(10_000, 1_000, 10)).isEqualTo(50_000);
		assertThat(CallbackBenchmark.fullCount(10, 5, 10)).isEqualTo(5_000);
	}

	private static WrkRun.Result run(long ok, long windowMicros) {
		return new WrkRun.Result(ok, ok, ok, 0, 0, 0, 0, windowMicros, 0, ok, windowMicros / 1e6, 1, 2, 3, 4, 5,
				List.of());
	}

	private static PacedLoad.Result paced(long p99Micros) {
		return new PacedLoad.Result(15_000, 15_000, 15_000, 0, 15, 1000, 1_000, 2_000, p99Micros, p99Micros, p99Micros,
				900, 5_000, List.of());
	}

}
