package io.wxops.admin.people;

import java.util.LinkedHashMap;
import java.util.Map;

import io.wxops.admin.AdminFixtures;
import io.wxops.admin.AdminFixtures.Login;
import io.wxops.admin.AdminFixtures.Response;
import io.wxops.admin.AdminIntegrationTest;
import io.wxops.admin.security.Role;
import io.wxops.admin.web.InvalidBody;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The people and department bodies' own rules, now constraints on the request records:
 * each refusal names its field as the hand-written checks did, lengths are counted in
 * UTF-16 chars ({@link String#length()}) as they always were, blank means
 * {@link String#isBlank()}, and a refused body changes nothing.
 */
@AdminIntegrationTest
class PeopleValidationIntegrationTests {

	@Autowired
	AdminFixtures fx;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aBadNewPersonIsRefusedFieldByFieldAndNothingIsStored() {
		Login admin = this.fx.person(Role.ADMIN);
		long people = count("adm_person");
		long audit = count("adm_audit_entry");
		Map<String, Object> body = newPerson(admin);
		body.put("username", "1starts-with-a-digit");
		body.put("displayName", "x".repeat(100_000));
		body.put("email", "no-at-sign");
		body.put("mobile", "call me");
		Map<String, String> errors = InvalidBody.errors(this.fx.post("/api/people", admin.token(), body));
		assertThat(errors).containsOnly(
				Map.entry("username",
						"username must be 3 to 64 letters, digits, '.', '_' or '-', starting with a letter"),
				Map.entry("displayName", "display name is required (at most 128 characters)"),
				Map.entry("email", "not an e-mail address"), Map.entry("mobile", "not a phone number"));
		assertThat(count("adm_person")).isEqualTo(people);
		assertThat(count("adm_audit_entry")).isEqualTo(audit);
	}

	@Test
	void aMissingUsernameOrDisplayNameIsRefused() {
		Login admin = this.fx.person(Role.ADMIN);
		Map<String, Object> body = newPerson(admin);
		body.remove("username");
		body.remove("displayName");
		assertThat(InvalidBody.errors(this.fx.post("/api/people", admin.token(), body))).containsOnlyKeys("username",
				"displayName");
	}

	@Test
	void displayNameLengthCountsUtf16CharsSoAnEmojiOrAnExtensionBIdeographCountsTwo() {
		Login admin = this.fx.person(Role.ADMIN);
		// 𠀀 (U+20000) and 😀 are one character to a reader but two UTF-16 chars, and the
		// 128 of the column's check have always been UTF-16 chars.
		Map<String, Object> fits = newPerson(admin);
		fits.put("displayName", "𠀀".repeat(32) + "😀".repeat(32));
		assertThat(this.fx.post("/api/people", admin.token(), fits).status()).isEqualTo(201);
		Map<String, Object> over = newPerson(admin);
		over.put("displayName", "𠀀".repeat(32) + "😀".repeat(32) + "a");
		InvalidBody.refuses(this.fx.post("/api/people", admin.token(), over), "displayName",
				"display name is required (at most 128 characters)");
	}

	@Test
	void aDisplayNameOfUnicodeSpacesIsBlankButACompatibilityFormIsNotALetterOfTheUsername() {
		Login admin = this.fx.person(Role.ADMIN);
		Map<String, Object> spaces = newPerson(admin);
		// U+3000 (ideographic space) and U+2003 are whitespace to String.isBlank, though
		// Jakarta's @NotBlank would keep them.
		spaces.put("displayName", "\u3000\u2003 ");
		InvalidBody.refuses(this.fx.post("/api/people", admin.token(), spaces), "displayName",
				"display name is required (at most 128 characters)");
		Map<String, Object> fullwidth = newPerson(admin);
		// Full-width letters are not normalised to ASCII: ａｄｍｉｎ is not admin.
		fullwidth.put("username", "ａｄｍｉｎ" + System.nanoTime());
		InvalidBody.refuses(this.fx.post("/api/people", admin.token(), fullwidth), "username",
				"username must be 3 to 64 letters, digits, '.', '_' or '-', starting with a letter");
	}

	@Test
	void aPersonChangeNeedsItsVersionAndKeepsTheEmailRulesAndChangesNothingWhenRefused() {
		Login admin = this.fx.person(Role.ADMIN);
		Login editor = this.fx.person(Role.EDITOR);
		String before = this.jdbc.queryForObject("SELECT display_name FROM adm_person WHERE id = ?", String.class,
				editor.personId());
		Map<String, Object> change = new LinkedHashMap<>();
		change.put("displayName", "renamed");
		InvalidBody.refuses(this.fx.patch("/api/people/" + editor.personId(), admin.token(), change), "version",
				"send the version you loaded, so a concurrent change is not overwritten");
		change.put("version", 1);
		change.put("email", "a@b.c" + "x".repeat(124));
		InvalidBody.refuses(this.fx.patch("/api/people/" + editor.personId(), admin.token(), change), "email",
				"at most 128 characters");
		change.put("email", "x".repeat(200));
		// Over the length and not an address either: one answer, the length, as before.
		InvalidBody.refuses(this.fx.patch("/api/people/" + editor.personId(), admin.token(), change), "email",
				"at most 128 characters");
		change.remove("email");
		change.put("displayName", "\t");
		InvalidBody.refuses(this.fx.patch("/api/people/" + editor.personId(), admin.token(), change), "displayName",
				"display name must not be blank (at most 128 characters)");
		assertThat(this.jdbc.queryForObject("SELECT display_name FROM adm_person WHERE id = ?", String.class,
				editor.personId()))
			.isEqualTo(before);
		// A blank e-mail or mobile clears it, as before.
		Map<String, Object> clear = Map.of("email", " ", "mobile", "", "version", 1);
		assertThat(this.fx.patch("/api/people/" + editor.personId(), admin.token(), clear).status()).isEqualTo(200);
	}

	@Test
	void aBadDepartmentIsRefusedAndNothingIsStored() {
		Login admin = this.fx.person(Role.ADMIN);
		long departments = count("adm_department");
		InvalidBody.refuses(this.fx.post("/api/departments", admin.token(), Map.of("name", "宣传部", "code", "has space")),
				"code", "code must be 1 to 64 letters, digits, '_' or '-'");
		InvalidBody.refuses(
				this.fx.post("/api/departments", admin.token(), Map.of("name", "x".repeat(129), "code", "ok_code")),
				"name", "name is required (at most 128 characters)");
		InvalidBody.refuses(this.fx.put("/api/departments/" + admin.departmentId(), admin.token(), Map.of("name", "x")),
				"version", "send the version you loaded, so a concurrent change is not overwritten");
		assertThat(count("adm_department")).isEqualTo(departments);
	}

	@Test
	void aCallerWithoutTheRoleGetsTheirRefusalNotTheBodysProblems() {
		Login editor = this.fx.person(Role.EDITOR);
		Map<String, Object> bad = Map.of("username", "!", "displayName", "");
		Response anonymous = this.fx.post("/api/people", null, bad);
		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(anonymous.body()).doesNotContain("username must");
		Response notAdmin = this.fx.post("/api/people", editor.token(), bad);
		assertThat(notAdmin.status()).isEqualTo(403);
		assertThat(notAdmin.body()).doesNotContain("username must");
		assertThat(this.fx.post("/api/departments", editor.token(), Map.of("code", "has space")).status())
			.isEqualTo(403);
	}

	private Map<String, Object> newPerson(Login admin) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("username", AdminFixtures.unique("valid-"));
		body.put("displayName", "A person");
		body.put("departmentId", admin.departmentId());
		return body;
	}

	private long count(String table) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
	}

}
