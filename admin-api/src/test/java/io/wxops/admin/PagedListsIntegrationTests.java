package io.wxops.admin;

import io.wxops.admin.AdminFixtures.Login;
import io.wxops.admin.security.Role;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Operator-facing lists are paged by MyBatis-Plus: {@code total} counts every matching
 * row, not the page's.
 */
@AdminIntegrationTest
class PagedListsIntegrationTests {

	@Autowired
	AdminFixtures fx;

	@Test
	void theAccountListCountsEveryMatchingAccountAndAnswersOnePage() {
		Login admin = this.fx.person(Role.ADMIN);
		for (int i = 0; i < 3; i++) {
			this.fx.registerAccount(admin);
		}
		String list = "/api/accounts?departmentId=" + admin.departmentId() + "&size=2";
		JsonNode first = this.fx.get(list + "&page=0", admin.token()).json();
		assertThat(first.get("total").asLong()).isEqualTo(3);
		assertThat(first.get("items").size()).isEqualTo(2);
		assertThat(first.get("size").asInt()).isEqualTo(2);
		JsonNode second = this.fx.get(list + "&page=1", admin.token()).json();
		assertThat(second.get("total").asLong()).isEqualTo(3);
		assertThat(second.get("page").asInt()).isEqualTo(1);
		assertThat(second.get("items").size()).isEqualTo(1);
		assertThat(second.at("/items/0/id").asLong()).isGreaterThan(first.at("/items/1/id").asLong());
	}

	@Test
	void thePeopleListCountsEveryMatchingPersonAndAnswersOnePage() {
		Login admin = this.fx.person(Role.ADMIN);
		this.fx.person(Role.EDITOR, null, admin.departmentId());
		this.fx.person(Role.AUDITOR, null, admin.departmentId());
		String list = "/api/people?departmentId=" + admin.departmentId() + "&size=2";
		JsonNode first = this.fx.get(list + "&page=0", admin.token()).json();
		assertThat(first.get("total").asLong()).isEqualTo(3);
		assertThat(first.get("items").size()).isEqualTo(2);
		JsonNode beyond = this.fx.get(list + "&page=5", admin.token()).json();
		assertThat(beyond.get("total").asLong()).isEqualTo(3);
		assertThat(beyond.get("items").size()).isZero();
	}

}
