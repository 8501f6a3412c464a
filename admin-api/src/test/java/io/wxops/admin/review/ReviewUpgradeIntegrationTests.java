package io.wxops.admin.review;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.wxops.admin.AdminFixtures;
import io.wxops.admin.AdminFixtures.Login;
import io.wxops.admin.AdminFixtures.Response;
import io.wxops.admin.AdminIntegrationTest;
import io.wxops.admin.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The start-up step for data written before sends were reviewed and review levels were
 * fixed at submission: such data is made here as the old code left it.
 */
@AdminIntegrationTest
class ReviewUpgradeIntegrationTests {

	@Autowired
	AdminFixtures fx;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ReviewUpgrade upgrade;

	Login admin;

	long account;

	long department;

	Login editor;

	Login deptHead;

	Login publisher;

	@BeforeEach
	void team() {
		this.admin = this.fx.person(Role.ADMIN);
		JsonNode registered = this.fx.registerAccount(this.admin);
		this.account = registered.get("id").asLong();
		Response active = this.fx.post("/api/accounts/" + this.account + "/status", this.admin.token(),
				Map.of("status", "ACTIVE", "reason", "备案完成", "version", registered.get("version").asInt()));
		assertThat(active.status()).as(active.body()).isEqualTo(200);
		this.department = this.fx.department("宣传部");
		this.editor = this.fx.departmental(Role.EDITOR, this.account, this.department);
		this.deptHead = this.fx.departmental(Role.DEPT_REVIEWER, this.account, this.department);
		this.publisher = this.fx.person(Role.PUBLISHER, this.account, null);
	}

	@Test
	void anArticleStuckByChangedLevelsRestartsItsChainWithAnAuditEntry() {
		long stuck = submitted("SENSITIVE");
		approve(this.deptHead, stuck);
		long inFlight = submitted("MAJOR");
		// As before levels were fixed at submission: no stored chain.
		this.jdbc.update("DELETE FROM art_review_chain WHERE article_id IN (?, ?)", stuck, inFlight);
		setLevels("DEPT_REVIEWER", "DEPT_REVIEWER", "DEPT_REVIEWER,LEADER");

		assertThat(this.upgrade.upgrade()).isEqualTo(1);

		JsonNode review = this.fx.get("/api/articles/" + stuck + "/review", this.editor.token()).json();
		assertThat(review.get("round").asInt()).isEqualTo(2);
		assertThat(review.get("chain").valueStream().map((s) -> s.get("level").asString()).toList())
			.containsExactly("DEPT_REVIEWER");
		assertThat(audits("REVIEW_RESTARTED", stuck)).isEqualTo(1);
		assertThat(pendingArticles(this.deptHead)).contains(stuck, inFlight);
		assertThat(approve(this.deptHead, stuck).json().get("status").asString()).isEqualTo("APPROVED");
		// Its decisions fit the new levels: it goes on in its round, now with fixed
		// levels.
		JsonNode going = this.fx.get("/api/articles/" + inFlight + "/review", this.editor.token()).json();
		assertThat(going.get("round").asInt()).isEqualTo(1);
		assertThat(going.get("chain").size()).isEqualTo(2);
		assertThat(audits("REVIEW_RESTARTED", inFlight)).isZero();

		assertThat(this.upgrade.upgrade()).as("a second start-up finds nothing to do").isZero();
		assertThat(audits("REVIEW_RESTARTED", stuck)).isEqualTo(1);
		assertThat(this.fx.get("/api/audit/verify", this.admin.token()).json().get("intact").asBoolean()).isTrue();
	}

	@Test
	void textAndImageSendsNotYetSendingGoBackToReviewWithAnAuditEntry() {
		long previewed = legacySend("TEXT", "PREVIEWED", 1);
		long confirmed = legacySend("IMAGE", "CONFIRMED", 2);
		long sending = legacySend("TEXT", "SENDING", 3);
		long news = legacySend("MPNEWS", "CONFIRMED", 4);

		assertThat(this.upgrade.upgrade()).isEqualTo(2);

		for (long id : List.of(previewed, confirmed)) {
			JsonNode send = this.fx.get("/api/sends/" + id, this.publisher.token()).json();
			assertThat(send.get("status").asString()).isEqualTo("COMPOSED");
			assertThat(send.get("previewHash").isNull()).isTrue();
			assertThat(send.get("reviewStatus").asString()).isEqualTo("IN_REVIEW");
			assertThat(send.get("sensitivity").asString()).isEqualTo("MAJOR");
			assertThat(audits("SEND_REVIEW_REQUIRED", id)).isEqualTo(1);
		}
		Response preview = this.fx.post("/api/sends/" + confirmed + "/preview", this.publisher.token(), null);
		assertThat(preview.problemType()).isEqualTo("https://wxops.io/problems/send-not-approved");
		// Without a department, any department head of the account decides the first
		// level.
		assertThat(this.fx.get("/api/reviews/pending-sends", this.deptHead.token())
			.json()
			.valueStream()
			.map((p) -> p.get("sendId").asLong())
			.toList()).contains(previewed, confirmed);
		assertThat(status(sending)).isEqualTo("SENDING");
		assertThat(status(news)).isEqualTo("CONFIRMED");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM ms_send_review WHERE send_id IN (?, ?)", Long.class,
				sending, news))
			.isZero();

		assertThat(this.upgrade.upgrade()).as("a second start-up finds nothing to do").isZero();
		assertThat(audits("SEND_REVIEW_REQUIRED", previewed)).isEqualTo(1);
		assertThat(this.fx.get("/api/audit/verify", this.admin.token()).json().get("intact").asBoolean()).isTrue();
	}

	// ---- helpers

	/** A send as the old code stored it: no review, on its own day. */
	private long legacySend(String kind, String status, int daysAhead) {
		this.jdbc.update("""
				INSERT INTO ms_send (account_id, kind, text_content, image_media_id, audience, send_ignore_reprint,
				  slot_at, local_day, status, content_hash, preview_hash, client_msg_id, composed_by, version,
				  created_at, updated_at)
				VALUES (?, ?, ?, ?, 'ALL', TRUE, NOW(3) + INTERVAL ? DAY, CURRENT_DATE + INTERVAL ? DAY, ?, ?, ?, ?, ?,
				  3, NOW(3), NOW(3))""", this.account, kind, "TEXT".equals(kind) ? "旧的通知" : null,
				"IMAGE".equals(kind) ? "media_old" : null, daysAhead, daysAhead, status, "a".repeat(64),
				"PREVIEWED".equals(status) || "CONFIRMED".equals(status) ? "a".repeat(64) : null,
				"legacy-" + kind + "-" + status + "-" + System.nanoTime(), this.publisher.personId());
		return this.jdbc.queryForObject("SELECT MAX(id) FROM ms_send WHERE account_id = ?", Long.class, this.account);
	}

	private String status(long sendId) {
		return this.jdbc.queryForObject("SELECT status FROM ms_send WHERE id = ?", String.class, sendId);
	}

	private long submitted(String sensitivity) {
		Map<String, Object> req = new LinkedHashMap<>();
		req.put("accountId", this.account);
		req.put("departmentId", this.department);
		req.put("title", "校园新闻");
		req.put("body", "<p>我校举行秋季运动会，师生踊跃参加。</p>");
		req.put("source", "本校宣传部");
		req.put("sensitivity", sensitivity);
		long id = this.fx.post("/api/articles", this.editor.token(), req).json().get("id").asLong();
		Response r = this.fx.post("/api/articles/" + id + "/submit", this.editor.token(), null);
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		return id;
	}

	private Response approve(Login who, long article) {
		String hash = this.fx.get("/api/articles/" + article, this.editor.token()).json().get("contentHash").asString();
		Response r = this.fx.post("/api/articles/" + article + "/decision", who.token(),
				Map.of("decision", "APPROVE", "contentHash", hash));
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		return r;
	}

	private void setLevels(String general, String sensitive, String major) {
		int version = this.fx.get("/api/accounts/" + this.account, this.admin.token()).json().get("version").asInt();
		Map<String, List<String>> levels = Map.of("GENERAL", List.of(general.split(",")), "SENSITIVE",
				List.of(sensitive.split(",")), "MAJOR", List.of(major.split(",")));
		Response r = this.fx.patch("/api/accounts/" + this.account, this.admin.token(),
				Map.of("policies", Map.of("reviewLevels", levels), "version", version));
		assertThat(r.status()).as(r.body()).isEqualTo(200);
	}

	private List<Long> pendingArticles(Login who) {
		return this.fx.get("/api/reviews/pending", who.token())
			.json()
			.valueStream()
			.map((p) -> p.get("articleId").asLong())
			.toList();
	}

	private long audits(String action, long target) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM adm_audit_entry WHERE action = ? AND target_id = ?",
				Long.class, action, String.valueOf(target));
	}

}
