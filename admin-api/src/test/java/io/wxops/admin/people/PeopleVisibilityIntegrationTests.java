package io.wxops.admin.people;

import java.util.List;
import java.util.Map;

import io.wxops.admin.AdminFixtures;
import io.wxops.admin.AdminFixtures.Login;
import io.wxops.admin.AdminFixtures.Response;
import io.wxops.admin.AdminIntegrationTest;
import io.wxops.admin.security.Caller;
import io.wxops.admin.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An ADMIN or AUDITOR on some accounts sees only the people holding a grant that touches
 * those accounts, and of them only those grants; everyone else answers 404.
 */
@AdminIntegrationTest
class PeopleVisibilityIntegrationTests {

	@Autowired
	AdminFixtures fx;

	@Autowired
	PeopleService people;

	Login global;

	long accountA;

	long accountB;

	Login adminB;

	Login editorA;

	Login editorAB;

	long noGrant;

	@BeforeEach
	void accounts() {
		this.global = this.fx.person(Role.ADMIN);
		this.accountA = this.fx.registerAccount(this.global).get("id").asLong();
		this.accountB = this.fx.registerAccount(this.global).get("id").asLong();
		this.adminB = this.fx.person(Role.ADMIN, this.accountB, null);
		this.editorA = this.fx.person(Role.EDITOR, this.accountA, null);
		this.editorAB = this.fx.person(Role.EDITOR, this.accountA, null);
		this.fx.grant(this.editorAB, Role.PUBLISHER, this.accountB, null);
		this.noGrant = this.people
			.createPerson(Caller.system("test"), AdminFixtures.unique("nogrant-"), "No grant",
					this.global.departmentId(), "nogrant@example.edu.cn", "13800000009", AdminFixtures.PASSWORD)
			.person()
			.id();
	}

	@Test
	void anAccountAdminListsOnlyPeopleWithAGrantOnTheirAccounts() {
		List<Long> seen = listedIds(this.adminB);
		assertThat(seen).contains(this.adminB.personId(), this.editorAB.personId(), this.global.personId())
			.doesNotContain(this.editorA.personId(), this.noGrant);
		Response filtered = this.fx.get("/api/people?q=" + this.editorA.username(), this.adminB.token());
		assertThat(filtered.json().get("total").asLong()).isZero();
	}

	@Test
	void aGlobalAdminListsEveryone() {
		assertThat(listedIds(this.global)).contains(this.adminB.personId(), this.editorA.personId(),
				this.editorAB.personId(), this.noGrant);
	}

	@Test
	void otherPeopleAnswer404AsOtherAccountsRecordsDo() {
		for (long id : new long[] { this.editorA.personId(), this.noGrant }) {
			Response person = this.fx.get("/api/people/" + id, this.adminB.token());
			assertThat(person.status()).isEqualTo(404);
			assertThat(person.body()).doesNotContain("example.edu.cn");
			assertThat(this.fx.get("/api/people/" + id + "/grants", this.adminB.token()).status()).isEqualTo(404);
			Response grant = this.fx.post("/api/people/" + id + "/grants", this.adminB.token(),
					Map.of("role", "EDITOR", "accountId", this.accountB));
			assertThat(grant.status()).isEqualTo(404);
		}
		assertThat(this.fx.get("/api/people/999999999", this.adminB.token()).status()).isEqualTo(404);
		assertThat(this.fx.get("/api/people/" + this.editorAB.personId(), this.adminB.token()).status()).isEqualTo(200);
	}

	@Test
	void ofAVisiblePersonOnlyTheGrantsOnTheirAccountsShow() {
		Response grants = this.fx.get("/api/people/" + this.editorAB.personId() + "/grants", this.adminB.token());
		assertThat(grants.status()).isEqualTo(200);
		assertThat(grants.json().valueStream().map((g) -> g.get("accountId").asLong()).toList())
			.containsExactly(this.accountB);
		Response all = this.fx.get("/api/people/" + this.editorAB.personId() + "/grants", this.global.token());
		assertThat(all.json().valueStream().map((g) -> g.get("accountId").asLong()).toList())
			.containsExactlyInAnyOrder(this.accountA, this.accountB);
		long grantOnA = all.json()
			.valueStream()
			.filter((g) -> g.get("accountId").asLong() == this.accountA)
			.findFirst()
			.orElseThrow()
			.get("id")
			.asLong();
		assertThat(
				this.fx.delete("/api/people/" + this.editorAB.personId() + "/grants/" + grantOnA, this.adminB.token())
					.status())
			.isEqualTo(404);
	}

	@Test
	void anAccountAuditorIsLimitedTheSameWay() {
		Login auditorB = this.fx.person(Role.AUDITOR, this.accountB, null);
		assertThat(listedIds(auditorB)).contains(this.editorAB.personId()).doesNotContain(this.editorA.personId());
		assertThat(this.fx.get("/api/people/" + this.editorA.personId(), auditorB.token()).status()).isEqualTo(404);
	}

	private List<Long> listedIds(Login who) {
		Response r = this.fx.get("/api/people?size=200&enabled=true", who.token());
		assertThat(r.status()).isEqualTo(200);
		long total = r.json().get("total").asLong();
		List<Long> ids = new java.util.ArrayList<>();
		for (int page = 0; page * 200L < total; page++) {
			Response p = this.fx.get("/api/people?size=200&enabled=true&page=" + page, who.token());
			p.json().get("items").valueStream().forEach((v) -> ids.add(v.get("id").asLong()));
		}
		return ids;
	}

}
