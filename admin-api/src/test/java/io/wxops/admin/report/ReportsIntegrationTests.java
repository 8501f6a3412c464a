package io.wxops.admin.report;

import java.time.Instant;
import java.time.LocalDate;
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
 * Posting regularity, reply timeliness and send discipline on a prepared history, against
 * hand-computed figures; the warning and veto on the exact local-day boundaries of two
 * accounts in different zones; scope by grants; bad input.
 */
@AdminIntegrationTest
class ReportsIntegrationTests {

	@Autowired
	AdminFixtures fx;

	@Autowired
	JdbcTemplate jdbc;

	record Setup(Login admin, long shanghai, long losAngeles, ReportHistory history) {
	}

	Setup setup() {
		Login admin = this.fx.person(Role.ADMIN);
		long sh = this.fx.registerAccount(admin).get("id").asLong();
		long la = this.fx.registerAccount(admin).get("id").asLong();
		ReportHistory history = new ReportHistory(this.jdbc, admin.personId());
		history.account(sh, "Asia/Shanghai");
		history.account(la, "America/Los_Angeles");
		return new Setup(admin, sh, la, history);
	}

	JsonNode posting(Login who, long account, String query) {
		AdminFixtures.Response r = this.fx.get("/api/reports/posting?accountId=" + account + "&" + query, who.token());
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		return r.json().get("accounts").get(0);
	}

	/**
	 * The last update on local day D: D+9 passes, D+10 is the warning, D+13 still the
	 * warning, D+14 the veto; the report date is the local day of the instant in each
	 * account's zone, so one instant around Shanghai's midnight is the next day there and
	 * still the same day in Los Angeles.
	 */
	@Test
	void warningAndVetoFallOnTheAccountsLocalDays() {
		Setup s = setup();
		LocalDate d = LocalDate.of(2026, 3, 1);
		s.history().finishedSend(s.shanghai(), d, Instant.parse("2026-03-01T02:00:00Z"), 120);
		s.history().finishedSend(s.losAngeles(), d, Instant.parse("2026-03-01T18:00:00Z"), 80);
		// Not updates: nobody received them, or they failed.
		s.history().finishedSend(s.shanghai(), d.plusDays(5), Instant.parse("2026-03-06T02:00:00Z"), 0);
		s.history()
			.send(s.shanghai(), d.plusDays(6), Instant.parse("2026-03-07T02:00:00Z"), "FAILED", null, null, 45028,
					"has no masssend quota");

		assertThat(level(s, s.shanghai(), "asOf=2026-03-10")).isEqualTo("PASS:9");
		assertThat(level(s, s.shanghai(), "asOf=2026-03-11")).isEqualTo("WARNING:10");
		assertThat(level(s, s.shanghai(), "asOf=2026-03-14")).isEqualTo("WARNING:13");
		assertThat(level(s, s.shanghai(), "asOf=2026-03-15")).isEqualTo("WARNING:14");

		// 2026-03-10T15:59:59Z is 23:59:59 on the 10th in Shanghai; a second later the
		// 11th.
		assertThat(level(s, s.shanghai(), "at=2026-03-10T15:59:59Z")).isEqualTo("PASS:9");
		assertThat(level(s, s.shanghai(), "at=2026-03-10T16:00:00Z")).isEqualTo("WARNING:10");
		// Los Angeles (UTC-8 until 8 March, UTC-7 after): the 11th starts at 07:00Z.
		assertThat(level(s, s.losAngeles(), "at=2026-03-11T06:59:59Z")).isEqualTo("PASS:9");
		assertThat(level(s, s.losAngeles(), "at=2026-03-11T07:00:00Z")).isEqualTo("WARNING:10");
		assertThat(level(s, s.losAngeles(), "at=2026-03-15T06:59:59Z")).isEqualTo("WARNING:13");
		assertThat(level(s, s.losAngeles(), "at=2026-03-15T07:00:00Z")).isEqualTo("WARNING:14");
		// The same instant is the veto in Shanghai (15th) and still the warning in LA
		// (14th).
		AdminFixtures.Response both = this.fx.get("/api/reports/posting?at=2026-03-15T06:00:00Z", s.admin().token());
		assertThat(both.status()).isEqualTo(200);
		assertThat(standing(both.json(), s.shanghai()).get("level").asString()).isEqualTo("WARNING");
		// Posts made on mp.weixin.qq.com are not seen yet: 14 days is a warning flagged
		// unconfirmed, never a veto; 13 days is a plain warning.
		assertThat(standing(both.json(), s.shanghai()).get("unconfirmed").asBoolean()).isTrue();
		assertThat(standing(both.json(), s.shanghai()).get("note").asString()).contains("mp.weixin.qq.com");
		assertThat(posting(s.admin(), s.shanghai(), "asOf=2026-03-14").at("/standing/unconfirmed").asBoolean())
			.isFalse();
		assertThat(standing(both.json(), s.losAngeles()).get("level").asString()).isEqualTo("WARNING");
		assertThat(standing(both.json(), s.shanghai()).get("vetoOn").asString()).isEqualTo("2026-03-15");

		JsonNode sh = posting(s.admin(), s.shanghai(), "from=2026-03-01&to=2026-03-15&asOf=2026-03-15");
		assertThat(sh.get("updates").asInt()).isEqualTo(1);
		assertThat(sh.at("/periods/0/start").asString()).isEqualTo("2026-03-01");
		assertThat(sh.at("/periods/0/end").asString()).isEqualTo("2026-03-01");
		assertThat(sh.at("/periods/0/updates").asInt()).isEqualTo(1);
		assertThat(sh.at("/periods/1/start").asString()).isEqualTo("2026-03-02");
		assertThat(sh.at("/periods/1/end").asString()).isEqualTo("2026-03-08");
		assertThat(sh.get("periods")).hasSize(3);
		JsonNode month = posting(s.admin(), s.shanghai(), "from=2026-02-01&to=2026-03-31&granularity=month");
		assertThat(month.get("periods")).hasSize(2);
		assertThat(month.at("/periods/1/updates").asInt()).isEqualTo(1);
	}

	/** A new update the next local day starts the count again. */
	@Test
	void aLaterUpdateResetsTheCount() {
		Setup s = setup();
		s.history().finishedSend(s.shanghai(), LocalDate.of(2026, 3, 1), Instant.parse("2026-03-01T02:00:00Z"), 5);
		s.history().finishedSend(s.shanghai(), LocalDate.of(2026, 3, 12), Instant.parse("2026-03-12T02:00:00Z"), 5);
		assertThat(level(s, s.shanghai(), "asOf=2026-03-11")).isEqualTo("WARNING:10");
		assertThat(level(s, s.shanghai(), "asOf=2026-03-12")).isEqualTo("PASS:0");
		assertThat(level(s, s.shanghai(), "asOf=2026-03-26")).isEqualTo("WARNING:14");
	}

	@Test
	void burstsAreUpdatesWithinTheWindow() {
		Setup s = setup();
		Instant t = Instant.parse("2026-04-01T01:00:00Z");
		long a = s.history().finishedSend(s.shanghai(), LocalDate.of(2026, 4, 1), t, 5);
		long b = s.history().finishedSend(s.shanghai(), LocalDate.of(2026, 4, 2), t.plusSeconds(600), 5);
		long c = s.history().finishedSend(s.shanghai(), LocalDate.of(2026, 4, 3), t.plusSeconds(1200), 5);
		s.history().finishedSend(s.shanghai(), LocalDate.of(2026, 4, 4), t.plusSeconds(1801), 5);
		JsonNode r = posting(s.admin(), s.shanghai(), "from=2026-04-01&to=2026-04-30");
		assertThat(r.get("bursts")).hasSize(1);
		assertThat(r.at("/bursts/0/updates").asInt()).isEqualTo(3);
		assertThat(r.at("/bursts/0/sendIds").valueStream().map(JsonNode::asLong).toList()).containsExactly(a, b, c);
	}

	/**
	 * Figures computed by hand for this history (Shanghai, March 2026, SLA 7 days):
	 * CONSULTATION T1 (acked, reply after 7200 s, resolved in time, closed with
	 * follow-up), T2 (opened 23:30 local, no acknowledgement, reply at 00:10 the next
	 * local day = 2400 s, open past due, escalated), T3 (acked; its one human reply
	 * undelivered: never answered), T4 (acked, reply 1800 s, resolved after the due
	 * date), T7 (opened 01:00 on the 1st local time, i.e. 28 February UTC; acked; reply
	 * 86400 s; resolved in time); COMPLAINT T6 (acked, reply 3600 s, resolved in time,
	 * closed); a MALICIOUS ticket and one opened on 1 April local time are not counted.
	 */
	@Test
	void timelinessMatchesHandComputedFigures() {
		Setup s = setup();
		ReportHistory h = s.history();
		long sh = s.shanghai();
		long t1 = h.ticket(sh, "CONSULTATION", Instant.parse("2026-03-02T01:00:00Z"), 7)
			.acknowledged(Instant.parse("2026-03-02T01:00:05Z"))
			.resolved(Instant.parse("2026-03-03T01:00:00Z"))
			.closed()
			.save();
		h.reply(t1, Instant.parse("2026-03-02T03:00:00Z"), "DELIVERED");
		long t2 = h.ticket(sh, "CONSULTATION", Instant.parse("2026-03-05T15:30:00Z"), 7)
			.status("IN_PROGRESS")
			.escalated(Instant.parse("2026-03-12T16:00:00Z"))
			.save();
		h.reply(t2, Instant.parse("2026-03-05T16:10:00Z"), "DELIVERED");
		long t3 = h.ticket(sh, "CONSULTATION", Instant.parse("2026-03-10T02:00:00Z"), 7)
			.acknowledged(Instant.parse("2026-03-10T02:00:03Z"))
			.ackDue(Instant.parse("2026-03-10T15:59:59.999Z"))
			.save();
		h.reply(t3, Instant.parse("2026-03-10T03:00:00Z"), "UNDELIVERED");
		long t4 = h.ticket(sh, "CONSULTATION", Instant.parse("2026-03-12T00:00:00Z"), 7)
			.acknowledged(Instant.parse("2026-03-12T00:00:02Z"))
			.resolved(Instant.parse("2026-03-25T00:00:00Z"))
			.save();
		h.reply(t4, Instant.parse("2026-03-12T00:30:00Z"), "DELIVERED");
		long t6 = h.ticket(sh, "COMPLAINT", Instant.parse("2026-03-20T04:00:00Z"), 7)
			.acknowledged(Instant.parse("2026-03-20T04:00:01Z"))
			.resolved(Instant.parse("2026-03-21T04:00:00Z"))
			.closed()
			.save();
		h.reply(t6, Instant.parse("2026-03-20T05:00:00Z"), "DELIVERED");
		long t7 = h.ticket(sh, "CONSULTATION", Instant.parse("2026-02-28T17:00:00Z"), 7)
			.acknowledged(Instant.parse("2026-02-28T17:00:01Z"))
			.resolved(Instant.parse("2026-03-02T00:00:00Z"))
			.save();
		h.reply(t7, Instant.parse("2026-03-01T17:00:00Z"), "DELIVERED");
		h.ticket(sh, "MALICIOUS", Instant.parse("2026-03-15T01:00:00Z"), 7).save();
		long t8 = h.ticket(sh, "CONSULTATION", Instant.parse("2026-03-31T16:30:00Z"), 7).save();
		assertThat(t8).isPositive();

		AdminFixtures.Response r = this.fx
			.get("/api/reports/timeliness?accountId=" + sh + "&from=2026-03-01&to=2026-03-31", s.admin().token());
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		JsonNode consultation = category(r.json(), "CONSULTATION");
		assertThat(consultation.get("tickets").asInt()).isEqualTo(5);
		assertThat(consultation.get("acknowledgedSameDay").asInt()).isEqualTo(4);
		assertThat(consultation.get("ackSameDayShare").asDouble()).isEqualTo(0.8);
		assertThat(consultation.get("answered").asInt()).isEqualTo(4);
		assertThat(consultation.get("firstReplyMedianSeconds").asLong()).isEqualTo(2400);
		assertThat(consultation.get("firstReplyP90Seconds").asLong()).isEqualTo(86400);
		assertThat(consultation.get("resolvedWithinSla").asInt()).isEqualTo(2);
		assertThat(consultation.get("resolvedWithinSlaShare").asDouble()).isEqualTo(0.4);
		assertThat(consultation.get("overdue").asInt()).isEqualTo(3);
		assertThat(consultation.get("escalated").asInt()).isEqualTo(1);
		assertThat(consultation.get("neverAnswered").asInt()).isEqualTo(1);
		assertThat(consultation.at("/oldestUnanswered/ticketId").asLong()).isEqualTo(t3);
		assertThat(consultation.get("withResult").asInt()).isEqualTo(3);
		assertThat(consultation.get("closed").asInt()).isEqualTo(1);
		assertThat(consultation.get("followedUp").asInt()).isEqualTo(1);
		// On closed tickets only (T1): RESOLVED T4 and T7 are not in the denominator.
		assertThat(consultation.get("followupRate").asDouble()).isEqualTo(1.0);

		JsonNode complaint = category(r.json(), "COMPLAINT");
		assertThat(complaint.get("tickets").asInt()).isEqualTo(1);
		assertThat(complaint.get("firstReplyMedianSeconds").asLong()).isEqualTo(3600);
		assertThat(complaint.get("followupRate").asDouble()).isEqualTo(1.0);
		assertThat(complaint.get("oldestUnanswered").isNull()).isTrue();
		assertThat(category(r.json(), "SUGGESTION").get("tickets").asInt()).isZero();
		assertThat(category(r.json(), "SUGGESTION").get("ackSameDayShare").isNull()).isTrue();

		JsonNode all = r.json().get("total");
		assertThat(all.get("tickets").asInt()).isEqualTo(6);
		assertThat(all.get("acknowledgedSameDay").asInt()).isEqualTo(5);
		assertThat(all.get("ackSameDayShare").asDouble()).isEqualTo(0.8333);
		assertThat(all.get("firstReplyMedianSeconds").asLong()).isEqualTo(3600);
		assertThat(all.get("firstReplyP90Seconds").asLong()).isEqualTo(86400);
		assertThat(all.get("resolvedWithinSla").asInt()).isEqualTo(3);
		assertThat(all.get("overdue").asInt()).isEqualTo(3);
		assertThat(all.get("followedUp").asInt()).isEqualTo(2);
		assertThat(all.get("followupRate").asDouble()).isEqualTo(1.0);
		assertThat(r.body()).doesNotContain("o_");

		// The same moments in Los Angeles: 15:30Z is 08:30 on the 5th, the reply 09:10,
		// the same local day.
		long la = h.ticket(s.losAngeles(), "CONSULTATION", Instant.parse("2026-03-05T15:30:00Z"), 7)
			.status("IN_PROGRESS")
			.save();
		h.reply(la, Instant.parse("2026-03-05T16:10:00Z"), "DELIVERED");
		JsonNode laAll = this.fx
			.get("/api/reports/timeliness?accountId=" + s.losAngeles() + "&from=2026-03-01&to=2026-03-31",
					s.admin().token())
			.json()
			.get("total");
		assertThat(laAll.get("acknowledgedSameDay").asInt()).isEqualTo(1);
	}

	@Test
	void disciplineListsSendResultsAndFailures() {
		Setup s = setup();
		ReportHistory h = s.history();
		long ok = h.finishedSend(s.shanghai(), LocalDate.of(2026, 5, 4), Instant.parse("2026-05-04T02:00:00Z"), 90);
		long refused = h.send(s.shanghai(), LocalDate.of(2026, 5, 5), Instant.parse("2026-05-05T02:00:00Z"), "FINISHED",
				0, "{\"Count\":\"1\",\"CheckState\":\"3\"}", null, null);
		long failed = h.send(s.shanghai(), LocalDate.of(2026, 5, 6), Instant.parse("2026-05-06T02:00:00Z"), "FAILED",
				null, null, 45028, "has no masssend quota");
		AdminFixtures.Response r = this.fx.get(
				"/api/reports/discipline?accountId=" + s.shanghai() + "&from=2026-05-01&to=2026-05-31",
				s.admin().token());
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		JsonNode d = r.json();
		assertThat(d.get("sends").asInt()).isEqualTo(3);
		assertThat(d.get("finished").asInt()).isEqualTo(2);
		assertThat(d.get("failed").asInt()).isEqualTo(1);
		assertThat(d.get("sentCount").asLong()).isEqualTo(90);
		assertThat(d.get("totalCount").asLong()).isEqualTo(92 + 2);
		assertThat(d.get("copyrightRefusals").asInt()).isEqualTo(1);
		assertThat(d.at("/failedSends/0/sendId").asLong()).isEqualTo(failed);
		assertThat(d.at("/failedSends/0/errorCode").asInt()).isEqualTo(45028);
		assertThat(d.get("sendResults").valueStream().map((x) -> x.get("sendId").asLong()).toList()).containsExactly(ok,
				refused, failed);
		assertThat(d.get("sensitivities")).hasSize(3);
	}

	@Test
	void reportsCoverOnlyTheCallersGrants() {
		Setup s = setup();
		Login narrow = this.fx.person(Role.AUDITOR, s.shanghai(), null);
		assertThat(this.fx.get("/api/reports/posting?accountId=" + s.losAngeles(), narrow.token()).status())
			.isEqualTo(404);
		assertThat(this.fx.get("/api/reports/timeliness?accountId=" + s.losAngeles(), narrow.token()).status())
			.isEqualTo(404);
		JsonNode mine = this.fx.get("/api/reports/posting", narrow.token()).json();
		assertThat(mine.get("accounts").valueStream().map((a) -> a.get("accountId").asLong()).toList())
			.containsExactly(s.shanghai());
		Login handler = this.fx.person(Role.HANDLER);
		assertThat(this.fx.get("/api/reports/posting", handler.token()).status()).isEqualTo(403);
		// A department's accounts: the fixture registers accounts in the admin's
		// department.
		JsonNode dept = this.fx.get("/api/reports/posting?departmentId=" + s.admin().departmentId(), s.admin().token())
			.json();
		assertThat(dept.get("accounts").valueStream().map((a) -> a.get("accountId").asLong()).toList())
			.containsExactly(s.shanghai(), s.losAngeles());
	}

	@Test
	void badInputIsAProblem() {
		Setup s = setup();
		String base = "/api/reports/posting?accountId=" + s.shanghai();
		assertThat(this.fx.get(base + "&from=2026-03-10&to=2026-03-01", s.admin().token()).status()).isEqualTo(400);
		assertThat(this.fx.get(base + "&from=2025-01-01&to=2026-03-01", s.admin().token()).status()).isEqualTo(400);
		assertThat(this.fx.get(base + "&from=2026-13-01", s.admin().token()).status()).isEqualTo(400);
		assertThat(this.fx.get(base + "&granularity=DAY", s.admin().token()).status()).isEqualTo(400);
		assertThat(this.fx.get(base + "&asOf=2026-03-01&at=2026-03-01T00:00:00Z", s.admin().token()).status())
			.isEqualTo(400);
		assertThat(this.fx.get(base + "&at=yesterday", s.admin().token()).status()).isEqualTo(400);
		for (String far : List.of("/api/reports/posting?asOf=%2B999999999-12-31",
				"/api/reports/posting?accountId=" + s.shanghai() + "&to=%2B999999999-12-31",
				"/api/reports/posting?from=-999999999-01-01&to=-999999999-01-02",
				"/api/reports/posting?at=%2B1000000000-12-31T23:59:59Z",
				"/api/reports/timeliness?to=%2B999999999-12-31",
				"/api/reports/discipline?from=1999-12-31&to=2000-01-30",
				"/api/reports/inspection?asOf=%2B999999999-12-31",
				"/api/reports/inspection/" + s.shanghai() + "?asOf=%2B999999999-12-31",
				"/api/reports/inspection/" + s.shanghai() + "?at=-1000000000-01-01T00:00:00Z",
				"/api/reports/overview/export?asOf=%2B999999999-12-31")) {
			AdminFixtures.Response far400 = this.fx.get(far, s.admin().token());
			assertThat(far400.status()).as(far).isEqualTo(400);
			assertThat(far400.body()).as(far).contains("between");
		}
		assertThat(this.fx.get("/api/reports/posting?accountId=999999999", s.admin().token()).status()).isEqualTo(404);
		assertThat(this.fx.get("/api/reports/timeliness?departmentId=999999999", s.admin().token()).status())
			.isEqualTo(404);
		AdminFixtures.Response r = this.fx.get(
				"/api/reports/discipline?accountId=" + s.shanghai() + "&from=2026-01-01&to=2025-01-01",
				s.admin().token());
		assertThat(r.status()).isEqualTo(400);
		assertThat(r.raw().headers().firstValue("Content-Type").orElse("")).contains("problem+json");
	}

	String level(Setup s, long account, String query) {
		JsonNode st = posting(s.admin(), account, query).get("standing");
		return st.get("level").asString() + ":" + st.get("daysSinceLastUpdate").asLong();
	}

	static JsonNode standing(JsonNode report, long account) {
		return report.get("accounts")
			.valueStream()
			.filter((a) -> a.get("accountId").asLong() == account)
			.findFirst()
			.orElseThrow()
			.get("standing");
	}

	static JsonNode category(JsonNode report, String category) {
		return report.get("categories")
			.valueStream()
			.filter((c) -> c.get("category").asString().equals(category))
			.findFirst()
			.orElseThrow();
	}

}
