package io.wxops.gateway.intake;

import java.util.Collection;
import java.util.stream.Collectors;

import io.wxops.core.redis.RedisKeys;
import io.wxops.gateway.GatewayMetrics;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Tells routing, over Redis pub/sub, which messages were just committed, so it files them
 * at once instead of at its next poll. Only a hint, sent after the commit: routing still
 * polls, so a signal lost with Redis or with an admin instance costs a poll interval and
 * never a message.
 */
@Component
public class StoredSignal {

	private final StringRedisTemplate redis;

	private final String channel;

	private final GatewayMetrics metrics;

	public StoredSignal(StringRedisTemplate redis, RedisKeys keys, GatewayMetrics metrics) {
		this.redis = redis;
		this.channel = keys.inboxStoredChannel();
		this.metrics = metrics;
	}

	/** Announces committed message ids; never throws. */
	public void committed(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return;
		}
		try {
			this.redis.convertAndSend(this.channel, ids.stream().map(String::valueOf).collect(Collectors.joining(",")));
		}
		catch (RuntimeException ex) {
			this.metrics.redisUnavailable();
		}
	}

}
