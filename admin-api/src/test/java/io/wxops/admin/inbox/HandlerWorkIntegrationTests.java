package io.wxops.admin.inbox;

import java.time.Instant;
import java.util.Map;

import io.wxops.admin.AdminFixtures;
import io.wxops.admin.AdminFixtures.Login;
import io.wxops.admin.AdminFixtures.Response;
import io.wxops.admin.AdminIntegrationTest;
import io.wxops.admin.security.Role;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** What waits for a handler on "my work": their departments' tickets, counted. */
@AdminIntegrationTest
class HandlerWorkIntegrationTests {

	@Autowired
	AdminFixtures fx;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aHandlerSeesTheirDepartmentsTicketsCounted() {
		InboxTeam team = new InboxTeam(this.fx, this.jdbc);
		String first = InboxTeam.openid();
		String second = InboxTeam.openid();
		team.text(first, "投诉：宿舍热水不足", Instant.now());
		team.text(second, "投诉：食堂排队太久", Instant.now());
		long a = team.ticketOf(first);
		long b = team.ticketOf(second);
		// Not for customer service: another department's ticket.
		team.ticketOf(tap(team, "请问图书馆借书几本"));
		assertThat(this.fx.post("/api/tickets/" + a + "/claim", team.serviceHandler.token(), null).status())
			.isEqualTo(200);
		this.jdbc.update("UPDATE inb_ticket SET due_at = NOW(3) - INTERVAL 1 MINUTE WHERE id = ?", b);
		JsonNode work = work(team.serviceHandler);
		assertThat(count(work, "tickets.open")).isEqualTo(2);
		assertThat(count(work, "tickets.mine")).isEqualTo(1);
		assertThat(count(work, "tickets.unassigned")).isEqualTo(1);
		assertThat(count(work, "tickets.overdue")).isEqualTo(1);
		assertThat(Items.route(work, "tickets.overdue")).isEqualTo("/duty");
		JsonNode library = work(team.libraryHandler);
		assertThat(count(library, "tickets.open")).isEqualTo(1);
		assertThat(count(library, "tickets.mine")).isZero();
	}

	@Test
	void anAdministratorOfOneAccountSeesItsSuspensionAndOverdueReview() {
		InboxTeam team = new InboxTeam(this.fx, this.jdbc);
		Login admin = this.fx.person(Role.ADMIN, team.account, null);
		assertThat(count(work(admin), "accounts.suspended")).isZero();
		int version = this.fx.get("/api/accounts/" + team.account, admin.token()).json().get("version").asInt();
		Response suspended = this.fx.post("/api/accounts/" + team.account + "/status", admin.token(),
				Map.of("status", "SUSPENDED", "reason", "整改", "version", version));
		assertThat(suspended.status()).as(suspended.body()).isEqualTo(200);
		// Registered long before last November: the review for the last cycle is overdue.
		this.jdbc.update("UPDATE wx_account SET created_at = '2024-03-01 00:00:00' WHERE id = ?", team.account);
		JsonNode work = work(admin);
		assertThat(count(work, "accounts.suspended")).isEqualTo(1);
		assertThat(count(work, "accounts.annualReviewDue")).isEqualTo(1);
		assertThat(count(work, "accounts.annualReviewUndecided")).isZero();
		// An administrator holds no handler grant: no ticket counts, though they may read
		// tickets.
		assertThat(work.get("items").valueStream().map((i) -> i.get("key").asString()))
			.noneMatch((k) -> k.startsWith("tickets."));
	}

	@Test
	void anAuditorSeesTheLastChainVerification() {
		Login auditor = this.fx.person(Role.AUDITOR);
		Response verified = this.fx.get("/api/audit/verify", auditor.token());
		assertThat(verified.status()).isEqualTo(200);
		JsonNode item = Items.item(work(auditor), "audit.lastVerification");
		assertThat(item.get("count").asLong()).isEqualTo(verified.json().get("intact").asBoolean() ? 0 : 1);
		assertThat(Instant.parse(item.get("at").asString()))
			.isEqualTo(Instant.parse(verified.json().get("checkedAt").asString()));
	}

	@Test
	void myWorkAnswers304WhileNothingChanged() throws Exception {
		InboxTeam team = new InboxTeam(this.fx, this.jdbc);
		Response first = this.fx.get("/api/my-work", team.serviceHandler.token());
		String etag = first.raw().headers().firstValue("ETag").orElseThrow();
		java.net.http.HttpResponse<String> again = java.net.http.HttpClient.newHttpClient()
			.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(this.fx.baseUrl() + "/api/my-work"))
				.header("Authorization", "Bearer " + team.serviceHandler.token())
				.header("If-None-Match", etag)
				.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
		assertThat(again.statusCode()).isEqualTo(304);
	}

	private static String tap(InboxTeam team, String text) {
		String openid = InboxTeam.openid();
		team.text(openid, text, Instant.now());
		return openid;
	}

	private JsonNode work(Login who) {
		Response r = this.fx.get("/api/my-work", who.token());
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		return r.json();
	}

	private static long count(JsonNode work, String key) {
		return Items.item(work, key).get("count").asLong();
	}

	/** Finds an item of the answer by its key. */
	static final class Items {

		static JsonNode item(JsonNode work, String key) {
			return work.get("items")
				.valueStream()
				.filter((i) -> i.get("key").asString().equals(key))
				.findFirst()
				.orElseThrow(() -> new AssertionError("no " + key + " in " + work));
		}

		static String route(JsonNode work, String key) {
			return item(work, key).get("route").asString();
		}

	}

}
