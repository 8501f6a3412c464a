package io.wxops.admin.masssend;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.springframework.stereotype.Component;

/**
 * The time as mass sends keep it: to the millisecond, as their DATETIME(3) columns hold
 * it, so what is compared in Java is what the database compares.
 */
@Component
class SendClock {

	private final Clock clock;

	SendClock(Clock clock) {
		this.clock = clock;
	}

	Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

	/**
	 * The slot as slot_at (DATETIME(3)) holds it: rounded up to the millisecond, never
	 * down, so a send cannot leave before the time asked for.
	 */
	static Instant storedPrecision(Instant slot) {
		Instant millis = slot.truncatedTo(ChronoUnit.MILLIS);
		return millis.equals(slot) ? millis : millis.plusMillis(1);
	}

}
