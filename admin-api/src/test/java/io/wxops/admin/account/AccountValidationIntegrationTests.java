package io.wxops.admin.account;

import java.util.LinkedHashMap;
import java.util.Map;

import io.wxops.admin.AdminFixtures;
import io.wxops.admin.AdminFixtures.Login;
import io.wxops.admin.AdminFixtures.Response;
import io.wxops.admin.AdminIntegrationTest;
import io.wxops.admin.security.Role;
import io.wxops.admin.web.InvalidBody;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The registry bodies' own rules as constraints on the request records: nested contacts
 * and policies are named {@code responsible.email}, {@code policies.maxChars}, a
 * registration still lists them with the core registry's errors in one answer, and a
 * refused body changes nothing.
 */
@AdminIntegrationTest
class AccountValidationIntegrationTests {

	private static final String VERSION = "send the version you loaded, so a concurrent change is not overwritten";

	@Autowired
	AdminFixtures fx;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aChangeNamesTheNestedFieldItRefusesAndChangesNothing() {
		Login admin = this.fx.person(Role.ADMIN);
		JsonNode account = this.fx.registerAccount(admin);
		String path = "/api/accounts/" + account.get("id").asLong();
		long audit = auditCount();
		Map<String, Object> change = new LinkedHashMap<>();
		change.put("version", account.get("version").asInt());
		change.put("responsible", Map.of("name", "王主任", "email", "not-an-email"));
		change.put("administrator", Map.of("name", "李老师", "officePhone", "call the office"));
		change.put("policies", Map.of("maxChars", 20_001, "timeZone", "Mars/Base"));
		Map<String, String> errors = InvalidBody.errors(this.fx.patch(path, admin.token(), change));
		assertThat(errors).containsOnly(Map.entry("responsible.email", "not an e-mail address"),
				Map.entry("administrator.officePhone", "not a phone number"),
				Map.entry("policies.maxChars", "between 1 and 20,000 characters (WeChat's own limit)"),
				Map.entry("policies.timeZone", "not a time zone id such as Asia/Shanghai"));
		InvalidBody.refuses(this.fx.patch(path, admin.token(), Map.of("name", "renamed")), "version", VERSION);
		JsonNode after = this.fx.get(path, admin.token()).json();
		assertThat(after.get("version").asInt()).isEqualTo(account.get("version").asInt());
		assertThat(after.get("responsible").get("email").asString()).isEqualTo("wang@example.edu.cn");
		assertThat(after.get("policies").get("maxChars").asInt()).isEqualTo(680);
		assertThat(auditCount()).isEqualTo(audit);
	}

	@Test
	void aContactNameCountsUtf16CharsAndUnicodeSpacesAreBlank() {
		Login admin = this.fx.person(Role.ADMIN);
		JsonNode account = this.fx.registerAccount(admin);
		String path = "/api/accounts/" + account.get("id").asLong();
		int version = account.get("version").asInt();
		// 32 × 𠀀 (U+20000) are 64 UTF-16 chars: the column's 64, as always counted.
		Response fits = this.fx.patch(path, admin.token(),
				Map.of("version", version, "responsible", Map.of("name", "𠀀".repeat(32))));
		assertThat(fits.status()).as(fits.body()).isEqualTo(200);
		version = fits.json().get("version").asInt();
		InvalidBody.refuses(
				this.fx.patch(path, admin.token(),
						Map.of("version", version, "responsible", Map.of("name", "𠀀".repeat(32) + "x"))),
				"responsible.name", "the name is required (at most 64 characters)");
		InvalidBody.refuses(
				this.fx.patch(path, admin.token(),
						Map.of("version", version, "administrator", Map.of("name", "\u3000\u2002"))),
				"administrator.name", "the name is required (at most 64 characters)");
	}

	@Test
	void aRegistrationListsTheConstraintsWithTheCoreRegistrysErrorsInOneAnswer() {
		Login admin = this.fx.person(Role.ADMIN);
		long accounts = this.jdbc.queryForObject("SELECT COUNT(*) FROM wx_account", Long.class);
		long audit = auditCount();
		Map<String, Object> body = AdminFixtures.newAccountBody("wx-not-an-app-id", admin.departmentId());
		body.put("credentials", Map.of("appSecret", " ", "token", AdminFixtures.TOKEN));
		body.put("wechatId", "w".repeat(65));
		Map<String, String> errors = InvalidBody.errors(this.fx.post("/api/accounts", admin.token(), body));
		assertThat(errors).containsKeys("appId", "wechatId", "credentials.appSecret");
		assertThat(errors.get("credentials.appSecret"))
			.isEqualTo("AppSecret is required; it is checked with WeChat before anything is stored");
		body.remove("credentials");
		assertThat(InvalidBody.errors(this.fx.post("/api/accounts", admin.token(), body)))
			.containsKey("credentials.appSecret");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM wx_account", Long.class)).isEqualTo(accounts);
		assertThat(auditCount()).isEqualTo(audit);
	}

	@Test
	void aHundredThousandCharacterReasonIsRefusedAndTheStatusStays() {
		Login admin = this.fx.person(Role.ADMIN);
		JsonNode account = this.fx.registerAccount(admin);
		String path = "/api/accounts/" + account.get("id").asLong();
		InvalidBody.refuses(
				this.fx.post(path + "/status", admin.token(),
						Map.of("status", "ACTIVE", "reason", "长".repeat(100_000), "version",
								account.get("version").asInt())),
				"reason", "a reason is required (at most 512 characters); it is kept in the record");
		InvalidBody.refuses(this.fx.post(path + "/status", admin.token(), Map.of("reason", "x", "version", 1)),
				"status", "status is required: APPLIED, ACTIVE, SUSPENDED or CLOSED");
		InvalidBody.refuses(this.fx.post(path + "/annual-reviews/2025/decision", admin.token(), Map.of("result", "OK")),
				"result", "result is PASS or FAIL");
		InvalidBody.refuses(this.fx.post(path + "/annual-reviews", admin.token(), Map.of("cycle", 2025, "report", "")),
				"report", "the report text is required (at most 60,000 characters)");
		assertThat(this.fx.get(path, admin.token()).json().get("status").asString()).isEqualTo("APPLIED");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM wx_account_status_change WHERE account_id = ?",
				Long.class, account.get("id").asLong()))
			.isEqualTo(1);
	}

	@Test
	void aCallerWithoutTheRoleGetsTheirRefusalBeforeTheBodyIsChecked() {
		Login admin = this.fx.person(Role.ADMIN);
		Login editor = this.fx.person(Role.EDITOR);
		JsonNode account = this.fx.registerAccount(admin);
		String path = "/api/accounts/" + account.get("id").asLong();
		Map<String, Object> bad = Map.of("responsible", Map.of("email", "not-an-email"));
		assertThat(this.fx.patch(path, null, bad).status()).isEqualTo(401);
		Response editors = this.fx.patch(path, editor.token(), bad);
		assertThat(editors.status()).isEqualTo(403);
		assertThat(editors.body()).doesNotContain("responsible");
	}

	private long auditCount() {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM adm_audit_entry", Long.class);
	}

}
