package io.wxops.admin.inbox;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import io.wxops.admin.AdminIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Overdue and unacknowledged tickets go to the central office and the duty view.
 */
@AdminIntegrationTest
class TicketEscalationIntegrationTests extends InboxTestSupport {

	@Autowired
	TicketEscalation tickets;

	@Test
	void anOverdueTicketIsEscalatedToTheCentralOfficeAndShownOnDuty() {
		InboxTeam team = team();
		String openid = team.followerWithWindow();
		team.text(openid, "投诉：报修无人处理", Instant.now());
		long id = team.ticketOf(openid);
		// Acknowledged, so only the result date counts.
		team.awaitAck(id, "SENT");
		this.tickets.escalateOverdue(Instant.now().plus(Duration.ofDays(2)));
		assertThat(
				this.jdbc.queryForObject("SELECT escalated_at IS NULL FROM inb_ticket WHERE id = ?", Boolean.class, id))
			.isTrue();
		this.tickets.escalateOverdue(Instant.now().plus(Duration.ofDays(4)));
		assertThat(this.jdbc.queryForObject("SELECT escalated_at IS NOT NULL FROM inb_ticket WHERE id = ?",
				Boolean.class, id))
			.isTrue();
		JsonNode duty = this.fx.get("/api/inbox/duty?accountId=" + team.account, team.officeHandler.token()).json();
		assertThat(duty.get("overdue").valueStream().map((t) -> t.get("id").asLong()).toList()).contains(id);
	}

	/**
	 * Same-day acknowledgement (当日答复): a ticket nobody acknowledged (here its automatic
	 * acknowledgement failed) is overdue after the end of the account's local day it
	 * arrived on, and escalated, though its result is not due for days; an acknowledged
	 * one is not.
	 */
	@Test
	void aTicketNotAcknowledgedOnItsDayIsEscalated() {
		InboxTeam team = team();
		String unanswered = InboxTeam.openid();
		String acknowledged = InboxTeam.openid();
		Instant now = Instant.now();
		// WeChat refuses the first one's acknowledgement (no window on the simulated
		// platform: 45015), and no handler answers it.
		this.wechat.followerMessaged(team.appId, acknowledged);
		team.text(unanswered, "投诉：路灯不亮", now);
		team.text(acknowledged, "投诉：路灯不亮", now);
		long late = team.ticketOf(unanswered);
		long fine = team.ticketOf(acknowledged);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> "FAILED"
				.equals(this.jdbc.queryForObject("SELECT ack_status FROM inb_ticket WHERE id = ?", String.class, late))
					&& "SENT".equals(this.jdbc.queryForObject("SELECT ack_status FROM inb_ticket WHERE id = ?",
							String.class, fine)));
		assertThat(this.jdbc.queryForObject("SELECT status FROM inb_ticket WHERE id = ?", String.class, late))
			.isEqualTo("NEW");
		ZoneId zone = ZoneId
			.of(this.jdbc.queryForObject("SELECT time_zone FROM wx_account WHERE id = ?", String.class, team.account));
		Instant endOfDay = now.atZone(zone).toLocalDate().plusDays(1).atStartOfDay(zone).toInstant();
		assertThat(this.jdbc
			.queryForObject("SELECT ack_due_at FROM inb_ticket WHERE id = ?", java.sql.Timestamp.class, late)
			.toInstant()).isEqualTo(endOfDay.minusMillis(1));
		// Other tests' tickets may be escalated too: only these two are looked at.
		this.tickets.escalateOverdue(endOfDay.minusSeconds(1));
		assertThat(this.jdbc.queryForObject("SELECT escalated_at IS NULL FROM inb_ticket WHERE id = ?", Boolean.class,
				late))
			.isTrue();
		this.tickets.escalateOverdue(endOfDay.plusSeconds(1));
		assertThat(this.jdbc.queryForObject("SELECT escalated_at IS NOT NULL FROM inb_ticket WHERE id = ?",
				Boolean.class, late))
			.isTrue();
		assertThat(this.jdbc.queryForObject("SELECT escalated_at IS NULL FROM inb_ticket WHERE id = ?", Boolean.class,
				fine))
			.isTrue();
		assertThat(this.jdbc.queryForObject(
				"SELECT content FROM inb_ticket_entry WHERE ticket_id = ? AND kind = 'EVENT' ORDER BY id DESC LIMIT 1",
				String.class, late))
			.startsWith("not acknowledged on the day it arrived");
		JsonNode duty = this.fx.get("/api/inbox/duty?accountId=" + team.account, team.officeHandler.token()).json();
		assertThat(duty.get("overdue").valueStream().map((t) -> t.get("id").asLong()).toList()).contains(late)
			.doesNotContain(fine);
	}

}
