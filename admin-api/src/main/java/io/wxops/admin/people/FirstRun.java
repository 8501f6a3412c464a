package io.wxops.admin.people;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import io.wxops.admin.security.Caller;
import io.wxops.admin.security.Role;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On a database without any person, creates the first administrator with a generated
 * password and prints it once to the console (never to the log). They must change it at
 * first sign-in. Two instances starting together create one: the username is unique.
 */
@Component
@Order(1)
@EnableConfigurationProperties(FirstRunProperties.class)
class FirstRun implements ApplicationRunner {

	private final PeopleService people;

	private final DepartmentService departments;

	private final GrantService grants;

	private final PersonMapper persons;

	private final FirstRunProperties settings;

	private final TransactionTemplate tx;

	private final PrintStream console;

	@Autowired
	FirstRun(PeopleService people, DepartmentService departments, GrantService grants, PersonMapper persons,
			FirstRunProperties settings, TransactionTemplate tx) {
		this(people, departments, grants, persons, settings, tx, System.out);
	}

	FirstRun(PeopleService people, DepartmentService departments, GrantService grants, PersonMapper persons,
			FirstRunProperties settings, TransactionTemplate tx, PrintStream console) {
		this.people = people;
		this.departments = departments;
		this.grants = grants;
		this.persons = persons;
		this.settings = settings;
		this.tx = tx;
		this.console = console;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.persons.countAll() > 0) {
			return;
		}
		Caller system = Caller.system("first-run");
		PeopleService.Issued admin;
		try {
			admin = this.tx.execute((status) -> {
				DepartmentService.DepartmentView office = this.departments.createDepartment(system, null,
						this.settings.department(), "office");
				PeopleService.Issued issued = this.people.createPerson(system, this.settings.username(),
						"Administrator", office.id(), null, null, null);
				this.grants.grant(system, issued.person().id(), Role.ADMIN, null, null);
				return issued;
			});
		}
		catch (DuplicateKeyException | io.wxops.admin.web.ApiException ex) {
			// Another instance created the first administrator at the same moment.
			return;
		}
		List<String> lines = new ArrayList<>();
		lines.add("");
		lines.add("==================================================================");
		lines.add(" First run: administrator created. This password is shown once.");
		lines.add("   username: " + admin.person().username());
		lines.add("   password: " + admin.initialPassword());
		lines.add(" Sign in with POST /api/session; you will be asked to change it.");
		lines.add("==================================================================");
		lines.add("");
		this.console.println(String.join(System.lineSeparator(), lines));
	}

}
