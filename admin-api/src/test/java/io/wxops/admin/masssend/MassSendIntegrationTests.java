package io.wxops.admin.masssend;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.wxops.admin.AdminFixtures;
import io.wxops.admin.AdminFixtures.Response;
import io.wxops.admin.AdminIntegrationTest;
import io.wxops.admin.SimulatorInitializer;
import io.wxops.devkit.simulator.RecordedDraft;
import io.wxops.devkit.simulator.RecordedSend;
import io.wxops.devkit.simulator.SimulatedFailure;
import io.wxops.devkit.simulator.WeChatApiSimulator;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Mass sends: preview gate, one per local day, exactly once through failures. */
@AdminIntegrationTest
class MassSendIntegrationTests {

	static final String SENDALL = "/cgi-bin/message/mass/sendall";

	@Autowired
	AdminFixtures fx;

	@Autowired
	MassSendExecutor executor;

	@Autowired
	MassSendResults results;

	@Autowired
	JdbcTemplate jdbc;

	WeChatApiSimulator wechat = SimulatorInitializer.simulator();

	@Test
	void aConfirmedSendGoesOutWithinTwoSecondsOfItsSlotExactlyOnceAndTheArticlesAreSent() {
		MassSendTeam team = new MassSendTeam(this.fx);
		long article = team.queuedArticle("运动会");
		Instant slot = Instant.now().plusSeconds(3);
		long id = team.composeNews(List.of(article), slot).json().get("id").asLong();
		team.previewAndConfirm(id);
		assertThat(this.wechat.previews(team.appId)).hasSize(1);
		// SENDING is passed through on the way (committed before WeChat is called).
		await().atMost(Duration.ofSeconds(10)).until(() -> !List.of("CONFIRMED", "SENDING").contains(team.status(id)));
		JsonNode sent = team.send(id);
		assertThat(sent.get("status").asString()).isIn("SENT", "FINISHED");
		List<RecordedSend> recorded = this.wechat.sends(team.appId);
		assertThat(recorded).hasSize(1);
		assertThat(recorded.get(0).clientMsgId()).isEqualTo("wxops-send-" + id);
		assertThat(recorded.get(0).sentAt()).isBetween(slot, slot.plusSeconds(2));
		assertThat(this.fx.get("/api/articles/" + article, team.editor.token()).json().get("status").asString())
			.isEqualTo("SENT");
		assertThat(this.fx.get("/api/accounts/" + team.account + "/queue", team.publisher.token()).json().size())
			.isZero();
	}

	@Test
	void theDraftCarriesTheSanitisedBodyAndTheStatedSource() {
		MassSendTeam team = new MassSendTeam(this.fx);
		String source = "https://www.example.edu.cn/news/2024/1.html";
		long article = team.queuedArticle("来源测试", "<p>运动会圆满结束。<!-- 内部文件：未经审核 --></p><script>var a = '代开发票';</script>",
				source);
		int before = this.wechat.drafts(team.appId).size();
		assertThat(team.composeNews(List.of(article), MassSendTeam.shanghai(MassSendTeam.daysAhead(13), LocalTime.NOON))
			.status()).isEqualTo(201);
		List<RecordedDraft> drafts = this.wechat.drafts(team.appId);
		assertThat(drafts).hasSize(before + 1);
		Map<String, Object> item = drafts.get(drafts.size() - 1).articles().get(0);
		assertThat(item.get("content"))
			.isEqualTo("<p>运动会圆满结束。</p><p>来源：https://www.example.edu.cn/news/2024/1.html</p>");
		assertThat(item.get("content_source_url")).isEqualTo(source);
	}

	@Test
	void aSlotKeepsItsMillisecondsRoundedUpAndTheSendNeverLeavesBeforeIt() {
		MassSendTeam team = new MassSendTeam(this.fx);
		Instant asked = Instant.now()
			.plusSeconds(4)
			.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
			.plusNanos(550_500_000);
		long id = team.composeText("毫秒不丢。", asked).json().get("id").asLong();
		assertThat(this.jdbc.queryForObject("SELECT DATE_FORMAT(slot_at, '%f') FROM ms_send WHERE id = ?", String.class,
				id))
			.isEqualTo("551000");
		assertThat(Instant.parse(team.send(id).get("slotAt").asString())).isEqualTo(asked.plusNanos(500_000));
		team.previewAndConfirm(id);
		await().atMost(Duration.ofSeconds(15)).until(() -> !this.wechat.sends(team.appId).isEmpty());
		assertThat(this.wechat.sends(team.appId).get(0).sentAt()).isAfterOrEqualTo(asked);
	}

	@Test
	void theJobFinishEventTheGatewayStoredCompletesTheSendWithCountsAndUrls() {
		MassSendTeam team = new MassSendTeam(this.fx);
		long article = team.queuedArticle("开学典礼");
		long id = team.composeNews(List.of(article), null).json().get("id").asLong();
		team.previewAndConfirm(id);
		await().atMost(Duration.ofSeconds(10)).until(() -> team.msgIdKnown(id));
		long msgId = team.send(id).get("msgId").asLong();
		// What the gateway stores when WeChat pushes MASSSENDJOBFINISH.
		this.jdbc.update("""
				INSERT INTO wx_inbound_message (account_id, dedup_key, msg_id, msg_type, event, from_user, to_user,
				  create_time, fields, encrypted, received_at)
				VALUES (?, SHA2(?, 256), ?, 'event', 'MASSSENDJOBFINISH', 'mphelper', 'gh_x', 1, ?, TRUE, NOW(3))""",
				team.account, "job-" + msgId, String.valueOf(msgId),
				"{\"MsgID\":\"" + msgId + "\",\"Status\":\"send success\",\"TotalCount\":\"120\",\"FilterCount\":"
						+ "\"118\",\"SentCount\":\"117\",\"ErrorCount\":\"1\",\"ArticleUrlResult\":{\"Count\":\"1\","
						+ "\"ResultList\":{\"item\":{\"ArticleIdx\":\"1\",\"ArticleUrl\":\"https://mp.weixin.qq.com/s/abc\"}}}}");
		await().atMost(Duration.ofSeconds(10)).until(() -> "FINISHED".equals(team.status(id)));
		JsonNode finished = team.send(id);
		assertThat(finished.get("sentCount").asInt()).isEqualTo(117);
		assertThat(finished.get("errorCount").asInt()).isEqualTo(1);
		assertThat(finished.at("/articles/0/articleUrl").asString()).isEqualTo("https://mp.weixin.qq.com/s/abc");
	}

	@Test
	void aCrashAfterWeChatAcceptedIsReconciledWithoutASecondSend() {
		MassSendTeam team = new MassSendTeam(this.fx);
		this.wechat.acceptThenFailNext(SENDALL, SimulatedFailure.connectionReset());
		long id = team.composeText("本周六校园开放日，欢迎参观。", Instant.now()).json().get("id").asLong();
		team.previewAndConfirm(id);
		await().atMost(Duration.ofSeconds(10)).until(() -> this.wechat.sendCalls(team.appId) >= 1);
		await().atMost(Duration.ofSeconds(5))
			.until(() -> "SENDING".equals(team.status(id)) && !team.send(id).get("errorMessage").isNull());
		// As after a restart: sends left in SENDING are asked again with their
		// clientmsgid.
		this.executor.reconcile(Duration.ZERO);
		JsonNode sent = team.send(id);
		assertThat(sent.get("status").asString()).isIn("SENT", "FINISHED");
		assertThat(this.wechat.sends(team.appId)).hasSize(1);
		assertThat(sent.get("msgId").asLong()).isEqualTo(this.wechat.sends(team.appId).get(0).msgId());
		assertThat(this.wechat.sendCalls(team.appId)).isEqualTo(2);
	}

	@Test
	void a45065WithoutMsgIdIsSentKeepsItsDayAndTakesTheNextUnclaimedJobFinish() {
		MassSendTeam team = new MassSendTeam(this.fx);
		this.wechat.acceptThenFailNext(SENDALL, SimulatedFailure.connectionReset());
		long id = team.composeText("运动会改期通知。", Instant.now()).json().get("id").asLong();
		team.previewAndConfirm(id);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> "SENDING".equals(team.status(id)) && !team.send(id).get("errorMessage").isNull());
		long acceptedMsgId = this.wechat.sends(team.appId).get(0).msgId();
		// WeChat remembers the clientmsgid, but this answer does not name the msg_id.
		this.wechat.failNext(SENDALL, SimulatedFailure.errcode(45065, "clientmsgid exist"), 1);
		this.executor.reconcile(Duration.ZERO);
		JsonNode sent = team.send(id);
		assertThat(sent.get("status").asString()).isEqualTo("SENT");
		assertThat(sent.get("msgId").isNull()).isTrue();
		assertThat(sent.get("errorCode").isNull()).isTrue();
		Response sameDay = team.composeText("同一天的第二条", Instant.now().plusSeconds(60));
		assertThat(sameDay.status()).isEqualTo(409);
		assertThat(sameDay.problemType()).isEqualTo("https://wxops.io/problems/day-taken");
		Response delete = this.fx.post("/api/sends/" + id + "/delete", team.publisher.token(), Map.of("articleIdx", 0));
		assertThat(delete.status()).isEqualTo(409);
		assertThat(delete.problemType()).isEqualTo("https://wxops.io/problems/msg-id-unknown");
		// Neither an event received before the send went SENDING nor one another send
		// holds is its result.
		Instant firstSending = Instant.parse(this.jdbc.queryForObject(
				"SELECT DATE_FORMAT(first_sending_at, '%Y-%m-%dT%H:%i:%s.%fZ') FROM ms_send WHERE id = ?", String.class,
				id));
		jobFinish(team.account, 900_001L, firstSending.minusSeconds(3600), 5);
		MassSendTeam other = new MassSendTeam(this.fx);
		long otherId = other.composeText("另一条", Instant.now()).json().get("id").asLong();
		this.jdbc.update("""
				UPDATE ms_send SET account_id = ?, local_day = local_day + INTERVAL 40 DAY, status = 'DELETED',
				       msg_id = 900002 WHERE id = ?""", team.account, otherId);
		jobFinish(team.account, 900_002L, firstSending.plusMillis(1), 6);
		jobFinish(team.account, acceptedMsgId, firstSending.plusMillis(2), 117);
		this.results.collect(Duration.ofHours(1));
		JsonNode finished = team.send(id);
		assertThat(finished.get("status").asString()).isEqualTo("FINISHED");
		assertThat(finished.get("msgId").asLong()).isEqualTo(acceptedMsgId);
		assertThat(finished.get("sentCount").asInt()).isEqualTo(117);
		assertThat(this.wechat.sends(team.appId)).hasSize(1);
	}

	/** Stores a MASSSENDJOBFINISH as the gateway does, received at the given time. */
	private void jobFinish(long account, long msgId, Instant receivedAt, int sentCount) {
		String fields = "{\"MsgID\":\"" + msgId + "\",\"Status\":\"send success\",\"TotalCount\":\"120\","
				+ "\"FilterCount\":\"118\",\"SentCount\":\"" + sentCount + "\",\"ErrorCount\":\"1\"}";
		// As text, so the milliseconds reach the server whatever the driver makes of it.
		String at = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
			.withZone(java.time.ZoneOffset.UTC)
			.format(receivedAt);
		this.jdbc.update("""
				INSERT INTO wx_inbound_message (account_id, dedup_key, msg_id, msg_type, event, from_user, to_user,
				  create_time, fields, encrypted, received_at)
				VALUES (?, SHA2(?, 256), ?, 'event', 'MASSSENDJOBFINISH', 'mphelper', 'gh_x', 1, ?, TRUE, ?)""",
				account, "job-" + msgId, String.valueOf(msgId), fields, at);
	}

	@Test
	void aCallThatNeverReachedWeChatIsSentOnceWhenReconciled() {
		MassSendTeam team = new MassSendTeam(this.fx);
		this.wechat.failNext(SENDALL, SimulatedFailure.connectionReset(), 1);
		long id = team.composeText("图书馆周末延长开放。", Instant.now()).json().get("id").asLong();
		team.previewAndConfirm(id);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> "SENDING".equals(team.status(id)) && !team.send(id).get("errorMessage").isNull());
		assertThat(this.wechat.sends(team.appId)).isEmpty();
		this.executor.reconcile(Duration.ZERO);
		assertThat(team.status(id)).isIn("SENT", "FINISHED");
		assertThat(this.wechat.sends(team.appId)).hasSize(1);
	}

	@Test
	void aRefusedSendFailsWithWeChatsReasonAndLosesNothing() {
		MassSendTeam team = new MassSendTeam(this.fx);
		long article = team.queuedArticle("招生简章");
		this.wechat.failNext(SENDALL, SimulatedFailure.errcode(45028, "has no masssend quota"), 1);
		long id = team.composeNews(List.of(article), null).json().get("id").asLong();
		team.previewAndConfirm(id);
		await().atMost(Duration.ofSeconds(10)).until(() -> "FAILED".equals(team.status(id)));
		JsonNode failed = team.send(id);
		assertThat(failed.get("errorCode").asInt()).isEqualTo(45028);
		assertThat(failed.get("errorMessage").asString()).containsIgnoringCase("quota");
		assertThat(failed.at("/articles/0/articleId").asLong()).isEqualTo(article);
		assertThat(this.fx.get("/api/articles/" + article, team.editor.token()).json().get("status").asString())
			.isEqualTo("APPROVED");
		// The day is free again and the article still heads the queue.
		assertThat(team.composeNews(List.of(article), null).status()).isEqualTo(201);
	}

	@Test
	void aSecondSendOnTheSameLocalDayIsRefusedWithTheNextFreeDay() {
		MassSendTeam team = new MassSendTeam(this.fx);
		LocalDate day = MassSendTeam.daysAhead(3);
		assertThat(team.composeText("早上好", MassSendTeam.shanghai(day, LocalTime.MIDNIGHT)).status()).isEqualTo(201);
		Response second = team.composeText("晚上好", MassSendTeam.shanghai(day, LocalTime.of(23, 59, 59)));
		assertThat(second.status()).isEqualTo(409);
		assertThat(second.problemType()).isEqualTo("https://wxops.io/problems/day-taken");
		assertThat(second.json().get("nextFreeDay").asString()).isEqualTo(day.plusDays(1).toString());
	}

	@Test
	void twentyParallelComposesForTwentyDaysOfAServiceAccountGiveExactlyFour() throws Exception {
		MassSendTeam team = new MassSendTeam(this.fx);
		this.jdbc.update("UPDATE wx_account SET account_type = 'SERVICE' WHERE id = ?", team.account);
		LocalDate first = LocalDate.now(MassSendTeam.SHANGHAI).plusMonths(1).withDayOfMonth(1);
		ExecutorService pool = Executors.newFixedThreadPool(20);
		List<Response> answers = new ArrayList<>();
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Response>> composed = new ArrayList<>();
			for (int i = 0; i < 20; i++) {
				Instant slot = MassSendTeam.shanghai(first.plusDays(i), LocalTime.NOON);
				String text = "第" + (i + 1) + "天的通知";
				composed.add(pool.submit(() -> {
					start.await();
					return team.composeText(text, slot);
				}));
			}
			start.countDown();
			for (Future<Response> f : composed) {
				answers.add(f.get(60, TimeUnit.SECONDS));
			}
		}
		finally {
			pool.shutdownNow();
		}
		List<Response> created = answers.stream().filter((r) -> r.status() == 201).toList();
		assertThat(created).hasSize(4);
		assertThat(answers).filteredOn((r) -> r.status() != 201)
			.allSatisfy((r) -> assertThat(r.problemType()).isEqualTo("https://wxops.io/problems/monthly-quota"))
			.allSatisfy((r) -> assertThat(r.json().get("nextFreeDay").asString())
				.isEqualTo(first.plusMonths(1).toString()));
		assertThat(this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM ms_send WHERE account_id = ? AND status NOT IN ('FAILED', 'CANCELLED')",
				Integer.class, team.account))
			.isEqualTo(4);
		// A cancelled send frees its slot for another day of the month.
		long cancelled = created.get(0).json().get("id").asLong();
		assertThat(this.fx.post("/api/sends/" + cancelled + "/cancel", team.publisher.token(), null).status())
			.isEqualTo(200);
		Response again = team.composeText("补发", MassSendTeam.shanghai(first.plusDays(25), LocalTime.NOON));
		assertThat(again.status()).as(again.body()).isEqualTo(201);
		assertThat(team.composeText("再补发", MassSendTeam.shanghai(first.plusDays(26), LocalTime.NOON)).status())
			.isEqualTo(409);
	}

	@Test
	void localMidnightSeparatesTwoDays() {
		MassSendTeam team = new MassSendTeam(this.fx);
		LocalDate day = MassSendTeam.daysAhead(5);
		assertThat(team.composeText("今天", MassSendTeam.shanghai(day, LocalTime.of(23, 59, 59))).status())
			.isEqualTo(201);
		Response next = team.composeText("明天", MassSendTeam.shanghai(day.plusDays(1), LocalTime.MIDNIGHT));
		assertThat(next.status()).isEqualTo(201);
		assertThat(next.json().get("localDay").asString()).isEqualTo(day.plusDays(1).toString());
	}

	@Test
	void aCancelledSendGivesItsDayBack() {
		MassSendTeam team = new MassSendTeam(this.fx);
		Instant slot = MassSendTeam.shanghai(MassSendTeam.daysAhead(7), LocalTime.NOON);
		long id = team.composeText("取消测试", slot).json().get("id").asLong();
		assertThat(this.fx.post("/api/sends/" + id + "/cancel", team.publisher.token(), null).status()).isEqualTo(200);
		assertThat(team.composeText("重新安排", slot).status()).isEqualTo(201);
	}

	@Test
	void noSendGoesOutWithoutAConfirmedPreview() {
		MassSendTeam team = new MassSendTeam(this.fx);
		long id = team.composeText("未预览", Instant.now()).json().get("id").asLong();
		Response confirm = this.fx.post("/api/sends/" + id + "/confirm", team.otherPublisher.token(),
				Map.of("previewHash", team.send(id).get("contentHash").asString()));
		assertThat(confirm.status()).isEqualTo(409);
		assertThat(confirm.problemType()).isEqualTo("https://wxops.io/problems/not-previewed");
		this.executor.fireDue();
		assertThat(team.status(id)).isEqualTo("COMPOSED");
		assertThat(this.wechat.sendCalls(team.appId)).isZero();
	}

	@Test
	void confirmingYourOwnPreviewNeedsTheAccountsPermission() {
		MassSendTeam team = new MassSendTeam(this.fx);
		long id = team.composeText("自己确认", MassSendTeam.shanghai(MassSendTeam.daysAhead(9), LocalTime.NOON))
			.json()
			.get("id")
			.asLong();
		String previewHash = this.fx.post("/api/sends/" + id + "/preview", team.publisher.token(), null)
			.json()
			.get("previewHash")
			.asString();
		Response own = this.fx.post("/api/sends/" + id + "/confirm", team.publisher.token(),
				Map.of("previewHash", previewHash));
		assertThat(own.status()).isEqualTo(403);
		assertThat(own.problemType()).isEqualTo("https://wxops.io/problems/own-preview");
		int version = this.fx.get("/api/accounts/" + team.account, team.admin.token()).json().get("version").asInt();
		this.fx.patch("/api/accounts/" + team.account, team.admin.token(),
				Map.of("policies", Map.of("selfConfirmAllowed", true), "version", version));
		assertThat(this.fx
			.post("/api/sends/" + id + "/confirm", team.publisher.token(), Map.of("previewHash", previewHash))
			.status()).isEqualTo(200);
	}

	@Test
	void anEditAfterThePreviewVoidsIt() {
		MassSendTeam team = new MassSendTeam(this.fx);
		long article = team.queuedArticle("预览后修改");
		long id = team.composeNews(List.of(article), MassSendTeam.shanghai(MassSendTeam.daysAhead(11), LocalTime.NOON))
			.json()
			.get("id")
			.asLong();
		String previewHash = this.fx.post("/api/sends/" + id + "/preview", team.publisher.token(), null)
			.json()
			.get("previewHash")
			.asString();
		JsonNode current = this.fx.get("/api/articles/" + article, team.editor.token()).json();
		this.fx.put("/api/articles/" + article, team.editor.token(),
				Map.of("title", current.get("title").asString(), "body", "<p>改过的正文</p>", "source", "本校宣传部",
						"sensitivity", "GENERAL", "coverImageId", current.get("coverImageId").asLong(), "version",
						current.get("version").asInt()));
		Response confirm = this.fx.post("/api/sends/" + id + "/confirm", team.otherPublisher.token(),
				Map.of("previewHash", previewHash));
		assertThat(confirm.status()).isEqualTo(409);
		assertThat(confirm.problemType()).isEqualTo("https://wxops.io/problems/preview-voided");
	}

	@Test
	void aComposeWithoutAnAccountNamesOnlyAccountIdBeforeAnythingElseIsChecked() {
		MassSendTeam team = new MassSendTeam(this.fx);
		Map<String, Object> noAccount = new java.util.LinkedHashMap<>();
		noAccount.put("kind", "NEWSLETTER");
		noAccount.put("text", "通知");
		Response refused = this.fx.post("/api/sends", team.publisher.token(), noAccount);
		assertThat(refused.status()).as(refused.body()).isEqualTo(400);
		assertThat(refused.problemType()).isEqualTo("https://wxops.io/problems/invalid-request");
		// kind and sendIgnoreReprint are checked only once the account is known to be the
		// caller's, as before the account was a constraint on the request.
		assertThat(AdminFixtures.fieldErrors(refused)).containsExactly("accountId");
		assertThat(refused.json().get("errors").get(0).get("message").asString())
			.isEqualTo("the account to send from is required");
	}

	@Test
	void theAudienceIsNeverEveryoneUnlessChosen() {
		MassSendTeam team = new MassSendTeam(this.fx);
		Map<String, Object> noAudience = new java.util.LinkedHashMap<>();
		noAudience.put("accountId", team.account);
		noAudience.put("kind", "TEXT");
		noAudience.put("text", "通知");
		noAudience.put("sendIgnoreReprint", true);
		noAudience.put("departmentId", team.department);
		noAudience.put("sensitivity", "GENERAL");
		Response refused = this.fx.post("/api/sends", team.publisher.token(), noAudience);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(AdminFixtures.fieldErrors(refused)).contains("audience");
		this.wechat.addTag(team.appId, 101, "教职工", 40);
		Map<String, Object> toTag = new java.util.LinkedHashMap<>(noAudience);
		toTag.put("audience", "TAG");
		toTag.put("tagId", 101);
		long id = this.fx.post("/api/sends", team.publisher.token(), toTag).json().get("id").asLong();
		team.approve(id);
		team.previewAndConfirm(id);
		await().atMost(Duration.ofSeconds(10)).until(() -> !this.wechat.sends(team.appId).isEmpty());
		String request = this.wechat.sends(team.appId).get(0).requestJson();
		assertThat(request).contains("\"tag_id\":101").contains("\"is_to_all\":false");
	}

	@Test
	void aSentMessageCanBeDeletedAndTheDeletionIsRecorded() {
		MassSendTeam team = new MassSendTeam(this.fx);
		long id = team.composeText("稍后删除的通知", Instant.now()).json().get("id").asLong();
		team.previewAndConfirm(id);
		await().atMost(Duration.ofSeconds(10)).until(() -> team.msgIdKnown(id));
		Response deleted = this.fx.post("/api/sends/" + id + "/delete", team.publisher.token(),
				Map.of("articleIdx", 0));
		assertThat(deleted.status()).as(deleted.body()).isEqualTo(200);
		assertThat(deleted.json().get("status").asString()).isEqualTo("DELETED");
		assertThat(this.wechat.sends(team.appId).get(0).status()).isEqualTo("DELETE");
		assertThat(this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM adm_audit_entry WHERE action = 'MASS_SEND_DELETED' AND target_id = ?", Long.class,
				String.valueOf(id)))
			.isEqualTo(1);
	}

	@Test
	void aSuspendedAccountCannotCompose() {
		MassSendTeam team = new MassSendTeam(this.fx);
		int version = this.fx.get("/api/accounts/" + team.account, team.admin.token()).json().get("version").asInt();
		this.fx.post("/api/accounts/" + team.account + "/status", team.admin.token(),
				Map.of("status", "SUSPENDED", "reason", "整改", "version", version));
		Response r = team.composeText("暂停中", Instant.now().plusSeconds(3600));
		assertThat(r.status()).isEqualTo(409);
		assertThat(r.problemType()).isEqualTo("https://wxops.io/problems/account-not-operating");
	}

}
