package io.wxops.admin.inbox;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.wxops.admin.AdminFixtures;
import io.wxops.admin.AdminFixtures.Response;
import io.wxops.admin.AdminIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Handlers work a ticket: assignment, transfer, flagging malicious messages, closing with
 * a follow-up.
 */
@AdminIntegrationTest
class TicketHandlingIntegrationTests extends InboxTestSupport {

	@Test
	void maliciousMessagesAreKeptHiddenAndCanBeFlaggedForRemoval() {
		InboxTeam team = team();
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
		InboxTeam team = team();
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
	void aTransferMovesTheTicketWithItsReason() {
		InboxTeam team = team();
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
	void aClosedTicketCarriesItsFollowUp() {
		InboxTeam team = team();
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

	private List<Long> queueIds(InboxTeam team, String token, boolean includeHidden) {
		return this.fx.get("/api/tickets?accountId=" + team.account + "&includeHidden=" + includeHidden, token)
			.json()
			.get("items")
			.valueStream()
			.map((t) -> t.get("id").asLong())
			.toList();
	}

}
