package io.wxops.core.runtime;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;

/**
 * Takes the instance out of its load balancer before it stops serving: the first thing a
 * shutdown does (highest lifecycle phase) is to report readiness
 * {@code REFUSING_TRAFFIC}, which makes the public {@code /actuator/health} answer 503,
 * and then to wait {@code wxops.shutdown.drain} while the load balancer's health checks
 * notice and send new requests elsewhere. Only then does the web server's graceful
 * shutdown stop accepting connections and finish the requests in flight. Without the
 * wait, requests arriving in that gap would meet a closed port.
 */
public final class ShutdownDrain implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ShutdownDrain.class);

	private final ApplicationEventPublisher publisher;

	private final Duration drain;

	private volatile boolean running;

	public ShutdownDrain(ApplicationEventPublisher publisher, Duration drain) {
		this.publisher = publisher;
		this.drain = drain;
	}

	@Override
	public void start() {
		this.running = true;
	}

	@Override
	public void stop() {
		AvailabilityChangeEvent.publish(this.publisher, this, ReadinessState.REFUSING_TRAFFIC);
		if (!this.drain.isZero() && !this.drain.isNegative()) {
			log.info("Refusing traffic; waiting {} ms for the load balancer before shutting down",
					this.drain.toMillis());
			try {
				Thread.sleep(this.drain.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** Stopped first, before the web server (whose phases are lower). */
	@Override
	public int getPhase() {
		return Integer.MAX_VALUE;
	}

}
