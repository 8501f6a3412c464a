package io.wxops.admin.inbox;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.wxops.admin.AdminFixtures.Response;
import io.wxops.admin.AdminIntegrationTest;
import io.wxops.core.WxopsProperties;
import io.wxops.core.account.AccountMapper;
import io.wxops.core.account.AccountRegistry;
import io.wxops.core.account.AccountStanding;
import io.wxops.core.redis.RedisKeys;
import io.wxops.core.wechat.WeChatCalls;
import io.wxops.core.wechat.WxApiClients;
import io.wxops.devkit.TcpProxy;
import io.wxops.devkit.simulator.SimulatedFailure;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.jedis.JedisClientConfiguration;
import org.springframework.data.redis.connection.jedis.JedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A new ticket's same-day acknowledgement goes once, again only when WeChat certainly did
 * not receive it.
 */
@AdminIntegrationTest
class AcknowledgementIntegrationTests extends InboxTestSupport {

	@Autowired
	Acknowledgements acks;

	@org.springframework.beans.factory.annotation.Value("${wxops.wechat.max-retry-times:2}")
	int maxRetryTimes;

	@org.springframework.beans.factory.annotation.Value("${spring.data.redis.url}")
	String redisUrl;

	@Autowired
	TicketMapper tickets;

	@Autowired
	TicketEntryMapper entries;

	@Autowired
	AccountMapper accounts;

	@Autowired
	AccountRegistry registry;

	@Autowired
	AccountStanding standing;

	@Autowired
	RedisKeys keys;

	@Autowired
	WxopsProperties properties;

	@Autowired
	Clock clock;

	@Autowired
	@Qualifier("acknowledgementExecutor")
	ThreadPoolTaskExecutor executor;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void newMessagesJoinTheFollowersOpenTicketAndTheAcknowledgementGoesOnce() {
		InboxTeam team = team();
		String openid = team.followerWithWindow();
		team.text(openid, "投诉：宿舍热水不足", Instant.now());
		List<Map<String, Object>> first = team.ticketsOf(openid, 1);
		long id = ((Number) first.get(0).get("id")).longValue();
		team.awaitAck(id, "SENT");
		long second = team.text(openid, "投诉补充：三楼也没有", Instant.now());
		team.routed(second);
		assertThat(team.ticketsOf(openid, 1)).hasSize(1);
		JsonNode detail = this.fx.get("/api/tickets/" + id, team.serviceHandler.token()).json();
		assertThat(detail.at("/ticket/status").asString()).isEqualTo("ACKNOWLEDGED");
		assertThat(detail.get("thread").valueStream().filter((e) -> "IN".equals(e.get("kind").asString())).count())
			.isEqualTo(2);
		assertThat(this.wechat.customMessages(team.appId, openid)).hasSize(1)
			.allSatisfy((m) -> assertThat(m.content()).contains("已收到您的留言"));
		List<String> thread = this.fx
			.get("/api/accounts/" + team.account + "/followers/" + openid + "/thread", team.serviceHandler.token())
			.json()
			.valueStream()
			.map((f) -> f.at("/entry/kind").asString())
			.toList();
		assertThat(thread).containsExactly("IN", "OUT", "IN");
	}

	/**
	 * An acknowledgement WeChat did not receive (busy, even after the call's own retries)
	 * goes back to PENDING and the retry delivers it, once; after the last attempt it is
	 * FAILED. A server error is not retried: the message may have arrived.
	 */
	@Test
	void anAcknowledgementWeChatDidNotReceiveIsSentAgain() {
		InboxTeam team = team();
		String openid = team.followerWithWindow();
		this.wechat.failNext("/cgi-bin/message/custom/send", busy(), callsPerAttempt());
		team.text(openid, "投诉：楼道灯坏了", Instant.now());
		long id = team.ticketOf(openid);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.jdbc.queryForObject("SELECT ack_attempts FROM inb_ticket WHERE id = ?", Integer.class,
					id) == 1
					&& "PENDING".equals(this.jdbc.queryForObject("SELECT ack_status FROM inb_ticket WHERE id = ?",
							String.class, id)));
		assertThat(this.wechat.customMessages(team.appId, openid)).isEmpty();
		this.acks.sendPending(Duration.ZERO);
		assertThat(this.jdbc.queryForObject("SELECT ack_status FROM inb_ticket WHERE id = ?", String.class, id))
			.isEqualTo("SENT");
		assertThat(this.wechat.customMessages(team.appId, openid)).hasSize(1);

		String unlucky = team.followerWithWindow();
		this.wechat.failNext("/cgi-bin/message/custom/send", busy(), callsPerAttempt() * Acknowledgements.MAX_ATTEMPTS);
		team.text(unlucky, "投诉：楼道灯坏了", Instant.now());
		long other = team.ticketOf(unlucky);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> "PENDING:1".equals(this.jdbc.queryForObject(
					"SELECT CONCAT(ack_status, ':', ack_attempts) FROM inb_ticket WHERE id = ?", String.class, other)));
		for (int i = 1; i < Acknowledgements.MAX_ATTEMPTS; i++) {
			this.acks.sendPending(Duration.ZERO);
		}
		assertThat(this.jdbc.queryForObject("SELECT CONCAT(ack_status, ':', ack_attempts) FROM inb_ticket WHERE id = ?",
				String.class, other))
			.isEqualTo("FAILED:" + Acknowledgements.MAX_ATTEMPTS);
		assertThat(this.wechat.customMessages(team.appId, unlucky)).isEmpty();

		String maybe = team.followerWithWindow();
		this.wechat.failNext("/cgi-bin/message/custom/send", SimulatedFailure.httpStatus(502), 1);
		team.text(maybe, "投诉：楼道灯坏了", Instant.now());
		long third = team.ticketOf(maybe);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> "FAILED".equals(
					this.jdbc.queryForObject("SELECT ack_status FROM inb_ticket WHERE id = ?", String.class, third)));
	}

	/**
	 * A handler who moves the ticket on while its acknowledgement is with WeChat keeps
	 * their status: the acknowledgement only moves a ticket that is still NEW.
	 */
	@Test
	void theAcknowledgementDoesNotUndoAHandlersStatus() {
		InboxTeam team = team();
		String openid = team.followerWithWindow();
		this.wechat.failNext("/cgi-bin/message/custom/send", SimulatedFailure.delay(Duration.ofSeconds(2)), 1);
		team.text(openid, "投诉：路灯不亮", Instant.now());
		long id = team.ticketOf(openid);
		team.awaitAck(id, "SENDING");
		Response moved = this.fx.post("/api/tickets/" + id + "/status", team.serviceHandler.token(),
				Map.of("status", "IN_PROGRESS"));
		assertThat(moved.status()).as(moved.body()).isEqualTo(200);
		team.awaitAck(id, "SENT");
		assertThat(this.jdbc.queryForObject("SELECT status FROM inb_ticket WHERE id = ?", String.class, id))
			.isEqualTo("IN_PROGRESS");
	}

	/**
	 * The token store failing before WeChat is called (Redis unreachable, as in a
	 * Sentinel failover) puts the acknowledgement back to PENDING without using an
	 * attempt, and the retry sends it once Redis is back: it is not left SENDING for
	 * ever.
	 */
	@Test
	void anAcknowledgementWhoseTokenStoreFailsGoesBackToPendingAndIsSentLater() {
		InboxTeam team = team();
		String openid = team.followerWithWindow();
		// The application's own first attempt is refused (busy), so the ticket waits
		// PENDING for the sender under test.
		this.wechat.failNext("/cgi-bin/message/custom/send", busy(), callsPerAttempt());
		team.text(openid, "投诉：电梯停了", Instant.now());
		long id = team.ticketOf(openid);
		await().atMost(Duration.ofSeconds(10)).until(() -> "PENDING:1".equals(ackOf(id)));
		URI redis = URI.create(this.redisUrl);
		try (TcpProxy proxy = TcpProxy.to(redis.getHost(), redis.getPort())) {
			JedisConnectionFactory viaProxy = new JedisConnectionFactory(
					new RedisStandaloneConfiguration("127.0.0.1", proxy.port()),
					JedisClientConfiguration.builder()
						.connectTimeout(Duration.ofSeconds(2))
						.readTimeout(Duration.ofSeconds(2))
						.build());
			viaProxy.afterPropertiesSet();
			viaProxy.start();
			try (WxApiClients clients = new WxApiClients(new StringRedisTemplate(viaProxy), this.keys,
					this.properties)) {
				Acknowledgements sender = new Acknowledgements(this.tickets, this.entries, this.accounts, this.registry,
						this.standing, new WeChatCalls(clients), this.clock, this.executor, this.transactions);
				proxy.cut();
				assertThat(sender.send(id)).isFalse();
				assertThat(ackOf(id)).isEqualTo("PENDING:1");
				assertThat(this.wechat.customMessages(team.appId, openid)).isEmpty();

				proxy.restore();
				assertThat(sender.send(id)).isTrue();
				assertThat(ackOf(id)).isEqualTo("SENT:2");
				assertThat(this.wechat.customMessages(team.appId, openid)).hasSize(1);
			}
			finally {
				viaProxy.destroy();
			}
		}
	}

	/**
	 * WeChat took the acknowledgement, and then the database refused to record it for a
	 * while (a trigger fails the entry's insert with a lock-wait error, 1205, as an
	 * outage or a stuck lock would): the outcome is written again until the database
	 * takes it, so the ticket ends SENT with one entry and one message at WeChat, not
	 * SENDING for ever (a ticket left SENDING is never acknowledged again).
	 */
	@Test
	void anOutcomeTheDatabaseRefusesForAWhileIsRecordedOnceItIsBack() throws Exception {
		InboxTeam team = team();
		String openid = team.followerWithWindow();
		this.wechat.failNext("/cgi-bin/message/custom/send", busy(), callsPerAttempt());
		team.text(openid, "投诉：路灯不亮", Instant.now());
		long id = team.ticketOf(openid);
		await().atMost(Duration.ofSeconds(10)).until(() -> "PENDING:1".equals(ackOf(id)));
		this.jdbc.execute("CREATE TABLE IF NOT EXISTS test_ack_fault (ticket_id BIGINT PRIMARY KEY)");
		this.jdbc.update("INSERT INTO test_ack_fault VALUES (?)", id);
		this.jdbc.execute("DROP TRIGGER IF EXISTS test_ack_fault_insert");
		this.jdbc.execute("""
				CREATE TRIGGER test_ack_fault_insert BEFORE INSERT ON inb_ticket_entry FOR EACH ROW
				BEGIN
				  IF EXISTS (SELECT 1 FROM test_ack_fault WHERE ticket_id = NEW.ticket_id) THEN
				    SIGNAL SQLSTATE 'HY000' SET MYSQL_ERRNO = 1205, MESSAGE_TEXT = 'test: lock wait timeout';
				  END IF;
				END""");
		try {
			java.util.concurrent.CompletableFuture<Boolean> sent = java.util.concurrent.CompletableFuture
				.supplyAsync(() -> this.acks.send(id));
			await().atMost(Duration.ofSeconds(10))
				.until(() -> this.wechat.customMessages(team.appId, openid).size() == 1);
			// The insert keeps failing while the fault is there: the ticket waits
			// SENDING.
			Thread.sleep(1_500);
			assertThat(sent).isNotDone();
			assertThat(ackOf(id)).isEqualTo("SENDING:2");

			this.jdbc.update("DELETE FROM test_ack_fault WHERE ticket_id = ?", id);
			assertThat(sent.get(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
			assertThat(ackOf(id)).isEqualTo("SENT:2");
			assertThat(this.jdbc.queryForObject(
					"SELECT COUNT(*) FROM inb_ticket_entry WHERE ticket_id = ? AND kind = 'OUT' AND delivery = 'DELIVERED'",
					Integer.class, id))
				.isEqualTo(1);
			assertThat(this.wechat.customMessages(team.appId, openid)).hasSize(1);
		}
		finally {
			this.jdbc.execute("DROP TRIGGER IF EXISTS test_ack_fault_insert");
			this.jdbc.update("DELETE FROM test_ack_fault WHERE ticket_id = ?", id);
		}
	}

	/**
	 * The claim's UPDATE failing on the connection (SQLSTATE 08S01, as a cut does) is not
	 * followed by a send: the ticket stays PENDING for the retry, and WeChat gets nothing
	 * under a claim that may not exist.
	 */
	@Test
	void aClaimThatFailsOnTheConnectionSendsNothing() {
		InboxTeam team = team();
		String openid = team.followerWithWindow();
		this.wechat.failNext("/cgi-bin/message/custom/send", busy(), callsPerAttempt());
		team.text(openid, "投诉：井盖丢了", Instant.now());
		long id = team.ticketOf(openid);
		await().atMost(Duration.ofSeconds(10)).until(() -> "PENDING:1".equals(ackOf(id)));
		this.jdbc.execute("DROP TRIGGER IF EXISTS test_ack_claim_fault");
		this.jdbc.execute("CREATE TRIGGER test_ack_claim_fault BEFORE UPDATE ON inb_ticket FOR EACH ROW"
				+ " BEGIN IF NEW.id = " + id + " AND NEW.ack_status = 'SENDING' THEN"
				+ " SIGNAL SQLSTATE '08S01' SET MESSAGE_TEXT = 'test: communication link failure'; END IF; END");
		try {
			org.assertj.core.api.Assertions.assertThatThrownBy(() -> this.acks.send(id))
				.satisfies((ex) -> assertThat(Acknowledgements.storageUnavailable(ex)).isTrue());
			assertThat(ackOf(id)).isEqualTo("PENDING:1");
			assertThat(this.wechat.customMessages(team.appId, openid)).isEmpty();
		}
		finally {
			this.jdbc.execute("DROP TRIGGER IF EXISTS test_ack_claim_fault");
		}
		assertThat(this.acks.send(id)).isTrue();
		assertThat(ackOf(id)).isEqualTo("SENT:2");
		assertThat(this.wechat.customMessages(team.appId, openid)).hasSize(1);
	}

	/**
	 * A claim applied although its UPDATE reported a lost connection is released by its
	 * own token (back to PENDING, the attempt uncounted), and only by it: another
	 * attempt's claim is left alone.
	 */
	@Test
	void aClaimIsReleasedOnlyByItsOwnToken() {
		InboxTeam team = team();
		String openid = team.followerWithWindow();
		this.wechat.failNext("/cgi-bin/message/custom/send", busy(), callsPerAttempt());
		team.text(openid, "投诉：公交晚点", Instant.now());
		long id = team.ticketOf(openid);
		await().atMost(Duration.ofSeconds(10)).until(() -> "PENDING:1".equals(ackOf(id)));
		this.jdbc.update(
				"UPDATE inb_ticket SET ack_status = 'SENDING', ack_attempts = 2, ack_claim = 'claim-a' WHERE id = ?",
				id);

		this.acks.releaseIfClaimed(id, "claim-b");
		assertThat(ackOf(id)).isEqualTo("SENDING:2");

		this.acks.releaseIfClaimed(id, "claim-a");
		assertThat(ackOf(id)).isEqualTo("PENDING:1");
		assertThat(this.jdbc.queryForObject("SELECT ack_claim FROM inb_ticket WHERE id = ?", String.class, id))
			.isNull();
	}

	private String ackOf(long ticketId) {
		return this.jdbc.queryForObject("SELECT CONCAT(ack_status, ':', ack_attempts) FROM inb_ticket WHERE id = ?",
				String.class, ticketId);
	}

	/** WeChat's errcode -1, "system busy". */
	private static SimulatedFailure busy() {
		return SimulatedFailure.errcode(-1, "system error");
	}

	/** WxJava repeats a call WeChat answered "busy" max-retry-times more times. */
	private int callsPerAttempt() {
		return 1 + this.maxRetryTimes;
	}

}
