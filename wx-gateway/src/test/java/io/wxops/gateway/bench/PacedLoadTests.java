package io.wxops.gateway.bench;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PacedLoadTests {

	@Test
	void theGeneratorsLinesAreReadPerPhaseWithTheirErrors() {
		String output = """
				some JVM warning
				WXBENCH-PACED phase=warmup planned=3000 answered=3000 ok=3000 errors=0 seconds=3.004 rate=1000 \
				p50_us=2100 p90_us=4000 p99_us=30000 p999_us=41000 max_us=45000 service_p50_us=2000 service_p99_us=9000
				WXBENCH-PACED phase=measured planned=15000 answered=14990 ok=14988 errors=12 seconds=15.010 rate=1000 \
				p50_us=1900 p90_us=3500 p99_us=12500 p999_us=21000 max_us=30000 service_p50_us=1800 service_p99_us=8000
				WXBENCH-PACED-ERROR phase=measured 503 busy
				WXBENCH-PACED-ERROR phase=measured 10 requests unanswered when the run ended
				""";

		Map<String, PacedLoad.Result> phases = PacedLoad.parse(output);

		assertThat(phases).containsOnlyKeys("warmup", "measured");
		PacedLoad.Result measured = phases.get("measured");
		assertThat(measured.planned()).isEqualTo(15_000);
		assertThat(measured.answered()).isEqualTo(14_990);
		assertThat(measured.ok()).isEqualTo(14_988);
		assertThat(measured.errors()).isEqualTo(12);
		assertThat(measured.rate()).isEqualTo(1000);
		assertThat(measured.p99Micros()).isEqualTo(12_500);
		assertThat(measured.serviceP99Micros()).isEqualTo(8_000);
		assertThat(measured.throughput()).isCloseTo(14_990 / 15.010, org.assertj.core.data.Offset.offset(0.001));
		assertThat(measured.errorSamples()).containsExactly("503 busy", "10 requests unanswered when the run ended");
		assertThat(phases.get("warmup").errorSamples()).isEmpty();
		assertThat(phases.get("warmup").p99Micros()).isEqualTo(30_000);
	}

	@Test
	void noLinesMeansNoPhases() {
		assertThat(PacedLoad.parse("Exception in thread main\n")).isEmpty();
	}

}
