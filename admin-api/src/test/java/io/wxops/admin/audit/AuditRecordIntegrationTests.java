package io.wxops.admin.audit;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import io.wxops.admin.AdminFixtures;
import io.wxops.admin.AdminFixtures.Login;
import io.wxops.admin.AdminFixtures.Response;
import io.wxops.admin.AdminIntegrationTest;
import io.wxops.admin.people.DepartmentService;
import io.wxops.admin.security.Caller;
import io.wxops.admin.security.Role;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@AdminIntegrationTest
class AuditRecordIntegrationTests {

	@Autowired
	AdminFixtures fx;

	@Autowired
	DepartmentService people;

	@Autowired
	AuditTrail trail;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	AuditMapper mapper;

	@Test
	void creatingADepartmentAppendsAnEntryWithWhoRolesAddressActionTargetAndSummaries() {
		Login admin = this.fx.person(Role.ADMIN);
		String code = AdminFixtures.unique("audited");
		Response created = this.fx.post("/api/departments", admin.token(), Map.of("name", "审计处", "code", code));
		assertThat(created.status()).isEqualTo(201);
		long departmentId = created.json().get("id").asLong();

		Response found = this.fx.get("/api/audit?personId=" + admin.personId() + "&action=DEPARTMENT_CREATED",
				admin.token());

		assertThat(found.status()).isEqualTo(200);
		assertThat(found.json().get("total").asLong()).isEqualTo(1);
		JsonNode entry = found.json().at("/items/0");
		assertThat(entry.get("personId").asLong()).isEqualTo(admin.personId());
		assertThat(entry.get("username").asString()).isEqualTo(admin.username());
		assertThat(entry.get("roles").asString()).isEqualTo("ADMIN@*");
		assertThat(entry.get("clientIp").asString()).isEqualTo("127.0.0.1");
		assertThat(entry.get("targetType").asString()).isEqualTo("DEPARTMENT");
		assertThat(entry.get("targetId").asString()).isEqualTo(Long.toString(departmentId));
		assertThat(entry.get("accountId").isNull()).isTrue();
		assertThat(entry.get("before").isNull()).isTrue();
		assertThat(entry.get("after").isObject()).isTrue();
		assertThat(entry.at("/after/code").asString()).isEqualTo(code);
		assertThat(entry.at("/after/name").asString()).isEqualTo("审计处");
		assertThat(entry.get("hash").asString()).hasSize(64).isNotEqualTo(entry.get("prevHash").asString());
		assertThat(entry.get("occurredAt").asString()).isNotBlank();
	}

	@Test
	void changingAPersonRecordsTheSummaryBeforeAndAfter() {
		Login admin = this.fx.person(Role.ADMIN);
		Login editor = this.fx.person(Role.EDITOR);
		int version = this.fx.get("/api/people/" + editor.personId(), admin.token()).json().get("version").asInt();
		assertThat(this.fx
			.patch("/api/people/" + editor.personId(), admin.token(), Map.of("displayName", "新名字", "version", version))
			.status()).isEqualTo(200);

		JsonNode entry = this.fx
			.get("/api/audit?personId=" + admin.personId() + "&action=PERSON_UPDATED&targetType=PERSON", admin.token())
			.json()
			.at("/items/0");

		assertThat(entry.get("targetId").asString()).isEqualTo(Long.toString(editor.personId()));
		assertThat(entry.at("/before/displayName").asString()).isEqualTo("EDITOR person");
		assertThat(entry.at("/after/displayName").asString()).isEqualTo("新名字");
	}

	@Test
	void anEntryIsRolledBackWithTheChangeItRecords() {
		String code = AdminFixtures.unique("rolledback");
		long headBefore = headSeq();

		assertThatThrownBy(() -> this.tx.executeWithoutResult((status) -> {
			this.people.createDepartment(Caller.system("test"), null, "Never", code);
			this.trail.record(Caller.system("test"), "TEST_ROLLED_BACK", "TEST", code, null, null, Map.of("c", code));
			throw new IllegalStateException("the change fails after the append");
		})).isInstanceOf(IllegalStateException.class);

		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM adm_department WHERE code = ?", Long.class, code))
			.isZero();
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM adm_audit_entry WHERE after_state LIKE ?", Long.class,
				"%" + code + "%"))
			.isZero();
		assertThat(headSeq()).isEqualTo(headBefore);
	}

	@Test
	void anEntryReadBackIsExactlyWhatWasHashedDownToTheMillisecond() {
		AuditEntry written = AuditTestSupport.record(this.tx, this.trail, AdminFixtures.unique("T_MS_"), null, 1,
				Map.of("a", 1));

		AuditEntry read = this.mapper.selectById(written.getSeq());

		assertThat(read.getOccurredAt()).isEqualTo(written.getOccurredAt());
		assertThat(this.trail.hashOf(read, this.mapper.head().keyedFromSeq())).isEqualTo(written.getHash());
		assertThat(this.jdbc.queryForObject("SELECT CAST(occurred_at AS CHAR) FROM adm_audit_entry WHERE seq = ?",
				String.class, written.getSeq()))
			.isEqualTo(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
				.withZone(ZoneOffset.UTC)
				.format(written.getOccurredAt()));
	}

	@Test
	void apiDocsDescribeTheAuditEndpoints() {
		Response docs = this.fx.get("/v3/api-docs", null);

		assertThat(docs.status()).isEqualTo(200);
		assertThat(docs.json().at("/paths").propertyNames()).contains("/api/audit", "/api/audit/export",
				"/api/audit/verify", "/api/audit/checkpoint", "/api/audit/public-key");
	}

	private long headSeq() {
		return this.jdbc.queryForObject("SELECT last_seq FROM adm_audit_head WHERE id = 1", Long.class);
	}

}
