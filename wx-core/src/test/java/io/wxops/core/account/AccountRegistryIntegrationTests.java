package io.wxops.core.account;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;

import io.wxops.devkit.DevServersInitializer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest
@ContextConfiguration(initializers = DevServersInitializer.class)
class AccountRegistryIntegrationTests {

	@Autowired
	AccountRegistry registry;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void secretsAreEncryptedAtRestAndNeverPrinted() {
		String appId = appId();
		AccountSnapshot account = this.registry.register(new NewAccount(appId, "gh_" + hex(6), "学校",
				AccountType.SUBSCRIPTION, MessageMode.SAFE, "tokenABC123", "A".repeat(43), "S".repeat(32)));

		Map<String, Object> row = this.jdbc.queryForMap("SELECT * FROM wx_account WHERE app_id = ?", appId);
		assertThat(row.values()).noneSatisfy(
				v -> assertThat(String.valueOf(v)).containsAnyOf("tokenABC123", "A".repeat(43), "S".repeat(32)));
		assertThat(account.token()).isEqualTo("tokenABC123");
		assertThat(account.toString()).doesNotContain("tokenABC123").doesNotContain("SSSS");
	}

	@Test
	void invalidInputNamesEachFieldAndStoresNothing() {
		String appId = appId();
		assertThatThrownBy(() -> this.registry
			.register(new NewAccount(appId, "nope", "", null, MessageMode.SAFE, "t", "short", null)))
			.isInstanceOfSatisfying(InvalidAccountException.class,
					ex -> assertThat(ex.fieldErrors()).containsKeys("originalId", "name", "type", "token", "aesKey"));
		assertThat(this.registry.find(appId)).isEmpty();
	}

	@Test
	void duplicateAppIdIsRefused() {
		String appId = appId();
		NewAccount cmd = new NewAccount(appId, "gh_" + hex(6), "a", AccountType.SERVICE, MessageMode.PLAINTEXT,
				"token123", null, null);
		this.registry.register(cmd);
		assertThatThrownBy(() -> this.registry.register(cmd)).isInstanceOf(InvalidAccountException.class);
	}

	@Test
	void rotatingTheAesKeyKeepsThePreviousOne() {
		String appId = appId();
		this.registry.register(new NewAccount(appId, "gh_" + hex(6), "a", AccountType.SERVICE, MessageMode.SAFE,
				"token123", "B".repeat(43), null));

		AccountSnapshot rotated = this.registry.update(appId,
				new AccountUpdate(null, null, null, null, "C".repeat(43), null));

		assertThat(rotated.aesKey()).isEqualTo("C".repeat(43));
		assertThat(rotated.previousAesKey()).isEqualTo("B".repeat(43));
		assertThat(rotated.version()).isEqualTo(2);
	}

	@Test
	void updatingAnUnknownAccountSaysSo() {
		assertThatThrownBy(() -> this.registry.update("wx0000000000000000", AccountUpdate.status(AccountStatus.CLOSED)))
			.isInstanceOf(AccountNotFoundException.class);
	}

	static String appId() {
		return "wx" + hex(8);
	}

	static String hex(int n) {
		byte[] b = new byte[n];
		new SecureRandom().nextBytes(b);
		return HexFormat.of().formatHex(b);
	}

}
