package io.wxops.admin.inbox;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.wxops.admin.AdminFixtures.Login;
import io.wxops.admin.AdminFixtures.Response;
import io.wxops.admin.AdminIntegrationTest;
import io.wxops.admin.security.Role;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who a ticket can go to: the queue's unassigned filter, and the people a handler may
 * assign a ticket to (the same rule assigning enforces).
 */
@AdminIntegrationTest
class TicketAssigneesIntegrationTests extends InboxTestSupport {

	@Test
	void theUnassignedFilterLeavesOutAssignedTicketsAndKeepsTheGrantScoping() {
		InboxTeam team = team();
		String first = InboxTeam.openid();
		String second = InboxTeam.openid();
		String library = InboxTeam.openid();
		team.text(first, "投诉：热水不足", Instant.now());
		team.text(second, "投诉：空调不制冷", Instant.now());
		team.text(library, "借书要带什么证件", Instant.now());
		long claimed = team.ticketOf(first);
		long open = team.ticketOf(second);
		assertThat(this.fx.post("/api/tickets/" + claimed + "/claim", team.serviceHandler.token(), Map.of()).status())
			.isEqualTo(200);
		String base = "/api/tickets?accountId=" + team.account;
		assertThat(ids(this.fx.get(base, team.serviceHandler.token()))).containsExactlyInAnyOrder(claimed, open);
		JsonNode unassigned = this.fx.get(base + "&unassigned=true&size=1", team.serviceHandler.token()).json();
		assertThat(unassigned.get("total").asLong()).isEqualTo(1);
		assertThat(unassigned.get("items").get(0).get("id").asLong()).isEqualTo(open);
		assertThat(unassigned.get("items").get(0).get("assigneeId").isNull()).isTrue();
		assertThat(ids(this.fx.get(base + "&unassigned=false", team.serviceHandler.token())))
			.containsExactlyInAnyOrder(claimed, open);
		assertThat(ids(this.fx.get(base + "&unassigned=true&mine=true", team.serviceHandler.token()))).isEmpty();
		assertThat(ids(this.fx.get(base + "&unassigned=true", team.libraryHandler.token())))
			.containsExactly(team.ticketOf(library));
	}

	@Test
	void aHandlerListsThePeopleTheTicketCanBeAssignedTo() {
		InboxTeam team = team();
		String openid = InboxTeam.openid();
		team.text(openid, "投诉：热水不足", Instant.now());
		long id = team.ticketOf(openid);
		Login colleague = this.fx.departmental(Role.HANDLER, team.account, team.service);
		Login disabled = this.fx.departmental(Role.HANDLER, team.account, team.service);
		this.jdbc.update("UPDATE adm_person SET enabled = FALSE WHERE id = ?", disabled.personId());
		long otherAccount = this.fx.registerAccount(team.admin).get("id").asLong();
		Login elsewhere = this.fx.departmental(Role.HANDLER, otherAccount, team.service);
		Login auditor = this.fx.person(Role.AUDITOR, team.account, null);

		Response listed = this.fx.get("/api/tickets/" + id + "/assignees", team.serviceHandler.token());
		assertThat(listed.status()).as(listed.body()).isEqualTo(200);
		List<Long> people = listed.json().valueStream().map((p) -> p.get("personId").asLong()).toList();
		// The shared test database may hold handlers of every account from other tests:
		// the team's two are listed, and everyone listed is an enabled HANDLER whose
		// grant
		// covers this account.
		assertThat(people).contains(team.serviceHandler.personId(), colleague.personId());
		for (long person : people) {
			assertThat(this.jdbc
				.queryForObject("SELECT COUNT(*) FROM adm_grant g JOIN adm_person p ON p.id = g.person_id "
						+ "WHERE g.person_id = ? AND g.role = 'HANDLER' AND p.enabled AND (g.account_id = ? OR g.account_id IS NULL)",
						Long.class, person, team.account))
				.as("person %d holds a HANDLER grant covering the account", person)
				.isPositive();
		}
		assertThat(people).doesNotContain(disabled.personId(), elsewhere.personId(), team.libraryHandler.personId(),
				team.officeHandler.personId(), auditor.personId());
		JsonNode one = listed.json()
			.valueStream()
			.filter((p) -> p.get("personId").asLong() == colleague.personId())
			.findFirst()
			.orElseThrow();
		assertThat(one.get("username").asString()).isEqualTo(colleague.username());
		assertThat(one.get("displayName").asString()).isNotBlank();
		assertThat(one.propertyNames()).containsExactlyInAnyOrder("personId", "username", "displayName");
		// Everyone listed is accepted by assign.
		Response assigned = this.fx.post("/api/tickets/" + id + "/assign", team.serviceHandler.token(),
				Map.of("personId", colleague.personId()));
		assertThat(assigned.status()).as(assigned.body()).isEqualTo(200);

		// Escalated: the central office's handlers join the list.
		this.jdbc.update("UPDATE inb_ticket SET escalated_at = NOW(3) WHERE id = ?", id);
		List<Long> escalated = this.fx.get("/api/tickets/" + id + "/assignees", team.officeHandler.token())
			.json()
			.valueStream()
			.map((p) -> p.get("personId").asLong())
			.toList();
		assertThat(escalated).contains(team.officeHandler.personId(), team.serviceHandler.personId())
			.doesNotContain(team.libraryHandler.personId(), disabled.personId());

		// Not a handler of the ticket: not found to another department, forbidden to a
		// reader.
		assertThat(this.fx.get("/api/tickets/" + id + "/assignees", team.libraryHandler.token()).status())
			.isEqualTo(404);
		assertThat(this.fx.get("/api/tickets/" + id + "/assignees", auditor.token()).status()).isEqualTo(403);
	}

	private static List<Long> ids(Response page) {
		assertThat(page.status()).as(page.body()).isEqualTo(200);
		return page.json().get("items").valueStream().map((t) -> t.get("id").asLong()).toList();
	}

}
