package io.wxops.admin.inbox;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.wxops.admin.AdminFixtures;
import io.wxops.admin.AdminFixtures.Response;
import io.wxops.admin.AdminIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the console's queue and thread pages read beside the tickets themselves: the
 * latest message of each row, WeChat's window with the messages left, media that can or
 * can no longer be fetched, and ETags for polling.
 */
@AdminIntegrationTest
class TicketPageFieldsIntegrationTests {

	@Autowired
	AdminFixtures fx;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void queueRowsCarryTheFollowersLatestMessageAndWhetherTheyAreOverdue() {
		InboxTeam team = new InboxTeam(this.fx, this.jdbc);
		String openid = InboxTeam.openid();
		team.text(openid, "投诉：宿舍热水不足", Instant.now().minusSeconds(60));
		long id = team.ticketOf(openid);
		String longText = "投诉：" + "热水".repeat(40);
		team.routed(team.text(openid, longText, Instant.now()));
		JsonNode row = row(team, id);
		assertThat(row.at("/latestMessage/msgType").asString()).isEqualTo("text");
		assertThat(row.at("/latestMessage/excerpt").asString()).startsWith("投诉：热水热水").endsWith("…");
		assertThat(row.at("/latestMessage/excerpt").asString().length()).isEqualTo(61);
		assertThat(row.at("/latestMessage/at").asString()).isNotBlank();
		assertThat(row.get("overdue").asBoolean()).isFalse();
		this.jdbc.update("UPDATE inb_ticket SET due_at = NOW(3) - INTERVAL 1 MINUTE WHERE id = ?", id);
		assertThat(row(team, id).get("overdue").asBoolean()).isTrue();
	}

	private JsonNode row(InboxTeam team, long id) {
		Response queue = this.fx.get("/api/tickets?accountId=" + team.account + "&size=200",
				team.serviceHandler.token());
		assertThat(queue.status()).isEqualTo(200);
		return queue.json()
			.get("items")
			.valueStream()
			.filter((t) -> t.get("id").asLong() == id)
			.findFirst()
			.orElseThrow();
	}

	@Test
	void theTicketShowsTheOpenWindowAndTheMessagesLeftInIt() {
		InboxTeam team = new InboxTeam(this.fx, this.jdbc);
		String openid = team.followerWithWindow();
		Instant wrote = Instant.now().minus(Duration.ofHours(2)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
		team.text(openid, "请问开学时间", wrote);
		long id = team.ticketOf(openid);
		team.awaitAck(id, "SENT");
		assertThat(this.fx
			.post("/api/tickets/" + id + "/replies", team.officeHandler.token(),
					Map.of("msgType", "text", "content", "您好，9月1日开学。"))
			.status()).isEqualTo(201);
		JsonNode window = this.fx.get("/api/tickets/" + id, team.officeHandler.token()).json().get("window");
		assertThat(window.get("open").asBoolean()).isTrue();
		assertThat(Instant.parse(window.get("closesAt").asString())).isEqualTo(wrote.plus(Duration.ofHours(48)));
		// The acknowledgement and the reply are two of the window's five.
		assertThat(window.get("messagesLeft").asInt()).isEqualTo(3);
		assertThat(window.get("accountZone").asString()).isEqualTo("Asia/Shanghai");
		assertThat(Instant.parse(window.get("serverTime").asString())).isBetween(Instant.now().minusSeconds(30),
				Instant.now().plusSeconds(30));
	}

	@Test
	void aWindowClosedAfter48HoursLeavesNoMessages() {
		InboxTeam team = new InboxTeam(this.fx, this.jdbc);
		String openid = InboxTeam.openid();
		team.text(openid, "请问开学时间", Instant.now().minus(Duration.ofHours(49)));
		long id = team.ticketOf(openid);
		JsonNode window = this.fx.get("/api/tickets/" + id, team.officeHandler.token()).json().get("window");
		assertThat(window.get("open").asBoolean()).isFalse();
		assertThat(window.get("messagesLeft").asInt()).isZero();
		assertThat(window.get("closesAt").asString()).isNotBlank();
	}

	@Test
	void mediaOlderThanWeChatKeepsItIsShownExpiredAndAnswers410() {
		InboxTeam team = new InboxTeam(this.fx, this.jdbc);
		String openid = InboxTeam.openid();
		team.text(openid, "投诉：食堂卫生", Instant.now());
		long id = team.ticketOf(openid);
		team.routed(team.image(openid, "media_old_image", Instant.now()));
		team.routed(team.image(openid, "media_new_image", Instant.now()));
		team.routed(team.voice(openid, "media_voice", "食堂的桌子很脏", Instant.now()));
		this.jdbc.update("""
				UPDATE inb_ticket_entry SET created_at = NOW(3) - INTERVAL 4 DAY
				 WHERE ticket_id = ? AND media_id = 'media_old_image'""", id);
		JsonNode detail = this.fx.get("/api/tickets/" + id, team.serviceHandler.token()).json();
		JsonNode old = media(detail, "image", "EXPIRED");
		assertThat(old.get("url").isNull()).isTrue();
		assertThat(old.get("stored").asBoolean()).isFalse();
		JsonNode fresh = media(detail, "image", "AVAILABLE");
		assertThat(fresh.get("url").asString())
			.isEqualTo("/api/tickets/" + id + "/entries/" + fresh.get("entryId").asLong() + "/media");
		assertThat(fresh.get("availableUntil").asString()).isNotBlank();
		JsonNode voice = media(detail, "voice", "AVAILABLE");
		assertThat(voice.get("recognition").asString()).isEqualTo("食堂的桌子很脏");
		Response gone = this.fx.get("/api/tickets/" + id + "/entries/" + old.get("entryId").asLong() + "/media",
				team.serviceHandler.token());
		assertThat(gone.status()).isEqualTo(410);
		assertThat(gone.problemType()).isEqualTo("https://wxops.io/problems/media-expired");
	}

	private static JsonNode media(JsonNode detail, String msgType, String state) {
		return detail.get("media")
			.valueStream()
			.filter((m) -> m.get("msgType").asString().equals(msgType) && m.get("state").asString().equals(state))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no " + state + " " + msgType + " in " + detail.get("media")));
	}

	@Test
	void aPolledQueueAnswers304UntilSomethingChanges() {
		InboxTeam team = new InboxTeam(this.fx, this.jdbc);
		String openid = team.followerWithWindow();
		team.text(openid, "投诉：宿舍热水不足", Instant.now());
		team.awaitAck(team.ticketOf(openid), "SENT");
		String path = "/api/tickets?accountId=" + team.account;
		String token = team.serviceHandler.token();
		Response first = this.fx.get(path, token);
		String etag = first.raw().headers().firstValue("ETag").orElseThrow();
		assertThat(first.raw().headers().firstValue("Cache-Control")).hasValue("no-store");
		Response same = conditional(path, token, etag);
		assertThat(same.status()).isEqualTo(304);
		assertThat(same.body()).isEmpty();
		assertThat(same.raw().headers().firstValue("Cache-Control")).hasValue("no-store");
		// A new complaint changes the queue: a full answer with a new tag.
		team.text(InboxTeam.openid(), "投诉：空调坏了", Instant.now());
		await().atMost(Duration.ofSeconds(2)).until(() -> conditional(path, token, etag).status() == 200);
		Response changed = conditional(path, token, etag);
		assertThat(changed.raw().headers().firstValue("ETag")).isPresent().isNotEqualTo(java.util.Optional.of(etag));
		assertThat(changed.body()).contains("投诉：空调坏了");
	}

	@Test
	void aPolledTicketAnswers304ThoughItCarriesTheServerTime() throws Exception {
		InboxTeam team = new InboxTeam(this.fx, this.jdbc);
		String openid = team.followerWithWindow();
		team.text(openid, "投诉：宿舍热水不足", Instant.now());
		long id = team.ticketOf(openid);
		// The acknowledgement changes the ticket: let it go first.
		team.awaitAck(id, "SENT");
		String token = team.serviceHandler.token();
		Response first = this.fx.get("/api/tickets/" + id, token);
		String etag = first.raw().headers().firstValue("ETag").orElseThrow();
		Thread.sleep(5);
		assertThat(conditional("/api/tickets/" + id, token, etag).status()).isEqualTo(304);
		assertThat(this.fx.post("/api/tickets/" + id + "/notes", token, Map.of("text", "已联系后勤")).status())
			.isEqualTo(200);
		Response changed = conditional("/api/tickets/" + id, token, etag);
		assertThat(changed.status()).isEqualTo(200);
		assertThat(changed.body()).contains("已联系后勤");
	}

	private Response conditional(String path, String token, String etag) {
		try {
			java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient()
				.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(this.fx.baseUrl() + path))
					.header("Authorization", "Bearer " + token)
					.header("If-None-Match", etag)
					.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
			return new Response(r.statusCode(), r.body(), null, r);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
