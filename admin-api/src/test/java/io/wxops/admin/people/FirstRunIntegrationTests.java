package io.wxops.admin.people;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import io.wxops.admin.AdminIntegrationTest;
import io.wxops.admin.security.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The first start on an empty database created an administrator who holds ADMIN on every
 * account and must change the generated password; later starts create and print nothing.
 */
@AdminIntegrationTest
class FirstRunIntegrationTests {

	@Autowired
	PersonMapper people;

	@Autowired
	GrantMapper grants;

	@Autowired
	PeopleService service;

	@Autowired
	DepartmentService departments;

	@Autowired
	GrantService grantService;

	@Autowired
	FirstRunProperties properties;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void theFirstAdministratorMustChangeTheGeneratedPassword() {
		Person admin = this.people.findByUsername("admin");
		assertThat(admin).isNotNull();
		assertThat(admin.getMustChangePassword()).isTrue();
		assertThat(admin.getPasswordHash()).startsWith("$argon2id$");
		assertThat(this.grants.findByPerson(admin.getId()))
			.anySatisfy((g) -> assertThat(g.getRole()).isEqualTo(Role.ADMIN))
			.allSatisfy((g) -> assertThat(g.getAccountId()).isNull());
		assertThat(this.jdbc.queryForObject(
				"SELECT username FROM adm_audit_entry WHERE action = 'PERSON_CREATED' AND target_id = ?", String.class,
				admin.getId().toString()))
			.isEqualTo("system:first-run");
	}

	@Test
	void laterStartsCreateAndPrintNothing() {
		long before = this.people.countAll();
		ByteArrayOutputStream console = new ByteArrayOutputStream();
		new FirstRun(this.service, this.departments, this.grantService, this.people, this.properties, this.tx,
				new PrintStream(console, true, StandardCharsets.UTF_8))
			.run(new DefaultApplicationArguments());
		assertThat(console.toString(StandardCharsets.UTF_8)).isEmpty();
		assertThat(this.people.countAll()).isEqualTo(before);
	}

}
