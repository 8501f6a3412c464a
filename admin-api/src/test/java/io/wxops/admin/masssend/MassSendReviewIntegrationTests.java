package io.wxops.admin.masssend;

import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.wxops.admin.AdminFixtures;
import io.wxops.admin.AdminFixtures.Login;
import io.wxops.admin.AdminFixtures.Response;
import io.wxops.admin.AdminIntegrationTest;
import io.wxops.admin.SimulatorInitializer;
import io.wxops.admin.security.Role;
import io.wxops.devkit.simulator.WeChatApiSimulator;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * TEXT and IMAGE sends carry approved content too: each is reviewed by its account's
 * chain for its sensitivity, bound to its content hash, before it can be previewed,
 * confirmed or sent.
 */
@AdminIntegrationTest
class MassSendReviewIntegrationTests {

	@Autowired
	AdminFixtures fx;

	@Autowired
	JdbcTemplate jdbc;

	WeChatApiSimulator wechat = SimulatorInitializer.simulator();

	@Test
	void aTextSendIsPreviewedOnlyAfterItsReviewApprovedIt() {
		MassSendTeam team = new MassSendTeam(this.fx);
		JsonNode composed = team.composeTextForReview("全体师生：明日停课一天。", slot(2)).json();
		long id = composed.get("id").asLong();
		Response early = preview(team, id);
		assertThat(early.status()).isEqualTo(409);
		assertThat(early.problemType()).isEqualTo("https://wxops.io/problems/send-not-approved");
		assertThat(this.wechat.previews(team.appId)).isEmpty();
		assertThat(composed.get("reviewStatus").asString()).isEqualTo("IN_REVIEW");
		JsonNode pending = pendingSend(team.deptHead, id);
		assertThat(pending.get("text").asString()).isEqualTo("全体师生：明日停课一天。");
		assertThat(pending.get("awaiting").asString()).isEqualTo("DEPT_REVIEWER");
		assertThat(pending.get("contentHash").asString()).isEqualTo(composed.get("contentHash").asString());
		team.approve(id);
		assertThat(pendingSend(team.deptHead, id)).isNull();
		assertThat(preview(team, id).status()).isEqualTo(200);
		assertThat(this.wechat.previews(team.appId)).hasSize(1);
	}

	@Test
	void aSensitiveSendWaitsForEveryLevelOfItsChain() {
		MassSendTeam team = new MassSendTeam(this.fx);
		Login office = this.fx.person(Role.OFFICE_REVIEWER, team.account, null);
		long id = compose(team, "TEXT", "校园安全事件通报", null, "SENSITIVE").json().get("id").asLong();
		assertThat(pendingSend(office, id)).isNull();
		assertThat(decide(team.deptHead, team, id, "APPROVE", null).json().get("status").asString())
			.isEqualTo("IN_REVIEW");
		assertThat(preview(team, id).status()).isEqualTo(409);
		assertThat(pendingSend(office, id).get("awaiting").asString()).isEqualTo("OFFICE_REVIEWER");
		JsonNode done = decide(office, team, id, "APPROVE", null).json();
		assertThat(done.get("status").asString()).isEqualTo("APPROVED");
		assertThat(done.get("chain").valueStream().map((s) -> s.get("level").asString()).toList())
			.containsExactly("DEPT_REVIEWER", "OFFICE_REVIEWER");
		assertThat(preview(team, id).status()).isEqualTo(200);
	}

	@Test
	void theComposerCannotApproveTheirSendNorAnyoneAStaleHash() {
		MassSendTeam team = new MassSendTeam(this.fx);
		this.fx.grant(team.publisher, Role.DEPT_REVIEWER, team.account, team.department);
		long id = team.composeTextForReview("自己审批", slot(2)).json().get("id").asLong();
		Response own = decide(team.publisher, team, id, "APPROVE", null);
		assertThat(own.status()).isEqualTo(403);
		assertThat(own.problemType()).isEqualTo("https://wxops.io/problems/own-send");
		Response stale = this.fx.post("/api/sends/" + id + "/decision", team.deptHead.token(),
				Map.of("decision", "APPROVE", "contentHash", "0".repeat(64)));
		assertThat(stale.status()).isEqualTo(409);
		assertThat(stale.problemType()).isEqualTo("https://wxops.io/problems/stale-content");
		assertThat(team.send(id).get("reviewStatus").asString()).isEqualTo("IN_REVIEW");
		assertThat(decisions(id)).isZero();
	}

	@Test
	void aRejectedSendNeedsAReasonAndCannotBePreviewed() {
		MassSendTeam team = new MassSendTeam(this.fx);
		long id = team.composeTextForReview("措辞不当的通知", slot(2)).json().get("id").asLong();
		assertThat(decide(team.deptHead, team, id, "REJECT", null).status()).isEqualTo(400);
		JsonNode rejected = decide(team.deptHead, team, id, "REJECT", "措辞需修改").json();
		assertThat(rejected.get("status").asString()).isEqualTo("REJECTED");
		assertThat(rejected.at("/chain/0/comment").asString()).isEqualTo("措辞需修改");
		assertThat(preview(team, id).problemType()).isEqualTo("https://wxops.io/problems/send-not-approved");
		assertThat(pendingSend(team.deptHead, id)).isNull();
	}

	@Test
	void twoReviewersDecidingAtOnceCountOnce() throws Exception {
		MassSendTeam team = new MassSendTeam(this.fx);
		Login otherHead = this.fx.departmental(Role.DEPT_REVIEWER, team.account, team.department);
		long id = team.composeTextForReview("同时审批", slot(2)).json().get("id").asLong();
		String hash = team.send(id).get("contentHash").asString();
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Future<Response>> answers = new ArrayList<>();
			for (Login who : List.of(team.deptHead, otherHead)) {
				Callable<Response> call = () -> {
					start.await(10, TimeUnit.SECONDS);
					return this.fx.post("/api/sends/" + id + "/decision", who.token(),
							Map.of("decision", "APPROVE", "contentHash", hash));
				};
				answers.add(pool.submit(call));
			}
			start.countDown();
			List<Integer> statuses = new ArrayList<>();
			for (Future<Response> answer : answers) {
				statuses.add(answer.get(30, TimeUnit.SECONDS).status());
			}
			assertThat(statuses).containsExactlyInAnyOrder(200, 409);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(decisions(id)).isEqualTo(1);
		assertThat(team.send(id).get("reviewStatus").asString()).isEqualTo("APPROVED");
	}

	@Test
	void anImageSendNeedsAnImageWxopsKnowsAndItsOwnApproval() {
		MassSendTeam team = new MassSendTeam(this.fx);
		Response unknown = compose(team, "IMAGE", null, "media_nobody_uploaded", "GENERAL");
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(AdminFixtures.fieldErrors(unknown)).contains("imageMediaId");
		// The cover of a draft nobody reviewed: the send's own review must approve it.
		JsonNode cover = draftCover(team);
		Response composed = compose(team, "IMAGE", null, cover.get("mediaId").asString(), "GENERAL");
		assertThat(composed.status()).as(composed.body()).isEqualTo(201);
		long id = composed.json().get("id").asLong();
		assertThat(preview(team, id).status()).isEqualTo(409);
		assertThat(pendingSend(team.deptHead, id).get("imageUrl").asString()).isEqualTo(cover.get("url").asString());
		team.approve(id);
		assertThat(preview(team, id).status()).isEqualTo(200);
		assertThat(this.wechat.previews(team.appId)).hasSize(1);
	}

	@Test
	void aTextSendNamesItsDepartmentAndSensitivity() {
		MassSendTeam team = new MassSendTeam(this.fx);
		Response refused = compose(team, "TEXT", "没有审核信息", null, null);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(AdminFixtures.fieldErrors(refused)).contains("sensitivity");
		Map<String, Object> req = request(team, "TEXT", "未知部门", null, "GENERAL");
		req.put("departmentId", 999_999_999L);
		Response noSuchDepartment = this.fx.post("/api/sends", team.publisher.token(), req);
		assertThat(noSuchDepartment.status()).isEqualTo(400);
		assertThat(AdminFixtures.fieldErrors(noSuchDepartment)).contains("departmentId");
		assertThat(this.fx.get("/api/sends?accountId=" + team.account, team.publisher.token()).json().size()).isZero();
	}

	// ---- helpers

	private static Instant slot(int daysAhead) {
		return MassSendTeam.shanghai(MassSendTeam.daysAhead(daysAhead), LocalTime.NOON);
	}

	private static Map<String, Object> request(MassSendTeam team, String kind, String text, String mediaId,
			String sensitivity) {
		Map<String, Object> req = new LinkedHashMap<>();
		req.put("accountId", team.account);
		req.put("kind", kind);
		if (text != null) {
			req.put("text", text);
		}
		if (mediaId != null) {
			req.put("imageMediaId", mediaId);
		}
		req.put("audience", "ALL");
		req.put("sendIgnoreReprint", true);
		req.put("slotAt", slot(2).toString());
		req.put("departmentId", team.department);
		if (sensitivity != null) {
			req.put("sensitivity", sensitivity);
		}
		return req;
	}

	private Response compose(MassSendTeam team, String kind, String text, String mediaId, String sensitivity) {
		return this.fx.post("/api/sends", team.publisher.token(), request(team, kind, text, mediaId, sensitivity));
	}

	private Response preview(MassSendTeam team, long id) {
		return this.fx.post("/api/sends/" + id + "/preview", team.publisher.token(), null);
	}

	private Response decide(Login who, MassSendTeam team, long id, String decision, String comment) {
		Map<String, Object> req = new LinkedHashMap<>();
		req.put("decision", decision);
		req.put("contentHash", team.send(id).get("contentHash").asString());
		if (comment != null) {
			req.put("comment", comment);
		}
		return this.fx.post("/api/sends/" + id + "/decision", who.token(), req);
	}

	private JsonNode pendingSend(Login who, long id) {
		Response r = this.fx.get("/api/reviews/pending-sends", who.token());
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		return r.json().valueStream().filter((p) -> p.get("sendId").asLong() == id).findFirst().orElse(null);
	}

	private long decisions(long id) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM ms_send_review_decision WHERE send_id = ?", Long.class,
				id);
	}

	/** A cover uploaded to a draft article that was never submitted. */
	private JsonNode draftCover(MassSendTeam team) {
		Map<String, Object> req = new LinkedHashMap<>();
		req.put("accountId", team.account);
		req.put("departmentId", team.department);
		req.put("title", "未审稿件");
		req.put("body", "<p>草稿</p>");
		req.put("sensitivity", "GENERAL");
		long article = this.fx.post("/api/articles", team.editor.token(), req).json().get("id").asLong();
		Response cover = this.fx.upload("/api/articles/" + article + "/images?kind=COVER", team.editor.token(),
				"cover.jpg", AdminFixtures.jpeg(300, 200));
		assertThat(cover.status()).as(cover.body()).isEqualTo(201);
		return cover.json();
	}

}
