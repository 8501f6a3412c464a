package io.wxops.admin.account;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.wxops.admin.AdminFixtures;
import io.wxops.admin.AdminFixtures.Login;
import io.wxops.admin.AdminFixtures.Response;
import io.wxops.admin.AdminIntegrationTest;
import io.wxops.admin.SimulatorInitializer;
import io.wxops.admin.security.Role;
import io.wxops.devkit.simulator.SimulatedFailure;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@AdminIntegrationTest
class AccountRegistryApiTests {

	@Autowired
	AdminFixtures fx;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void registrationStartsAppliedWithEveryRegistryField() {
		Login admin = this.fx.person(Role.ADMIN);
		JsonNode account = this.fx.registerAccount(admin);
		assertThat(account.get("status").asString()).isEqualTo("APPLIED");
		assertThat(account.at("/responsible/name").asString()).isEqualTo("王主任");
		assertThat(account.at("/administrator/email").asString()).isEqualTo("li@example.edu.cn");
		assertThat(account.at("/policies/timeZone").asString()).isEqualTo("Asia/Shanghai");
		assertThat(account.at("/policies/maxChars").asInt()).isEqualTo(680);
		assertThat(account.at("/policies/reviewLevels/MAJOR").valueStream().map(JsonNode::asString).toList())
			.containsExactly("DEPT_REVIEWER", "OFFICE_REVIEWER", "LEADER");
		assertThat(account.at("/verifiedOn").asString()).isEqualTo("2026-03-01");
	}

	@Test
	void credentialsAreWriteOnlyAndEncryptedAtRest() {
		Login admin = this.fx.person(Role.ADMIN);
		JsonNode account = this.fx.registerAccount(admin);
		Response read = this.fx.get("/api/accounts/" + account.get("id").asLong(), admin.token());
		for (String body : List.of(account.toString(), read.body())) {
			assertThat(body).doesNotContain(AdminFixtures.APP_SECRET)
				.doesNotContain(AdminFixtures.TOKEN)
				.doesNotContain(AdminFixtures.AES_KEY);
		}
		assertThat(read.json().at("/credentials/appSecret/set").asBoolean()).isTrue();
		assertThat(read.json().at("/credentials/appSecret/setAt").asString()).isNotBlank();
		Map<String, Object> row = this.jdbc.queryForMap(
				"SELECT app_secret_enc, token_enc, aes_key_enc FROM wx_account WHERE id = ?",
				account.get("id").asLong());
		assertThat(row.values()).allSatisfy((v) -> assertThat(v.toString()).startsWith("v1:")
			.doesNotContain(AdminFixtures.APP_SECRET)
			.doesNotContain(AdminFixtures.TOKEN)
			.doesNotContain(AdminFixtures.AES_KEY));
	}

	@Test
	void anAppSecretWeChatRefusesIsAClearErrorAndStoresNothing() {
		Login admin = this.fx.person(Role.ADMIN);
		String appId = AdminFixtures.newAppId();
		Map<String, Object> body = AdminFixtures.newAccountBody(appId, admin.departmentId());
		body.put("credentials", Map.of("appSecret", "WrongSecret0123456789abcdefabcd", "token", AdminFixtures.TOKEN,
				"aesKey", AdminFixtures.AES_KEY));
		long auditBefore = auditCount();
		Response r = this.fx.post("/api/accounts", admin.token(), body);
		assertThat(r.status()).isEqualTo(400);
		assertThat(r.problemType()).isEqualTo("https://wxops.io/problems/wechat/40125");
		assertThat(AdminFixtures.fieldErrors(r)).containsExactly("credentials.appSecret");
		assertThat(r.json().get("detail").asString()).containsIgnoringCase("AppSecret");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM wx_account WHERE app_id = ?", Long.class, appId))
			.isZero();
		assertThat(auditCount()).isEqualTo(auditBefore);
	}

	@Test
	void invalidRegistrationListsEveryFieldToFixAndStoresNothing() {
		Login admin = this.fx.person(Role.ADMIN);
		Map<String, Object> body = AdminFixtures.newAccountBody("wx123", admin.departmentId());
		body.put("name", " ");
		body.put("responsible", Map.of("name", "王主任", "email", "not-an-email"));
		body.put("policies", Map.of("timeZone", "Mars/Base", "maxChars", 0));
		Response r = this.fx.post("/api/accounts", admin.token(), body);
		assertThat(r.status()).isEqualTo(400);
		assertThat(AdminFixtures.fieldErrors(r)).contains("appId", "name", "responsible.email", "policies.timeZone",
				"policies.maxChars");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM wx_account WHERE app_id = 'wx123'", Long.class))
			.isZero();
	}

	@Test
	void lifecycleMovesWithReasonsAndRefusesSkippedSteps() {
		Login admin = this.fx.person(Role.ADMIN);
		JsonNode account = this.fx.registerAccount(admin);
		String path = "/api/accounts/" + account.get("id").asLong();
		Response active = this.fx.post(path + "/status", admin.token(),
				Map.of("status", "ACTIVE", "reason", "备案完成", "version", account.get("version").asInt()));
		assertThat(active.status()).isEqualTo(200);
		assertThat(active.json().get("status").asString()).isEqualTo("ACTIVE");
		Response backwards = this.fx.post(path + "/status", admin.token(),
				Map.of("status", "APPLIED", "reason", "x", "version", active.json().get("version").asInt()));
		assertThat(backwards.status()).isEqualTo(400);
		assertThat(AdminFixtures.fieldErrors(backwards)).containsExactly("status");
		Response noReason = this.fx.post(path + "/status", admin.token(),
				Map.of("status", "SUSPENDED", "version", active.json().get("version").asInt()));
		assertThat(AdminFixtures.fieldErrors(noReason)).containsExactly("reason");
		Response closed = this.fx.post(path + "/status", admin.token(),
				Map.of("status", "CLOSED", "reason", "单位撤销", "version", active.json().get("version").asInt()));
		assertThat(closed.json().get("status").asString()).isEqualTo("CLOSED");
		Response reopen = this.fx.post(path + "/status", admin.token(),
				Map.of("status", "ACTIVE", "reason", "x", "version", closed.json().get("version").asInt()));
		assertThat(reopen.status()).isEqualTo(400);
		List<String> history = this.fx.get(path + "/status-history", admin.token())
			.json()
			.valueStream()
			.map((h) -> h.get("toStatus").asString() + ":" + h.get("reason").asString())
			.toList();
		assertThat(history).containsExactly("APPLIED:registered", "ACTIVE:备案完成", "CLOSED:单位撤销");
	}

	@Test
	void aStaleEditGets409AndChangesNothing() {
		Login admin = this.fx.person(Role.ADMIN);
		JsonNode account = this.fx.registerAccount(admin);
		String path = "/api/accounts/" + account.get("id").asLong();
		int version = account.get("version").asInt();
		assertThat(this.fx.patch(path, admin.token(), Map.of("name", "第一次", "version", version)).status())
			.isEqualTo(200);
		Response stale = this.fx.patch(path, admin.token(), Map.of("name", "第二次", "version", version));
		assertThat(stale.status()).isEqualTo(409);
		assertThat(stale.problemType()).isEqualTo("https://wxops.io/problems/stale-version");
		assertThat(this.fx.get(path, admin.token()).json().get("name").asString()).isEqualTo("第一次");
	}

	@Test
	void ofTwoConcurrentEditsAtOneVersionOneWinsAndTheOtherGets409() throws Exception {
		Login admin = this.fx.person(Role.ADMIN);
		JsonNode account = this.fx.registerAccount(admin);
		String path = "/api/accounts/" + account.get("id").asLong();
		int version = account.get("version").asInt();
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService editors = Executors.newFixedThreadPool(2);
		try {
			List<Future<Response>> edits = new ArrayList<>();
			for (String name : List.of("甲编辑", "乙编辑")) {
				edits.add(editors.submit(() -> {
					start.await();
					return this.fx.patch(path, admin.token(), Map.of("name", name, "version", version));
				}));
			}
			start.countDown();
			List<Response> answers = new ArrayList<>();
			for (Future<Response> edit : edits) {
				answers.add(edit.get(30, TimeUnit.SECONDS));
			}
			assertThat(answers).extracting(Response::status).containsExactlyInAnyOrder(200, 409);
			Response winner = answers.stream().filter((r) -> r.status() == 200).findFirst().orElseThrow();
			Response loser = answers.stream().filter((r) -> r.status() == 409).findFirst().orElseThrow();
			assertThat(loser.problemType()).isEqualTo("https://wxops.io/problems/stale-version");
			JsonNode now = this.fx.get(path, admin.token()).json();
			assertThat(now.get("name").asString()).isEqualTo(winner.json().get("name").asString());
			assertThat(now.get("version").asInt()).isEqualTo(version + 1);
		}
		finally {
			editors.shutdownNow();
		}
	}

	@Test
	void aNewResponsiblePersonIsRecordedAsARefilingWithItsDate() {
		Login admin = this.fx.person(Role.ADMIN);
		JsonNode account = this.fx.registerAccount(admin);
		String path = "/api/accounts/" + account.get("id").asLong();
		Response changed = this.fx.patch(path, admin.token(),
				Map.of("responsible", Map.of("name", "赵主任", "mobile", "13900000003"), "refiledOn", "2026-11-20",
						"version", account.get("version").asInt()));
		assertThat(changed.status()).isEqualTo(200);
		this.fx.patch(path, admin.token(), Map.of("name", "只改名称", "version", changed.json().get("version").asInt()));
		JsonNode refilings = this.fx.get(path + "/refilings", admin.token()).json();
		assertThat(refilings.size()).isEqualTo(1);
		assertThat(refilings.at("/0/contact").asString()).isEqualTo("RESPONSIBLE");
		assertThat(refilings.at("/0/before/name").asString()).isEqualTo("王主任");
		assertThat(refilings.at("/0/after/name").asString()).isEqualTo("赵主任");
		assertThat(refilings.at("/0/filedOn").asString()).isEqualTo("2026-11-20");
	}

	@Test
	void aFailedAnnualReviewStopsTheAccountFromOperating() {
		Login admin = this.fx.person(Role.ADMIN);
		JsonNode account = this.fx.registerAccount(admin);
		String path = "/api/accounts/" + account.get("id").asLong();
		this.fx.post(path + "/status", admin.token(),
				Map.of("status", "ACTIVE", "reason", "备案完成", "version", account.get("version").asInt()));
		assertThat(this.fx.get(path + "/standing", admin.token()).json().get("code").asString()).isEqualTo("OPERATING");
		int cycle = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear();
		assertThat(this.fx
			.post(path + "/annual-reviews", admin.token(), Map.of("cycle", cycle, "report", "年度运营报告：发布 120 篇，无违规。"))
			.status()).isEqualTo(201);
		Response decided = this.fx.post(path + "/annual-reviews/" + cycle + "/decision", admin.token(),
				Map.of("result", "FAIL", "note", "长期未更新"));
		assertThat(decided.status()).isEqualTo(200);
		JsonNode standing = this.fx.get(path + "/standing", admin.token()).json();
		assertThat(standing.get("operating").asBoolean()).isFalse();
		assertThat(standing.get("code").asString()).isEqualTo("REVIEW_FAILED");
		Response again = this.fx.post(path + "/annual-reviews/" + cycle + "/decision", admin.token(),
				Map.of("result", "PASS"));
		assertThat(again.status()).isEqualTo(409);
	}

	@Test
	void aPersonSeesOnlyTheAccountsTheirGrantsCover() {
		Login admin = this.fx.person(Role.ADMIN);
		long mine = this.fx.registerAccount(admin).get("id").asLong();
		long other = this.fx.registerAccount(admin).get("id").asLong();
		Login editor = this.fx.person(Role.EDITOR, mine, null);
		List<Long> listed = this.fx.get("/api/accounts?size=200", editor.token())
			.json()
			.get("items")
			.valueStream()
			.map((a) -> a.get("id").asLong())
			.toList();
		assertThat(listed).containsExactly(mine);
		assertThat(this.fx.get("/api/accounts/" + other, editor.token()).status()).isEqualTo(404);
		Response notAdmin = this.fx.patch("/api/accounts/" + mine, editor.token(), Map.of("name", "x", "version", 1));
		assertThat(notAdmin.status()).isEqualTo(403);
	}

	@Test
	void anAdministratorOfOneAccountCannotChangeAnother() {
		Login admin = this.fx.person(Role.ADMIN);
		long mine = this.fx.registerAccount(admin).get("id").asLong();
		JsonNode other = this.fx.registerAccount(admin);
		Login scoped = this.fx.person(Role.ADMIN, mine, null);
		Response r = this.fx.patch("/api/accounts/" + other.get("id").asLong(), scoped.token(),
				Map.of("name", "x", "version", other.get("version").asInt()));
		assertThat(r.status()).isEqualTo(404);
		assertThat(this.fx
			.post("/api/accounts", scoped.token(),
					AdminFixtures.newAccountBody(AdminFixtures.newAppId(), scoped.departmentId()))
			.status()).isEqualTo(403);
	}

	@Test
	void registryExportHasTheFormsColumnsInUtf8WithBom() {
		Login admin = this.fx.person(Role.ADMIN);
		JsonNode account = this.fx.registerAccount(admin);
		this.fx.patch("/api/accounts/" + account.get("id").asLong(), admin.token(),
				Map.of("name", "校团委, \"青春\"", "version", account.get("version").asInt()));
		Response csv = this.fx.get("/api/accounts/export.csv", admin.token());
		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.raw().headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
		assertThat(csv.body()).startsWith("\uFEFF序号,设立单位,微信名称,微信号,公众号性质,认证情况,认证时间,负责人姓名");
		assertThat(csv.body()).contains("\"校团委, \"\"青春\"\"\"").contains("订阅号").contains("王主任");
		assertThat(csv.body().getBytes(StandardCharsets.UTF_8)).startsWith(0xEF, 0xBB, 0xBF);
	}

	@Test
	void weChatErrorsComeBackTranslated() {
		Login admin = this.fx.person(Role.ADMIN);
		JsonNode account = this.fx.registerAccount(admin);
		String path = "/api/accounts/" + account.get("id").asLong() + "/wechat-check";
		Response ok = this.fx.post(path, admin.token(), null);
		assertThat(ok.status()).isEqualTo(200);
		assertThat(ok.json().get("reachable").asBoolean()).isTrue();
		SimulatorInitializer.simulator()
			.failNext("/cgi-bin/getcallbackip", SimulatedFailure.errcode(40164, "invalid ip 1.2.3.4, not in whitelist"),
					1);
		Response refused = this.fx.post(path, admin.token(), null);
		assertThat(refused.problemType()).isEqualTo("https://wxops.io/problems/wechat/40164");
		assertThat(refused.json().get("detail").asString()).containsIgnoringCase("whitelist");
		assertThat(refused.body()).doesNotContain("access_token");
	}

	private long auditCount() {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM adm_audit_entry", Long.class);
	}

}
