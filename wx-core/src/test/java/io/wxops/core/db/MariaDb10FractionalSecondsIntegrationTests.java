package io.wxops.core.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import com.baomidou.mybatisplus.core.toolkit.Wrappers;
import io.wxops.core.account.Account;
import io.wxops.core.account.AccountMapper;
import io.wxops.core.account.AccountRegistry;
import io.wxops.core.account.AccountType;
import io.wxops.core.account.MessageMode;
import io.wxops.core.account.NewAccount;
import io.wxops.devkit.DevServersInitializer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Times keep their milliseconds on MariaDB 10.x, which MySQL Connector/J takes for a 5.5
 * server (its handshake says {@code 5.5.5-10.x}); the embedded 11.4 does not show the
 * defect. Runs against {@code WXOPS_MARIADB10_URL} when set, else the local server on
 * 127.0.0.1:3306 when it is a 10.x (as on Debian 12 and the CI machines); in a fresh
 * database of its own.
 */
@SpringBootTest
@ContextConfiguration(
		initializers = { DevServersInitializer.class, MariaDb10FractionalSecondsIntegrationTests.OnMariaDb10.class })
class MariaDb10FractionalSecondsIntegrationTests {

	static final String DEFAULT_URL = "jdbc:mysql://127.0.0.1:3306/";

	@Autowired
	AccountRegistry registry;

	@Autowired
	AccountMapper accounts;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeAll
	static void aMariaDb10IsAvailable() {
		Assumptions.assumeTrue(OnMariaDb10.serverUrl() != null,
				"no MariaDB 10.x reachable: set WXOPS_MARIADB10_URL (a JDBC URL, user root, no password unless "
						+ "WXOPS_MARIADB10_USERNAME / _PASSWORD) to run this test");
	}

	@Test
	void anInstantKeepsItsMillisecondsWrittenReadAndCompared() {
		assertThat(this.jdbc.queryForObject("SELECT VERSION()", String.class)).startsWith("10.");
		long id = this.registry
			.register(new NewAccount("wx" + UUID.randomUUID().toString().substring(0, 16).replace("-", "0"),
					"gh_0123456789ab", "毫秒", AccountType.SERVICE, MessageMode.PLAINTEXT, "token123", null,
					"S".repeat(32)))
			.id();
		Instant at = Instant.parse("2026-03-01T04:05:06.550Z");
		this.accounts.update(null,
				Wrappers.<Account>lambdaUpdate().eq(Account::getId, id).set(Account::getSecretsUpdatedAt, at));
		assertThat(this.jdbc.queryForObject(
				"SELECT DATE_FORMAT(secrets_updated_at, '%Y-%m-%d %H:%i:%s.%f') FROM wx_account WHERE id = ?",
				String.class, id))
			.isEqualTo("2026-03-01 04:05:06.550000");
		assertThat(this.accounts.selectById(id).getSecretsUpdatedAt()).isEqualTo(at);
		// Bound parameters keep them too: 0.549 s is before the stored time, 0.550 is
		// not.
		assertThat(this.accounts.selectCount(Wrappers.<Account>lambdaQuery()
			.eq(Account::getId, id)
			.le(Account::getSecretsUpdatedAt, at.minusMillis(1)))).isZero();
		assertThat(this.accounts
			.selectCount(Wrappers.<Account>lambdaQuery().eq(Account::getId, id).le(Account::getSecretsUpdatedAt, at)))
			.isEqualTo(1);
	}

	/** Points the context at a fresh database on the 10.x server, when there is one. */
	static class OnMariaDb10 implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		private static final String DB = "wxops_t10_" + UUID.randomUUID().toString().substring(0, 8);

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			String server = serverUrl();
			if (server == null) {
				return;
			}
			try (Connection c = DriverManager.getConnection(server, user(), password());
					Statement st = c.createStatement()) {
				st.execute("CREATE DATABASE `" + DB + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
			}
			catch (SQLException ex) {
				throw new IllegalStateException("Could not create " + DB + ": " + ex.getMessage(), ex);
			}
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try (Connection c = DriverManager.getConnection(server, user(), password());
						Statement st = c.createStatement()) {
					st.execute("DROP DATABASE IF EXISTS `" + DB + "`");
				}
				catch (SQLException ex) {
					// best effort: a leftover test database is harmless
				}
			}, "drop-mariadb10-test-database"));
			String url = server.replaceFirst("/(\\?|$)", "/" + DB + "$1") + (server.contains("?") ? "&" : "?")
					+ "useSSL=false&allowPublicKeyRetrieval=true&serverTimezone=UTC&connectTimeout=2000";
			context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("mariadb10", Map.of("spring.datasource.url", url,
						"spring.datasource.username", user(), "spring.datasource.password", password())));
		}

		/** The 10.x server's URL (no database), or null when none answers. */
		static String serverUrl() {
			String configured = setting("WXOPS_MARIADB10_URL");
			String url = (configured != null) ? configured : DEFAULT_URL;
			try (Connection c = DriverManager.getConnection(url + (url.contains("?") ? "&" : "?")
					+ "connectTimeout=1000&useSSL=false&allowPublicKeyRetrieval=true", user(), password());
					Statement st = c.createStatement();
					ResultSet rs = st.executeQuery("SELECT VERSION()")) {
				return (rs.next() && rs.getString(1).startsWith("10.")) ? url : null;
			}
			catch (SQLException ex) {
				if (configured != null) {
					throw new IllegalStateException("WXOPS_MARIADB10_URL does not answer: " + ex.getMessage(), ex);
				}
				return null;
			}
		}

		private static String user() {
			String u = setting("WXOPS_MARIADB10_USERNAME");
			return (u != null) ? u : "root";
		}

		private static String password() {
			String p = setting("WXOPS_MARIADB10_PASSWORD");
			return (p != null) ? p : "";
		}

		private static String setting(String name) {
			String v = System.getProperty(name);
			if (v == null || v.isBlank()) {
				v = System.getenv(name);
			}
			return (v == null || v.isBlank()) ? null : v.trim();
		}

	}

}
