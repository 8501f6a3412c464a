package io.wxops.admin.inbox;

import java.time.Instant;
import java.util.Map;

import io.wxops.admin.AdminFixtures;
import io.wxops.admin.AdminFixtures.Response;
import io.wxops.admin.AdminIntegrationTest;
import io.wxops.core.secret.Pseudonyms;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tickets keep their record and texts; the openid of a follower who left becomes the
 * gateway's pseudonym once the ticket is closed, and the retention ends the raw thread.
 */
@AdminIntegrationTest
class TicketPrivacyIntegrationTests {

	@Autowired
	AdminFixtures fx;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Pseudonyms pseudonyms;

	@Autowired
	TicketPrivacy privacy;

	@Test
	void closingTheTicketOfAFollowerWhoLeftPseudonymisesItsOpenid() {
		InboxTeam team = new InboxTeam(this.fx, this.jdbc);
		String openid = InboxTeam.openid();
		team.text(openid, "建议食堂延长营业", Instant.now());
		long id = team.ticketOf(openid);
		left(team, openid);
		this.fx.post("/api/tickets/" + id + "/status", team.officeHandler.token(), Map.of("status", "RESOLVED"));
		assertThat(this.jdbc.queryForObject("SELECT openid FROM inb_ticket WHERE id = ?", String.class, id))
			.as("open: still the openid")
			.isEqualTo(openid);
		Response closed = this.fx.post("/api/tickets/" + id + "/close", team.officeHandler.token(),
				Map.of("method", "PHONE", "result", "已采纳", "satisfied", true));
		assertThat(closed.status()).as(closed.body()).isEqualTo(200);

		String pseudonym = this.pseudonyms.of(team.appId, openid);
		assertThat(closed.json().get("openid").asString()).isEqualTo(pseudonym);
		assertThat(this.jdbc.queryForMap("SELECT openid, category, status FROM inb_ticket WHERE id = ?", id))
			.containsEntry("openid", pseudonym)
			.containsEntry("category", "SUGGESTION");
		assertThat(this.jdbc.queryForObject("SELECT content FROM inb_ticket_entry WHERE ticket_id = ? AND kind = 'IN'",
				String.class, id))
			.isEqualTo("建议食堂延长营业");
	}

	/** At upgrade: tickets closed earlier of followers who already left. */
	@Test
	void closedTicketsOfFollowersWhoAlreadyLeftArePseudonymised() {
		InboxTeam team = new InboxTeam(this.fx, this.jdbc);
		String gone = InboxTeam.openid();
		String staying = InboxTeam.openid();
		team.text(gone, "建议一", Instant.now());
		team.text(staying, "建议二", Instant.now());
		long goneTicket = team.ticketOf(gone);
		long stayingTicket = team.ticketOf(staying);
		this.jdbc.update("UPDATE inb_ticket SET status = 'CLOSED', closed_at = NOW(3) WHERE id IN (?, ?)", goneTicket,
				stayingTicket);
		left(team, gone);

		while (this.privacy.pseudonymiseLeftFollowers() > 0) {
			// drains every account's backlog
		}

		assertThat(this.jdbc.queryForObject("SELECT openid FROM inb_ticket WHERE id = ?", String.class, goneTicket))
			.isEqualTo(this.pseudonyms.of(team.appId, gone));
		assertThat(this.jdbc.queryForObject("SELECT openid FROM inb_ticket WHERE id = ?", String.class, stayingTicket))
			.isEqualTo(staying);
	}

	@Test
	void theRetentionEndsTheRawThreadAndKeepsTheRecord() {
		InboxTeam team = new InboxTeam(this.fx, this.jdbc);
		String openid = InboxTeam.openid();
		long message = team.text(openid, "投诉：宿舍热水不足", Instant.now());
		long id = team.ticketOf(openid);
		String other = InboxTeam.openid();
		team.text(other, "投诉：食堂太贵", Instant.now());
		long recent = team.ticketOf(other);
		this.jdbc.update("UPDATE inb_ticket SET status = 'CLOSED', closed_at = NOW(3) - INTERVAL 4 YEAR WHERE id = ?",
				id);
		this.jdbc.update("UPDATE inb_ticket SET status = 'CLOSED', closed_at = NOW(3) WHERE id = ?", recent);

		while (this.privacy.endThreads() > 0) {
			// drains every account's backlog
		}

		Map<String, Object> ticket = this.jdbc.queryForMap("SELECT * FROM inb_ticket WHERE id = ?", id);
		assertThat(ticket.get("thread_ended_at")).isNotNull();
		assertThat(ticket).containsEntry("category", "COMPLAINT")
			.containsEntry("status", "CLOSED")
			.containsEntry("openid", this.pseudonyms.of(team.appId, openid));
		assertThat(this.jdbc.queryForList("SELECT content FROM inb_ticket_entry WHERE ticket_id = ? AND kind = 'IN'",
				String.class, id))
			.containsOnlyNulls()
			.isNotEmpty();
		assertThat(this.jdbc.queryForMap("SELECT content, fields, from_user FROM wx_inbound_message WHERE id = ?",
				message))
			.containsEntry("content", null)
			.containsEntry("fields", "{}")
			.containsEntry("from_user", this.pseudonyms.of(team.appId, openid));
		assertThat(this.jdbc.queryForObject("SELECT content FROM inb_ticket_entry WHERE ticket_id = ? AND kind = 'IN'",
				String.class, recent))
			.as("closed within the retention")
			.isEqualTo("投诉：食堂太贵");
	}

	/** What the gateway records when the follower unsubscribes. */
	private void left(InboxTeam team, String openid) {
		this.jdbc.update("""
				INSERT INTO wx_follower (account_id, openid, subscribed, state_time, unsubscribed_at, erased_at,
				  created_at, updated_at) VALUES (?, ?, FALSE, 1, NOW(3), NOW(3), NOW(3), NOW(3))""", team.account,
				openid);
	}

}
