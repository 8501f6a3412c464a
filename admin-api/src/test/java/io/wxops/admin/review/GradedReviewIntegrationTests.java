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
 * Graded review: the chain per sensitivity, bound to the content hash, with no
 * self-approval, no second level for one person and department-limited reviewers.
 */
@AdminIntegrationTest
class GradedReviewIntegrationTests {

	@Autowired
	AdminFixtures fx;

	@Autowired
	JdbcTemplate jdbc;

	Login admin;

	long account;

	long department;

	Login editor;

	Login deptHead;

	Login office;

	Login leader;

	Login publisher;

	@BeforeEach
	void team() {
		Login admin = this.fx.person(Role.ADMIN);
		this.admin = admin;
		this.account = this.fx.registerAccount(admin).get("id").asLong();
		this.department = this.fx.department("宣传部");
		this.editor = this.fx.departmental(Role.EDITOR, this.account, this.department);
		this.deptHead = this.fx.departmental(Role.DEPT_REVIEWER, this.account, this.department);
		this.office = this.fx.person(Role.OFFICE_REVIEWER, this.account, null);
		this.leader = this.fx.person(Role.LEADER, this.account, null);
		this.publisher = this.fx.person(Role.PUBLISHER, this.account, null);
	}

	@Test
	void aGeneralArticleNeedsTheDepartmentHeadAndThenWaitsInTheQueue() {
		JsonNode article = submitted("GENERAL");
		JsonNode state = decide(this.deptHead, article, "APPROVE", null).json();
		assertThat(state.get("status").asString()).isEqualTo("APPROVED");
		assertThat(queue()).containsExactly(article.get("id").asLong());
		assertThat(this.jdbc.queryForObject(
				"SELECT approved_hash FROM art_queue_entry WHERE article_id = ? AND status = 'QUEUED'", String.class,
				article.get("id").asLong()))
			.isEqualTo(article.get("contentHash").asString());
	}

	@Test
	void aMajorArticleNeedsAllThreeLevelsInOrder() {
		JsonNode article = submitted("MAJOR");
		Response early = decide(this.leader, article, "APPROVE", null);
		assertThat(early.status()).isEqualTo(403);
		assertThat(early.json().get("detail").asString()).contains("DEPT_REVIEWER");
		assertThat(decide(this.deptHead, article, "APPROVE", null).json().get("status").asString())
			.isEqualTo("IN_REVIEW");
		assertThat(decide(this.office, article, "APPROVE", null).json().get("status").asString())
			.isEqualTo("IN_REVIEW");
		JsonNode done = decide(this.leader, article, "APPROVE", null).json();
		assertThat(done.get("status").asString()).isEqualTo("APPROVED");
		assertThat(done.get("chain").valueStream().map((s) -> s.get("level").asString()).toList())
			.containsExactly("DEPT_REVIEWER", "OFFICE_REVIEWER", "LEADER");
	}

	@Test
	void levelsRemovedDuringAReviewStillDecideTheChainInFlight() {
		JsonNode article = submitted("SENSITIVE");
		long id = article.get("id").asLong();
		assertThat(decide(this.deptHead, article, "APPROVE", null).status()).isEqualTo(200);
		setLevels("DEPT_REVIEWER", "DEPT_REVIEWER", "DEPT_REVIEWER");
		assertThat(pending(this.office)).contains(id);
		Response last = decide(this.office, article, "APPROVE", null);
		assertThat(last.status()).as(last.body()).isEqualTo(200);
		assertThat(last.json().get("status").asString()).isEqualTo("APPROVED");
		assertThat(last.json().get("chain").valueStream().map((s) -> s.get("level").asString()).toList())
			.containsExactly("DEPT_REVIEWER", "OFFICE_REVIEWER");
		assertThat(queue()).contains(id);
	}

	@Test
	void levelsAddedDuringAReviewApplyOnlyToLaterSubmissions() {
		JsonNode inFlight = submitted("GENERAL");
		setLevels("DEPT_REVIEWER,OFFICE_REVIEWER", "DEPT_REVIEWER,OFFICE_REVIEWER", "DEPT_REVIEWER,OFFICE_REVIEWER");
		assertThat(decide(this.deptHead, inFlight, "APPROVE", null).json().get("status").asString())
			.isEqualTo("APPROVED");
		JsonNode later = submitted("GENERAL");
		JsonNode state = decide(this.deptHead, later, "APPROVE", null).json();
		assertThat(state.get("status").asString()).isEqualTo("IN_REVIEW");
		assertThat(state.get("chain").size()).isEqualTo(2);
	}

	@Test
	void nobodyApprovesTheirOwnArticle() {
		this.fx.grant(this.editor, Role.DEPT_REVIEWER, this.account, this.department);
		JsonNode article = submitted("GENERAL");
		Response own = decide(this.editor, article, "APPROVE", null);
		assertThat(own.status()).isEqualTo(403);
		assertThat(own.problemType()).isEqualTo("https://wxops.io/problems/own-article");
		assertThat(status(article)).isEqualTo("IN_REVIEW");
	}

	@Test
	void nobodyApprovesOneArticleAtTwoLevels() {
		this.fx.grant(this.deptHead, Role.OFFICE_REVIEWER, this.account, null);
		JsonNode article = submitted("SENSITIVE");
		assertThat(decide(this.deptHead, article, "APPROVE", null).status()).isEqualTo(200);
		Response second = decide(this.deptHead, article, "APPROVE", null);
		assertThat(second.status()).isEqualTo(403);
		assertThat(second.problemType()).isEqualTo("https://wxops.io/problems/second-level");
	}

	@Test
	void aDecisionOtherThanApproveOrRejectNamesDecision() {
		JsonNode article = submitted("GENERAL");
		for (String decision : new String[] { "MAYBE", "approve", null }) {
			Response refused = decide(this.deptHead, article, decision, "why");
			assertThat(refused.status()).as(refused.body()).isEqualTo(400);
			assertThat(refused.problemType()).isEqualTo("https://wxops.io/problems/invalid-request");
			assertThat(AdminFixtures.fieldErrors(refused)).containsExactly("decision");
			assertThat(refused.json().get("errors").get(0).get("message").asString())
				.isEqualTo("decision is APPROVE or REJECT");
		}
		assertThat(status(article)).isEqualTo("IN_REVIEW");
	}

	@Test
	void anUnknownDecisionIsAnsweredBeforeTheArticleOrSendIsLookedUp() {
		Map<String, Object> maybe = Map.of("decision", "MAYBE", "contentHash", "0".repeat(64));
		for (String path : new String[] { "/api/articles/987654321/decision", "/api/sends/987654321/decision" }) {
			Response refused = this.fx.post(path, this.deptHead.token(), maybe);
			assertThat(refused.status()).as(path + ": " + refused.body()).isEqualTo(400);
			assertThat(AdminFixtures.fieldErrors(refused)).containsExactly("decision");
		}
	}

	@Test
	void anApprovalOfAStaleHashIsRefused() {
		JsonNode article = submitted("GENERAL");
		Response stale = this.fx.post("/api/articles/" + article.get("id").asLong() + "/decision",
				this.deptHead.token(), Map.of("decision", "APPROVE", "contentHash", "0".repeat(64)));
		assertThat(stale.status()).isEqualTo(409);
		assertThat(stale.problemType()).isEqualTo("https://wxops.io/problems/stale-content");
		assertThat(status(article)).isEqualTo("IN_REVIEW");
	}

	@Test
	void aReviewerOfAnotherDepartmentIsRefusedAndDoesNotSeeIt() {
		long otherDepartment = this.fx.department("教务处");
		Login otherHead = this.fx.departmental(Role.DEPT_REVIEWER, this.account, otherDepartment);
		JsonNode article = submitted("GENERAL");
		// Their grants do not cover the department, so to them the article does not
		// exist.
		assertThat(decide(otherHead, article, "APPROVE", null).status()).isEqualTo(404);
		assertThat(status(article)).isEqualTo("IN_REVIEW");
		assertThat(pending(otherHead)).doesNotContain(article.get("id").asLong());
		assertThat(pending(this.deptHead)).contains(article.get("id").asLong());
	}

	@Test
	void anEditAfterSubmissionVoidsTheChainAndNeedsANewSubmission() {
		JsonNode article = submitted("SENSITIVE");
		decide(this.deptHead, article, "APPROVE", null);
		JsonNode edited = edit(article, "修改后的正文").json();
		assertThat(edited.get("status").asString()).isEqualTo("DRAFT");
		Response late = decide(this.office, article, "APPROVE", null);
		assertThat(late.status()).isEqualTo(409);
		JsonNode resubmitted = this.fx
			.post("/api/articles/" + article.get("id").asLong() + "/submit", this.editor.token(), null)
			.json();
		assertThat(resubmitted.get("round").asInt()).isEqualTo(2);
		assertThat(resubmitted.get("chain").valueStream().allMatch((s) -> s.get("decision").isNull())).isTrue();
	}

	@Test
	void anEditAfterApprovalTakesTheArticleOutOfTheQueue() {
		JsonNode article = submitted("GENERAL");
		decide(this.deptHead, article, "APPROVE", null);
		assertThat(queue()).contains(article.get("id").asLong());
		edit(this.fx.get("/api/articles/" + article.get("id").asLong(), this.editor.token()).json(), "再次修改");
		assertThat(queue()).doesNotContain(article.get("id").asLong());
		assertThat(this.jdbc.queryForObject("SELECT status FROM art_queue_entry WHERE article_id = ?", String.class,
				article.get("id").asLong()))
			.isEqualTo("VOIDED");
	}

	@Test
	void aRejectionNeedsACommentAndReturnsTheArticleToTheEditor() {
		JsonNode article = submitted("GENERAL");
		assertThat(decide(this.deptHead, article, "REJECT", null).status()).isEqualTo(400);
		JsonNode rejected = decide(this.deptHead, article, "REJECT", "来源不明确，请补充").json();
		assertThat(rejected.get("status").asString()).isEqualTo("REJECTED");
		assertThat(rejected.at("/chain/0/comment").asString()).isEqualTo("来源不明确，请补充");
		assertThat(this.fx.post("/api/articles/" + article.get("id").asLong() + "/submit", this.editor.token(), null)
			.status()).isEqualTo(200);
	}

	@Test
	void contentWithFindingsCannotBeSubmittedAndEveryFindingIsListed() {
		JsonNode draft = draft("GENERAL", "<p>这是内部文件，请勿外传。</p>", "本校宣传部");
		Response refused = this.fx.post("/api/articles/" + draft.get("id").asLong() + "/submit", this.editor.token(),
				null);
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.problemType()).isEqualTo("https://wxops.io/problems/screening-failed");
		assertThat(refused.json().get("findings").valueStream().map((f) -> f.get("term").asString()).toList())
			.contains("内部文件", "请勿外传");
		JsonNode first = refused.json().at("/findings/0");
		assertThat(first.get("field").asString()).isEqualTo("body");
		assertThat(first.get("start").asInt()).isEqualTo(2);
		assertThat(status(draft)).isEqualTo("DRAFT");
	}

	@Test
	void anArticleWithoutASourceCannotBeSubmitted() {
		JsonNode draft = draft("GENERAL", "<p>运动会圆满结束。</p>", null);
		Response refused = this.fx.post("/api/articles/" + draft.get("id").asLong() + "/submit", this.editor.token(),
				null);
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.json().get("findings").valueStream().map((f) -> f.get("rule").asString()).toList())
			.contains("SOURCE_MISSING");
	}

	@Test
	void aSourceOfOnlyInvisibleCharsIsNoSourceAndAnEmojiCountsOnce() {
		// zero-width space, word joiner, Mongolian vowel separator, Hangul filler, BOM
		JsonNode draft = draft("GENERAL", "<p>运动会圆满结束\uD83D\uDC4D\uD83C\uDFFD</p>", "\u200B\u2060\u180E\u3164\uFEFF");
		assertThat(draft.get("source").isNull()).isTrue();
		Response refused = this.fx.post("/api/articles/" + draft.get("id").asLong() + "/submit", this.editor.token(),
				null);
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.json().get("findings").valueStream().map((f) -> f.get("rule").asString()).toList())
			.containsExactly("SOURCE_MISSING");
		// 校园新闻 and 运动会圆满结束 and one emoji with its skin tone
		assertThat(refused.json().get("countedChars").asInt()).isEqualTo(4 + 7 + 1);
		assertThat(status(draft)).isEqualTo("DRAFT");
	}

	@Test
	void everySavedChangeIsAVersionThatCanBeCompared() {
		JsonNode draft = draft("GENERAL", "<p>第一段</p><p>第二段</p>", "本校宣传部");
		edit(draft, "<p>第一段</p><p>第二段（改）</p>");
		long id = draft.get("id").asLong();
		assertThat(this.fx.get("/api/articles/" + id + "/versions", this.editor.token()).json().size()).isEqualTo(2);
		JsonNode diff = this.fx.get("/api/articles/" + id + "/compare?from=1&to=2", this.editor.token()).json();
		assertThat(diff.at("/fields/body/changed").asBoolean()).isTrue();
		assertThat(diff.at("/fields/title/changed").asBoolean()).isFalse();
		assertThat(diff.get("bodyDiff").valueStream().map(JsonNode::asString).toList()).contains("-<p>第二段</p>",
				"+<p>第二段（改）</p>");
	}

	@Test
	void publishersReorderAndWithdrawAndTheWithdrawalIsRecorded() {
		JsonNode first = submitted("GENERAL");
		decide(this.deptHead, first, "APPROVE", null);
		JsonNode second = submitted("GENERAL");
		decide(this.deptHead, second, "APPROVE", null);
		long a = first.get("id").asLong();
		long b = second.get("id").asLong();
		assertThat(queue()).containsExactly(a, b);
		assertThat(this.fx
			.put("/api/accounts/" + this.account + "/queue", this.publisher.token(),
					Map.of("articleIds", List.of(b, a)))
			.status()).isEqualTo(200);
		assertThat(queue()).containsExactly(b, a);
		assertThat(this.fx
			.put("/api/accounts/" + this.account + "/queue", this.publisher.token(), Map.of("articleIds", List.of(b)))
			.status()).isEqualTo(400);
		assertThat(this.fx.post("/api/articles/" + b + "/withdraw", this.publisher.token(), Map.of("reason", "时效已过"))
			.json()
			.get("status")
			.asString()).isEqualTo("WITHDRAWN");
		assertThat(queue()).containsExactly(a);
		assertThat(this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM adm_audit_entry WHERE action = 'ARTICLE_WITHDRAWN' AND target_id = ?", Long.class,
				String.valueOf(b)))
			.isEqualTo(1);
	}

	@Test
	void anEditorOfAnotherDepartmentCannotSeeOrChangeTheArticle() {
		long otherDepartment = this.fx.department("后勤处");
		Login otherEditor = this.fx.departmental(Role.EDITOR, this.account, otherDepartment);
		JsonNode draft = draft("GENERAL", "<p>正文</p>", "本校宣传部");
		assertThat(this.fx.get("/api/articles/" + draft.get("id").asLong(), otherEditor.token()).status())
			.isEqualTo(404);
	}

	// ---- helpers

	private JsonNode draft(String sensitivity, String body, String source) {
		Map<String, Object> req = new LinkedHashMap<>();
		req.put("accountId", this.account);
		req.put("departmentId", this.department);
		req.put("title", "校园新闻");
		req.put("author", "宣传部");
		req.put("body", body);
		if (source != null) {
			req.put("source", source);
		}
		req.put("sensitivity", sensitivity);
		Response r = this.fx.post("/api/articles", this.editor.token(), req);
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return r.json();
	}

	private JsonNode submitted(String sensitivity) {
		JsonNode draft = draft(sensitivity, "<p>我校举行秋季运动会，师生踊跃参加。</p>", "本校宣传部");
		Response r = this.fx.post("/api/articles/" + draft.get("id").asLong() + "/submit", this.editor.token(), null);
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		return this.fx.get("/api/articles/" + draft.get("id").asLong(), this.editor.token()).json();
	}

	private Response edit(JsonNode article, String body) {
		Map<String, Object> req = new LinkedHashMap<>();
		req.put("title", article.get("title").asString());
		req.put("author", article.get("author").asString());
		req.put("body", body);
		req.put("source", "本校宣传部");
		req.put("sensitivity", article.get("sensitivity").asString());
		req.put("version",
				this.fx.get("/api/articles/" + article.get("id").asLong(), this.editor.token())
					.json()
					.get("version")
					.asInt());
		Response r = this.fx.put("/api/articles/" + article.get("id").asLong(), this.editor.token(), req);
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		return r;
	}

	private Response decide(Login who, JsonNode article, String decision, String comment) {
		Map<String, Object> req = new LinkedHashMap<>();
		req.put("decision", decision);
		req.put("contentHash", article.get("contentHash").asString());
		if (comment != null) {
			req.put("comment", comment);
		}
		return this.fx.post("/api/articles/" + article.get("id").asLong() + "/decision", who.token(), req);
	}

	/** Sets the account's review levels per sensitivity (comma-separated levels). */
	private void setLevels(String general, String sensitive, String major) {
		int version = this.fx.get("/api/accounts/" + this.account, this.admin.token()).json().get("version").asInt();
		Map<String, List<String>> levels = Map.of("GENERAL", List.of(general.split(",")), "SENSITIVE",
				List.of(sensitive.split(",")), "MAJOR", List.of(major.split(",")));
		Response r = this.fx.patch("/api/accounts/" + this.account, this.admin.token(),
				Map.of("policies", Map.of("reviewLevels", levels), "version", version));
		assertThat(r.status()).as(r.body()).isEqualTo(200);
	}

	private String status(JsonNode article) {
		return this.fx.get("/api/articles/" + article.get("id").asLong(), this.editor.token())
			.json()
			.get("status")
			.asString();
	}

	private List<Long> queue() {
		return this.fx.get("/api/accounts/" + this.account + "/queue", this.publisher.token())
			.json()
			.valueStream()
			.map((q) -> q.get("articleId").asLong())
			.toList();
	}

	private List<Long> pending(Login who) {
		return this.fx.get("/api/reviews/pending", who.token())
			.json()
			.valueStream()
			.map((p) -> p.get("articleId").asLong())
			.toList();
	}

}
