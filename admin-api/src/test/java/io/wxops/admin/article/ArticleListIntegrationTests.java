package io.wxops.admin.article;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.wxops.admin.AdminFixtures;
import io.wxops.admin.AdminFixtures.Login;
import io.wxops.admin.AdminIntegrationTest;
import io.wxops.admin.security.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The article list is counted and paged by the database within the caller's accounts and
 * departments, however many articles there are: over 5,000 here, across two accounts and
 * two departments.
 */
@AdminIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArticleListIntegrationTests {

	static final int A_FIRST = 3000;

	static final int A_SECOND = 2500;

	static final int B_FIRST = 600;

	@Autowired
	AdminFixtures fx;

	@Autowired
	JdbcTemplate jdbc;

	long accountA;

	long accountB;

	long first;

	long second;

	@BeforeAll
	void manyArticles() {
		Login admin = this.fx.person(Role.ADMIN);
		this.accountA = this.fx.registerAccount(admin).get("id").asLong();
		this.accountB = this.fx.registerAccount(admin).get("id").asLong();
		this.first = this.fx.department("宣传部");
		this.second = this.fx.department("教务处");
		insert(this.accountA, this.first, A_FIRST, admin.personId());
		insert(this.accountA, this.second, A_SECOND, admin.personId());
		insert(this.accountB, this.first, B_FIRST, admin.personId());
	}

	@Test
	void aGrantOnOneAccountCountsEveryArticleOfItBeyondFiveThousand() {
		Login reviewer = this.fx.person(Role.OFFICE_REVIEWER, this.accountA, null);
		JsonNode page = list(reviewer, "page=0&size=200");
		assertThat(page.get("total").asLong()).isEqualTo(A_FIRST + A_SECOND);
		assertThat(accounts(page)).containsOnly(this.accountA);
		assertThat(page.get("items")).hasSize(200);
	}

	@Test
	void aDepartmentalGrantCountsAndPagesOnlyItsDepartment() {
		Login editor = this.fx.departmental(Role.EDITOR, this.accountA, this.first);
		JsonNode firstPage = list(editor, "page=0&size=200");
		assertThat(firstPage.get("total").asLong()).isEqualTo(A_FIRST);
		assertThat(departments(firstPage)).containsOnly(this.first);
		int lastPage = A_FIRST / 150;
		JsonNode last = list(editor, "page=" + (lastPage - 1) + "&size=150");
		assertThat(last.get("items")).hasSize(150);
		assertThat(list(editor, "page=" + lastPage + "&size=150").get("items")).isEmpty();
		Set<Long> seen = new HashSet<>(ids(list(editor, "page=0&size=150")));
		assertThat(ids(list(editor, "page=1&size=150"))).doesNotContainAnyElementsOf(seen);
	}

	@Test
	void grantsOnADepartmentAndOnAnotherAccountAddUp() {
		Login reader = this.fx.departmental(Role.AUDITOR, this.accountA, this.second);
		this.fx.grant(reader, Role.AUDITOR, this.accountB, null);
		JsonNode page = list(reader, "size=200");
		assertThat(page.get("total").asLong()).isEqualTo(A_SECOND + B_FIRST);
		for (JsonNode item : page.get("items")) {
			long account = item.get("accountId").asLong();
			assertThat(account == this.accountB || item.get("departmentId").asLong() == this.second).as(item.toString())
				.isTrue();
		}
		assertThat(list(reader, "accountId=" + this.accountA).get("total").asLong()).isEqualTo(A_SECOND);
		assertThat(list(reader, "accountId=" + this.accountB + "&status=DRAFT").get("total").asLong())
			.isEqualTo(B_FIRST);
	}

	@Test
	void aReaderOnEveryAccountFiltersByAccountAndStatus() {
		Login auditor = this.fx.person(Role.AUDITOR);
		assertThat(list(auditor, "accountId=" + this.accountA).get("total").asLong()).isEqualTo(A_FIRST + A_SECOND);
		assertThat(list(auditor, "accountId=" + this.accountB).get("total").asLong()).isEqualTo(B_FIRST);
		assertThat(list(auditor, "accountId=" + this.accountA + "&status=APPROVED").get("total").asLong()).isZero();
	}

	@Test
	void theNewestChangeComesFirst() {
		Login editor = this.fx.departmental(Role.EDITOR, this.accountB, this.first);
		List<Instant> times = new ArrayList<>();
		list(editor, "size=200").get("items").forEach((i) -> times.add(Instant.parse(i.get("updatedAt").asString())));
		assertThat(times).hasSize(200).isSortedAccordingTo((a, b) -> b.compareTo(a));
	}

	private JsonNode list(Login who, String query) {
		AdminFixtures.Response r = this.fx.get("/api/articles?" + query, who.token());
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		return r.json();
	}

	private static List<Long> ids(JsonNode page) {
		List<Long> ids = new ArrayList<>();
		page.get("items").forEach((i) -> ids.add(i.get("id").asLong()));
		return ids;
	}

	private static Set<Long> accounts(JsonNode page) {
		Set<Long> ids = new HashSet<>();
		page.get("items").forEach((i) -> ids.add(i.get("accountId").asLong()));
		return ids;
	}

	private static Set<Long> departments(JsonNode page) {
		Set<Long> ids = new HashSet<>();
		page.get("items").forEach((i) -> ids.add(i.get("departmentId").asLong()));
		return ids;
	}

	/** Draft rows in multi-row INSERTs of 500, each a millisecond newer than the last. */
	private void insert(long account, long department, int count, long createdBy) {
		Instant start = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(account * 100 + department);
		for (int from = 0; from < count; from += 500) {
			int rows = Math.min(500, count - from);
			StringBuilder sql = new StringBuilder("INSERT INTO art_article (account_id, department_id, created_by, "
					+ "title, body, sensitivity, status, content_version, content_hash, review_round, version, "
					+ "created_at, updated_at) VALUES ");
			List<Object> args = new ArrayList<>();
			for (int i = 0; i < rows; i++) {
				sql.append((i > 0) ? "," : "").append("(?, ?, ?, ?, '<p>正文</p>', ?, ?, 1, ?, 0, 1, ?, ?)");
				Timestamp at = Timestamp.from(start.plusMillis(from + i));
				args.addAll(List.of(account, department, createdBy, "第" + (from + i) + "篇", "GENERAL",
						ArticleStatus.DRAFT.name(), "0".repeat(64), at, at));
			}
			this.jdbc.update(sql.toString(), args.toArray());
		}
	}

}
