package io.wxops.admin;

import java.util.Map;

import io.wxops.admin.AdminFixtures.Login;
import io.wxops.admin.AdminFixtures.Response;
import io.wxops.admin.security.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input gets an RFC 9457 problem that names what to fix. */
@AdminIntegrationTest
class ApiErrorsIntegrationTests {

	@Autowired
	AdminFixtures fx;

	@Test
	void anUnknownEnumValueNamesTheFieldAndTheAllowedValues() {
		Login admin = this.fx.person(Role.ADMIN);
		Map<String, Object> body = AdminFixtures.newAccountBody(AdminFixtures.newAppId(), admin.departmentId());
		body.put("type", "ENTERPRISE");
		Response r = this.fx.post("/api/accounts", admin.token(), body);
		assertThat(r.status()).isEqualTo(400);
		assertThat(r.raw().headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		assertThat(AdminFixtures.fieldErrors(r)).containsExactly("type");
		assertThat(r.body()).contains("SUBSCRIPTION").contains("SERVICE");
	}

	@Test
	void aBodyThatIsNotJsonIsRefused() {
		Login admin = this.fx.person(Role.ADMIN);
		Response r = this.fx.post("/api/departments", admin.token(), "{not json");
		assertThat(r.status()).isEqualTo(400);
		assertThat(r.problemType()).isEqualTo("https://wxops.io/problems/invalid-request");
	}

	@Test
	void aPageSizeOutOfRangeIsAFieldError() {
		Login admin = this.fx.person(Role.ADMIN);
		Response r = this.fx.get("/api/people?size=1000", admin.token());
		assertThat(r.status()).isEqualTo(400);
		assertThat(AdminFixtures.fieldErrors(r)).containsExactly("size");
	}

	@Test
	void aPathIdThatIsNotANumberIsAFieldError() {
		Login admin = this.fx.person(Role.ADMIN);
		Response r = this.fx.get("/api/accounts/abc", admin.token());
		assertThat(r.status()).isEqualTo(400);
		assertThat(AdminFixtures.fieldErrors(r)).containsExactly("id");
	}

	@Test
	void listsArePaginatedAndFiltered() {
		Login admin = this.fx.person(Role.ADMIN);
		long department = this.fx.department("分页测试");
		for (int i = 0; i < 3; i++) {
			this.fx.person(Role.EDITOR, null, department);
		}
		Response first = this.fx.get("/api/people?departmentId=" + department + "&size=2&page=0", admin.token());
		Response second = this.fx.get("/api/people?departmentId=" + department + "&size=2&page=1", admin.token());
		assertThat(first.json().get("total").asLong()).isEqualTo(3);
		assertThat(first.json().get("items").size()).isEqualTo(2);
		assertThat(second.json().get("items").size()).isEqualTo(1);
		assertThat(second.json().at("/items/0/departmentId").asLong()).isEqualTo(department);
	}

}
