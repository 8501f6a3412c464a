package io.wxops.gateway.bench;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WrkRunTests {

	private static final String CLEAN = """
			Running 15s test @ http://127.0.0.1:41234/
			  2 threads and 32 connections
			  Thread Stats   Avg      Stdev     Max   +/- Stdev
			    Latency     2.73ms    1.23ms  35.57ms   88.72%
			    Req/Sec     5.91k   432.24     6.66k    71.67%
			  Latency Distribution
			     50%    2.52ms
			     75%    3.01ms
			     90%    3.73ms
			     99%    7.21ms
			  141234 requests in 15.00s, 21.38MB read
			Requests/sec:   9415.60
			Transfer/sec:      1.42MB
			WXBENCH sent=141234 responses=141234 ok=141234 failed=0 reused=0 exhausted=0 window_us=12003456 \
			connect=0 read=0 write=0 timeout=0 status=0 p50_us=2520 p90_us=3730 p99_us=7210 p999_us=15000 max_us=35570
			""";

	private static final String BROKEN = """
			Running 15s test @ http://127.0.0.1:41234/
			  2 threads and 32 connections
			  9000 requests in 15.00s, 1.00MB read
			  Socket errors: connect 1, read 3, write 0, timeout 2
			  Non-2xx or 3xx responses: 7
			Requests/sec:    600.00
			Transfer/sec:     68.27KB
			WXBENCH-FAILURE thread=0 503 {"type":"about:blank","status":503}
			WXBENCH-FAILURE thread=1 500 oops
			WXBENCH sent=9040 responses=9000 ok=8990 failed=10 reused=4 exhausted=1 window_us=12000000 \
			connect=1 read=3 write=0 timeout=2 status=7 p50_us=20000 p90_us=40000 p99_us=90000 p999_us=120000 max_us=200000
			""";

	@Test
	void aCleanRunIsReadFromTheScriptsLineAndWrksSummary() {
		WrkRun.Result r = WrkRun.parse(CLEAN);

		assertThat(r.sent()).isEqualTo(141_234);
		assertThat(r.responses()).isEqualTo(141_234);
		assertThat(r.ok()).isEqualTo(141_234);
		assertThat(r.completed()).isEqualTo(141_234);
		assertThat(r.wrkSeconds()).isEqualTo(15.0);
		assertThat(r.errors()).isZero();
		assertThat(r.unanswered()).isZero();
		assertThat(r.seconds()).isEqualTo(12.003456);
		assertThat(r.throughput()).isCloseTo(141_234 / 12.003456, org.assertj.core.data.Offset.offset(0.01));
		assertThat(r.p50Micros()).isEqualTo(2520);
		assertThat(r.p99Micros()).isEqualTo(7210);
		assertThat(r.p999Micros()).isEqualTo(15_000);
		assertThat(r.maxMicros()).isEqualTo(35_570);
		assertThat(r.failures()).isEmpty();
	}

	@Test
	void failuresSocketErrorsAndUnansweredRequestsAreAllErrors() {
		WrkRun.Result r = WrkRun.parse(BROKEN);

		assertThat(r.failed()).isEqualTo(10);
		assertThat(r.non2xx()).isEqualTo(7);
		assertThat(r.socketErrors()).isEqualTo(6);
		assertThat(r.unanswered()).isEqualTo(40);
		assertThat(r.reused()).isEqualTo(4);
		assertThat(r.exhaustedThreads()).isEqualTo(1);
		assertThat(r.errors()).isEqualTo(10 + 6 + 40 + 4);
		assertThat(r.failures()).containsExactly("thread=0 503 {\"type\":\"about:blank\",\"status\":503}",
				"thread=1 500 oops");
	}

	@Test
	void wrksOwnSocketErrorLineCountsEvenWhenTheScriptSawNone() {
		String output = CLEAN.replace("  141234 requests in 15.00s, 21.38MB read\n",
				"  141234 requests in 15.00s, 21.38MB read\n  Socket errors: connect 0, read 2, write 0, timeout 0\n");

		assertThat(WrkRun.parse(output).socketErrors()).isEqualTo(2);
	}

	@Test
	void wrksDurationUnitsAreRead() {
		assertThat(WrkRun.parse(CLEAN.replace("in 15.00s", "in 1.00m")).wrkSeconds()).isEqualTo(60.0);
		assertThat(WrkRun.parse(CLEAN.replace("in 15.00s", "in 900.00ms")).wrkSeconds()).isEqualTo(0.9);
	}

	@Test
	void outputWithoutTheScriptsLineIsRefused() {
		assertThatThrownBy(() -> WrkRun.parse("unable to connect to 127.0.0.1:1 Connection refused\n"))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("no WXBENCH line");
	}

	@Test
	void theCommandGivesWrkTheDrainOnTopOfTheSendingTime() {
		List<String> command = WrkRun.command("/usr/bin/wrk", Path.of("/tmp/callbacks.lua"), 8080, 2, 32, 12,
				Path.of("/tmp/full.txt"), true);

		assertThat(command).containsSequence("-t", "2", "-c", "32", "-d", (12 + WrkRun.DRAIN_SECONDS) + "s")
			.containsSequence("http://127.0.0.1:8080/", "--", "/tmp/full.txt", "12", "once", "2");
	}

}
