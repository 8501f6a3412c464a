package io.wxops.admin.inbox;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.wxops.admin.AdminFixtures;
import io.wxops.admin.AdminFixtures.Login;
import io.wxops.admin.AdminFixtures.Response;
import io.wxops.admin.security.Role;
import tools.jackson.databind.JsonNode;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An operating account with a central office, customer service, a general office and a
 * library, a handler in each, routing and rules, and a way to store follower messages
 * exactly as the gateway does.
 */
final class InboxTeam {

	final AdminFixtures fx;

	final JdbcTemplate jdbc;

	final Login admin;

	final long account;

	final String appId;

	final long office;

	final long service;

	final long generalOffice;

	final long library;

	final Login officeHandler;

	final Login serviceHandler;

	final Login generalHandler;

	final Login libraryHandler;

	InboxTeam(AdminFixtures fx, JdbcTemplate jdbc) {
		this.fx = fx;
		this.jdbc = jdbc;
		this.admin = fx.person(Role.ADMIN);
		JsonNode registered = fx.registerAccount(this.admin);
		this.account = registered.get("id").asLong();
		this.appId = registered.get("appId").asString();
		Response active = fx.post("/api/accounts/" + this.account + "/status", this.admin.token(),
				Map.of("status", "ACTIVE", "reason", "备案完成", "version", registered.get("version").asInt()));
		assertThat(active.status()).isEqualTo(200);
		this.office = fx.department("综合办公室");
		this.service = fx.department("客服部");
		this.generalOffice = fx.department("办公室(信访)");
		this.library = fx.department("图书馆");
		this.officeHandler = fx.departmental(Role.HANDLER, this.account, this.office);
		this.serviceHandler = fx.departmental(Role.HANDLER, this.account, this.service);
		this.generalHandler = fx.departmental(Role.HANDLER, this.account, this.generalOffice);
		this.libraryHandler = fx.departmental(Role.HANDLER, this.account, this.library);
		Response settings = fx.put("/api/accounts/" + this.account + "/inbox-settings", this.admin.token(),
				Map.of("ackText", "您好，已收到您的留言，我们会在规定时间内答复。", "centralOfficeDepartmentId", this.office, "routes",
						Map.of("COMPLAINT", Map.of("departmentId", this.service, "slaDays", 3), "REPORT_PETITION",
								Map.of("departmentId", this.generalOffice, "slaDays", 7))));
		assertThat(settings.status()).as(settings.body()).isEqualTo(200);
		rule("KEYWORD", "投诉", "COMPLAINT", null, 10);
		rule("MENU_KEY", "MENU_COMPLAINT", "COMPLAINT", null, 10);
		rule("KEYWORD", "举报", "REPORT_PETITION", null, 10);
		rule("KEYWORD", "建议", "SUGGESTION", null, 5);
		rule("KEYWORD", "骗子学校", "MALICIOUS", null, 20);
		rule("KEYWORD", "借书", "CONSULTATION", this.library, 1);
	}

	private void rule(String kind, String pattern, String category, Long department, int priority) {
		Map<String, Object> body = new java.util.LinkedHashMap<>();
		body.put("kind", kind);
		body.put("pattern", pattern);
		body.put("category", category);
		body.put("priority", priority);
		if (department != null) {
			body.put("departmentId", department);
		}
		assertThat(this.fx.post("/api/accounts/" + this.account + "/inbox-rules", this.admin.token(), body).status())
			.isEqualTo(201);
	}

	/** Stores a text message as the gateway does (unrouted); returns its id. */
	long text(String openid, String content, Instant at) {
		return store(openid, "text", null, null, content, "{\"Content\":\"" + content + "\"}", at);
	}

	long click(String openid, String key, Instant at) {
		return store(openid, "event", "CLICK", key, null, "{\"Event\":\"CLICK\",\"EventKey\":\"" + key + "\"}", at);
	}

	long image(String openid, String mediaId, Instant at) {
		return store(openid, "image", null, null, null, "{\"MediaId\":\"" + mediaId + "\",\"PicUrl\":\"x\"}", at);
	}

	/** A voice message with WeChat's speech recognition. */
	long voice(String openid, String mediaId, String recognition, Instant at) {
		return store(openid, "voice", null, null, null,
				"{\"MediaId\":\"" + mediaId + "\",\"Format\":\"amr\",\"Recognition\":\"" + recognition + "\"}", at);
	}

	private long store(String openid, String type, String event, String key, String content, String fields,
			Instant at) {
		this.jdbc.update("""
				INSERT INTO wx_inbound_message (account_id, dedup_key, msg_id, msg_type, event, event_key, from_user,
				  to_user, create_time, content, fields, encrypted, received_at)
				VALUES (?, SHA2(?, 256), ?, ?, ?, ?, ?, 'gh_x', ?, ?, ?, TRUE, NOW(3))""", this.account,
				UUID.randomUUID().toString(), String.valueOf(System.nanoTime()), type, event, key, openid,
				at.getEpochSecond(), content, fields);
		return this.jdbc.queryForObject("SELECT LAST_INSERT_ID()", Long.class);
	}

	static String openid() {
		return "o_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
	}

	/**
	 * A new follower who has just written, as far as the simulated platform knows: its
	 * customer-service window is open, so acknowledgements and replies are delivered.
	 */
	String followerWithWindow() {
		String openid = openid();
		io.wxops.admin.SimulatorInitializer.simulator().followerMessaged(this.appId, openid);
		return openid;
	}

	/** The tickets of a follower, waiting up to a few seconds for routing. */
	List<Map<String, Object>> ticketsOf(String openid, int expected) {
		org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(10))
			.until(() -> this.jdbc.queryForObject("SELECT COUNT(*) FROM inb_ticket WHERE account_id = ? AND openid = ?",
					Integer.class, this.account, openid) >= expected);
		return this.jdbc.queryForList("SELECT * FROM inb_ticket WHERE account_id = ? AND openid = ? ORDER BY id",
				this.account, openid);
	}

	/** The id of the follower's one ticket, waiting for routing. */
	long ticketOf(String openid) {
		return ((Number) ticketsOf(openid, 1).get(0).get("id")).longValue();
	}

	/** Waits (up to ten seconds) until the ticket's acknowledgement has this status. */
	void awaitAck(long ticketId, String ackStatus) {
		org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(10))
			.until(() -> ackStatus.equals(this.jdbc.queryForObject("SELECT ack_status FROM inb_ticket WHERE id = ?",
					String.class, ticketId)));
	}

	void routed(long messageId) {
		org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(10))
			.until(() -> this.jdbc.queryForObject("SELECT routed_at IS NOT NULL FROM wx_inbound_message WHERE id = ?",
					Boolean.class, messageId));
	}

}
