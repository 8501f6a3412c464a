package io.wxops.admin.inbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.wxops.admin.AdminFixtures.Response;
import io.wxops.admin.AdminIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Follower messages become tickets in the right department, each message exactly once.
 */
@AdminIntegrationTest
class TicketRoutingIntegrationTests extends InboxTestSupport {

	@Autowired
	InboxRouter router;

	@Autowired
	TicketMapper ticketMapper;

	@Test
	void eachCategoryIsRoutedToItsDepartment() {
		InboxTeam team = team();
		Instant now = Instant.now();
		String complainer = InboxTeam.openid();
		String reporter = InboxTeam.openid();
		String reader = InboxTeam.openid();
		String asker = InboxTeam.openid();
		String menu = InboxTeam.openid();
		String adviser = InboxTeam.openid();
		team.text(complainer, "我要投 诉食堂卫生", now);
		team.text(reporter, "实名举报某某问题", now);
		team.text(reader, "周末可以借书吗", now);
		team.text(asker, "请问开学时间", now);
		team.click(menu, "MENU_COMPLAINT", now);
		team.text(adviser, "建议增加校车班次", now);
		assertThat(category(team, complainer)).isEqualTo("COMPLAINT:" + team.service);
		assertThat(category(team, reporter)).isEqualTo("REPORT_PETITION:" + team.generalOffice);
		assertThat(category(team, reader)).isEqualTo("CONSULTATION:" + team.library);
		assertThat(category(team, asker)).isEqualTo("CONSULTATION:" + team.office);
		assertThat(category(team, menu)).isEqualTo("COMPLAINT:" + team.service);
		assertThat(category(team, adviser)).isEqualTo("SUGGESTION:" + team.office);
		List<Long> serviceQueue = this.fx.get("/api/tickets?accountId=" + team.account, team.serviceHandler.token())
			.json()
			.get("items")
			.valueStream()
			.map((t) -> t.get("id").asLong())
			.toList();
		assertThat(serviceQueue).hasSize(2);
	}

	/**
	 * A follow-up no rule classifies joins the follower's latest open ticket, whatever
	 * its category, without another acknowledgement; a rule's other category opens
	 * another ticket, and after the close a message opens a new one.
	 */
	@Test
	void aFollowUpWithoutTheKeywordJoinsTheFollowersOpenTicket() {
		InboxTeam team = team();
		String openid = team.followerWithWindow();
		team.text(openid, "投诉：宿舍热水不足", Instant.now().minusSeconds(60));
		long complaint = team.ticketOf(openid);
		team.awaitAck(complaint, "SENT");
		team.routed(team.text(openid, "现在还是没有热水，怎么回事？", Instant.now().minusSeconds(50)));
		assertThat(team.ticketsOf(openid, 1)).hasSize(1);
		JsonNode detail = this.fx.get("/api/tickets/" + complaint, team.serviceHandler.token()).json();
		assertThat(detail.get("thread")
			.valueStream()
			.filter((e) -> "IN".equals(e.get("kind").asString()))
			.map((e) -> e.get("content").asString())
			.toList()).containsExactly("投诉：宿舍热水不足", "现在还是没有热水，怎么回事？");
		assertThat(this.wechat.customMessages(team.appId, openid)).hasSize(1);

		// A rule's other category opens its own ticket; a follow-up then joins the
		// latest.
		team.text(openid, "建议：热水供应时间延长", Instant.now().minusSeconds(40));
		List<Map<String, Object>> two = team.ticketsOf(openid, 2);
		long suggestion = ((Number) two.get(1).get("id")).longValue();
		assertThat(two.get(1).get("category")).isEqualTo("SUGGESTION");
		team.awaitAck(suggestion, "SENT");
		long followUp = team.text(openid, "谢谢", Instant.now().minusSeconds(30));
		team.routed(followUp);
		assertThat(this.jdbc.queryForObject("SELECT ticket_id FROM inb_ticket_entry WHERE inbound_message_id = ?",
				Long.class, followUp))
			.isEqualTo(suggestion);
		// A malicious ticket is never joined, and a closed one is not either.
		this.jdbc.update("UPDATE inb_ticket SET status = 'CLOSED', closed_at = NOW(3) WHERE id IN (?, ?)", complaint,
				suggestion);
		team.text(openid, "骗子学校", Instant.now().minusSeconds(20));
		team.ticketsOf(openid, 3);
		team.text(openid, "还有一个问题", Instant.now().minusSeconds(10));
		List<Map<String, Object>> all = team.ticketsOf(openid, 4);
		assertThat(all).extracting((t) -> t.get("category"))
			.containsExactly("COMPLAINT", "SUGGESTION", "MALICIOUS", "CONSULTATION");
		team.awaitAck(((Number) all.get(3).get("id")).longValue(), "SENT");
		assertThat(this.wechat.customMessages(team.appId, openid)).hasSize(3);
	}

	/**
	 * The follower writes again after the result: the RESOLVED ticket opens again (a new
	 * version, so a handler's close of the old one is refused) rather than hiding the
	 * message in a ticket nobody looks at.
	 */
	@Test
	void aNewMessageReopensAResolvedTicket() {
		InboxTeam team = team();
		String openid = team.followerWithWindow();
		team.text(openid, "投诉：路灯不亮", Instant.now());
		long id = team.ticketOf(openid);
		Response resolved = this.fx.post("/api/tickets/" + id + "/status", team.serviceHandler.token(),
				Map.of("status", "RESOLVED"));
		assertThat(resolved.status()).as(resolved.body()).isEqualTo(200);
		int version = resolved.json().get("version").asInt();
		long again = team.text(openid, "投诉：还是不亮", Instant.now());
		team.routed(again);
		Map<String, Object> reopened = team.ticketsOf(openid, 1).get(0);
		assertThat(reopened.get("id")).isEqualTo(id);
		assertThat(reopened.get("status")).isEqualTo("IN_PROGRESS");
		assertThat(((Number) reopened.get("version")).intValue()).isGreaterThan(version);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM inb_ticket_entry WHERE ticket_id = ? AND kind ="
				+ " 'EVENT' AND content LIKE 'reopened%'", Integer.class, id))
			.isEqualTo(1);
		Response close = this.fx.post("/api/tickets/" + id + "/close", team.serviceHandler.token(),
				Map.of("method", "PHONE", "result", "已修复", "satisfied", true));
		assertThat(close.status()).as(close.body()).isEqualTo(409);
	}

	/** Most menu buttons ask nothing: a click no MENU_KEY rule names opens no ticket. */
	@Test
	void aMenuClickNoRuleNamesOpensNoTicket() {
		InboxTeam team = team();
		String openid = InboxTeam.openid();
		long click = team.click(openid, "MENU_ABOUT_US", Instant.now());
		team.routed(click);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM inb_ticket WHERE account_id = ? AND openid = ?",
				Integer.class, team.account, openid))
			.isZero();
	}

	@Test
	void concurrentRoutersFileEveryMessageExactlyOnce() throws Exception {
		InboxTeam team = team();
		List<Long> ids = new ArrayList<>();
		List<String> openids = List.of(InboxTeam.openid(), InboxTeam.openid(), InboxTeam.openid());
		for (int i = 0; i < 30; i++) {
			ids.add(team.text(openids.get(i % 3), "投诉第" + i + "条", Instant.now()));
		}
		ExecutorService pool = Executors.newFixedThreadPool(3);
		try {
			List<Future<Integer>> runs = new ArrayList<>();
			for (int i = 0; i < 3; i++) {
				runs.add(pool.submit(this.router::routePending));
			}
			for (Future<Integer> run : runs) {
				run.get(30, TimeUnit.SECONDS);
			}
		}
		finally {
			pool.shutdownNow();
		}
		ids.forEach(team::routed);
		for (long id : ids) {
			assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM inb_ticket_entry WHERE inbound_message_id = ?",
					Integer.class, id))
				.isEqualTo(1);
		}
		for (String openid : openids) {
			assertThat(team.ticketsOf(openid, 1)).hasSize(1);
		}
	}

	/**
	 * Two routing threads opening tickets for different followers at once: each looks for
	 * the follower's open ticket (a locking read that finds none), then inserts one.
	 * Under repeatable read both reads lock the same gap of the open-key index and the
	 * inserts deadlock; routing reads committed, so both commit.
	 */
	@Test
	void routersOpeningTicketsSideBySideDoNotDeadlock() throws Exception {
		InboxTeam team = team();
		String prefix = InboxTeam.openid();
		java.util.concurrent.CyclicBarrier bothLooked = new java.util.concurrent.CyclicBarrier(2);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Future<Long>> opened = new ArrayList<>();
			for (String openid : List.of(prefix + "a", prefix + "b")) {
				opened.add(pool.submit(() -> this.router.transactions().execute((status) -> {
					assertThat(this.ticketMapper.lockOpen(team.account + ":" + openid + ":COMPLAINT")).isNull();
					passBarrier(bothLooked);
					Ticket t = new Ticket();
					t.setAccountId(team.account);
					t.setOpenid(openid);
					t.setCategory(io.wxops.core.inbox.Category.COMPLAINT);
					t.setDepartmentId(team.service);
					t.setStatus(TicketStatus.NEW);
					t.setHidden(false);
					t.setRemovalFlagged(false);
					Instant now = Instant.now();
					t.setDueAt(now.plus(Duration.ofDays(3)));
					t.setFirstMessageAt(now);
					t.setLastMessageAt(now);
					t.setVersion(1);
					t.setCreatedAt(now);
					t.setUpdatedAt(now);
					this.ticketMapper.insert(t);
					return t.getId();
				})));
			}
			for (Future<Long> f : opened) {
				assertThat(f.get(30, TimeUnit.SECONDS)).isPositive();
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM inb_ticket WHERE openid LIKE ?", Integer.class,
				prefix + "%"))
			.isEqualTo(2);
	}

	private static void passBarrier(java.util.concurrent.CyclicBarrier barrier) {
		try {
			barrier.await(10, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException("The other router did not get there", ex);
		}
	}

	private String category(InboxTeam team, String openid) {
		Map<String, Object> t = team.ticketsOf(openid, 1).get(0);
		return t.get("category") + ":" + t.get("department_id");
	}

}
