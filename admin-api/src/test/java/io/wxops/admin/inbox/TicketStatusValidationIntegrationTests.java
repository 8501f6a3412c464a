package io.wxops.admin.inbox;

import java.time.Instant;
import java.util.Map;

import io.wxops.admin.AdminFixtures;
import io.wxops.admin.AdminFixtures.Response;
import io.wxops.admin.AdminIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** A status change without a status is a field error, and the ticket stays as it was. */
@AdminIntegrationTest
class TicketStatusValidationIntegrationTests {

	@Autowired
	AdminFixtures fx;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void anEmptyStatusChangeNamesTheField() {
		InboxTeam team = new InboxTeam(this.fx, this.jdbc);
		String openid = InboxTeam.openid();
		team.text(openid, "我要投诉食堂卫生", Instant.now());
		long ticket = team.ticketOf(openid);
		String before = this.jdbc.queryForObject("SELECT status FROM inb_ticket WHERE id = ?", String.class, ticket);
		Response r = this.fx.post("/api/tickets/" + ticket + "/status", team.serviceHandler.token(), Map.of());
		assertThat(r.status()).as(r.body()).isEqualTo(400);
		assertThat(AdminFixtures.fieldErrors(r)).containsExactly("status");
		assertThat(this.jdbc.queryForObject("SELECT status FROM inb_ticket WHERE id = ?", String.class, ticket))
			.isEqualTo(before);
	}

}
