package io.wxops.gateway.follower;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.wxops.devkit.simulator.FollowerSimulator.Delivery;
import io.wxops.devkit.simulator.SimulatedAccount.Mode;
import io.wxops.gateway.Fixtures;
import io.wxops.gateway.Fixtures.Registered;
import io.wxops.gateway.GatewayIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Follower rows kept by subscribe, scan, location and unsubscribe events. */
@GatewayIntegrationTest
class FollowerIntegrationTests {

	@Autowired
	Fixtures fixtures;

	@Test
	void subscribeThroughAQrCodeRecordsTheScene() {
		Registered account = this.fixtures.account(Mode.SAFE);
		String openid = Fixtures.openid();

		event(account, "event-subscribe-qrscene", openid, 1_700_000_000L);

		Map<String, Object> row = this.fixtures.follower(account, openid);
		assertThat(row.get("subscribed")).isEqualTo(true);
		assertThat(row.get("subscribe_scene")).isEqualTo("123123");
		assertThat(row.get("qr_ticket")).isEqualTo("TICKET");
	}

	@Test
	void concurrentSubscribeEventsLeaveOneRow() throws Exception {
		Registered account = this.fixtures.account(Mode.PLAINTEXT);
		String openid = Fixtures.openid();
		ExecutorService pool = Executors.newFixedThreadPool(6);
		try {
			CountDownLatch go = new CountDownLatch(1);
			List<Future<Delivery>> futures = new ArrayList<>();
			for (int i = 0; i < 6; i++) {
				long time = 1_700_000_000L + i;
				futures.add(pool.submit(() -> {
					go.await();
					return this.fixtures.simulator()
						.deliver(account.wechat(), Fixtures.sample("event-subscribe", account, openid, time, 0),
								openid);
				}));
			}
			go.countDown();
			for (Future<Delivery> f : futures) {
				assertThat(f.get(20, TimeUnit.SECONDS).status()).isEqualTo(200);
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(this.fixtures.followerCount(account)).isEqualTo(1);
		assertThat(this.fixtures.messageCount(account)).isEqualTo(6);
		assertThat(this.fixtures.follower(account, openid).get("state_time")).isEqualTo(1_700_000_005L);
	}

	@Test
	void scanByAFollowerWhoPredatesTheSystemCreatesTheirRow() {
		Registered account = this.fixtures.account(Mode.PLAINTEXT);
		String openid = Fixtures.openid();

		event(account, "event-scan", openid, 1_700_000_100L);

		assertThat(this.fixtures.followerCount(account)).isEqualTo(1);
		assertThat(this.fixtures.follower(account, openid).get("subscribed")).isEqualTo(true);
	}

	@Test
	void scanByAFollowerIsStoredWithoutChangingTheirScene() {
		Registered account = this.fixtures.account(Mode.PLAINTEXT);
		String openid = Fixtures.openid();
		event(account, "event-subscribe-qrscene", openid, 1_700_000_000L);

		event(account, "event-scan", openid, 1_700_000_100L);

		assertThat(this.fixtures.follower(account, openid).get("subscribe_scene")).isEqualTo("123123");
		assertThat(this.fixtures.messageCount(account)).isEqualTo(2);
	}

	@Test
	void unsubscribeErasesPersonalDataAndPseudonymisesTheArchive() {
		Registered account = this.fixtures.account(Mode.SAFE);
		String openid = Fixtures.openid();
		event(account, "event-subscribe-qrscene", openid, 1_700_000_000L);
		event(account, "event-location", openid, 1_700_000_010L);
		event(account, "location", openid, 1_700_000_020L);
		event(account, "image", openid, 1_700_000_030L);
		Map<String, Object> before = this.fixtures.follower(account, openid);
		assertThat(before.get("last_latitude")).isNotNull();

		event(account, "event-unsubscribe", openid, 1_700_000_040L);

		Map<String, Object> after = this.fixtures.follower(account, openid);
		assertThat(after.get("subscribed")).isEqualTo(false);
		assertThat(after.get("erased_at")).isNotNull();
		assertThat(after)
			.extractingByKeys("subscribe_scene", "qr_ticket", "last_latitude", "last_longitude", "last_precision",
					"last_location_at", "nickname", "head_img_url", "union_id")
			.containsOnlyNulls();
		List<Map<String, Object>> archive = this.fixtures.jdbc()
			.queryForList("SELECT from_user, fields, reply_xml, pseudonymised_at FROM wx_inbound_message "
					+ "WHERE account_id = ?", account.snapshot().id());
		assertThat(archive).hasSize(5).allSatisfy(m -> {
			assertThat((String) m.get("from_user")).startsWith("anon_").isNotEqualTo(openid);
			assertThat((String) m.get("fields")).doesNotContain(openid)
				.doesNotContain("Latitude")
				.doesNotContain("Location_X")
				.doesNotContain("PicUrl");
			assertThat(m.get("pseudonymised_at")).isNotNull();
		});
		assertThat(archive.stream().map(m -> m.get("from_user")).distinct()).hasSize(1);
	}

	/**
	 * Unsubscribe reaches the tickets: a closed one gets the same pseudonym as the stored
	 * messages and keeps its record; an open one keeps the openid while it is handled.
	 */
	@Test
	void unsubscribePseudonymisesTheFollowersClosedTicketsToo() {
		Registered account = this.fixtures.account(Mode.PLAINTEXT);
		String openid = Fixtures.openid();
		event(account, "event-subscribe-qrscene", openid, 1_700_000_000L);
		event(account, "image", openid, 1_700_000_030L);
		long closed = ticket(account, openid, "COMPLAINT", "CLOSED");
		long open = ticket(account, openid, "SUGGESTION", "IN_PROGRESS");

		event(account, "event-unsubscribe", openid, 1_700_000_040L);

		String pseudonym = this.fixtures.jdbc()
			.queryForObject("SELECT DISTINCT from_user FROM wx_inbound_message WHERE account_id = ?", String.class,
					account.snapshot().id());
		assertThat(pseudonym).startsWith("anon_");
		Map<String, Object> closedRow = this.fixtures.jdbc()
			.queryForMap("SELECT openid, category, status FROM inb_ticket WHERE id = ?", closed);
		assertThat(closedRow).containsEntry("openid", pseudonym)
			.containsEntry("category", "COMPLAINT")
			.containsEntry("status", "CLOSED");
		assertThat(
				this.fixtures.jdbc().queryForObject("SELECT openid FROM inb_ticket WHERE id = ?", String.class, open))
			.isEqualTo(openid);
	}

	private long ticket(Registered account, String openid, String category, String status) {
		this.fixtures.jdbc()
			.update("""
					INSERT INTO inb_ticket (account_id, openid, category, status, hidden, removal_flagged, due_at,
					  first_message_at, last_message_at, closed_at, version, created_at, updated_at)
					VALUES (?, ?, ?, ?, FALSE, FALSE, NOW(3), NOW(3), NOW(3), IF(? = 'CLOSED', NOW(3), NULL), 1, NOW(3), NOW(3))""",
					account.snapshot().id(), openid, category, status, status);
		return this.fixtures.jdbc().queryForObject("SELECT LAST_INSERT_ID()", Long.class);
	}

	@Test
	void aLateRetryOfTheOldSubscribeDoesNotUndoTheUnsubscribe() {
		Registered account = this.fixtures.account(Mode.PLAINTEXT);
		String openid = Fixtures.openid();
		event(account, "event-unsubscribe", openid, 1_700_000_100L);

		event(account, "event-subscribe", openid, 1_700_000_050L);

		assertThat(this.fixtures.follower(account, openid).get("subscribed")).isEqualTo(false);
	}

	@Test
	void resubscribingKeepsOneRow() {
		Registered account = this.fixtures.account(Mode.PLAINTEXT);
		String openid = Fixtures.openid();
		event(account, "event-subscribe", openid, 1_700_000_000L);
		event(account, "event-unsubscribe", openid, 1_700_000_100L);
		event(account, "event-subscribe", openid, 1_700_000_200L);

		assertThat(this.fixtures.followerCount(account)).isEqualTo(1);
		Map<String, Object> row = this.fixtures.follower(account, openid);
		assertThat(row.get("subscribed")).isEqualTo(true);
		assertThat(row.get("erased_at")).isNull();
	}

	private void event(Registered account, String sample, String openid, long time) {
		Delivery d = this.fixtures.simulator()
			.deliver(account.wechat(), Fixtures.sample(sample, account, openid, time, Fixtures.nextMsgId()), openid);
		assertThat(d.status()).isEqualTo(200);
	}

}
