package io.wxops.admin.audit;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.wxops.admin.AdminFixtures;
import io.wxops.admin.AdminFixtures.Login;
import io.wxops.admin.AdminFixtures.Response;
import io.wxops.admin.AdminIntegrationTest;
import io.wxops.admin.security.Role;
import io.wxops.core.account.AccountRegistry;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@AdminIntegrationTest
class AuditQueryIntegrationTests {

	@Autowired
	AdminFixtures fx;

	@Autowired
	AuditTrail trail;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	AccountRegistry registry;

	@Test
	void filteringByPersonShowsOnlyThatPersonsEntriesNewestFirst() {
		Login admin = this.fx.person(Role.ADMIN);
		Login other = this.fx.person(Role.ADMIN);
		this.fx.post("/api/departments", admin.token(), Map.of("name", "A", "code", AdminFixtures.unique("a")));
		this.fx.post("/api/departments", admin.token(), Map.of("name", "B", "code", AdminFixtures.unique("b")));
		this.fx.post("/api/departments", other.token(), Map.of("name", "C", "code", AdminFixtures.unique("c")));

		Response found = this.fx.get("/api/audit?personId=" + admin.personId(), admin.token());

		assertThat(found.status()).isEqualTo(200);
		List<JsonNode> items = found.json().get("items").valueStream().toList();
		assertThat(items).isNotEmpty()
			.allSatisfy((e) -> assertThat(e.get("personId").asLong()).isEqualTo(admin.personId()));
		assertThat(items).filteredOn((e) -> e.get("action").asString().equals("DEPARTMENT_CREATED")).hasSize(2);
		assertThat(items).extracting((e) -> e.get("seq").asLong()).isSortedAccordingTo((a, b) -> Long.compare(b, a));
	}

	@Test
	void filteringByActionShowsOnlyThatActionAndPaginates() {
		Login auditor = this.fx.person(Role.AUDITOR);
		String action = AdminFixtures.unique("T_ACTION_");
		for (int i = 0; i < 3; i++) {
			AuditTestSupport.record(this.tx, this.trail, action, null, i, Map.of("i", i));
		}
		AuditTestSupport.record(this.tx, this.trail, AdminFixtures.unique("T_OTHER_"), null, 9, null);

		Response first = this.fx.get("/api/audit?action=" + action + "&size=2", auditor.token());
		Response second = this.fx.get("/api/audit?action=" + action + "&size=2&page=1", auditor.token());

		assertThat(first.json().get("total").asLong()).isEqualTo(3);
		assertThat(first.json().get("items").valueStream().map((e) -> e.get("targetId").asString()))
			.containsExactly("2", "1");
		assertThat(second.json().get("items").valueStream().map((e) -> e.get("targetId").asString()))
			.containsExactly("0");
	}

	@Test
	void filteringByTimeRangeIncludesFromAndExcludesTo() {
		Login auditor = this.fx.person(Role.AUDITOR);
		String action = AdminFixtures.unique("T_TIME_");
		AuditEntry entry = AuditTestSupport.record(this.tx, this.trail, action, null, 1, null);
		Instant at = entry.getOccurredAt();

		assertThat(
				this.fx.get("/api/audit?action=" + action + "&from=" + at + "&to=" + at.plusMillis(1), auditor.token())
					.json()
					.get("total")
					.asLong())
			.isEqualTo(1);
		assertThat(
				this.fx.get("/api/audit?action=" + action + "&to=" + at, auditor.token()).json().get("total").asLong())
			.isZero();
	}

	@Test
	void anAuditorGrantedOnOneAccountSeesOnlyThatAccountsEntries() {
		long mine = AuditTestSupport.account(this.registry);
		long theirs = AuditTestSupport.account(this.registry);
		String action = AdminFixtures.unique("T_SCOPE_");
		AuditTestSupport.record(this.tx, this.trail, action, mine, "m", null);
		AuditTestSupport.record(this.tx, this.trail, action, theirs, "t", null);
		AuditTestSupport.record(this.tx, this.trail, action, null, "n", null);
		Login auditor = this.fx.person(Role.AUDITOR, mine, null);

		Response all = this.fx.get("/api/audit?size=200", auditor.token());
		Response ofAction = this.fx.get("/api/audit?action=" + action, auditor.token());
		Response theirsAsked = this.fx.get("/api/audit?accountId=" + theirs, auditor.token());

		assertThat(all.json().get("items").valueStream().toList()).isNotEmpty()
			.allSatisfy((e) -> assertThat(e.get("accountId").asLong()).isEqualTo(mine));
		assertThat(ofAction.json().get("items").valueStream().map((e) -> e.get("targetId").asString()))
			.containsExactly("m");
		assertThat(theirsAsked.status()).isEqualTo(403);
	}

	@Test
	void anAuditorOnEveryAccountAlsoSeesEntriesThatConcernNoAccount() {
		long account = AuditTestSupport.account(this.registry);
		String action = AdminFixtures.unique("T_ALL_");
		AuditTestSupport.record(this.tx, this.trail, action, account, "a", null);
		AuditTestSupport.record(this.tx, this.trail, action, null, "n", null);
		Login auditor = this.fx.person(Role.AUDITOR);

		Response found = this.fx.get("/api/audit?action=" + action, auditor.token());

		assertThat(found.json().get("items").valueStream().map((e) -> e.get("targetId").asString()))
			.containsExactly("n", "a");
	}

	@Test
	void aTimeRangeEndingBeforeItStartsIsRefusedWithAFieldError() {
		Login auditor = this.fx.person(Role.AUDITOR);

		Response r = this.fx.get("/api/audit?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z", auditor.token());

		assertThat(r.status()).isEqualTo(400);
		assertThat(r.problemType()).isEqualTo("https://wxops.io/problems/invalid-request");
		assertThat(AdminFixtures.fieldErrors(r)).containsExactly("to");
	}

	@Test
	void anUnreadableInstantIsRefusedWithAFieldError() {
		Login auditor = this.fx.person(Role.AUDITOR);

		Response r = this.fx.get("/api/audit?from=yesterday", auditor.token());

		assertThat(r.status()).isEqualTo(400);
		assertThat(AdminFixtures.fieldErrors(r)).containsExactly("from");
	}

	@Test
	void anEditorMayNotReadTheAuditRecord() {
		Login editor = this.fx.person(Role.EDITOR);

		Response r = this.fx.get("/api/audit", editor.token());

		assertThat(r.status()).isEqualTo(403);
		assertThat(r.problemType()).isEqualTo("https://wxops.io/problems/forbidden");
	}

}
