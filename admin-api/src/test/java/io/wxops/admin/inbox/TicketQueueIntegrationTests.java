package io.wxops.admin.inbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.wxops.admin.AdminFixtures;
import io.wxops.admin.AdminFixtures.Response;
import io.wxops.admin.AdminIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What handlers see: their queue in pages, only known filters, the media a follower sent.
 */
@AdminIntegrationTest
class TicketQueueIntegrationTests extends InboxTestSupport {

	/**
	 * A handler's queue is limited to their department in the query itself: however many
	 * tickets other departments hold (here more than a page of the old in-memory filter),
	 * the handler's own are all there, paged, with an exact total.
	 */
	@Test
	void theQueueShowsAllOfTheHandlersTicketsInPages() {
		InboxTeam team = team();
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

	@Test
	void unknownQueueFiltersAreRefused() {
		InboxTeam team = team();
		Response status = this.fx.get("/api/tickets?status=OPEN", team.serviceHandler.token());
		assertThat(status.status()).isEqualTo(400);
		assertThat(AdminFixtures.fieldErrors(status)).containsExactly("status");
		Response size = this.fx.get("/api/tickets?size=0", team.serviceHandler.token());
		assertThat(size.status()).isEqualTo(400);
		assertThat(size.raw().headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
	}

	@Test
	void imagesTheFollowerSentAreFetchedFromWeChat() {
		InboxTeam team = team();
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

}
