package io.wxops.gateway.intake;

import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import io.wxops.core.message.InboundMessage;
import io.wxops.core.message.InboundMessageMapper;
import io.wxops.core.message.ReplyStatus;
import io.wxops.core.redis.RedisKeys;
import io.wxops.gateway.GatewayMetrics;
import io.wxops.gateway.GatewayProperties;
import io.wxops.gateway.callback.ParsedCallback;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Exactly-once intake across instances.
 *
 * <ol>
 * <li>Redis answers "already stored" fast for the usual retry. Its marker is written only
 * after the message is committed, so it never claims a message that was not kept; if
 * Redis is down we simply skip it.</li>
 * <li>The database's unique key decides. A copy racing the first waits on the row lock
 * and then sees the duplicate; a copy whose first attempt failed (database down) finds
 * nothing and is stored now.</li>
 * </ol>
 * A database error propagates, so WeChat gets an error and retries; nothing unkept is
 * ever acknowledged.
 */
@Service
public class IntakeService {

	private final MessageStore store;

	private final InboundMessageMapper messages;

	private final StringRedisTemplate redis;

	private final RedisKeys keys;

	private final GatewayMetrics metrics;

	private final Duration markerTtl;

	private final DataSource dataSource;

	private final StoredSignal signal;

	public IntakeService(MessageStore store, InboundMessageMapper messages, StringRedisTemplate redis, RedisKeys keys,
			GatewayMetrics metrics, GatewayProperties properties, DataSource dataSource, StoredSignal signal) {
		this.dataSource = dataSource;
		this.signal = signal;
		this.store = store;
		this.messages = messages;
		this.redis = redis;
		this.keys = keys;
		this.metrics = metrics;
		this.markerTtl = properties.doneMarkerTtl();
	}

	public Intake intake(ParsedCallback callback) {
		DedupKey key = DedupKey.of(callback);
		String marker = this.keys.callbackDone(callback.account().appId(), key.hash());
		String done = quietGet(marker);
		if (done != null) {
			this.metrics.dedupHit("redis");
			return new Intake(key, null, true, done.isEmpty() ? null : done);
		}
		try {
			InboundMessage row = storeNew(callback, key);
			this.signal.committed(List.of(row.getId()));
			return new Intake(key, row.getId(), false, null);
		}
		catch (DuplicateKeyException ex) {
			this.metrics.dedupHit("database");
			InboundMessage existing = this.messages.findByDedupKey(callback.account().id(), key.hash());
			String reply = (existing != null && existing.getReplyStatus() == ReplyStatus.REPLIED)
					? existing.getReplyXml() : null;
			return new Intake(key, (existing != null) ? existing.getId() : null, true, reply);
		}
	}

	/**
	 * After the database was down, the pool still holds connections to the old server
	 * process; each would fail one request, and WeChat only retries three times. On a
	 * connection failure we drop every idle connection and try once more: if the database
	 * is back, the message is kept now; if not, the error goes to WeChat, which retries.
	 * Safe because the unique key turns a second insert of an already committed message
	 * into a duplicate. Not when the pool had no connection to give within its timeout:
	 * the database is away, and a second wait would double the time WeChat waits for its
	 * 503 (past its 5 s on a busy machine).
	 */
	private InboundMessage storeNew(ParsedCallback callback, DedupKey key) {
		try {
			return this.store.storeNew(callback, key);
		}
		catch (RecoverableDataAccessException | TransientDataAccessException | DataAccessResourceFailureException
				| CannotCreateTransactionException ex) {
			if (poolTimedOut(ex)) {
				throw ex;
			}
			if (this.dataSource instanceof HikariDataSource hikari && hikari.getHikariPoolMXBean() != null) {
				hikari.getHikariPoolMXBean().softEvictConnections();
			}
			this.metrics.storeRetry();
			return this.store.storeNew(callback, key);
		}
	}

	/**
	 * HikariCP's "Connection is not available, request timed out": an
	 * {@link SQLTransientConnectionException} of its own, not one of the driver's.
	 */
	static boolean poolTimedOut(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof SQLTransientConnectionException && t.getStackTrace().length > 0
					&& t.getStackTrace()[0].getClassName().startsWith("com.zaxxer.hikari.")) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Remembers in Redis that the message is stored, with the reply it got (empty for
	 * none).
	 */
	public void markDone(ParsedCallback callback, DedupKey key, String replyXml) {
		try {
			this.redis.opsForValue()
				.set(this.keys.callbackDone(callback.account().appId(), key.hash()), (replyXml != null) ? replyXml : "",
						this.markerTtl);
		}
		catch (RuntimeException ex) {
			this.metrics.redisUnavailable();
		}
	}

	private String quietGet(String key) {
		try {
			return this.redis.opsForValue().get(key);
		}
		catch (RuntimeException ex) {
			this.metrics.redisUnavailable();
			return null;
		}
	}

	/**
	 * The result of intake.
	 *
	 * @param key the dedup key
	 * @param messageId the stored row (may be {@code null} for a Redis-detected
	 * duplicate)
	 * @param duplicate whether the message had been stored before
	 * @param replyXml for a duplicate, the reply the first copy got
	 */
	public record Intake(DedupKey key, Long messageId, boolean duplicate, String replyXml) {
	}

}
