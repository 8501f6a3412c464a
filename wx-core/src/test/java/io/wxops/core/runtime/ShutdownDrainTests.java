package io.wxops.core.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.SmartLifecycle;

import static org.assertj.core.api.Assertions.assertThat;

class ShutdownDrainTests {

	@Test
	void stoppingRefusesTrafficFirstAndThenWaitsTheDrain() {
		List<Object> events = new ArrayList<>();
		ShutdownDrain drain = new ShutdownDrain(events::add, Duration.ofMillis(300));
		drain.start();
		long started = System.nanoTime();
		drain.stop();
		long waitedMs = (System.nanoTime() - started) / 1_000_000;
		assertThat(events).singleElement()
			.isInstanceOfSatisfying(AvailabilityChangeEvent.class,
					(event) -> assertThat(event.getState()).isEqualTo(ReadinessState.REFUSING_TRAFFIC));
		assertThat(waitedMs).isGreaterThanOrEqualTo(300);
		assertThat(drain.isRunning()).isFalse();
	}

	@Test
	void itStopsBeforeTheWebServer() {
		ShutdownDrain drain = new ShutdownDrain((event) -> {
		}, Duration.ZERO);
		// Boot's graceful web server shutdown runs in DEFAULT_PHASE - 1024; higher phases
		// stop
		// first.
		assertThat(drain.getPhase()).isGreaterThan(SmartLifecycle.DEFAULT_PHASE - 1024);
	}

}
