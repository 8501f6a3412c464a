package io.wxops.admin.audit;

import java.util.Map;

import io.wxops.admin.AdminFixtures;
import io.wxops.admin.AdminFixtures.Login;
import io.wxops.admin.AdminFixtures.Response;
import io.wxops.admin.AdminIntegrationTest;
import io.wxops.admin.security.Role;
import io.wxops.core.account.AccountRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each tamper test changes the shared record, checks what verification says, then puts
 * the exact original row back and checks that the chain is intact again.
 */
@AdminIntegrationTest
class AuditVerifyIntegrationTests {

	@Autowired
	AdminFixtures fx;

	@Autowired
	AuditTrail trail;

	@Autowired
	AuditMapper mapper;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	AccountRegistry registry;

	@Test
	void anUntouchedChainIsIntact() {
		Login auditor = this.fx.person(Role.AUDITOR);
		AuditTestSupport.record(this.tx, this.trail, AdminFixtures.unique("T_V_"), null, 1, Map.of("a", 1));

		Response r = this.fx.get("/api/audit/verify", auditor.token());

		assertThat(r.status()).isEqualTo(200);
		assertThat(r.json().get("intact").asBoolean()).isTrue();
		assertThat(r.json().get("entries").asLong()).isEqualTo(r.json().get("headSeq").asLong()).isPositive();
		assertThat(r.json().get("firstBrokenSeq").isNull()).isTrue();
		assertThat(r.json().get("problem").isNull()).isTrue();
		assertThat(r.json().get("checkedAt").asString()).isNotBlank();
	}

	@Test
	void verifyingWritesNothing() {
		Login auditor = this.fx.person(Role.AUDITOR);
		long before = headSeq();

		this.fx.get("/api/audit/verify", auditor.token());

		assertThat(headSeq()).isEqualTo(before);
	}

	@Test
	void aModifiedEntryBreaksTheChainAtThatEntry() {
		Login auditor = this.fx.person(Role.AUDITOR);
		AuditEntry entry = AuditTestSupport.record(this.tx, this.trail, AdminFixtures.unique("T_V_"), null, 1,
				Map.of("amount", 100));
		AuditTestSupport.record(this.tx, this.trail, AdminFixtures.unique("T_V_"), null, 2, null);
		String original = this.mapper.selectById(entry.getSeq()).getAfterState();
		this.jdbc.update("UPDATE adm_audit_entry SET after_state = ? WHERE seq = ?", "{\"amount\":1}", entry.getSeq());
		try {
			Response r = this.fx.get("/api/audit/verify", auditor.token());

			assertThat(r.json().get("intact").asBoolean()).isFalse();
			assertThat(r.json().get("firstBrokenSeq").asLong()).isEqualTo(entry.getSeq());
			assertThat(r.json().get("problem").asString()).contains("entry " + entry.getSeq() + " was modified");
		}
		finally {
			this.jdbc.update("UPDATE adm_audit_entry SET after_state = ? WHERE seq = ?", original, entry.getSeq());
		}
		assertIntact(auditor);
	}

	@Test
	void aDeletedMiddleEntryShowsAsAGap() {
		Login auditor = this.fx.person(Role.AUDITOR);
		String action = AdminFixtures.unique("T_V_");
		AuditTestSupport.record(this.tx, this.trail, action, null, 1, null);
		AuditEntry middle = AuditTestSupport.record(this.tx, this.trail, action, null, 2, null);
		AuditTestSupport.record(this.tx, this.trail, action, null, 3, null);
		AuditEntry saved = this.mapper.selectById(middle.getSeq());
		this.jdbc.update("DELETE FROM adm_audit_entry WHERE seq = ?", middle.getSeq());
		try {
			Response r = this.fx.get("/api/audit/verify", auditor.token());

			assertThat(r.json().get("intact").asBoolean()).isFalse();
			assertThat(r.json().get("firstBrokenSeq").asLong()).isEqualTo(middle.getSeq());
			assertThat(r.json().get("problem").asString()).contains("entry " + middle.getSeq() + " is missing");
		}
		finally {
			this.mapper.insert(saved);
		}
		assertIntact(auditor);
	}

	@Test
	void deletingTheNewestEntryShowsAsAHeadMismatch() {
		Login auditor = this.fx.person(Role.AUDITOR);
		AuditEntry newest = AuditTestSupport.record(this.tx, this.trail, AdminFixtures.unique("T_V_"), null, 1, null);
		AuditEntry saved = this.mapper.selectById(newest.getSeq());
		this.jdbc.update("DELETE FROM adm_audit_entry WHERE seq = ?", newest.getSeq());
		try {
			Response r = this.fx.get("/api/audit/verify", auditor.token());

			assertThat(r.json().get("intact").asBoolean()).isFalse();
			assertThat(r.json().get("headSeq").asLong()).isEqualTo(newest.getSeq());
			assertThat(r.json().get("firstBrokenSeq").asLong()).isEqualTo(newest.getSeq());
			assertThat(r.json().get("problem").asString())
				.contains("entries after " + (newest.getSeq() - 1) + " were deleted");
		}
		finally {
			this.mapper.insert(saved);
		}
		assertIntact(auditor);
	}

	@Test
	void anAuditorLimitedToSomeAccountsMayNotVerify() {
		long account = AuditTestSupport.account(this.registry);
		Login auditor = this.fx.person(Role.AUDITOR, account, null);

		Response r = this.fx.get("/api/audit/verify", auditor.token());

		assertThat(r.status()).isEqualTo(403);
	}

	private void assertIntact(Login auditor) {
		Response r = this.fx.get("/api/audit/verify", auditor.token());
		assertThat(r.json().get("intact").asBoolean()).as(r.body()).isTrue();
	}

	private long headSeq() {
		return this.jdbc.queryForObject("SELECT last_seq FROM adm_audit_head WHERE id = 1", Long.class);
	}

}
