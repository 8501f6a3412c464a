package io.wxops.admin.people;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.wxops.admin.AdminFixtures;
import io.wxops.admin.AdminFixtures.Login;
import io.wxops.admin.AdminFixtures.Response;
import io.wxops.admin.AdminIntegrationTest;
import io.wxops.admin.security.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two changes of the same person at the same time: neither is lost silently. A person is
 * edited at the version it was read at ({@code @Version}), so the one that comes second
 * gets 409 {@code stale-version} and changes nothing.
 */
@AdminIntegrationTest
class PersonConcurrentEditIntegrationTests {

	private static final String NEW_PASSWORD = "Another-Pass-2027!";

	@Autowired
	AdminFixtures fx;

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aPasswordChangeOverlappingAnAdministratorsEditIsRefused() throws Exception {
		Login editor = this.fx.person(Role.EDITOR);
		int version = version(editor);
		CompletableFuture<Response> change;
		// The administrator's edit, holding the row while the password change reads the
		// person (at the old version) and then waits to write it.
		try (Connection admin = this.dataSource.getConnection()) {
			admin.setAutoCommit(false);
			try (PreparedStatement edit = admin
				.prepareStatement("UPDATE adm_person SET display_name = ?, version = version + 1 WHERE id = ?")) {
				edit.setString(1, "renamed by the administrator");
				edit.setLong(2, editor.personId());
				assertThat(edit.executeUpdate()).isEqualTo(1);
			}
			change = CompletableFuture.supplyAsync(() -> this.fx.put("/api/session/password", editor.token(),
					Map.of("currentPassword", AdminFixtures.PASSWORD, "newPassword", NEW_PASSWORD)));
			awaitLockWait();
			admin.commit();
		}
		Response answer = change.get(60, TimeUnit.SECONDS);
		assertThat(answer.status()).isEqualTo(409);
		assertThat(answer.problemType()).isEqualTo("https://wxops.io/problems/stale-version");
		// The administrator's edit stands; the password is the old one, and the session
		// still works (nothing of the refused change was applied).
		assertThat(version(editor)).isEqualTo(version + 1);
		assertThat(this.jdbc.queryForObject("SELECT display_name FROM adm_person WHERE id = ?", String.class,
				editor.personId()))
			.isEqualTo("renamed by the administrator");
		assertThat(this.fx.login(editor.username(), AdminFixtures.PASSWORD)).isNotBlank();
		assertThat(this.fx.get("/api/session", editor.token()).status()).isEqualTo(200);
		assertThat(this.jdbc.queryForObject("SELECT failed_logins FROM adm_person WHERE id = ?", Integer.class,
				editor.personId()))
			.isZero();
	}

	@Test
	void anAdministratorsEditAtTheVersionBeforeAPasswordChangeIsRefused() {
		Login admin = this.fx.person(Role.ADMIN);
		Login editor = this.fx.person(Role.EDITOR);
		int loaded = version(editor);
		assertThat(this.fx
			.put("/api/session/password", editor.token(),
					Map.of("currentPassword", AdminFixtures.PASSWORD, "newPassword", NEW_PASSWORD))
			.status()).isEqualTo(204);
		Response edit = this.fx.patch("/api/people/" + editor.personId(), admin.token(),
				Map.of("displayName", "renamed", "version", loaded));
		assertThat(edit.status()).isEqualTo(409);
		assertThat(edit.problemType()).isEqualTo("https://wxops.io/problems/stale-version");
		assertThat(this.fx.login(editor.username(), NEW_PASSWORD)).isNotBlank();
	}

	private int version(Login who) {
		return this.jdbc.queryForObject("SELECT version FROM adm_person WHERE id = ?", Integer.class, who.personId());
	}

	/**
	 * Until the password change is waiting to write the person's row (its failure
	 * reservation, an UPDATE of adm_person, runs on another of our connections): by then
	 * it has read the person at the old version.
	 */
	private void awaitLockWait() throws InterruptedException {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
		while (this.jdbc
			.queryForObject("SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE ID <> CONNECTION_ID()"
					+ " AND COMMAND = 'Query' AND INFO LIKE '%UPDATE adm_person%'", Integer.class) == 0) {
			assertThat(Instant.now()).as("the password change waits for the row").isBefore(deadline);
			Thread.sleep(20);
		}
	}

}
