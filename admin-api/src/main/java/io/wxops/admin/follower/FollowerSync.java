package io.wxops.admin.follower;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.annotations.media.Schema;
import io.wxops.admin.audit.AuditTrail;
import io.wxops.admin.security.Caller;
import io.wxops.core.account.AccountRegistry;
import io.wxops.core.account.AccountSnapshot;
import io.wxops.core.follower.FollowerLeaving;
import io.wxops.core.follower.FollowerMapper;
import io.wxops.core.wechat.WeChatCallException;
import io.wxops.core.wechat.WeChatCalls;
import io.wxops.core.wechat.WeChatError;
import me.chanjar.weixin.mp.bean.result.WxMpUser;
import me.chanjar.weixin.mp.bean.result.WxMpUserList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The follower sync of an account: the whole list from WeChat ({@code user/get}, 10,000
 * openids a page, paged by {@code next_openid}), each page's followers in batches of 100
 * ({@code user/info/batchget}), upserted by (account, openid).
 *
 * <p>
 * Resumable: the cursor (the page's {@code next_openid}, the position in the page and the
 * openid found there) is stored in {@code wx_follower_sync} in the same transaction as
 * each batch's rows, so a sync stopped by a crash, an error or the daily quota (45009)
 * continues with the next batch; a page that changed meanwhile (the openid at the
 * position is another) is worked from its start again, which only repeats upserts. Only
 * one page (at most 10,000 openids) is ever held in memory.
 *
 * <p>
 * A newer event wins: each batch is recorded with the time before it was asked for, and
 * applies only where that is newer than the follower's recorded state, so a sync never
 * undoes an unsubscribe it raced. A follower WeChat reports unsubscribed, and once the
 * list is complete every subscribed follower the run did not see (and whose state is
 * older than the run), leaves through {@link FollowerLeaving}: the gateway's erasure and
 * pseudonymisation.
 *
 * <p>
 * States: RUNNING (worked on by the scheduler, one instance at a time), SWEEPING (the
 * list is complete, the followers it lacked are being unsubscribed), PAUSED (quota 45009;
 * resumes at {@code retryAt} or when started again), FAILED (after {@code max-failures}
 * failed attempts in a row; resumes when started again), COMPLETE.
 */
@Service
public class FollowerSync {

	private static final Logger log = LoggerFactory.getLogger(FollowerSync.class);

	static final int BATCH = 100;

	static final int SWEEP_CHUNK = 500;

	/**
	 * How much earlier than this server's clock a batch counts as observed. The gateway
	 * applies an event when WeChat's CreateTime is at least the recorded state time; were
	 * this clock ahead of WeChat's, an unsubscribe just after the batch would look older
	 * than the batch and be ignored. A few seconds cover ordinary NTP drift; a subscribe
	 * the batch already saw is only applied once more.
	 */
	static final Duration OBSERVATION_MARGIN = Duration.ofSeconds(5);

	private final JdbcTemplate jdbc;

	private final TransactionTemplate tx;

	private final WeChatCalls wechat;

	private final AccountRegistry registry;

	private final FollowerMapper followers;

	private final FollowerLeaving leaving;

	private final AuditTrail audit;

	private final Clock clock;

	private final Duration quotaPause;

	private final Duration errorBackoff;

	private final int maxFailures;

	FollowerSync(JdbcTemplate jdbc, TransactionTemplate tx, WeChatCalls wechat, AccountRegistry registry,
			FollowerMapper followers, FollowerLeaving leaving, AuditTrail audit, Clock clock,
			@Value("${wxops.admin.followers.quota-pause:1h}") Duration quotaPause,
			@Value("${wxops.admin.followers.error-backoff:10s}") Duration errorBackoff,
			@Value("${wxops.admin.followers.max-failures:5}") int maxFailures) {
		this.jdbc = jdbc;
		this.tx = tx;
		this.wechat = wechat;
		this.registry = registry;
		this.followers = followers;
		this.leaving = leaving;
		this.audit = audit;
		this.clock = clock;
		this.quotaPause = quotaPause;
		this.errorBackoff = errorBackoff;
		this.maxFailures = maxFailures;
	}

	/** States of a sync. */
	public enum State {

		RUNNING, SWEEPING, PAUSED, FAILED, COMPLETE

	}

	@Schema(description = "An account's follower sync: its run number (one per full sync), state (RUNNING, SWEEPING "
			+ "while followers missing from the complete list are unsubscribed, PAUSED by WeChat's daily quota 45009 "
			+ "until retryAt, FAILED after repeated errors, COMPLETE), followers done of total (WeChat's count), the "
			+ "rate of the current stretch in followers per second and the estimated seconds left (null when "
			+ "unknown), the followers found missing and unsubscribed, and the last error.")
	public record Progress(long accountId, long run, State state, long done, Long total, Double ratePerSecond,
			Long etaSeconds, long missing, Instant startedAt, Instant updatedAt, Instant finishedAt, Instant retryAt,
			String lastError, String requestedBy) {
	}

	/** The stored row. */
	record Row(long accountId, long run, State state, String nextOpenid, int pagePosition, String positionOpenid,
			Long total, long done, Instant startedAt, Instant resumedAt, long doneAtResume, Instant retryAt,
			int failures, String lastError, String requestedBy, long missing, Instant finishedAt, Instant updatedAt) {
	}

	// ---- starting and reading ----

	/**
	 * Starts a full sync, or resumes a paused or failed one where it stopped; a running
	 * one is left as it is. Returns the sync's state.
	 */
	public Progress start(Caller caller, long accountId) {
		Instant now = now();
		// The row exists before the transaction locks it (inserting and locking in one
		// transaction would let concurrent starts deadlock on the insert).
		this.jdbc.update("""
				INSERT IGNORE INTO wx_follower_sync (account_id, run, state, run_started_at, resumed_at,
				                                     requested_by, updated_at, finished_at)
				VALUES (?, 0, 'COMPLETE', ?, ?, ?, ?, ?)
				""", accountId, ts(now), ts(now), caller.username(), ts(now), ts(now));
		return this.tx.execute((status) -> {
			Row row = lockRow(accountId);
			switch (row.state()) {
				case RUNNING, SWEEPING -> {
					return progress(row, now);
				}
				case PAUSED, FAILED -> {
					this.jdbc.update("""
							UPDATE wx_follower_sync SET state = 'RUNNING', retry_at = NULL, failures = 0,
							       resumed_at = ?, done_at_resume = done, requested_by = ?, updated_at = ?
							 WHERE account_id = ?
							""", ts(now), caller.username(), ts(now), accountId);
					this.audit.record(caller, "FOLLOWER_SYNC_RESUMED", "follower-sync", row.run(), accountId, null,
							Map.of("run", row.run(), "done", row.done()));
				}
				case COMPLETE -> {
					this.jdbc.update("""
							UPDATE wx_follower_sync SET run = run + 1, state = 'RUNNING', next_openid = NULL,
							       page_position = 0, position_openid = NULL, total = NULL, done = 0, missing = 0,
							       run_started_at = ?, resumed_at = ?, done_at_resume = 0, retry_at = NULL,
							       failures = 0, last_error = NULL, requested_by = ?, finished_at = NULL,
							       updated_at = ?
							 WHERE account_id = ?
							""", ts(now), ts(now), caller.username(), ts(now), accountId);
					this.audit.record(caller, "FOLLOWER_SYNC_STARTED", "follower-sync", row.run() + 1, accountId, null,
							Map.of("run", row.run() + 1));
				}
			}
			return progress(readRow(accountId), now);
		});
	}

	/** The account's sync, or null when it never ran. */
	public Progress progress(long accountId) {
		Row row = readRow(accountId);
		return (row != null) ? progress(row, now()) : null;
	}

	/** Accounts whose sync the scheduler should work on now. */
	List<Long> due() {
		Instant now = now();
		this.jdbc.update("""
				UPDATE wx_follower_sync SET state = 'RUNNING', retry_at = NULL, resumed_at = ?, done_at_resume = done,
				       updated_at = ?
				 WHERE state = 'PAUSED' AND retry_at <= ?
				""", ts(now), ts(now), ts(now));
		return this.jdbc.queryForList("""
				SELECT account_id FROM wx_follower_sync
				 WHERE state IN ('RUNNING', 'SWEEPING') AND (retry_at IS NULL OR retry_at <= ?)
				 ORDER BY updated_at
				""", Long.class, ts(now));
	}

	// ---- working ----

	/**
	 * Works on an account's sync for up to {@code budget} (at least one batch), keeping
	 * the cursor after each batch. Only the scheduler calls this, one instance at a time.
	 * @return the followers upserted
	 */
	int advance(long accountId, Duration budget) {
		long deadline = System.nanoTime() + budget.toNanos();
		Row row = readRow(accountId);
		if (row == null || (row.state() != State.RUNNING && row.state() != State.SWEEPING)) {
			return 0;
		}
		String appId = this.jdbc.queryForObject("SELECT app_id FROM wx_account WHERE id = ?", String.class, accountId);
		AccountSnapshot account = this.registry.find(appId).orElse(null);
		if (account == null) {
			fail(row, "The account is not in the registry.", true);
			return 0;
		}
		int upserted = 0;
		try {
			if (row.state() == State.RUNNING) {
				upserted = list(account, row, deadline);
				row = readRow(accountId);
			}
			if (row.state() == State.SWEEPING) {
				sweep(account, row, deadline);
			}
			return upserted;
		}
		catch (WeChatCallException ex) {
			if (ex.error() == WeChatError.API_QUOTA_REACHED) {
				pause(accountId, ex);
			}
			else {
				log.warn("Follower sync of account {}: WeChat call failed: {}", accountId, ex.getMessage());
				fail(readRow(accountId), wechatError(ex), false);
			}
			return upserted;
		}
		catch (RuntimeException ex) {
			log.warn("Follower sync of account {} failed this time", accountId, ex);
			fail(readRow(accountId), internalError(ex), false);
			return upserted;
		}
	}

	private int list(AccountSnapshot account, Row start, long deadline) {
		long accountId = account.id();
		String pageKey = start.nextOpenid();
		int position = start.pagePosition();
		String positionOpenid = start.positionOpenid();
		long run = start.run();
		// The cursor as stored: each batch moves it from here (compare-and-set).
		Cursor stored = new Cursor(pageKey, position);
		int upserted = 0;
		boolean tagsExist = Boolean.TRUE.equals(this.jdbc.queryForObject(
				"SELECT EXISTS (SELECT 1 FROM wx_follower_tag WHERE account_id = ?)", Boolean.class, accountId));
		while (true) {
			String key = pageKey;
			WxMpUserList page = this.wechat.call(account, (s) -> s.getUserService().userList(key));
			List<String> openids = (page.getOpenids() != null) ? page.getOpenids() : List.of();
			long total = page.getTotal();
			// Followers of the page already counted in done that are counted again when
			// the page is worked from its start.
			int redone = 0;
			if (position > 0 && (position >= openids.size() || !openids.get(position).equals(positionOpenid))) {
				// The page changed since the cursor was stored: work it from its start.
				redone = position;
				position = 0;
			}
			if (openids.isEmpty() || position >= openids.size()) {
				finishList(accountId, total);
				return upserted;
			}
			while (position < openids.size()) {
				List<String> batch = openids.subList(position, Math.min(openids.size(), position + BATCH));
				long observed = observedAt(this.clock.instant());
				List<WxMpUser> users = this.wechat.call(account, (s) -> s.getUserService().userInfoList(batch));
				int next = position + batch.size();
				boolean pageDone = next >= openids.size();
				String nextKey = pageDone ? page.getNextOpenid() : pageKey;
				int nextPosition = pageDone ? 0 : next;
				String nextPositionOpenid = pageDone ? null : openids.get(next);
				Cursor to = new Cursor(nextKey, nextPosition);
				Boolean tagged = commitBatch(account, users, observed, run, tagsExist, stored, to, nextPositionOpenid,
						total, batch.size() - redone);
				if (tagged == null) {
					// Another worker moved the cursor meanwhile: this batch was
					// rolled back, and the sync goes on from the stored cursor on
					// the next turn.
					log.info("Follower sync of account {}: the cursor moved meanwhile, this batch was dropped",
							accountId);
					return upserted;
				}
				tagsExist |= tagged;
				stored = to;
				redone = 0;
				upserted += batch.size();
				position = nextPosition;
				positionOpenid = nextPositionOpenid;
				if (pageDone) {
					pageKey = nextKey;
					if (pageKey == null || pageKey.isEmpty()) {
						finishList(accountId, total);
						return upserted;
					}
				}
				if (System.nanoTime() > deadline) {
					return upserted;
				}
				if (pageDone) {
					break;
				}
			}
		}
	}

	/**
	 * The state time a batch asked for at {@code asked} records (epoch seconds, as
	 * WeChat's CreateTime): {@link #OBSERVATION_MARGIN} earlier.
	 */
	static long observedAt(Instant asked) {
		return asked.minus(OBSERVATION_MARGIN).getEpochSecond();
	}

	/** A stored cursor: the page's {@code next_openid} key and the position in it. */
	record Cursor(String pageKey, int position) {
	}

	/**
	 * Stores one batch and moves the cursor from {@code from} to {@code to} in one
	 * transaction; when the stored cursor is no longer {@code from} (another worker
	 * stored this batch meanwhile) nothing is kept.
	 * @return whether it stored a tag, or null when the cursor had moved and the batch
	 * was rolled back
	 */
	Boolean commitBatch(AccountSnapshot account, List<WxMpUser> users, long observed, long run, boolean hadTags,
			Cursor from, Cursor to, String toPositionOpenid, long total, int counted) {
		return this.tx.execute((status) -> {
			boolean tagged = store(account, users, observed, run, hadTags);
			int moved = this.jdbc.update("""
					UPDATE wx_follower_sync SET next_openid = ?, page_position = ?, position_openid = ?,
					       total = ?, done = GREATEST(0, done + ?), failures = 0, last_error = NULL, updated_at = ?
					 WHERE account_id = ? AND run = ? AND state = 'RUNNING'
					   AND next_openid <=> ? AND page_position = ?
					""", to.pageKey(), to.position(), toPositionOpenid, total, counted, ts(now()), account.id(), run,
					from.pageKey(), from.position());
			if (moved != 1) {
				status.setRollbackOnly();
				return null;
			}
			return tagged;
		});
	}

	/** Stores one batch; true when it stored a tag. */
	private boolean store(AccountSnapshot account, List<WxMpUser> users, long observed, long run, boolean hadTags) {
		Instant now = now();
		List<FollowerMapper.Synced> subscribed = new ArrayList<>(users.size());
		List<FollowerMapper.TagPair> tags = new ArrayList<>();
		Set<String> left = new HashSet<>();
		for (WxMpUser user : users) {
			if (!Boolean.TRUE.equals(user.getSubscribe())) {
				left.add(user.getOpenId());
				continue;
			}
			subscribed.add(new FollowerMapper.Synced(user.getOpenId(),
					(user.getSubscribeTime() != null) ? Instant.ofEpochSecond(user.getSubscribeTime()) : null,
					blankToNull(user.getSubscribeScene()), blankToNull(user.getQrSceneStr()),
					blankToNull(user.getRemark()), blankToNull(user.getUnionId())));
			if (user.getTagIds() != null) {
				for (Long tag : user.getTagIds()) {
					tags.add(new FollowerMapper.TagPair(user.getOpenId(), tag));
				}
			}
		}
		if (!subscribed.isEmpty()) {
			this.followers.syncSubscribed(account.id(), subscribed, observed, run, now);
			if (hadTags) {
				this.followers.clearTags(account.id(), subscribed.stream().map(FollowerMapper.Synced::openid).toList());
			}
			if (!tags.isEmpty()) {
				this.followers.addTags(account.id(), tags);
			}
		}
		for (String openid : left) {
			this.leaving.left(account.id(), account.appId(), openid, observed, now);
		}
		return !tags.isEmpty();
	}

	private void finishList(long accountId, long total) {
		this.jdbc.update("""
				UPDATE wx_follower_sync SET state = 'SWEEPING', total = ?, updated_at = ?
				 WHERE account_id = ? AND state = 'RUNNING'
				""", total, ts(now()), accountId);
	}

	/**
	 * Every follower still subscribed that the complete list lacked, and whose state is
	 * older than the run (strictly: in whole seconds, as WeChat's CreateTime, so a
	 * subscribe event in the run's first second is never taken for missing), left: the
	 * gateway's erasure for each.
	 */
	private void sweep(AccountSnapshot account, Row row, long deadline) {
		long startedEpoch = row.startedAt().getEpochSecond();
		while (true) {
			List<String> missing = this.jdbc.queryForList("""
					SELECT openid FROM wx_follower
					 WHERE account_id = ? AND subscribed AND (sync_run IS NULL OR sync_run < ?) AND state_time < ?
					 ORDER BY id LIMIT ?
					""", String.class, account.id(), row.run(), startedEpoch, SWEEP_CHUNK);
			Instant now = now();
			if (missing.isEmpty()) {
				this.tx.executeWithoutResult((status) -> {
					int done = this.jdbc.update("""
							UPDATE wx_follower_sync SET state = 'COMPLETE', finished_at = ?, updated_at = ?
							 WHERE account_id = ? AND run = ? AND state = 'SWEEPING'
							""", ts(now), ts(now), account.id(), row.run());
					if (done == 1) {
						Row finished = readRow(account.id());
						this.audit.record(Caller.system("follower-sync"), "FOLLOWER_SYNC_COMPLETED", "follower-sync",
								row.run(), account.id(), null,
								Map.of("run", row.run(), "done", finished.done(), "missing", finished.missing()));
					}
				});
				return;
			}
			this.tx.executeWithoutResult((status) -> {
				for (String openid : missing) {
					this.leaving.left(account.id(), account.appId(), openid, startedEpoch, now);
				}
				this.jdbc.update(
						"UPDATE wx_follower_sync SET missing = missing + ?, updated_at = ? WHERE account_id = ?",
						missing.size(), ts(now), account.id());
			});
			if (System.nanoTime() > deadline) {
				return;
			}
		}
	}

	private void pause(long accountId, WeChatCallException ex) {
		Instant now = now();
		this.jdbc.update("""
				UPDATE wx_follower_sync SET state = 'PAUSED', retry_at = ?, last_error = ?, updated_at = ?
				 WHERE account_id = ? AND state IN ('RUNNING', 'SWEEPING')
				""", ts(now.plus(this.quotaPause)), truncate(wechatError(ex)), ts(now), accountId);
		log.info("Follower sync of account {} paused by WeChat's daily quota until {}", accountId,
				now.plus(this.quotaPause));
	}

	/**
	 * The text {@code lastError} keeps of a WeChat failure: WeChat's errcode and our
	 * translation only, never WeChat's errmsg or anything from the call (which may name a
	 * follower); the whole message is in the log.
	 */
	static String wechatError(WeChatCallException ex) {
		return "WeChat: " + ex.title() + " (errcode " + ex.errcode() + ")";
	}

	/**
	 * The text {@code lastError} keeps of any other failure: its exception class only
	 * (the message may hold SQL or an openid); the detail is in the log.
	 */
	static String internalError(RuntimeException ex) {
		return "Internal error (" + ex.getClass().getSimpleName() + "); the details are in the admin-api log.";
	}

	private void fail(Row row, String error, boolean permanent) {
		if (row == null) {
			return;
		}
		Instant now = now();
		int failures = row.failures() + 1;
		boolean failed = permanent || failures >= this.maxFailures;
		Duration wait = this.errorBackoff.multipliedBy(1L << Math.min(failures - 1, 6));
		this.jdbc.update("""
				UPDATE wx_follower_sync SET state = ?, failures = ?, retry_at = ?, last_error = ?, updated_at = ?
				 WHERE account_id = ? AND run = ? AND state IN ('RUNNING', 'SWEEPING')
				""", failed ? "FAILED" : row.state().name(), failures, failed ? null : ts(now.plus(wait)),
				truncate(error), ts(now), row.accountId(), row.run());
		log.warn("Follower sync of account {} failed ({} in a row{}): {}", row.accountId(), failures,
				failed ? ", stopped" : ", retried in " + wait, error);
	}

	// ---- rows ----

	private Row lockRow(long accountId) {
		return this.jdbc.queryForObject("SELECT * FROM wx_follower_sync WHERE account_id = ? FOR UPDATE",
				FollowerSync::row, accountId);
	}

	Row readRow(long accountId) {
		List<Row> rows = this.jdbc.query("SELECT * FROM wx_follower_sync WHERE account_id = ?", FollowerSync::row,
				accountId);
		return rows.isEmpty() ? null : rows.get(0);
	}

	private static Row row(ResultSet rs, int n) throws SQLException {
		return new Row(rs.getLong("account_id"), rs.getLong("run"), State.valueOf(rs.getString("state")),
				rs.getString("next_openid"), rs.getInt("page_position"), rs.getString("position_openid"),
				(Long) rs.getObject("total", Long.class), rs.getLong("done"), instant(rs, "run_started_at"),
				instant(rs, "resumed_at"), rs.getLong("done_at_resume"), instant(rs, "retry_at"), rs.getInt("failures"),
				rs.getString("last_error"), rs.getString("requested_by"), rs.getLong("missing"),
				instant(rs, "finished_at"), instant(rs, "updated_at"));
	}

	private static Progress progress(Row row, Instant now) {
		Double rate = null;
		Long eta = null;
		if (row.state() == State.RUNNING || row.state() == State.SWEEPING) {
			double seconds = Duration.between(row.resumedAt(), now).toMillis() / 1000.0;
			long stretch = row.done() - row.doneAtResume();
			if (seconds > 0 && stretch > 0) {
				rate = Math.round(stretch / seconds * 10) / 10.0;
				if (row.total() != null) {
					eta = Math.max(0, Math.round((row.total() - row.done()) / (stretch / seconds)));
				}
			}
		}
		return new Progress(row.accountId(), row.run(), row.state(), row.done(), row.total(), rate, eta, row.missing(),
				row.startedAt(), row.updatedAt(), row.finishedAt(), row.retryAt(), row.lastError(), row.requestedBy());
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
	}

	private static Timestamp ts(Instant instant) {
		return (instant != null) ? Timestamp.from(instant) : null;
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return (t != null) ? t.toInstant() : null;
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

	private static String truncate(String value) {
		return (value.length() > 500) ? value.substring(0, 500) : value;
	}

}
