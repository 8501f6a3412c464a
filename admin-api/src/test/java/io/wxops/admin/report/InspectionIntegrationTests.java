package io.wxops.admin.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import io.wxops.admin.AdminFixtures;
import io.wxops.admin.AdminFixtures.Login;
import io.wxops.admin.AdminIntegrationTest;
import io.wxops.admin.security.Role;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The self-inspection of one account with its evidence, the central office's overview,
 * and the posting warning and veto on "my work".
 */
@AdminIntegrationTest
class InspectionIntegrationTests {

	@Autowired
	AdminFixtures fx;

	@Autowired
	JdbcTemplate jdbc;

	long account(Login admin, ReportHistory h, String zone) {
		long id = this.fx.registerAccount(admin).get("id").asLong();
		h.account(id, zone);
		return id;
	}

	@Test
	void eachIndicatorHasItsLevelAndEvidence() {
		Login admin = this.fx.person(Role.ADMIN);
		ReportHistory h = new ReportHistory(this.jdbc, admin.personId());
		long sh = account(admin, h, "Asia/Shanghai");
		long sent = h.finishedSend(sh, LocalDate.of(2026, 3, 1), Instant.parse("2026-03-01T02:00:00Z"), 50);
		long failed = h.send(sh, LocalDate.of(2026, 3, 7), Instant.parse("2026-03-07T02:00:00Z"), "FAILED", null, null,
				45028, "has no masssend quota");
		// Written 09:00 local on 5 March, never acknowledged or answered.
		long ticket = h.ticket(sh, "COMPLAINT", Instant.parse("2026-03-05T01:00:00Z"), 7).save();

		JsonNode r = inspection(admin, sh, "asOf=2026-03-15");
		assertThat(r.get("reportDate").asString()).isEqualTo("2026-03-15");
		assertThat(r.get("from").asString()).isEqualTo("2025-12-16");
		assertThat(r.get("overall").asString()).isEqualTo("WARNING");
		JsonNode posting = indicator(r, "posting");
		// 14 days without an update through wxops: capped at WARNING, flagged
		// unconfirmed.
		assertThat(posting.get("level").asString()).isEqualTo("WARNING");
		assertThat(posting.get("summary").asString()).contains("unconfirmed");
		assertThat(posting.get("count").asInt()).isEqualTo(14);
		assertThat(posting.at("/evidence/0/kind").asString()).isEqualTo("SEND");
		assertThat(posting.at("/evidence/0/id").asLong()).isEqualTo(sent);
		JsonNode interaction = indicator(r, "interaction");
		assertThat(interaction.get("level").asString()).isEqualTo("WARNING");
		assertThat(interaction.at("/evidence/0/id").asLong()).isEqualTo(ticket);
		assertThat(interaction.at("/evidence/0/day").asString()).isEqualTo("2026-03-05");
		JsonNode timeliness = indicator(r, "timeliness");
		assertThat(timeliness.get("level").asString()).isEqualTo("WARNING");
		assertThat(timeliness.at("/evidence/0/id").asLong()).isEqualTo(ticket);
		JsonNode discipline = indicator(r, "discipline");
		assertThat(discipline.get("level").asString()).isEqualTo("WARNING");
		assertThat(discipline.at("/evidence/0/id").asLong()).isEqualTo(failed);
		assertThat(r.get("notAssessed")).hasSize(1);
		assertThat(r.toString()).doesNotContain("o_");

		// Thirteen local days after the ticket: still a warning; fourteen: the veto.
		assertThat(indicator(inspection(admin, sh, "asOf=2026-03-18"), "interaction").get("level").asString())
			.isEqualTo("WARNING");
		assertThat(indicator(inspection(admin, sh, "asOf=2026-03-19"), "interaction").get("level").asString())
			.isEqualTo("VETO");
		// Two days after it: nothing yet.
		JsonNode early = inspection(admin, sh, "asOf=2026-03-07");
		assertThat(indicator(early, "interaction").get("level").asString()).isEqualTo("PASS");
		assertThat(indicator(early, "posting").get("level").asString()).isEqualTo("PASS");
		// The report date is the local day of the instant: 16:00Z on the 14th is the 15th
		// in Shanghai.
		assertThat(inspection(admin, sh, "at=2026-03-14T16:00:00Z").get("reportDate").asString())
			.isEqualTo("2026-03-15");

		assertThat(this.fx.get("/api/reports/inspection/999999999", admin.token()).status()).isEqualTo(404);
		Login other = this.fx.person(Role.LEADER, account(admin, h, "Asia/Shanghai"), null);
		assertThat(this.fx.get("/api/reports/inspection/" + sh, other.token()).status()).isEqualTo(404);
		assertThat(this.fx.get("/api/reports/inspection/" + sh + "?asOf=2026-02-30", admin.token()).status())
			.isEqualTo(400);
	}

	@Test
	void theOverviewListsAccountsAtRiskFirst() {
		Login admin = this.fx.person(Role.ADMIN);
		ReportHistory h = new ReportHistory(this.jdbc, admin.personId());
		long vetoed = account(admin, h, "Asia/Shanghai");
		long soon = account(admin, h, "Asia/Shanghai");
		long fine = account(admin, h, "America/Los_Angeles");
		LocalDate asOf = LocalDate.of(2026, 6, 30);
		h.finishedSend(vetoed, asOf.minusDays(20), Instant.parse("2026-06-10T02:00:00Z"), 10);
		h.finishedSend(soon, asOf.minusDays(8), Instant.parse("2026-06-22T02:00:00Z"), 10);
		h.finishedSend(fine, asOf.minusDays(5), Instant.parse("2026-06-25T18:00:00Z"), 10);
		Login office = this.fx.person(Role.OFFICE_REVIEWER, vetoed, null);
		this.fx.grant(office, Role.OFFICE_REVIEWER, soon, null);
		this.fx.grant(office, Role.OFFICE_REVIEWER, fine, null);
		AdminFixtures.Response r = this.fx.get("/api/reports/inspection?asOf=" + asOf, office.token());
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		List<Long> order = r.json().get("rows").valueStream().map((x) -> x.get("accountId").asLong()).toList();
		assertThat(order).containsExactly(vetoed, soon, fine);
		JsonNode first = r.json().at("/rows/0");
		assertThat(first.get("posting").asString()).isEqualTo("WARNING");
		assertThat(first.get("postingUnconfirmed").asBoolean()).isTrue();
		assertThat(r.json().at("/rows/1/postingUnconfirmed").asBoolean()).isFalse();
		assertThat(first.get("daysSinceLastUpdate").asLong()).isEqualTo(20);
		JsonNode second = r.json().at("/rows/1");
		assertThat(second.get("posting").asString()).isEqualTo("PASS");
		assertThat(second.get("vetoOn").asString()).isEqualTo("2026-07-06");
		assertThat(second.get("atRiskThisWeek").asBoolean()).isTrue();
		assertThat(r.json().at("/rows/2/atRiskThisWeek").asBoolean()).isFalse();
		assertThat(r.json().get("atRisk").asInt()).isEqualTo(2);
		assertThat(r.json().get("vetoes").asInt()).isZero();
	}

	/**
	 * The account's administrator and the central office see the warning and the veto on
	 * "my work", counted in each account's own local days (today there).
	 */
	@Test
	void myWorkShowsThePostingWarningAndVeto() {
		Login registrar = this.fx.person(Role.ADMIN);
		ReportHistory h = new ReportHistory(this.jdbc, registrar.personId());
		long sh = account(registrar, h, "Asia/Shanghai");
		long la = account(registrar, h, "America/Los_Angeles");
		long ok = account(registrar, h, "America/Los_Angeles");
		Instant now = Instant.now();
		LocalDate shToday = now.atZone(ZoneId.of("Asia/Shanghai")).toLocalDate();
		LocalDate laToday = now.atZone(ZoneId.of("America/Los_Angeles")).toLocalDate();
		h.finishedSend(sh, shToday.minusDays(10), now.minusSeconds(10 * 86400), 10);
		h.finishedSend(la, laToday.minusDays(14), now.minusSeconds(14 * 86400), 10);
		h.finishedSend(ok, laToday.minusDays(9), now.minusSeconds(9 * 86400), 10);
		Login admin = this.fx.person(Role.ADMIN, sh, null);
		this.fx.grant(admin, Role.ADMIN, la, null);
		this.fx.grant(admin, Role.ADMIN, ok, null);
		JsonNode items = this.fx.get("/api/my-work", admin.token()).json().get("items");
		assertThat(item(items, "accounts.updateWarning").get("count").asLong()).isEqualTo(1);
		assertThat(item(items, "accounts.updateVeto").get("count").asLong()).isEqualTo(1);
		assertThat(item(items, "accounts.updateVeto").get("route").asString()).isEqualTo("/reports/inspection");

		Login office = this.fx.person(Role.OFFICE_REVIEWER, ok, null);
		JsonNode officeItems = this.fx.get("/api/my-work", office.token()).json().get("items");
		assertThat(item(officeItems, "accounts.updateWarning").get("count").asLong()).isZero();
		assertThat(item(officeItems, "accounts.updateVeto").get("count").asLong()).isZero();

		Login editor = this.fx.person(Role.EDITOR, sh, null);
		assertThat(this.fx.get("/api/my-work", editor.token()).json().get("items").toString())
			.doesNotContain("accounts.update");
	}

	/**
	 * Left unanswered is judged at the end of the report date from the replies, whatever
	 * the ticket's status now: closed without a reply still counts; answered after the
	 * report date counts for that date.
	 */
	@Test
	void unansweredIsJudgedAtTheReportDate() {
		Login admin = this.fx.person(Role.ADMIN);
		ReportHistory h = new ReportHistory(this.jdbc, admin.personId());
		long sh = account(admin, h, "Asia/Shanghai");
		Instant written = Instant.parse("2026-03-05T01:00:00Z");
		long closed = h.ticket(sh, "CONSULTATION", written, 7)
			.resolved(Instant.parse("2026-03-06T01:00:00Z"))
			.closed()
			.save();
		long late = h.ticket(sh, "CONSULTATION", written, 7).save();
		h.reply(late, Instant.parse("2026-03-20T02:00:00Z"), "DELIVERED");
		long answered = h.ticket(sh, "CONSULTATION", written, 7).save();
		h.reply(answered, Instant.parse("2026-03-06T02:00:00Z"), "DELIVERED");

		JsonNode on15 = indicator(inspection(admin, sh, "asOf=2026-03-15"), "interaction");
		assertThat(on15.get("level").asString()).isEqualTo("WARNING");
		assertThat(on15.get("count").asInt()).isEqualTo(2);
		assertThat(on15.get("evidence").valueStream().map((e) -> e.get("id").asLong()).toList())
			.containsExactlyInAnyOrder(closed, late);
		JsonNode on21 = indicator(inspection(admin, sh, "asOf=2026-03-21"), "interaction");
		assertThat(on21.get("level").asString()).isEqualTo("VETO");
		assertThat(on21.get("evidence").valueStream().map((e) -> e.get("id").asLong()).toList())
			.containsExactly(closed);
	}

	JsonNode inspection(Login who, long account, String query) {
		AdminFixtures.Response r = this.fx.get("/api/reports/inspection/" + account + "?" + query, who.token());
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		return r.json();
	}

	static JsonNode indicator(JsonNode inspection, String key) {
		return inspection.get("indicators")
			.valueStream()
			.filter((i) -> i.get("key").asString().equals(key))
			.findFirst()
			.orElseThrow();
	}

	static JsonNode item(JsonNode items, String key) {
		return items.valueStream().filter((i) -> i.get("key").asString().equals(key)).findFirst().orElseThrow();
	}

}
