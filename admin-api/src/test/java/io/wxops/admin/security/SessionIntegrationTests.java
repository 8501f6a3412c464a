package io.wxops.admin.security;

import java.util.Map;

import io.wxops.admin.AdminFixtures;
import io.wxops.admin.AdminFixtures.Login;
import io.wxops.admin.AdminFixtures.Response;
import io.wxops.admin.AdminIntegrationTest;
import io.wxops.admin.people.PersonMapper;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@AdminIntegrationTest
class SessionIntegrationTests {

	@Autowired
	AdminFixtures fx;

	@Autowired
	PersonMapper people;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void signInGivesATokenThatIdentifiesThePerson() {
		Login editor = this.fx.person(Role.EDITOR);
		Response me = this.fx.get("/api/session", editor.token());
		assertThat(me.status()).isEqualTo(200);
		assertThat(me.json().at("/person/username").asString()).isEqualTo(editor.username());
		assertThat(me.json().at("/grants/0/role").asString()).isEqualTo("EDITOR");
		assertThat(me.body()).doesNotContain(AdminFixtures.PASSWORD)
			.doesNotContain("passwordHash")
			.doesNotContain("$argon2");
	}

	@Test
	void passwordsAreStoredAsArgon2idHashes() {
		Login editor = this.fx.person(Role.EDITOR);
		String hash = this.people.selectById(editor.personId()).getPasswordHash();
		assertThat(hash).startsWith("$argon2id$").doesNotContain(AdminFixtures.PASSWORD);
	}

	@Test
	void wrongPasswordAndUnknownUserGetTheSameAnswer() {
		Login editor = this.fx.person(Role.EDITOR);
		Response wrong = this.fx.post("/api/session", null,
				Map.of("username", editor.username(), "password", "Wrong-Pass-2026!"));
		Response unknown = this.fx.post("/api/session", null,
				Map.of("username", "nobody-" + editor.username(), "password", "Wrong-Pass-2026!"));
		assertThat(wrong.status()).isEqualTo(401);
		assertThat(unknown.status()).isEqualTo(401);
		assertThat(wrong.json().get("detail").asString()).isEqualTo(unknown.json().get("detail").asString());
		assertThat(wrong.problemType()).isEqualTo("https://wxops.io/problems/bad-credentials");
	}

	@Test
	void fiveFailuresLockTheSignInEvenForTheRightPassword() {
		Login editor = this.fx.person(Role.EDITOR);
		for (int i = 0; i < 5; i++) {
			assertThat(this.fx
				.post("/api/session", null, Map.of("username", editor.username(), "password", "Wrong-Pass-2026!"))
				.status()).isEqualTo(401);
		}
		Response locked = this.fx.post("/api/session", null,
				Map.of("username", editor.username(), "password", AdminFixtures.PASSWORD));
		assertThat(locked.status()).isEqualTo(423);
		assertThat(locked.problemType()).isEqualTo("https://wxops.io/problems/login-locked");
		assertThat(this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM adm_audit_entry WHERE action = 'LOGIN_LOCKED' AND person_id = ?", Long.class,
				editor.personId()))
			.isEqualTo(1);
	}

	@Test
	void anAdministratorCanUnlockALockedPerson() {
		Login admin = this.fx.person(Role.ADMIN);
		Login editor = this.fx.person(Role.EDITOR);
		for (int i = 0; i < 5; i++) {
			this.fx.post("/api/session", null, Map.of("username", editor.username(), "password", "Wrong-Pass-2026!"));
		}
		assertThat(this.fx.post("/api/people/" + editor.personId() + "/unlock", admin.token(), null).status())
			.isEqualTo(200);
		assertThat(this.fx.login(editor.username(), AdminFixtures.PASSWORD)).isNotBlank();
	}

	@Test
	void logoutRevokesTheToken() {
		Login editor = this.fx.person(Role.EDITOR);
		assertThat(this.fx.delete("/api/session", editor.token()).status()).isEqualTo(204);
		Response after = this.fx.get("/api/session", editor.token());
		assertThat(after.status()).isEqualTo(401);
		assertThat(after.problemType()).isEqualTo("https://wxops.io/problems/unauthenticated");
	}

	@Test
	void passwordChangeRevokesEverySessionOfThePerson() {
		Login editor = this.fx.person(Role.EDITOR);
		String second = this.fx.login(editor.username(), AdminFixtures.PASSWORD);
		Response changed = this.fx.put("/api/session/password", editor.token(),
				Map.of("currentPassword", AdminFixtures.PASSWORD, "newPassword", "Another-Pass-2027#"));
		assertThat(changed.status()).isEqualTo(204);
		assertThat(this.fx.get("/api/session", editor.token()).status()).isEqualTo(401);
		assertThat(this.fx.get("/api/session", second).status()).isEqualTo(401);
		assertThat(this.fx.login(editor.username(), "Another-Pass-2027#")).isNotBlank();
	}

	@Test
	void weakNewPasswordIsRefusedWithAFieldError() {
		Login editor = this.fx.person(Role.EDITOR);
		Response weak = this.fx.put("/api/session/password", editor.token(),
				Map.of("currentPassword", AdminFixtures.PASSWORD, "newPassword", "short"));
		assertThat(weak.status()).isEqualTo(400);
		assertThat(AdminFixtures.fieldErrors(weak)).containsExactly("newPassword");
		assertThat(this.fx.get("/api/session", editor.token()).status()).isEqualTo(200);
	}

	@Test
	void disablingAPersonRevokesTheirTokens() {
		Login admin = this.fx.person(Role.ADMIN);
		Login editor = this.fx.person(Role.EDITOR);
		int version = this.fx.get("/api/people/" + editor.personId(), admin.token()).json().get("version").asInt();
		Response disabled = this.fx.patch("/api/people/" + editor.personId(), admin.token(),
				Map.of("enabled", false, "version", version));
		assertThat(disabled.status()).isEqualTo(200);
		assertThat(this.fx.get("/api/session", editor.token()).status()).isEqualTo(401);
		Response signIn = this.fx.post("/api/session", null,
				Map.of("username", editor.username(), "password", AdminFixtures.PASSWORD));
		assertThat(signIn.status()).isEqualTo(403);
	}

	@Test
	void aNewPersonMustChangeTheGeneratedPasswordBeforeAnythingElse() {
		Login admin = this.fx.person(Role.ADMIN);
		Response created = this.fx.post("/api/people", admin.token(), Map.of("username", AdminFixtures.unique("new"),
				"displayName", "New Person", "departmentId", admin.departmentId()));
		assertThat(created.status()).isEqualTo(201);
		String username = created.json().at("/person/username").asString();
		String initial = created.json().get("initialPassword").asString();
		String token = this.fx.login(username, initial);
		Response blocked = this.fx.get("/api/departments", token);
		assertThat(blocked.status()).isEqualTo(403);
		assertThat(blocked.problemType()).isEqualTo("https://wxops.io/problems/password-change-required");
		assertThat(this.fx
			.put("/api/session/password", token, Map.of("currentPassword", initial, "newPassword", "Chosen-Pass-2026!"))
			.status()).isEqualTo(204);
		String fresh = this.fx.login(username, "Chosen-Pass-2026!");
		assertThat(this.fx.get("/api/departments", fresh).status()).isEqualTo(200);
	}

	@Test
	void staleEditOfAPersonGets409() {
		Login admin = this.fx.person(Role.ADMIN);
		Login editor = this.fx.person(Role.EDITOR);
		int version = this.fx.get("/api/people/" + editor.personId(), admin.token()).json().get("version").asInt();
		assertThat(this.fx
			.patch("/api/people/" + editor.personId(), admin.token(), Map.of("displayName", "A", "version", version))
			.status()).isEqualTo(200);
		Response stale = this.fx.patch("/api/people/" + editor.personId(), admin.token(),
				Map.of("displayName", "B", "version", version));
		assertThat(stale.status()).isEqualTo(409);
		assertThat(stale.problemType()).isEqualTo("https://wxops.io/problems/stale-version");
		assertThat(this.people.selectById(editor.personId()).getDisplayName()).isEqualTo("A");
	}

}
