package io.wxops.admin.follower;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.wxops.admin.AdminFixtures;
import io.wxops.admin.AdminFixtures.Login;
import io.wxops.admin.AdminFixtures.Response;
import io.wxops.admin.AdminIntegrationTest;
import io.wxops.admin.SimulatorInitializer;
import io.wxops.admin.security.Role;
import io.wxops.core.account.AccountRegistry;
import io.wxops.core.account.AccountSnapshot;
import io.wxops.core.follower.FollowerLeaving;
import io.wxops.core.follower.FollowerMapper;
import io.wxops.core.wechat.WeChatCallException;
import io.wxops.core.wechat.WeChatError;
import me.chanjar.weixin.mp.bean.result.WxMpUser;
import io.wxops.devkit.simulator.SimulatedFailure;
import io.wxops.devkit.simulator.WeChatApiSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The follower sync against the simulator's population, on the real scheduler, database
 * and Redis: paging, resumption after an error and after the daily quota, the newer event
 * winning, followers missing from a complete list leaving.
 */
@AdminIntegrationTest
class FollowerSyncIntegrationTests {

	static final String BATCHGET = "/cgi-bin/user/info/batchget";

	static final String USER_GET = "/cgi-bin/user/get";

	@Autowired
	AdminFixtures fx;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	FollowerMapper followers;

	@Autowired
	FollowerSync sync;

	@Autowired
	AccountRegistry registry;

	@Autowired
	FollowerLeaving leaving;

	WeChatApiSimulator wechat = SimulatorInitializer.simulator();

	Login admin;

	long account;

	String appId;

	@BeforeEach
	void account() {
		this.wechat.setUserGetPageSize(1000);
		this.admin = this.fx.person(Role.ADMIN);
		JsonNode registered = this.fx.registerAccount(this.admin);
		this.account = registered.get("id").asLong();
		this.appId = registered.get("appId").asString();
	}

	@AfterEach
	void pageSize() {
		this.wechat.setUserGetPageSize(10_000);
	}

	@Test
	void aFullSyncPagesThroughTheListAndStoresEachFollowerOnce() {
		this.wechat.setFollowerPopulation(this.appId, 2_350);
		Response started = startSync(this.admin);
		assertThat(started.status()).as(started.body()).isEqualTo(202);
		assertThat(started.json().get("run").asLong()).isEqualTo(1);
		JsonNode done = awaitState("COMPLETE");
		assertThat(done.get("done").asLong()).isEqualTo(2_350);
		assertThat(done.get("total").asLong()).isEqualTo(2_350);
		assertThat(rows()).isEqualTo(2_350);
		assertThat(this.jdbc.queryForObject(
				"SELECT COUNT(DISTINCT openid) FROM wx_follower WHERE account_id = ? AND subscribed AND sync_run = 1",
				Long.class, this.account))
			.isEqualTo(2_350);
		// 3 pages and the empty one that ends the list; 24 batches of at most 100.
		assertThat(this.wechat.followerCalls(this.appId, USER_GET)).isEqualTo(4);
		assertThat(this.wechat.followerCalls(this.appId, BATCHGET)).isEqualTo(24);
		Map<String, Object> second = this.jdbc
			.queryForMap(
					"SELECT subscribe_scene, qr_scene_str, subscribed_at, nickname, city FROM wx_follower "
							+ "WHERE account_id = ? AND openid = ?",
					this.account, WeChatApiSimulator.followerOpenid(1));
		assertThat(second.get("subscribe_scene")).isEqualTo("ADD_SCENE_QR_CODE");
		assertThat(second.get("qr_scene_str")).isEqualTo("campus-1");
		assertThat(second.get("nickname")).isNull();
		assertThat(second.get("city")).isNull();
		// Twenty requests at once start nothing more: the sync is complete, so the next
		// start is run 2 for all of them.
		List<Integer> statuses = java.util.stream.IntStream.range(0, 20)
			.parallel()
			.mapToObj((i) -> startSync(this.admin).status())
			.toList();
		assertThat(statuses).containsOnly(202);
		awaitState("COMPLETE");
		assertThat(progress().get("run").asLong()).isEqualTo(2);
		assertThat(rows()).isEqualTo(2_350);
	}

	@Test
	void aSyncFailingOnABatchResumesThereWithNoDuplicateOrMissingRow() {
		this.wechat.setFollowerPopulation(this.appId, 1_500);
		this.wechat.failAfter(BATCHGET, 7, SimulatedFailure.httpStatus(500), 1);
		startSync(this.admin);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> progress().get("lastError") != null && !progress().get("lastError").isNull());
		JsonNode stopped = progress();
		assertThat(stopped.get("state").asString()).isEqualTo("RUNNING");
		// Only our translation and WeChat's errcode, not WeChat's or WxJava's message.
		assertThat(stopped.get("lastError").asString()).matches("WeChat: [^()]+ \\(errcode -?\\d+\\)");
		assertThat(stopped.get("done").asLong()).isEqualTo(700);
		assertThat(rows()).isEqualTo(700);
		assertThat(this.jdbc.queryForObject("SELECT page_position FROM wx_follower_sync WHERE account_id = ?",
				Integer.class, this.account))
			.isEqualTo(700);
		// Time passes: the back-off ends and the scheduler takes it up again.
		this.jdbc.update("UPDATE wx_follower_sync SET retry_at = NULL WHERE account_id = ?", this.account);
		JsonNode done = awaitState("COMPLETE");
		assertThat(done.get("done").asLong()).isEqualTo(1_500);
		assertThat(rows()).isEqualTo(1_500);
		// Batches 1-7, then 8-15 after the failure: none asked twice.
		assertThat(this.wechat.followerCalls(this.appId, BATCHGET)).isEqualTo(15);
		assertThat(done.get("missing").asLong()).isZero();
	}

	@Test
	void theDailyQuotaPausesTheSyncAndItResumesWhereItStopped() {
		this.wechat.setFollowerPopulation(this.appId, 1_200);
		this.wechat.setDailyQuota(this.appId, BATCHGET, 5);
		startSync(this.admin);
		JsonNode paused = awaitState("PAUSED");
		assertThat(paused.get("done").asLong()).isEqualTo(500);
		assertThat(paused.get("lastError").asString()).contains("45009");
		assertThat(Instant.parse(paused.get("retryAt").asString())).isAfter(Instant.now().plusSeconds(600));
		assertThat(rows()).isEqualTo(500);
		// Still paused a while later: nothing asks WeChat while the quota is used.
		await().pollDelay(Duration.ofSeconds(2)).until(() -> true);
		assertThat(this.wechat.followerCalls(this.appId, BATCHGET)).isEqualTo(5);
		// The quota renews and the pause ends.
		this.wechat.setDailyQuota(this.appId, BATCHGET, null);
		this.jdbc.update("UPDATE wx_follower_sync SET retry_at = NOW(3) - INTERVAL 1 SECOND WHERE account_id = ?",
				this.account);
		JsonNode done = awaitState("COMPLETE");
		assertThat(done.get("run").asLong()).isEqualTo(1);
		assertThat(rows()).isEqualTo(1_200);
		assertThat(this.wechat.followerCalls(this.appId, BATCHGET)).isEqualTo(12);
	}

	@Test
	void aPausedSyncResumesWhenStartedAgain() {
		this.wechat.setFollowerPopulation(this.appId, 400);
		this.wechat.setDailyQuota(this.appId, BATCHGET, 2);
		startSync(this.admin);
		awaitState("PAUSED");
		this.wechat.setDailyQuota(this.appId, BATCHGET, null);
		Response resumed = startSync(this.admin);
		assertThat(resumed.json().get("state").asString()).isEqualTo("RUNNING");
		assertThat(resumed.json().get("run").asLong()).isEqualTo(1);
		awaitState("COMPLETE");
		assertThat(rows()).isEqualTo(400);
		assertThat(this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM adm_audit_entry WHERE action = 'FOLLOWER_SYNC_RESUMED' AND account_id = ?",
				Long.class, this.account))
			.isEqualTo(1);
	}

	@Test
	void aFollowerMissingFromACompleteListLeavesAsOnUnsubscribe() {
		this.wechat.setFollowerPopulation(this.appId, 300);
		startSync(this.admin);
		awaitState("COMPLETE");
		String leaving = WeChatApiSimulator.followerOpenid(5);
		Response remark = this.fx.put("/api/accounts/" + this.account + "/followers/" + leaving + "/remark",
				this.admin.token(), Map.of("remark", "张老师", "version", 0));
		assertThat(remark.status()).as(remark.body()).isEqualTo(200);
		this.jdbc.update("INSERT INTO wx_follower_tag (account_id, openid, tag_id) VALUES (?, ?, 2)", this.account,
				leaving);
		// Someone who subscribed (by event) after the run started is not in WeChat's
		// list this simulator answers, and must not be taken for missing.
		this.followers.subscribe(this.account, "o_subscribed_meanwhile", Instant.now().getEpochSecond() + 120, null,
				null, Instant.now());
		this.wechat.followerUnsubscribed(this.appId, leaving);
		// States are whole seconds: the next run starts in a later second than the
		// first run's observations.
		await().pollDelay(Duration.ofMillis(1_100)).until(() -> true);
		startSync(this.admin);
		JsonNode done = awaitState("COMPLETE");
		assertThat(done.get("missing").asLong()).isEqualTo(1);
		Map<String, Object> row = this.jdbc.queryForMap(
				"SELECT subscribed, remark, subscribe_scene, erased_at FROM wx_follower WHERE account_id = ? AND openid = ?",
				this.account, leaving);
		assertThat(row.get("subscribed")).isEqualTo(false);
		assertThat(row.get("remark")).isNull();
		assertThat(row.get("subscribe_scene")).isNull();
		assertThat(row.get("erased_at")).isNotNull();
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM wx_follower_tag WHERE account_id = ? AND openid = ?",
				Long.class, this.account, leaving))
			.isZero();
		assertThat(this.jdbc.queryForObject(
				"SELECT subscribed FROM wx_follower WHERE account_id = ? AND openid = 'o_subscribed_meanwhile'",
				Boolean.class, this.account))
			.isTrue();
		assertThat(rows()).isEqualTo(300);
		Response list = this.fx.get("/api/accounts/" + this.account + "/followers?subscribed=false",
				this.admin.token());
		assertThat(list.json().get("total").asLong()).isEqualTo(1);
	}

	@Test
	void aSyncNeverUndoesANewerUnsubscribe() {
		this.wechat.setFollowerPopulation(this.appId, 150);
		String racing = WeChatApiSimulator.followerOpenid(42);
		// The unsubscribe event is newer than anything the sync observes.
		this.followers.subscribe(this.account, racing, 1_000, null, null, Instant.now());
		this.followers.unsubscribeAndErase(this.account, racing, Instant.now().getEpochSecond() + 300, Instant.now());
		startSync(this.admin);
		awaitState("COMPLETE");
		Map<String, Object> row = this.jdbc.queryForMap(
				"SELECT subscribed, subscribe_scene FROM wx_follower WHERE account_id = ? AND openid = ?", this.account,
				racing);
		assertThat(row.get("subscribed")).isEqualTo(false);
		assertThat(row.get("subscribe_scene")).isNull();
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM wx_follower WHERE account_id = ? AND subscribed",
				Long.class, this.account))
			.isEqualTo(149);
	}

	@Test
	void onlyAdministratorsAndPublishersSyncAndOthersSeeNoOtherAccount() {
		this.wechat.setFollowerPopulation(this.appId, 10);
		Login editor = this.fx.person(Role.EDITOR, this.account, null);
		assertThat(startSync(editor).status()).isEqualTo(403);
		long other = this.fx.registerAccount(this.admin).get("id").asLong();
		Login stranger = this.fx.person(Role.PUBLISHER, other, null);
		assertThat(startSync(stranger).status()).isEqualTo(404);
		assertThat(this.fx.get("/api/accounts/" + this.account + "/followers/sync", this.admin.token()).status())
			.isEqualTo(404);
		Login publisher = this.fx.person(Role.PUBLISHER, this.account, null);
		assertThat(startSync(publisher).status()).isEqualTo(202);
		awaitState("COMPLETE");
		assertThat(this.fx.get("/api/accounts/" + this.account + "/followers/sync", editor.token()).status())
			.isEqualTo(200);
	}

	@Test
	void twoWorkersOnTheSameCursorCommitOnlyOneBatch() {
		Instant now = Instant.now();
		// A running sync no scheduler takes up (its retry is a day away).
		this.jdbc.update("""
				INSERT INTO wx_follower_sync (account_id, run, state, run_started_at, resumed_at, retry_at,
				                              requested_by, updated_at)
				VALUES (?, 1, 'RUNNING', ?, ?, ?, 'test', ?)
				""", this.account, java.sql.Timestamp.from(now), java.sql.Timestamp.from(now),
				java.sql.Timestamp.from(now.plus(Duration.ofDays(1))), java.sql.Timestamp.from(now));
		AccountSnapshot snapshot = this.registry.find(this.appId).orElseThrow();
		FollowerSync.Cursor from = new FollowerSync.Cursor(null, 0);
		FollowerSync.Cursor to = new FollowerSync.Cursor(null, 100);
		long observed = now.getEpochSecond();
		Boolean first = this.sync.commitBatch(snapshot, users("o_cas_a_", 100), observed, 1, false, from, to, "o_next",
				2_000, 100);
		Boolean second = this.sync.commitBatch(snapshot, users("o_cas_b_", 100), observed, 1, false, from, to, "o_next",
				2_000, 100);
		assertThat(first).isFalse();
		assertThat(second).isNull();
		Map<String, Object> cursor = this.jdbc.queryForMap(
				"SELECT done, page_position, position_openid FROM wx_follower_sync WHERE account_id = ?", this.account);
		assertThat(cursor.get("done")).isEqualTo(100L);
		assertThat(cursor.get("page_position")).isEqualTo(100);
		assertThat(cursor.get("position_openid")).isEqualTo("o_next");
		assertThat(this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM wx_follower WHERE account_id = ? AND openid LIKE 'o\\_cas\\_a\\_%'", Long.class,
				this.account))
			.isEqualTo(100);
		// The loser's batch was rolled back with its cursor move.
		assertThat(this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM wx_follower WHERE account_id = ? AND openid LIKE 'o\\_cas\\_b\\_%'", Long.class,
				this.account))
			.isZero();
		// A cursor that moves backwards is refused as well.
		assertThat(this.sync.commitBatch(snapshot, users("o_cas_c_", 1), observed, 1, false, from,
				new FollowerSync.Cursor(null, 50), "o_back", 2_000, 1))
			.isNull();
		assertThat(this.jdbc.queryForObject("SELECT page_position FROM wx_follower_sync WHERE account_id = ?",
				Integer.class, this.account))
			.isEqualTo(100);
	}

	@Test
	void aChangedPageRedoneFromItsStartIsNotCountedTwice() {
		this.wechat.setFollowerPopulation(this.appId, 1_000);
		Instant now = Instant.now();
		// A stored cursor half way into the first page, at an openid no longer there.
		this.jdbc.update("""
				INSERT INTO wx_follower_sync (account_id, run, state, page_position, position_openid, done,
				                              run_started_at, resumed_at, requested_by, updated_at)
				VALUES (?, 1, 'RUNNING', 500, 'o_gone_meanwhile', 500, ?, ?, 'test', ?)
				""", this.account, java.sql.Timestamp.from(now), java.sql.Timestamp.from(now),
				java.sql.Timestamp.from(now));
		JsonNode done = awaitState("COMPLETE");
		assertThat(done.get("total").asLong()).isEqualTo(1_000);
		assertThat(done.get("done").asLong()).isEqualTo(1_000);
		assertThat(rows()).isEqualTo(1_000);
	}

	@Test
	void anUnsubscribeStampedJustBeforeTheBatchByWeChatsClockStillApplies() {
		Instant asked = Instant.now();
		long observed = FollowerSync.observedAt(asked);
		assertThat(observed).isEqualTo(asked.getEpochSecond() - FollowerSync.OBSERVATION_MARGIN.toSeconds());
		this.jdbc.update("""
				INSERT INTO wx_follower_sync (account_id, run, state, run_started_at, resumed_at, retry_at,
				                              requested_by, updated_at)
				VALUES (?, 1, 'RUNNING', ?, ?, ?, 'test', ?)
				""", this.account, java.sql.Timestamp.from(asked), java.sql.Timestamp.from(asked),
				java.sql.Timestamp.from(asked.plus(Duration.ofDays(1))), java.sql.Timestamp.from(asked));
		AccountSnapshot snapshot = this.registry.find(this.appId).orElseThrow();
		assertThat(this.sync.commitBatch(snapshot, users("o_clock_", 1), observed, 1, false,
				new FollowerSync.Cursor(null, 0), new FollowerSync.Cursor(null, 1), "o_next", 2, 1))
			.isNotNull();
		// WeChat's clock is the margin behind admin-api's: the follower unsubscribed
		// right
		// after the batch, yet its CreateTime is the margin earlier than admin-api's
		// clock.
		this.leaving.left(this.account, this.appId, "o_clock_0",
				asked.getEpochSecond() - FollowerSync.OBSERVATION_MARGIN.toSeconds(), Instant.now());
		assertThat(this.jdbc.queryForObject(
				"SELECT subscribed FROM wx_follower WHERE account_id = ? AND openid = 'o_clock_0'", Boolean.class,
				this.account))
			.isFalse();
	}

	@Test
	void lastErrorKeepsNoMessageOfTheFailure() {
		String internal = FollowerSync.internalError(new IllegalStateException(
				"SQL [UPDATE wx_follower SET remark = ? WHERE openid = 'oSIM0000000000000000000042']"));
		assertThat(internal).contains("IllegalStateException").doesNotContain("oSIM").doesNotContain("UPDATE");
		String wechat = FollowerSync.wechatError(new WeChatCallException(WeChatError.forErrcode(40003), 40003,
				"invalid openid oSIM0000000000000000000042 rid: 1", null, null));
		assertThat(wechat).contains("40003").doesNotContain("oSIM").doesNotContain("rid");
	}

	private static List<WxMpUser> users(String prefix, int count) {
		return java.util.stream.IntStream.range(0, count).mapToObj((i) -> {
			WxMpUser user = new WxMpUser();
			user.setOpenId(prefix + i);
			user.setSubscribe(true);
			user.setSubscribeTime(1_700_000_000L);
			return user;
		}).toList();
	}

	private Response startSync(Login who) {
		return this.fx.post("/api/accounts/" + this.account + "/followers/sync", who.token(), Map.of());
	}

	private JsonNode progress() {
		Response r = this.fx.get("/api/accounts/" + this.account + "/followers/sync", this.admin.token());
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		return r.json();
	}

	private JsonNode awaitState(String state) {
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> state.equals(progress().get("state").asString()));
		return progress();
	}

	private long rows() {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM wx_follower WHERE account_id = ? AND openid LIKE 'oSIM%'",
				Long.class, this.account);
	}

}
