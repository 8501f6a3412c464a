package io.wxops.admin.inbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.wxops.admin.AdminFixtures;
import io.wxops.admin.AdminFixtures.Response;
import io.wxops.admin.AdminIntegrationTest;
import io.wxops.devkit.simulator.SimulatedFailure;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Replies go through the customer-service API inside WeChat's window, and are kept
 * whatever happens.
 */
@AdminIntegrationTest
class TicketReplyIntegrationTests extends InboxTestSupport {

	@Test
	void aReplyAt47Hours59MinutesIsDelivered() {
		InboxTeam team = team();
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
		InboxTeam team = team();
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

	/**
	 * A reply image is decoded whole: a JPEG header followed by HTML, a JPEG with
	 * something appended, or a truncated one is refused before anything is uploaded.
	 */
	@Test
	void aReplyImageThatIsNotWhollyAnImageIsRefused() {
		InboxTeam team = team();
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

	@Test
	void aReplyAt48Hours1MinuteIsRefusedAndKeptAsUndelivered() {
		InboxTeam team = team();
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
		InboxTeam team = team();
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

	@Test
	void theSixthMessageOfAWindowIsRefused() {
		InboxTeam team = team();
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

	private static byte[] concat(byte[] a, byte[] b) {
		byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
		System.arraycopy(b, 0, out, a.length, b.length);
		return out;
	}

}
