package io.wxops.admin.account;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.wxops.admin.AdminFixtures;
import io.wxops.admin.AdminFixtures.Login;
import io.wxops.admin.AdminFixtures.Response;
import io.wxops.admin.AdminIntegrationTest;
import io.wxops.admin.SimulatorInitializer;
import io.wxops.admin.security.Role;
import io.wxops.devkit.simulator.SimulatedFailure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Registers an account, rotates every credential, provokes WeChat errors and reads
 * everything back through the API, then scans every response and every log line for the
 * secrets and passwords involved.
 */
@AdminIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class SecretsNeverLeakIntegrationTests {

	static final String NEW_SECRET = "RotatedAppSecretZ9y8x7w6v5u4t3s2";

	static final String NEW_TOKEN = "RotatedToken7788";

	static final String NEW_AES_KEY = "RotatedAesKeyQwErTyUiOpAsDfGhJkLzXcVbNm1234";

	static final String WRONG_SECRET = "WrongAppSecretM1n2b3v4c5x6z7l8k9";

	@Autowired
	AdminFixtures fx;

	@Test
	void noSecretAppearsInAnyResponseOrLogLine(CapturedOutput output) {
		List<Response> responses = new ArrayList<>();
		Login admin = this.fx.person(Role.ADMIN);
		Login auditor = this.fx.person(Role.AUDITOR);
		Response created = this.fx.post("/api/accounts", admin.token(),
				AdminFixtures.newAccountBody(AdminFixtures.newAppId(), admin.departmentId()));
		responses.add(created);
		long id = created.json().get("id").asLong();
		String appId = created.json().get("appId").asString();
		SimulatorInitializer.simulator().registerAccount(appId, AdminFixtures.APP_SECRET);
		String path = "/api/accounts/" + id;
		Response wrong = this.fx.put(path + "/credentials", admin.token(),
				Map.of("appSecret", WRONG_SECRET, "version", created.json().get("version").asInt()));
		assertThat(wrong.status()).isEqualTo(400);
		responses.add(wrong);
		SimulatorInitializer.simulator().registerAccount(appId, NEW_SECRET);
		Response rotated = this.fx.put(path + "/credentials", admin.token(), Map.of("appSecret", NEW_SECRET, "token",
				NEW_TOKEN, "aesKey", NEW_AES_KEY, "version", created.json().get("version").asInt()));
		assertThat(rotated.status()).isEqualTo(200);
		responses.add(rotated);
		responses.add(this.fx.post(path + "/wechat-check", admin.token(), null));
		SimulatorInitializer.simulator()
			.failNext("/cgi-bin/getcallbackip", SimulatedFailure.errcode(40001, "invalid credential"), 2);
		responses.add(this.fx.post(path + "/wechat-check", admin.token(), null));
		responses.add(this.fx.get(path, admin.token()));
		responses.add(this.fx.get("/api/accounts?size=200", admin.token()));
		responses.add(this.fx.get("/api/accounts/export.csv", admin.token()));
		responses.add(this.fx.get("/api/audit?size=200", auditor.token()));
		responses.add(this.fx.get("/api/audit/export?format=json", auditor.token()));
		responses.add(this.fx.get("/api/audit/export?format=csv", auditor.token()));
		responses.add(this.fx.get("/api/session", admin.token()));

		assertThat(responses).allSatisfy((r) -> assertThat(r.status()).isNotEqualTo(500));
		List<String> secrets = List.of(AdminFixtures.APP_SECRET, AdminFixtures.TOKEN, AdminFixtures.AES_KEY, NEW_SECRET,
				NEW_TOKEN, NEW_AES_KEY, WRONG_SECRET, AdminFixtures.PASSWORD);
		for (Response r : responses) {
			for (String secret : secrets) {
				assertThat(r.body()).as("response to " + r.raw().request().uri()).doesNotContain(secret);
			}
		}
		for (String secret : secrets) {
			assertThat(output.getAll()).as("log output").doesNotContain(secret);
		}
		assertThat(output.getAll()).as("log output").doesNotContain(AdminFixtures.PASSWORD);
	}

}
