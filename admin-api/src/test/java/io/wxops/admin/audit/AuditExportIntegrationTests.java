package io.wxops.admin.audit;

import java.util.Map;

import io.wxops.admin.AdminFixtures;
import io.wxops.admin.AdminFixtures.Login;
import io.wxops.admin.AdminFixtures.Response;
import io.wxops.admin.AdminIntegrationTest;
import io.wxops.admin.security.Role;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@AdminIntegrationTest
class AuditExportIntegrationTests {

	static final String HEADER = "seq,occurredAt,personId,username,roles,clientIp,action,targetType,targetId,"
			+ "accountId,before,after,hash,prevHash\r\n";

	@Autowired
	AdminFixtures fx;

	@Autowired
	AuditTrail trail;

	@Autowired
	TransactionTemplate tx;

	@Test
	void csvExportStartsWithABomAndAHeaderRowAndIsAnAttachment() {
		Login auditor = this.fx.person(Role.AUDITOR);
		String action = AdminFixtures.unique("T_CSV_");
		AuditTestSupport.record(this.tx, this.trail, action, null, "1", Map.of("name", "中文"));

		Response r = this.fx.get("/api/audit/export?format=csv&action=" + action, auditor.token());

		assertThat(r.status()).isEqualTo(200);
		assertThat(r.raw().headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv")
			.containsIgnoringCase("charset=UTF-8");
		assertThat(r.raw().headers().firstValue("Content-Disposition").orElseThrow())
			.matches("attachment; filename=\"?audit-\\d{8}T\\d{6}Z\\.csv\"?");
		assertThat(r.raw().headers().firstValue(AuditController.TOTAL_HEADER)).hasValue("1");
		assertThat(r.raw().headers().firstValue(AuditController.TRUNCATED_HEADER)).hasValue("false");
		assertThat(r.body()).startsWith("\uFEFF" + HEADER);
		assertThat(r.body().split("\r\n")).hasSize(2);
		assertThat(r.body()).contains(",\"{\"\"name\"\":\"\"中文\"\"}\",");
	}

	@Test
	void csvExportQuotesAValueWithACommaAQuoteAndANewline() {
		Login auditor = this.fx.person(Role.AUDITOR);
		String action = AdminFixtures.unique("T_QUOTE_");
		AuditTestSupport.record(this.tx, this.trail, action, null, "a,b \"c\"\nd", null);

		Response r = this.fx.get("/api/audit/export?action=" + action, auditor.token());

		assertThat(r.status()).isEqualTo(200);
		assertThat(r.body()).contains("," + action + ",TEST,\"a,b \"\"c\"\"\nd\",,,,");
	}

	@Test
	void jsonExportIsAnArrayOfTheSelectedEntries() {
		Login auditor = this.fx.person(Role.AUDITOR);
		String action = AdminFixtures.unique("T_JSON_");
		AuditTestSupport.record(this.tx, this.trail, action, null, "1", Map.of("n", 1));
		AuditTestSupport.record(this.tx, this.trail, action, null, "2", null);

		Response r = this.fx.get("/api/audit/export?format=json&action=" + action, auditor.token());

		assertThat(r.status()).isEqualTo(200);
		assertThat(r.raw().headers().firstValue("Content-Disposition").orElseThrow()).contains(".json");
		assertThat(r.json().isArray()).isTrue();
		assertThat(r.json().valueStream().map((e) -> e.get("targetId").asString())).containsExactly("2", "1");
		JsonNode older = r.json().get(1);
		assertThat(older.at("/after/n").asInt()).isEqualTo(1);
	}

	@Test
	void anUnknownExportFormatIsRefused() {
		Login auditor = this.fx.person(Role.AUDITOR);

		Response r = this.fx.get("/api/audit/export?format=xlsx", auditor.token());

		assertThat(r.status()).isEqualTo(400);
		assertThat(r.problemType()).isEqualTo("https://wxops.io/problems/invalid-request");
		assertThat(AdminFixtures.fieldErrors(r)).containsExactly("format");
		assertThat(r.json().get("errors").get(0).get("message").asString()).isEqualTo("format must be csv or json");
	}

	@Test
	void theExportFormatIgnoresCase() {
		Login auditor = this.fx.person(Role.AUDITOR);

		Response r = this.fx.get("/api/audit/export?format=JSON&action=" + AdminFixtures.unique("T_NONE_"),
				auditor.token());

		assertThat(r.status()).as(r.body()).isEqualTo(200);
		assertThat(r.raw().headers().firstValue("Content-Disposition").orElseThrow()).contains(".json");
		assertThat(r.json().isArray()).isTrue();
	}

}
