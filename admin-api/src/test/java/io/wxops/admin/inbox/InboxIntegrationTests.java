package io.wxops.admin.inbox;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.wxops.admin.AdminFixtures;
import io.wxops.admin.AdminFixtures.Response;
import io.wxops.admin.AdminIntegrationTest;
import io.wxops.admin.SimulatorInitializer;
import io.wxops.devkit.simulator.SimulatedFailure;
import io.wxops.devkit.simulator.WeChatApiSimulator;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Follower messages become tickets in the right department, answered inside WeChat's
 * window.
 */
@AdminIntegrationTest
class InboxIntegrationTests {

	@Autowired
	AdminFixtures fx;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	InboxRouter router;

	@Autowired
	TicketEscalation tickets;

	@Autowired
	TicketMapper ticketMapper;

	@Autowired
	Acknowledgements acks;

	@org.springframework.beans.factory.annotation.Value("${wxops.wechat.max-retry-times:2}")
	int maxRetryTimes;

	WeChatApiSimulator wechat = SimulatorInitializer.simulator();

	@Test
	void eachCategoryIsRoutedToItsDepartment() {
		InboxTeam team = new InboxTeam(this.fx, this.jdbc);
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
	 * A handler's queue is limited to their department in the query itself: however many
	 * tickets other departments hold (here more than a page of the old in-memory filter),
	 * the handler's own are all there, paged, with an exact total.
	 */
	@Test
	void theQueueShowsAllOfTheHandlersTicketsInPages() {
		InboxTeam team = new InboxTeam(this.fx, this.jdbc);
		Instant now = Instant.now();
		// Other departments' tickets, all due before the complaints.
		List<Object[]> others = new ArrayList<>();
		for (int i = 0; i < 600; i++) {
			others.add(new Object[] { team.account, "o_other_" + i + "_" + InboxTeam.openid(), team.office,
					java.sql.Timestamp.from(now.minus(Duration.ofDays(1))) });
		}
		this.jdbc.batchUpdate("""
				INSERT INTO inb_ticket (account_id, openid, category, department_id, status, hidden, removal_flagged,
				  due_at, first_message_at, last_message_at, version, created_at, updated_at)
				VALUES (?, ?, 'CONSULTATION', ?, 'NEW', FALSE, FALSE, ?, NOW(3), NOW(3), 1, NOW(3), NOW(3))""", others);
		List<String> complainers = List.of(InboxTeam.openid(), InboxTeam.openid(), InboxTeam.openid());
		complainers.forEach((openid) -> team.text(openid, "投诉：热水不足", now));
		List<Long> complaints = complainers.stream().map((openid) -> team.ticketOf(openid)).toList();
		String base = "/api/tickets?accountId=" + team.account + "&size=2";
		JsonNode first = this.fx.get(base, team.serviceHandler.token()).json();
		JsonNode second = this.fx.get(base + "&page=1", team.serviceHandler.token()).json();
		assertThat(first.get("total").asLong()).isEqualTo(3);
		assertThat(first.get("items").size()).isEqualTo(2);
		assertThat(second.get("items").size()).isEqualTo(1);
		List<Long> seen = new ArrayList<>();
		for (JsonNode page : List.of(first, second)) {
			page.get("items").valueStream().forEach((t) -> seen.add(t.get("id").asLong()));
		}
		assertThat(seen).containsExactlyInAnyOrderElementsOf(complaints);
		assertThat(first.get("items").get(0).get("windowClosesAt").asString()).isNotBlank();
		// The office sees its 600 and none of the complaints, until one is escalated to
		// it.
		JsonNode office = this.fx
			.get("/api/tickets?accountId=" + team.account + "&category=COMPLAINT", team.officeHandler.token())
			.json();
		assertThat(office.get("total").asLong()).isZero();
		assertThat(this.fx.get("/api/tickets?accountId=" + team.account, team.officeHandler.token())
			.json()
			.get("total")
			.asLong()).isEqualTo(600);
		this.jdbc.update("UPDATE inb_ticket SET escalated_at = NOW(3) WHERE id = ?", complaints.get(0));
		JsonNode escalated = this.fx
			.get("/api/tickets?accountId=" + team.account + "&category=COMPLAINT", team.officeHandler.token())
			.json();
		assertThat(escalated.get("items").valueStream().map((t) -> t.get("id").asLong()).toList())
			.containsExactly(complaints.get(0));
		// The account's administrator sees all of them.
		assertThat(
				this.fx.get("/api/tickets?accountId=" + team.account, team.admin.token()).json().get("total").asLong())
			.isEqualTo(603);
	}

	/**
	 * Rules are compiled once and kept while they are unchanged; adding or removing one
	 * applies to the next message routed.
	 */
	@Test
	void aRuleAddedOrRemovedAppliesToTheNextMessage() {
		InboxTeam team = new InboxTeam(this.fx, this.jdbc);
		String before = InboxTeam.openid();
		team.text(before, "你们都是诈骗犯", Instant.now());
		assertThat(team.ticketsOf(before, 1).get(0).get("category")).isEqualTo("CONSULTATION");
		Response noKind = this.fx.post("/api/accounts/" + team.account + "/inbox-rules", team.admin.token(),
				Map.of("pattern", "诈骗犯", "category", "MALICIOUS"));
		assertThat(noKind.status()).isEqualTo(400);
		assertThat(AdminFixtures.fieldErrors(noKind)).containsExactly("kind");
		Response added = this.fx.post("/api/accounts/" + team.account + "/inbox-rules", team.admin.token(),
				Map.of("kind", "KEYWORD", "pattern", "诈骗犯", "category", "MALICIOUS", "priority", 30));
		assertThat(added.status()).isEqualTo(201);
		String during = InboxTeam.openid();
		team.text(during, "你们都是诈 骗 犯", Instant.now());
		assertThat(team.ticketsOf(during, 1).get(0).get("category")).isEqualTo("MALICIOUS");
		assertThat(this.fx
			.delete("/api/accounts/" + team.account + "/inbox-rules/" + added.json().get("id").asLong(),
					team.admin.token())
			.status()).isEqualTo(204);
		String after = InboxTeam.openid();
		team.text(after, "你们都是诈骗犯", Instant.now());
		assertThat(team.ticketsOf(after, 1).get(0).get("category")).isEqualTo("CONSULTATION");
	}

	/**
	 * A malicious-term list goes in with one request: checked whole first, repeats and
	 * rules the account has skipped, audited once, and it classifies at once.
	 */
	@Test
	void aMaliciousTermListIsAddedInOneRequest() {
		InboxTeam team = new InboxTeam(this.fx, this.jdbc);
		String path = "/api/accounts/" + team.account + "/inbox-rules/bulk";
		List<String> terms = new ArrayList<>();
		for (int i = 0; i < 1_000; i++) {
			terms.add("恶意词" + i + "号");
		}
		terms.add("骗子 学校"); // the team's rule 骗子学校, normalised alike
		terms.add("恶意词7号"); // repeated
		int rulesBefore = this.jdbc.queryForObject("SELECT COUNT(*) FROM inb_rule WHERE account_id = ?", Integer.class,
				team.account);
		Response bad = this.fx.post(path, team.admin.token(),
				Map.of("kind", "KEYWORD", "category", "MALICIOUS", "priority", 20, "patterns", List.of("好人", " ")));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(AdminFixtures.fieldErrors(bad)).containsExactly("patterns[1]");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM inb_rule WHERE account_id = ?", Integer.class,
				team.account))
			.isEqualTo(rulesBefore);
		Response added = this.fx.post(path, team.admin.token(),
				Map.of("kind", "KEYWORD", "category", "MALICIOUS", "priority", 20, "patterns", terms));
		assertThat(added.status()).as(added.body()).isEqualTo(200);
		assertThat(added.json().get("added").asInt()).isEqualTo(1_000);
		assertThat(added.json().get("skipped").asInt()).isEqualTo(2);
		assertThat(this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM adm_audit_entry WHERE action = 'INBOX_RULES_ADDED' AND account_id = ?",
				Integer.class, team.account))
			.isEqualTo(1);
		// Listed page by page, filtered.
		JsonNode listed = this.fx
			.get("/api/accounts/" + team.account
					+ "/inbox-rules?category=MALICIOUS&q=%E6%81%B6%E6%84%8F%E8%AF%8D99&size=200", team.admin.token())
			.json();
		assertThat(listed.get("total").asLong()).isEqualTo(11); // 恶意词99号 and 恶意词990号 to
																// 999号
		assertThat(listed.get("items").valueStream().map((r) -> r.get("pattern").asString()))
			.allSatisfy((p) -> assertThat(p).contains("恶意词99"));
		JsonNode firstPage = this.fx.get("/api/accounts/" + team.account + "/inbox-rules?size=5", team.admin.token())
			.json();
		assertThat(firstPage.get("total").asLong()).isEqualTo(rulesBefore + 1_000);
		assertThat(firstPage.get("items").get(0).get("priority").asInt()).isEqualTo(20);
		assertThat(
				this.fx.get("/api/accounts/" + team.account + "/inbox-rules?kind=REGEX", team.admin.token()).status())
			.isEqualTo(400);
		assertThat(this.fx.get("/api/accounts/" + team.account + "/inbox-rules?category=SPAM", team.admin.token())
			.status()).isEqualTo(400);
		assertThat(this.fx
			.post(path, team.serviceHandler.token(),
					Map.of("kind", "KEYWORD", "category", "MALICIOUS", "patterns", List.of("x")))
			.status()).isEqualTo(403);
		String writer = InboxTeam.openid();
		team.text(writer, "投诉：恶意词999号", Instant.now());
		Map<String, Object> ticket = team.ticketsOf(writer, 1).get(0);
		assertThat(ticket.get("category")).isEqualTo("MALICIOUS");
		assertThat(ticket.get("hidden")).isEqualTo(true);
	}

	@Test
	void unknownQueueFiltersAreRefused() {
		InboxTeam team = new InboxTeam(this.fx, this.jdbc);
		Response status = this.fx.get("/api/tickets?status=OPEN", team.serviceHandler.token());
		assertThat(status.status()).isEqualTo(400);
		assertThat(AdminFixtures.fieldErrors(status)).containsExactly("status");
		Response size = this.fx.get("/api/tickets?size=0", team.serviceHandler.token());
		assertThat(size.status()).isEqualTo(400);
		assertThat(size.raw().headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
	}

	@Test
	void newMessagesJoinTheFollowersOpenTicketAndTheAcknowledgementGoesOnce() {
		InboxTeam team = new InboxTeam(this.fx, this.jdbc);
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
	 * A follow-up no rule classifies joins the follower's latest open ticket, whatever
	 * its category, without another acknowledgement; a rule's other category opens
	 * another ticket, and after the close a message opens a new one.
	 */
	@Test
	void aFollowUpWithoutTheKeywordJoinsTheFollowersOpenTicket() {
		InboxTeam team = new InboxTeam(this.fx, this.jdbc);
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
	 * An acknowledgement WeChat did not receive (busy, even after the call's own retries)
	 * goes back to PENDING and the retry delivers it, once; after the last attempt it is
	 * FAILED. A server error is not retried: the message may have arrived.
	 */
	@Test
	void anAcknowledgementWeChatDidNotReceiveIsSentAgain() {
		InboxTeam team = new InboxTeam(this.fx, this.jdbc);
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

	/** WeChat's errcode -1, "system busy". */
	private static SimulatedFailure busy() {
		return SimulatedFailure.errcode(-1, "system error");
	}

	/** WxJava repeats a call WeChat answered "busy" max-retry-times more times. */
	private int callsPerAttempt() {
		return 1 + this.maxRetryTimes;
	}

	@Test
	void maliciousMessagesAreKeptHiddenAndCanBeFlaggedForRemoval() {
		InboxTeam team = new InboxTeam(this.fx, this.jdbc);
		String openid = InboxTeam.openid();
		team.text(openid, "这就是个骗子学校", Instant.now());
		long id = team.ticketOf(openid);
		assertThat(queueIds(team, team.officeHandler.token(), false)).doesNotContain(id);
		assertThat(queueIds(team, team.officeHandler.token(), true)).contains(id);
		assertThat(this.wechat.customMessages(team.appId, openid)).isEmpty();
		Response flagged = this.fx.post("/api/tickets/" + id + "/flag-removal", team.officeHandler.token(),
				Map.of("reason", "恶意攻击"));
		assertThat(flagged.json().get("removalFlagged").asBoolean()).isTrue();
	}

	/**
	 * A ticket goes only to someone who may handle it; bad input to the handler's actions
	 * is a 400 and changes nothing.
	 */
	@Test
	void assignmentAndFlaggingCheckTheirInput() {
		InboxTeam team = new InboxTeam(this.fx, this.jdbc);
		String openid = InboxTeam.openid();
		team.text(openid, "投诉：热水不足", Instant.now());
		long id = team.ticketOf(openid);
		Response toLibrary = this.fx.post("/api/tickets/" + id + "/assign", team.serviceHandler.token(),
				Map.of("personId", team.libraryHandler.personId()));
		assertThat(toLibrary.status()).isEqualTo(400);
		assertThat(AdminFixtures.fieldErrors(toLibrary)).containsExactly("personId");
		Response toColleague = this.fx.post("/api/tickets/" + id + "/assign", team.serviceHandler.token(),
				Map.of("personId", team.serviceHandler.personId()));
		assertThat(toColleague.status()).as(toColleague.body()).isEqualTo(200);
		assertThat(toColleague.json().get("assigneeId").asLong()).isEqualTo(team.serviceHandler.personId());
		Response longMedia = this.fx.post("/api/tickets/" + id + "/replies", team.serviceHandler.token(),
				Map.of("msgType", "image", "mediaId", "m".repeat(129)));
		assertThat(longMedia.status()).isEqualTo(400);
		assertThat(AdminFixtures.fieldErrors(longMedia)).containsExactly("mediaId");

		String abuser = InboxTeam.openid();
		team.text(abuser, "这就是个骗子学校", Instant.now());
		long malicious = team.ticketOf(abuser);
		Response noReason = this.fx.post("/api/tickets/" + malicious + "/flag-removal", team.officeHandler.token(),
				Map.of("reason", " "));
		assertThat(noReason.status()).isEqualTo(400);
		assertThat(this.jdbc.queryForObject("SELECT removal_flagged FROM inb_ticket WHERE id = ?", Boolean.class,
				malicious))
			.isFalse();
	}

	@Test
	void aReplyAt47Hours59MinutesIsDelivered() {
		InboxTeam team = new InboxTeam(this.fx, this.jdbc);
		String openid = team.followerWithWindow();
		team.text(openid, "请问开学时间", Instant.now().minus(Duration.ofHours(47).plusMinutes(59)));
		long id = team.ticketOf(openid);
		Response reply = this.fx.post("/api/tickets/" + id + "/replies", team.officeHandler.token(),
				Map.of("msgType", "text", "content", "您好，9月1日开学。"));
		assertThat(reply.status()).as(reply.body()).isEqualTo(201);
		assertThat(reply.json().at("/entry/delivery").asString()).isEqualTo("DELIVERED");
		assertThat(this.wechat.customMessages(team.appId, openid)).extracting((m) -> m.content())
			.contains("您好，9月1日开学。");
	}

	/**
	 * A handler replies with an image file: uploaded to WeChat as temporary media and
	 * sent inside the window; outside it, refused and kept with its media id; a GIF is
	 * refused before anything is uploaded.
	 */
	@Test
	void aHandlerRepliesWithAnImageFile() {
		InboxTeam team = new InboxTeam(this.fx, this.jdbc);
		String openid = team.followerWithWindow();
		team.text(openid, "请问报名表在哪里", Instant.now());
		long id = team.ticketOf(openid);
		Response sent = this.fx.upload("/api/tickets/" + id + "/replies/image", team.officeHandler.token(), "表格.jpg",
				AdminFixtures.jpeg(120, 80));
		assertThat(sent.status()).as(sent.body()).isEqualTo(201);
		String mediaId = sent.json().at("/entry/mediaId").asString();
		assertThat(mediaId).startsWith("SIM_TMP_");
		assertThat(sent.json().at("/entry/delivery").asString()).isEqualTo("DELIVERED");
		assertThat(this.wechat.customMessages(team.appId, openid))
			.anySatisfy((m) -> assertThat(m.msgType() + ":" + m.mediaId()).isEqualTo("image:" + mediaId));
		int entries = this.jdbc.queryForObject("SELECT COUNT(*) FROM inb_ticket_entry WHERE ticket_id = ?",
				Integer.class, id);
		Response gif = this.fx.upload("/api/tickets/" + id + "/replies/image", team.officeHandler.token(), "a.gif",
				"GIF89a\u0001\u0000\u0001\u0000".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
		assertThat(gif.status()).isEqualTo(400);
		assertThat(AdminFixtures.fieldErrors(gif)).containsExactly("file");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM inb_ticket_entry WHERE ticket_id = ?", Integer.class,
				id))
			.isEqualTo(entries);

		String late = InboxTeam.openid();
		team.text(late, "请问报名表在哪里", Instant.now().minus(Duration.ofHours(48).plusMinutes(1)));
		long old = team.ticketOf(late);
		Response refused = this.fx.upload("/api/tickets/" + old + "/replies/image", team.officeHandler.token(),
				"表格.jpg", AdminFixtures.jpeg(120, 80));
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.json().get("type").asString()).endsWith("/outside-service-window");
		assertThat(this.jdbc.queryForObject("SELECT CONCAT(delivery, ':', media_id) FROM inb_ticket_entry WHERE id = ?",
				String.class, refused.json().get("entryId").asLong()))
			.startsWith("UNDELIVERED:SIM_TMP_");
	}

	/** An account chooses that routed messages get only the acknowledgement. */
	@Test
	void routedAckOnlyIsAnInboxSetting() {
		InboxTeam team = new InboxTeam(this.fx, this.jdbc);
		String path = "/api/accounts/" + team.account + "/inbox-settings";
		assertThat(this.fx.get(path, team.admin.token()).json().get("routedAckOnly").asBoolean()).isFalse();
		Response changed = this.fx.put(path, team.admin.token(), Map.of("routedAckOnly", true));
		assertThat(changed.status()).as(changed.body()).isEqualTo(200);
		assertThat(changed.json().get("routedAckOnly").asBoolean()).isTrue();
		assertThat(this.jdbc.queryForObject("SELECT routed_ack_only FROM wx_account WHERE id = ?", Boolean.class,
				team.account))
			.isTrue();
		assertThat(this.fx.get(path, team.admin.token()).json().get("ackText").asString())
			.isEqualTo("您好，已收到您的留言，我们会在规定时间内答复。");
	}

	/**
	 * A reply image is decoded whole: a JPEG header followed by HTML, a JPEG with
	 * something appended, or a truncated one is refused before anything is uploaded.
	 */
	@Test
	void aReplyImageThatIsNotWhollyAnImageIsRefused() {
		InboxTeam team = new InboxTeam(this.fx, this.jdbc);
		String openid = team.followerWithWindow();
		team.text(openid, "请问报名表在哪里", Instant.now());
		long id = team.ticketOf(openid);
		byte[] jpeg = AdminFixtures.jpeg(120, 80);
		byte[] html = "<html><body><script>alert(1)</script></body></html>"
			.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
		byte[] headerThenHtml = concat(java.util.Arrays.copyOf(jpeg, 20), html);
		byte[] jpegThenHtml = concat(jpeg, html);
		byte[] truncated = concat(java.util.Arrays.copyOf(jpeg, jpeg.length / 2),
				new byte[] { (byte) 0xFF, (byte) 0xD9 });
		team.awaitAck(id, "SENT");
		int entries = this.jdbc.queryForObject("SELECT COUNT(*) FROM inb_ticket_entry WHERE ticket_id = ?",
				Integer.class, id);
		for (byte[] file : List.of(headerThenHtml, jpegThenHtml, truncated)) {
			Response refused = this.fx.upload("/api/tickets/" + id + "/replies/image", team.officeHandler.token(),
					"表格.jpg", file);
			assertThat(refused.status()).as(refused.body()).isEqualTo(400);
			assertThat(AdminFixtures.fieldErrors(refused)).containsExactly("file");
		}
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM inb_ticket_entry WHERE ticket_id = ?", Integer.class,
				id))
			.isEqualTo(entries);
		assertThat(this.wechat.customMessages(team.appId, openid))
			.noneSatisfy((m) -> assertThat(m.msgType()).isEqualTo("image"));
		Response whole = this.fx.upload("/api/tickets/" + id + "/replies/image", team.officeHandler.token(), "表格.jpg",
				jpeg);
		assertThat(whole.status()).as(whole.body()).isEqualTo(201);
	}

	private static byte[] concat(byte[] a, byte[] b) {
		byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
		System.arraycopy(b, 0, out, a.length, b.length);
		return out;
	}

	@Test
	void aReplyAt48Hours1MinuteIsRefusedAndKeptAsUndelivered() {
		InboxTeam team = new InboxTeam(this.fx, this.jdbc);
		String openid = InboxTeam.openid();
		team.text(openid, "请问开学时间", Instant.now().minus(Duration.ofHours(48).plusMinutes(1)));
		long id = team.ticketOf(openid);
		// The acknowledgement tried its luck first (the window had closed already).
		team.awaitAck(id, "FAILED");
		int before = this.wechat.customMessageCalls(team.appId);
		Response reply = this.fx.post("/api/tickets/" + id + "/replies", team.officeHandler.token(),
				Map.of("msgType", "text", "content", "您好，9月1日开学。"));
		assertThat(reply.status()).isEqualTo(409);
		assertThat(reply.problemType()).isEqualTo("https://wxops.io/problems/outside-service-window");
		assertThat(reply.json().get("detail").asString()).contains("write again");
		assertThat(this.wechat.customMessageCalls(team.appId)).isEqualTo(before);
		long entry = reply.json().get("entryId").asLong();
		assertThat(this.jdbc.queryForObject("SELECT delivery FROM inb_ticket_entry WHERE id = ?", String.class, entry))
			.isEqualTo("UNDELIVERED");
		assertThat(this.jdbc.queryForObject("SELECT content FROM inb_ticket_entry WHERE id = ?", String.class, entry))
			.isEqualTo("您好，9月1日开学。");
	}

	/**
	 * A reply is kept before WeChat is called: while the call is under way (and so after
	 * a crash during it) the thread holds it as SENDING; then it is DELIVERED.
	 */
	@Test
	void aReplyIsKeptAsSendingWhileWeChatIsCalled() throws Exception {
		InboxTeam team = new InboxTeam(this.fx, this.jdbc);
		String openid = team.followerWithWindow();
		team.text(openid, "请问开学时间", Instant.now());
		long id = team.ticketOf(openid);
		team.awaitAck(id, "SENT");
		this.wechat.failNext("/cgi-bin/message/custom/send", SimulatedFailure.delay(Duration.ofSeconds(2)), 1);
		ExecutorService pool = Executors.newSingleThreadExecutor();
		try {
			Future<Response> reply = pool.submit(() -> this.fx.post("/api/tickets/" + id + "/replies",
					team.officeHandler.token(), Map.of("msgType", "text", "content", "您好，9月1日开学。")));
			await().atMost(Duration.ofSeconds(2))
				.until(() -> this.jdbc.queryForObject(
						"SELECT COUNT(*) FROM inb_ticket_entry WHERE ticket_id = ? AND"
								+ " kind = 'OUT' AND delivery = 'SENDING' AND content = '您好，9月1日开学。'",
						Integer.class, id) == 1);
			assertThat(reply.isDone()).isFalse();
			Response done = reply.get(10, TimeUnit.SECONDS);
			assertThat(done.status()).as(done.body()).isEqualTo(201);
			assertThat(this.jdbc.queryForObject("SELECT delivery FROM inb_ticket_entry WHERE id = ?", String.class,
					done.json().at("/entry/id").asLong()))
				.isEqualTo("DELIVERED");
		}
		finally {
			pool.shutdownNow();
		}
	}

	/**
	 * The follower writes again after the result: the RESOLVED ticket opens again (a new
	 * version, so a handler's close of the old one is refused) rather than hiding the
	 * message in a ticket nobody looks at.
	 */
	@Test
	void aNewMessageReopensAResolvedTicket() {
		InboxTeam team = new InboxTeam(this.fx, this.jdbc);
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
		InboxTeam team = new InboxTeam(this.fx, this.jdbc);
		String openid = InboxTeam.openid();
		long click = team.click(openid, "MENU_ABOUT_US", Instant.now());
		team.routed(click);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM inb_ticket WHERE account_id = ? AND openid = ?",
				Integer.class, team.account, openid))
			.isZero();
	}

	/**
	 * A handler who moves the ticket on while its acknowledgement is with WeChat keeps
	 * their status: the acknowledgement only moves a ticket that is still NEW.
	 */
	@Test
	void theAcknowledgementDoesNotUndoAHandlersStatus() {
		InboxTeam team = new InboxTeam(this.fx, this.jdbc);
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

	@Test
	void theSixthMessageOfAWindowIsRefused() {
		InboxTeam team = new InboxTeam(this.fx, this.jdbc);
		String openid = team.followerWithWindow();
		team.text(openid, "请问开学时间", Instant.now());
		long id = team.ticketOf(openid);
		team.awaitAck(id, "SENT");
		for (int i = 1; i <= 4; i++) {
			assertThat(this.fx
				.post("/api/tickets/" + id + "/replies", team.officeHandler.token(),
						Map.of("msgType", "text", "content", "第" + i + "条答复"))
				.status()).isEqualTo(201);
		}
		Response sixth = this.fx.post("/api/tickets/" + id + "/replies", team.officeHandler.token(),
				Map.of("msgType", "text", "content", "第五条答复"));
		assertThat(sixth.status()).isEqualTo(409);
		assertThat(sixth.problemType()).isEqualTo("https://wxops.io/problems/service-window-quota");
	}

	@Test
	void aTransferMovesTheTicketWithItsReason() {
		InboxTeam team = new InboxTeam(this.fx, this.jdbc);
		String openid = InboxTeam.openid();
		team.text(openid, "投诉：图书馆座位不足", Instant.now());
		long id = team.ticketOf(openid);
		Response moved = this.fx.post("/api/tickets/" + id + "/transfer", team.serviceHandler.token(),
				Map.of("departmentId", team.library, "reason", "属图书馆管理"));
		assertThat(moved.json().get("departmentId").asLong()).isEqualTo(team.library);
		assertThat(this.fx.get("/api/tickets/" + id, team.serviceHandler.token()).status()).isEqualTo(404);
		JsonNode detail = this.fx.get("/api/tickets/" + id, team.libraryHandler.token()).json();
		assertThat(detail.get("thread").valueStream().anyMatch((e) -> e.get("content").asString("").contains("属图书馆管理")))
			.isTrue();
	}

	@Test
	void anOverdueTicketIsEscalatedToTheCentralOfficeAndShownOnDuty() {
		InboxTeam team = new InboxTeam(this.fx, this.jdbc);
		String openid = team.followerWithWindow();
		team.text(openid, "投诉：报修无人处理", Instant.now());
		long id = team.ticketOf(openid);
		// Acknowledged, so only the result date counts.
		team.awaitAck(id, "SENT");
		this.tickets.escalateOverdue(Instant.now().plus(Duration.ofDays(2)));
		assertThat(
				this.jdbc.queryForObject("SELECT escalated_at IS NULL FROM inb_ticket WHERE id = ?", Boolean.class, id))
			.isTrue();
		this.tickets.escalateOverdue(Instant.now().plus(Duration.ofDays(4)));
		assertThat(this.jdbc.queryForObject("SELECT escalated_at IS NOT NULL FROM inb_ticket WHERE id = ?",
				Boolean.class, id))
			.isTrue();
		JsonNode duty = this.fx.get("/api/inbox/duty?accountId=" + team.account, team.officeHandler.token()).json();
		assertThat(duty.get("overdue").valueStream().map((t) -> t.get("id").asLong()).toList()).contains(id);
	}

	/**
	 * Same-day acknowledgement (当日答复): a ticket nobody acknowledged (here its automatic
	 * acknowledgement failed) is overdue after the end of the account's local day it
	 * arrived on, and escalated, though its result is not due for days; an acknowledged
	 * one is not.
	 */
	@Test
	void aTicketNotAcknowledgedOnItsDayIsEscalated() {
		InboxTeam team = new InboxTeam(this.fx, this.jdbc);
		String unanswered = InboxTeam.openid();
		String acknowledged = InboxTeam.openid();
		Instant now = Instant.now();
		// WeChat refuses the first one's acknowledgement (no window on the simulated
		// platform: 45015), and no handler answers it.
		this.wechat.followerMessaged(team.appId, acknowledged);
		team.text(unanswered, "投诉：路灯不亮", now);
		team.text(acknowledged, "投诉：路灯不亮", now);
		long late = team.ticketOf(unanswered);
		long fine = team.ticketOf(acknowledged);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> "FAILED"
				.equals(this.jdbc.queryForObject("SELECT ack_status FROM inb_ticket WHERE id = ?", String.class, late))
					&& "SENT".equals(this.jdbc.queryForObject("SELECT ack_status FROM inb_ticket WHERE id = ?",
							String.class, fine)));
		assertThat(this.jdbc.queryForObject("SELECT status FROM inb_ticket WHERE id = ?", String.class, late))
			.isEqualTo("NEW");
		ZoneId zone = ZoneId
			.of(this.jdbc.queryForObject("SELECT time_zone FROM wx_account WHERE id = ?", String.class, team.account));
		Instant endOfDay = now.atZone(zone).toLocalDate().plusDays(1).atStartOfDay(zone).toInstant();
		assertThat(this.jdbc
			.queryForObject("SELECT ack_due_at FROM inb_ticket WHERE id = ?", java.sql.Timestamp.class, late)
			.toInstant()).isEqualTo(endOfDay.minusMillis(1));
		// Other tests' tickets may be escalated too: only these two are looked at.
		this.tickets.escalateOverdue(endOfDay.minusSeconds(1));
		assertThat(this.jdbc.queryForObject("SELECT escalated_at IS NULL FROM inb_ticket WHERE id = ?", Boolean.class,
				late))
			.isTrue();
		this.tickets.escalateOverdue(endOfDay.plusSeconds(1));
		assertThat(this.jdbc.queryForObject("SELECT escalated_at IS NOT NULL FROM inb_ticket WHERE id = ?",
				Boolean.class, late))
			.isTrue();
		assertThat(this.jdbc.queryForObject("SELECT escalated_at IS NULL FROM inb_ticket WHERE id = ?", Boolean.class,
				fine))
			.isTrue();
		assertThat(this.jdbc.queryForObject(
				"SELECT content FROM inb_ticket_entry WHERE ticket_id = ? AND kind = 'EVENT' ORDER BY id DESC LIMIT 1",
				String.class, late))
			.startsWith("not acknowledged on the day it arrived");
		JsonNode duty = this.fx.get("/api/inbox/duty?accountId=" + team.account, team.officeHandler.token()).json();
		assertThat(duty.get("overdue").valueStream().map((t) -> t.get("id").asLong()).toList()).contains(late)
			.doesNotContain(fine);
	}

	@Test
	void aClosedTicketCarriesItsFollowUp() {
		InboxTeam team = new InboxTeam(this.fx, this.jdbc);
		String openid = InboxTeam.openid();
		team.text(openid, "建议食堂延长营业", Instant.now());
		long id = team.ticketOf(openid);
		assertThat(this.fx
			.post("/api/tickets/" + id + "/close", team.officeHandler.token(),
					Map.of("method", "PHONE", "result", "已采纳"))
			.status()).isEqualTo(409);
		this.fx.post("/api/tickets/" + id + "/status", team.officeHandler.token(), Map.of("status", "RESOLVED"));
		Response closed = this.fx.post("/api/tickets/" + id + "/close", team.officeHandler.token(),
				Map.of("method", "PHONE", "result", "已采纳，下月起延长", "satisfied", true));
		assertThat(closed.json().get("status").asString()).isEqualTo("CLOSED");
		assertThat(
				this.fx.get("/api/tickets/" + id, team.officeHandler.token()).json().at("/followup/result").asString())
			.isEqualTo("已采纳，下月起延长");
	}

	@Test
	void imagesTheFollowerSentAreFetchedFromWeChat() {
		InboxTeam team = new InboxTeam(this.fx, this.jdbc);
		String openid = InboxTeam.openid();
		byte[] jpeg = AdminFixtures.jpeg(20, 20);
		this.wechat.addMedia("SIM_MEDIA_photo1", jpeg, "image/jpeg");
		team.image(openid, "SIM_MEDIA_photo1", Instant.now());
		long id = team.ticketOf(openid);
		JsonNode entry = this.fx.get("/api/tickets/" + id, team.officeHandler.token())
			.json()
			.get("thread")
			.valueStream()
			.filter((e) -> "IN".equals(e.get("kind").asString()))
			.findFirst()
			.orElseThrow();
		Response media = this.fx.get("/api/tickets/" + id + "/entries/" + entry.get("id").asLong() + "/media",
				team.officeHandler.token());
		assertThat(media.status()).isEqualTo(200);
		assertThat(media.raw().headers().firstValue("Content-Type").orElse("")).startsWith("image/jpeg");
	}

	@Test
	void concurrentRoutersFileEveryMessageExactlyOnce() throws Exception {
		InboxTeam team = new InboxTeam(this.fx, this.jdbc);
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
		InboxTeam team = new InboxTeam(this.fx, this.jdbc);
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

	private List<Long> queueIds(InboxTeam team, String token, boolean includeHidden) {
		return this.fx.get("/api/tickets?accountId=" + team.account + "&includeHidden=" + includeHidden, token)
			.json()
			.get("items")
			.valueStream()
			.map((t) -> t.get("id").asLong())
			.toList();
	}

}
