package io.wxops.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.wxops.devkit.simulator.FollowerSimulator;
import io.wxops.devkit.simulator.FollowerSimulator.Delivery;
import io.wxops.devkit.simulator.SimulatedAccount;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole local run with admin-api down while followers write: the gateway stores the
 * messages, and once admin-api is back each one is routed exactly once, with one ticket
 * per follower and category and one acknowledgement per ticket.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class AdminOutageRoutingTests {

	private static final String[] TEXTS = { "投诉：宿舍热水不足", "建议增加校车班次", "请问开学时间" };

	@TempDir
	static Path home;

	private static LocalLauncher.Running running;

	@BeforeAll
	static void start() {
		running = LocalLauncher.start(Map.of(LocalSettings.GATEWAY_PORT, "0", LocalSettings.ADMIN_PORT, "0",
				LocalSettings.SIMULATOR_PORT, "0", LocalSettings.HOME, home.toString()));
		DemoInbox.configure(running.admin());
	}

	@AfterAll
	static void stop() {
		if (running != null) {
			running.close();
		}
	}

	@Test
	void messagesStoredWhileAdminApiIsDownAreRoutedExactlyOnceAfterItsRestart() {
		running.admin().close();
		SimulatedAccount account = running.demoAccount();
		JdbcTemplate jdbc = running.gateway().getBean(JdbcTemplate.class);
		FollowerSimulator follower = new FollowerSimulator(java.net.URI.create(running.gatewayUrl()));
		String prefix = "o_outage_" + UUID.randomUUID().toString().substring(0, 8) + "_";
		List<String> openids = List.of(prefix + "a", prefix + "b", prefix + "c", prefix + "d");
		for (String openid : openids) {
			// The follower wrote, so WeChat's 48-hour window for customer-service
			// messages
			// is open.
			running.wechatApi().followerMessaged(account.appId(), openid);
		}
		int n = 20;
		for (int i = 0; i < n; i++) {
			String openid = openids.get(i % openids.size());
			String xml = FollowerMessages.build("text", Map.of("content", TEXTS[i % TEXTS.length] + " #" + i),
					account.originalId(), openid);
			Delivery delivery = follower.deliver(account, xml, openid);
			assertThat(delivery.status()).as("delivery %d: %s", i, delivery.attempts()).isEqualTo(200);
		}
		String in = "from_user IN ('" + String.join("', '", openids) + "')";
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM wx_inbound_message WHERE msg_type = 'text' AND " + in,
				Integer.class))
			.isEqualTo(n);
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM wx_inbound_message WHERE routed_at IS NULL AND " + in,
				Integer.class))
			.as("nothing routed while admin-api is down")
			.isEqualTo(n);

		running.restartAdmin();

		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> jdbc.queryForObject(
					"SELECT COUNT(*) FROM wx_inbound_message WHERE routed_at IS NULL AND " + in, Integer.class) == 0);
		assertEntriesAndTickets(jdbc, in, n, openids);
		// Acknowledgements go right after routing; wait for all of them, then check none
		// went twice.
		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> jdbc.queryForObject(
					"SELECT COUNT(*) FROM inb_ticket WHERE ack_status IN ('PENDING', 'SENDING') AND openid IN ('"
							+ String.join("', '", openids) + "')",
					Integer.class) == 0);
		for (String openid : openids) {
			List<Map<String, Object>> tickets = jdbc.queryForList(
					"SELECT t.id, t.ack_status, (SELECT COUNT(*) FROM inb_ticket_entry e WHERE e.ticket_id = t.id AND e.kind = 'OUT') AS acks"
							+ " FROM inb_ticket t WHERE t.openid = ?",
					openid);
			for (Map<String, Object> t : tickets) {
				assertThat(t.get("ack_status")).as("ticket %s", t.get("id")).isEqualTo("SENT");
				assertThat(((Number) t.get("acks")).intValue()).as("ticket %s", t.get("id")).isEqualTo(1);
			}
			assertThat(running.wechatApi().customMessages(account.appId(), openid))
				.as("acknowledgements received by %s", openid)
				.hasSize(tickets.size())
				.allSatisfy((m) -> assertThat(m.content()).isEqualTo(DemoInbox.ACK_TEXT));
		}
	}

	/**
	 * Two admin-api instances routing at the same time (each with its own scheduler, and
	 * a direct call on each besides, so they really race) still file each message once.
	 */
	@Test
	void twoAdminInstancesRoutingAtOnceFileEachMessageOnce() throws Exception {
		SimulatedAccount account = running.demoAccount();
		JdbcTemplate jdbc = running.gateway().getBean(JdbcTemplate.class);
		String prefix = "o_twice_" + UUID.randomUUID().toString().substring(0, 8) + "_";
		List<String> openids = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			openids.add(prefix + i);
		}
		ConfigurableApplicationContext second = running.startAnotherAdmin();
		try {
			FollowerSimulator follower = new FollowerSimulator(java.net.URI.create(running.gatewayUrl()));
			int n = 30;
			List<Thread> routers = new ArrayList<>();
			for (ConfigurableApplicationContext admin : List.of(running.admin(), second)) {
				io.wxops.admin.inbox.InboxRouter router = admin.getBean(io.wxops.admin.inbox.InboxRouter.class);
				Thread t = new Thread(() -> {
					long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
					for (int round = 0; round < 2_000 && System.nanoTime() < end; round++) {
						router.routePending();
					}
				}, "extra-router");
				t.setDaemon(true);
				routers.add(t);
			}
			routers.forEach(Thread::start);
			for (int i = 0; i < n; i++) {
				String openid = openids.get(i % openids.size());
				String xml = FollowerMessages.build("text", Map.of("content", TEXTS[i % TEXTS.length] + " #" + i),
						account.originalId(), openid);
				assertThat(follower.deliver(account, xml, openid).status()).isEqualTo(200);
			}
			String in = "from_user IN ('" + String.join("', '", openids) + "')";
			await().atMost(Duration.ofSeconds(60))
				.pollInterval(Duration.ofMillis(200))
				.until(() -> jdbc.queryForObject(
						"SELECT COUNT(*) FROM wx_inbound_message WHERE routed_at IS NULL AND " + in,
						Integer.class) == 0);
			for (Thread t : routers) {
				t.join(30_000);
			}
			assertEntriesAndTickets(jdbc, in, n, openids);
		}
		finally {
			second.close();
		}
	}

	/**
	 * Each message has exactly one entry, and each follower at most one open ticket per
	 * category (one per category it wrote about).
	 */
	private static void assertEntriesAndTickets(JdbcTemplate jdbc, String in, int n, List<String> openids) {
		List<Map<String, Object>> perMessage = jdbc
			.queryForList("SELECT m.id, (SELECT COUNT(*) FROM inb_ticket_entry e WHERE e.inbound_message_id = m.id)"
					+ " AS entries FROM wx_inbound_message m WHERE " + in);
		assertThat(perMessage).hasSize(n)
			.allSatisfy((row) -> assertThat(((Number) row.get("entries")).intValue()).as("message %s", row.get("id"))
				.isEqualTo(1));
		for (String openid : openids) {
			List<Map<String, Object>> perCategory = jdbc.queryForList(
					"SELECT category, COUNT(*) AS tickets FROM inb_ticket WHERE openid = ? AND status <> 'CLOSED' GROUP BY category",
					openid);
			assertThat(perCategory).as("categories of %s", openid).hasSizeBetween(1, TEXTS.length);
			assertThat(perCategory).allSatisfy((row) -> assertThat(((Number) row.get("tickets")).intValue())
				.as("open %s tickets of %s", row.get("category"), openid)
				.isEqualTo(1));
		}
		assertThat(jdbc.queryForObject(
				"SELECT COUNT(*) FROM inb_ticket_entry e JOIN inb_ticket t ON t.id = e.ticket_id"
						+ " WHERE e.kind = 'IN' AND t.openid IN ('" + String.join("', '", openids) + "')",
				Integer.class))
			.isEqualTo(n);
	}

}
