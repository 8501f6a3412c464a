package io.wxops.admin.masssend;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import io.wxops.admin.AdminFixtures;
import io.wxops.admin.AdminFixtures.Response;
import io.wxops.admin.AdminIntegrationTest;
import io.wxops.admin.security.Role;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The days a slot picker greys out ({@code GET /api/accounts/{id}/send-days}) and what
 * waits for a publisher on "my work".
 */
@AdminIntegrationTest
class SendDaysAndPublisherWorkIntegrationTests {

	@Autowired
	AdminFixtures fx;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aComposedSendsDayIsTakenAndACancelledOneGivesItBack() {
		MassSendTeam team = new MassSendTeam(this.fx);
		LocalDate day = LocalDate.now(MassSendTeam.SHANGHAI).plusDays(3);
		Instant slot = day.atTime(LocalTime.of(10, 0)).atZone(MassSendTeam.SHANGHAI).toInstant();
		Response composed = team.composeText("明天上午全校停水，请提前储水。", slot);
		assertThat(composed.status()).as(composed.body()).isEqualTo(201);
		long send = composed.json().get("id").asLong();
		String path = "/api/accounts/" + team.account + "/send-days?from=" + day.minusDays(1) + "&to="
				+ day.plusDays(1);
		JsonNode taken = this.fx.get(path, team.editor.token()).json();
		assertThat(taken.get("zone").asString()).isEqualTo("Asia/Shanghai");
		assertThat(taken.get("days").valueStream().map((d) -> d.get("day").asString()).toList())
			.containsExactly(day.toString());
		assertThat(taken.at("/days/0/sendId").asLong()).isEqualTo(send);
		assertThat(taken.at("/days/0/status").asString()).isEqualTo("COMPOSED");
		// A subscription account: no monthly slots.
		assertThat(taken.get("months").isEmpty()).isTrue();
		assertThat(this.fx.post("/api/sends/" + send + "/cancel", team.publisher.token(), null).status())
			.isEqualTo(200);
		assertThat(this.fx.get(path, team.editor.token()).json().get("days").isEmpty()).isTrue();
	}

	@Test
	void aServiceAccountAlsoShowsItsMonthSlots() {
		MassSendTeam team = new MassSendTeam(this.fx);
		this.jdbc.update("UPDATE wx_account SET account_type = 'SERVICE' WHERE id = ?", team.account);
		LocalDate day = LocalDate.now(MassSendTeam.SHANGHAI).plusDays(2);
		Instant slot = day.atTime(LocalTime.of(9, 0)).atZone(MassSendTeam.SHANGHAI).toInstant();
		Response composed = team.composeText("本周六图书馆闭馆一天。", slot);
		assertThat(composed.status()).as(composed.body()).isEqualTo(201);
		JsonNode taken = this.fx
			.get("/api/accounts/" + team.account + "/send-days?from=" + day + "&to=" + day, team.publisher.token())
			.json();
		assertThat(taken.get("months").size()).isEqualTo(1);
		assertThat(taken.at("/months/0/month").asString()).isEqualTo(java.time.YearMonth.from(day).toString());
		assertThat(taken.at("/months/0/used").asLong()).isEqualTo(1);
		assertThat(taken.at("/months/0/limit").asInt()).isEqualTo(4);
	}

	@Test
	void withoutARangeItIsTheNextTwoMonthsFromTodayInTheAccountsZone() {
		MassSendTeam team = new MassSendTeam(this.fx);
		JsonNode taken = this.fx.get("/api/accounts/" + team.account + "/send-days", team.publisher.token()).json();
		LocalDate today = LocalDate.parse(taken.get("today").asString());
		assertThat(taken.get("from").asString()).isEqualTo(today.toString());
		assertThat(taken.get("to").asString()).isEqualTo(today.plusDays(62).toString());
	}

	@Test
	void aBadRangeIsAProblemNamingTheField() {
		MassSendTeam team = new MassSendTeam(this.fx);
		String base = "/api/accounts/" + team.account + "/send-days";
		Response backwards = this.fx.get(base + "?from=2026-12-10&to=2026-12-01", team.publisher.token());
		assertThat(backwards.status()).isEqualTo(400);
		assertThat(AdminFixtures.fieldErrors(backwards)).containsExactly("to");
		Response tooLong = this.fx.get(base + "?from=2026-01-01&to=2027-06-01", team.publisher.token());
		assertThat(tooLong.status()).isEqualTo(400);
		Response notADate = this.fx.get(base + "?from=tomorrow", team.publisher.token());
		assertThat(notADate.status()).isEqualTo(400);
		assertThat(notADate.problemType()).startsWith("https://wxops.io/problems/");
	}

	@Test
	void anotherAccountsDaysAreNotFound() {
		MassSendTeam team = new MassSendTeam(this.fx);
		MassSendTeam other = new MassSendTeam(this.fx);
		Response r = this.fx.get("/api/accounts/" + other.account + "/send-days", team.publisher.token());
		assertThat(r.status()).isEqualTo(404);
	}

	@Test
	void aPublishersWorkCountsTheQueueAndTheSendsToPreviewAndConfirm() {
		MassSendTeam team = new MassSendTeam(this.fx);
		long article = team.queuedArticle("秋季运动会");
		JsonNode before = this.fx.get("/api/my-work", team.publisher.token()).json();
		assertThat(item(before, "queue.articles").get("accountId").asLong()).isEqualTo(team.account);
		assertThat(item(before, "queue.articles").get("count").asLong()).isEqualTo(1);
		assertThat(item(before, "queue.articles").get("route").asString())
			.isEqualTo("/accounts/" + team.account + "/queue");
		assertThat(item(before, "sends.toPreview").get("count").asLong()).isZero();
		Response composed = team.composeNews(List.of(article), null);
		assertThat(composed.status()).as(composed.body()).isEqualTo(201);
		JsonNode after = this.fx.get("/api/my-work", team.publisher.token()).json();
		assertThat(item(after, "sends.toPreview").get("count").asLong()).isEqualTo(1);
		assertThat(item(after, "sends.toConfirm").get("count").asLong()).isZero();
		// A publisher holds no handler grant: no ticket counts.
		assertThat(after.get("items").valueStream().map((i) -> i.get("key").asString()))
			.noneMatch((k) -> k.startsWith("tickets."));
		// The department head has the article no longer; the editor nothing sent back.
		assertThat(item(this.fx.get("/api/my-work", team.deptHead.token()).json(), "reviews.articles").get("count")
			.asLong()).isZero();
		assertThat(item(this.fx.get("/api/my-work", team.editor.token()).json(), "articles.rejected").get("count")
			.asLong()).isZero();
	}

	@Test
	void aReviewerSeesTheSendAwaitingTheirLevel() {
		MassSendTeam team = new MassSendTeam(this.fx);
		Instant slot = LocalDate.now(MassSendTeam.SHANGHAI)
			.plusDays(5)
			.atTime(LocalTime.NOON)
			.atZone(MassSendTeam.SHANGHAI)
			.toInstant();
		assertThat(team.composeTextForReview("本周五下午举行消防演练。", slot).status()).isEqualTo(201);
		JsonNode work = this.fx.get("/api/my-work", team.deptHead.token()).json();
		assertThat(item(work, "reviews.sends").get("count").asLong()).isEqualTo(1);
		assertThat(item(work, "reviews.sends").get("route").asString()).isEqualTo("/reviews/sends");
		assertThat(work.get("serverTime").asString()).isNotBlank();
	}

	static JsonNode item(JsonNode work, String key) {
		return work.get("items")
			.valueStream()
			.filter((i) -> i.get("key").asString().equals(key))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no " + key + " in " + work));
	}

}
