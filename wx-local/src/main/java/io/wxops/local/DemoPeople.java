package io.wxops.local;

import java.util.LinkedHashMap;
import java.util.Map;

import com.baomidou.mybatisplus.core.toolkit.Wrappers;
import io.wxops.admin.people.Department;
import io.wxops.admin.people.DepartmentMapper;
import io.wxops.admin.people.DepartmentService;
import io.wxops.admin.people.GrantService;
import io.wxops.admin.people.PeopleService;
import io.wxops.admin.people.PersonMapper;
import io.wxops.admin.security.Caller;
import io.wxops.admin.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo people for the local run only ({@code wxops.admin.demo.enabled=true}): one person
 * per role, all with the password in {@code wxops.admin.demo.password}, in a few demo
 * departments. Runs before admin-api's first-run administrator ({@code @Order(1)}), so a
 * demo database has no generated administrator. People that exist already are left alone.
 */
@Component
@Order(0)
@ConditionalOnProperty(name = "wxops.admin.demo.enabled", havingValue = "true")
class DemoPeople implements ApplicationRunner {

	/** Usernames of the demo people by role; the launcher prints them. */
	static final Map<Role, String> USERNAMES = new LinkedHashMap<>();

	static {
		for (Role role : Role.values()) {
			USERNAMES.put(role, "demo-" + role.name().toLowerCase().replace('_', '-'));
		}
	}

	private static final Logger log = LoggerFactory.getLogger(DemoPeople.class);

	private final PeopleService people;

	private final DepartmentService departmentService;

	private final GrantService grants;

	private final PersonMapper persons;

	private final DepartmentMapper departments;

	private final TransactionTemplate tx;

	private final String password;

	DemoPeople(PeopleService people, DepartmentService departmentService, GrantService grants, PersonMapper persons,
			DepartmentMapper departments, TransactionTemplate tx, Environment environment) {
		this.people = people;
		this.departmentService = departmentService;
		this.grants = grants;
		this.persons = persons;
		this.departments = departments;
		this.tx = tx;
		this.password = environment.getRequiredProperty("wxops.admin.demo.password");
	}

	@Override
	public void run(ApplicationArguments args) {
		Caller system = Caller.system("demo-data");
		this.tx.executeWithoutResult((status) -> {
			long office = department(system, null, "综合办公室", "office");
			long publicity = department(system, office, "宣传部", "publicity");
			long service = department(system, office, "客服中心", "customer-service");
			create(system, Role.ADMIN, "演示管理员", office, null);
			create(system, Role.EDITOR, "演示信息员", publicity, publicity);
			create(system, Role.DEPT_REVIEWER, "演示部门负责人", publicity, publicity);
			create(system, Role.OFFICE_REVIEWER, "演示归口管理", office, null);
			create(system, Role.LEADER, "演示主管领导", office, null);
			create(system, Role.PUBLISHER, "演示发布人员", publicity, null);
			create(system, Role.HANDLER, "演示处理人", service, service);
			create(system, Role.AUDITOR, "演示审计员", office, null);
		});
		log.info("Demo people ready: {}", USERNAMES.values());
	}

	private long department(Caller system, Long parent, String name, String code) {
		Department existing = this.departments
			.selectOne(Wrappers.<Department>lambdaQuery().eq(Department::getCode, code));
		return (existing != null) ? existing.getId()
				: this.departmentService.createDepartment(system, parent, name, code).id();
	}

	private void create(Caller system, Role role, String displayName, long department, Long grantDepartment) {
		String username = USERNAMES.get(role);
		if (this.persons.findByUsername(username) != null) {
			return;
		}
		long id = this.people.createPerson(system, username, displayName, department, null, null, this.password)
			.person()
			.id();
		this.grants.grant(system, id, role, null, grantDepartment);
	}

}
