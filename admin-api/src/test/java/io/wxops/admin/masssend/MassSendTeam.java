package io.wxops.admin.masssend;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.wxops.admin.AdminFixtures;
import io.wxops.admin.AdminFixtures.Login;
import io.wxops.admin.AdminFixtures.Response;
import io.wxops.admin.security.Role;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An operating account with its people (editor, department head, two publishers), test
 * followers, and helpers to put approved articles in its queue and to drive a send.
 */
final class MassSendTeam {

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	final AdminFixtures fx;

	final Login admin;

	final long account;

	final String appId;

	final long department;

	final Login editor;

	final Login deptHead;

	final Login publisher;

	final Login otherPublisher;

	MassSendTeam(AdminFixtures fx) {
		this.fx = fx;
		this.admin = fx.person(Role.ADMIN);
		JsonNode registered = fx.registerAccount(this.admin);
		this.account = registered.get("id").asLong();
		this.appId = registered.get("appId").asString();
		Response active = fx.post("/api/accounts/" + this.account + "/status", this.admin.token(),
				Map.of("status", "ACTIVE", "reason", "备案完成", "version", registered.get("version").asInt()));
		assertThat(active.status()).as(active.body()).isEqualTo(200);
		fx.put("/api/accounts/" + this.account + "/test-followers", this.admin.token(),
				List.of(Map.of("openid", "o_test_follower_1", "label", "宣传部手机")));
		this.department = fx.department("宣传部");
		this.editor = fx.departmental(Role.EDITOR, this.account, this.department);
		this.deptHead = fx.departmental(Role.DEPT_REVIEWER, this.account, this.department);
		this.publisher = fx.person(Role.PUBLISHER, this.account, null);
		this.otherPublisher = fx.person(Role.PUBLISHER, this.account, null);
	}

	/** An approved article with a cover, at the end of the account's queue. */
	long queuedArticle(String title) {
		return queuedArticle(title, "<p>我校举行秋季运动会，师生踊跃参加。</p>", "本校宣传部");
	}

	/** An approved article with this body and source and a cover, queued. */
	long queuedArticle(String title, String body, String source) {
		Map<String, Object> req = new LinkedHashMap<>();
		req.put("accountId", this.account);
		req.put("departmentId", this.department);
		req.put("title", title);
		req.put("body", body);
		req.put("source", source);
		req.put("sensitivity", "GENERAL");
		long id = this.fx.post("/api/articles", this.editor.token(), req).json().get("id").asLong();
		JsonNode cover = this.fx
			.upload("/api/articles/" + id + "/images?kind=COVER", this.editor.token(), "cover.jpg",
					AdminFixtures.jpeg(300, 200))
			.json();
		req.put("coverImageId", cover.get("id").asLong());
		req.put("version", 1);
		assertThat(this.fx.put("/api/articles/" + id, this.editor.token(), req).status()).isEqualTo(200);
		assertThat(this.fx.post("/api/articles/" + id + "/submit", this.editor.token(), null).status()).isEqualTo(200);
		String hash = this.fx.get("/api/articles/" + id, this.editor.token()).json().get("contentHash").asString();
		Response approved = this.fx.post("/api/articles/" + id + "/decision", this.deptHead.token(),
				Map.of("decision", "APPROVE", "contentHash", hash));
		assertThat(approved.json().get("status").asString()).isEqualTo("APPROVED");
		return id;
	}

	Response composeNews(List<Long> articleIds, Instant slot) {
		Map<String, Object> req = new LinkedHashMap<>();
		req.put("accountId", this.account);
		req.put("kind", "MPNEWS");
		req.put("articleIds", articleIds);
		req.put("audience", "ALL");
		req.put("sendIgnoreReprint", false);
		if (slot != null) {
			req.put("slotAt", slot.toString());
		}
		return this.fx.post("/api/sends", this.publisher.token(), req);
	}

	/**
	 * Composes a GENERAL text send and, when composed, has the department head approve
	 * it.
	 */
	Response composeText(String text, Instant slot) {
		Response composed = composeTextForReview(text, slot);
		if (composed.status() == 201) {
			approve(composed.json().get("id").asLong());
		}
		return composed;
	}

	/** Composes a GENERAL text send, left in review. */
	Response composeTextForReview(String text, Instant slot) {
		Map<String, Object> req = new LinkedHashMap<>();
		req.put("accountId", this.account);
		req.put("kind", "TEXT");
		req.put("text", text);
		req.put("audience", "ALL");
		req.put("sendIgnoreReprint", true);
		req.put("slotAt", slot.toString());
		req.put("departmentId", this.department);
		req.put("sensitivity", "GENERAL");
		return this.fx.post("/api/sends", this.publisher.token(), req);
	}

	/** The department head approves the send's content (a GENERAL send's only level). */
	void approve(long sendId) {
		Response approved = this.fx.post("/api/sends/" + sendId + "/decision", this.deptHead.token(),
				Map.of("decision", "APPROVE", "contentHash", send(sendId).get("contentHash").asString()));
		assertThat(approved.status()).as(approved.body()).isEqualTo(200);
		assertThat(approved.json().get("status").asString()).isEqualTo("APPROVED");
	}

	/** Previews (as the publisher) and confirms (as the other publisher). */
	JsonNode previewAndConfirm(long sendId) {
		Response preview = this.fx.post("/api/sends/" + sendId + "/preview", this.publisher.token(), null);
		assertThat(preview.status()).as(preview.body()).isEqualTo(200);
		Response confirmed = this.fx.post("/api/sends/" + sendId + "/confirm", this.otherPublisher.token(),
				Map.of("previewHash", preview.json().get("previewHash").asString()));
		assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
		return confirmed.json();
	}

	JsonNode send(long sendId) {
		return this.fx.get("/api/sends/" + sendId, this.publisher.token()).json();
	}

	/** The send's status as the API answers it (COMPOSED ... FINISHED). */
	String status(long sendId) {
		return send(sendId).get("status").asString();
	}

	/** Whether WeChat's msg_id of the send is known yet. */
	boolean msgIdKnown(long sendId) {
		return send(sendId).get("msgId").isNumber();
	}

	static Instant shanghai(LocalDate day, LocalTime time) {
		return day.atTime(time).atZone(SHANGHAI).toInstant();
	}

	static LocalDate daysAhead(int days) {
		return LocalDate.now(SHANGHAI).plusDays(days);
	}

}
