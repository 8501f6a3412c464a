package io.wxops.gateway;

import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;

/**
 * The gateway's meters: callbacks by account, type and outcome; duplicates by where they
 * were caught; rejections by reason; reply results; and a latency histogram.
 */
@Component
public class GatewayMetrics {

	private final MeterRegistry registry;

	public GatewayMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	public void callback(String appId, String type, String outcome, long nanos) {
		Counter.builder("wx.callback.requests")
			.description("Callbacks handled, by account, message/event type and outcome")
			.tag("account", appId)
			.tag("type", type)
			.tag("outcome", outcome)
			.register(this.registry)
			.increment();
		Timer.builder("wx.callback.latency")
			.description("Time to answer a callback")
			.tag("outcome", outcome)
			.publishPercentileHistogram()
			.register(this.registry)
			.record(nanos, TimeUnit.NANOSECONDS);
	}

	public void dedupHit(String layer) {
		Counter.builder("wx.callback.dedup.hits")
			.description("Retries recognised as already stored, by the layer that caught them")
			.tag("layer", layer)
			.register(this.registry)
			.increment();
	}

	public void rejection(String reason) {
		Counter.builder("wx.callback.rejections")
			.description("Callbacks refused before storing, by reason")
			.tag("reason", reason)
			.register(this.registry)
			.increment();
	}

	public void reply(String result) {
		Counter.builder("wx.callback.replies")
			.description("Passive reply results for newly stored messages")
			.tag("result", result)
			.register(this.registry)
			.increment();
	}

	public void storeRetry() {
		Counter.builder("wx.callback.store.retries")
			.description("Stores retried on fresh connections after a database connection failure")
			.register(this.registry)
			.increment();
	}

	public void redisUnavailable() {
		Counter.builder("wx.callback.redis.errors")
			.description("Redis calls that failed; the database still decides duplicates")
			.register(this.registry)
			.increment();
	}

}
