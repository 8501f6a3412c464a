package io.wxops.admin.review;

import java.util.Map;

import io.wxops.admin.AdminFixtures;
import io.wxops.admin.AdminFixtures.Login;
import io.wxops.admin.AdminIntegrationTest;
import io.wxops.admin.security.Role;
import io.wxops.admin.web.InvalidBody;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A decision's own rules (decision, contentHash, the comment's length) are constraints on
 * the request: a body that breaks them is answered 400 before the article or send is
 * looked up, so even an id that does not exist gets the 400; the role check at the door
 * still comes first.
 */
@AdminIntegrationTest
class ReviewValidationIntegrationTests {

	@Autowired
	AdminFixtures fx;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aBadDecisionIsAnswered400BeforeTheTargetIsLookedUpAndRecordsNothing() {
		Login head = this.fx.person(Role.DEPT_REVIEWER);
		long decisions = this.jdbc.queryForObject("SELECT COUNT(*) FROM art_review_decision", Long.class);
		for (String target : new String[] { "/api/articles/", "/api/sends/" }) {
			String path = target + Long.MAX_VALUE + "/decision";
			InvalidBody.refuses(this.fx.post(path, head.token(), Map.of("decision", "APPROVE", "contentHash", " ")),
					"contentHash", "send the contentHash of the content you reviewed");
			InvalidBody.refuses(
					this.fx.post(path, head.token(),
							Map.of("decision", "REJECT", "contentHash", "abc", "comment", "改".repeat(100_000))),
					"comment", "at most 1024 characters");
			// 512 × 😀 are 1,024 UTF-16 chars: within the limit, so the lookup answers.
			assertThat(this.fx
				.post(path, head.token(),
						Map.of("decision", "REJECT", "contentHash", "abc", "comment", "😀".repeat(512)))
				.status()).isEqualTo(404);
			assertThat(this.fx
				.post(path, head.token(),
						Map.of("decision", "REJECT", "contentHash", "abc", "comment", "😀".repeat(513)))
				.status()).isEqualTo(400);
		}
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM art_review_decision", Long.class))
			.isEqualTo(decisions);
	}

	@Test
	void aCallerWithoutAReviewRoleGetsTheirRefusalNotTheBodysProblems() {
		Login editor = this.fx.person(Role.EDITOR);
		Map<String, Object> bad = Map.of("decision", "MAYBE", "contentHash", "");
		assertThat(this.fx.post("/api/articles/1/decision", null, bad).status()).isEqualTo(401);
		assertThat(this.fx.post("/api/articles/1/decision", editor.token(), bad).status()).isEqualTo(403);
		assertThat(this.fx.post("/api/sends/1/decision", editor.token(), bad).status()).isEqualTo(403);
	}

}
