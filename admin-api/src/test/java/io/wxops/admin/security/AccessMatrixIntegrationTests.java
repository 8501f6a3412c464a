package io.wxops.admin.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.wxops.admin.AdminFixtures;
import io.wxops.admin.AdminFixtures.Login;
import io.wxops.admin.AdminFixtures.Response;
import io.wxops.admin.AdminIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walks every {@code /api} endpoint with one person per role (each holding that role on
 * every account) and with no sign-in, and checks each answer against the table in
 * {@code admin-api/ACCESS.md}.
 */
@AdminIntegrationTest
class AccessMatrixIntegrationTests {

	static final Path TABLE = Path.of("ACCESS.md");

	@Autowired
	AdminFixtures fx;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Test
	void everyEndpointHasARowAndEveryRowAnEndpoint() throws IOException {
		Set<String> served = servedEndpoints();
		Set<String> tabled = readTable().keySet();
		assertThat(served).as("endpoints without a row in ACCESS.md").isSubsetOf(tabled);
		assertThat(tabled).as("rows in ACCESS.md without an endpoint").isSubsetOf(served);
	}

	@Test
	void everyRoleGetsExactlyWhatTheTableSays() throws IOException {
		Map<String, Map<Role, String>> table = readTable();
		Login admin = this.fx.person(Role.ADMIN);
		long account = this.fx.registerAccount(admin).get("id").asLong();
		Map<Role, Login> people = new EnumMap<>(Role.class);
		for (Role role : Role.values()) {
			people.put(role, (role == Role.ADMIN) ? admin : this.fx.person(role));
		}
		long target = this.fx.person(Role.EDITOR).personId();
		List<String> mismatches = new ArrayList<>();
		for (Map.Entry<String, Map<Role, String>> row : table.entrySet()) {
			String[] methodAndPath = row.getKey().split(" ", 2);
			String path = methodAndPath[1].replace("/api/accounts/{id}", "/api/accounts/" + account)
				.replace("/api/people/{id}", "/api/people/" + target)
				.replace("/api/departments/{id}", "/api/departments/" + admin.departmentId())
				.replace("/api/articles/{id}", "/api/articles/999999999")
				.replace("/api/lexicon/terms/{id}", "/api/lexicon/terms/999999999")
				.replace("/api/sends/{id}", "/api/sends/999999999")
				.replace("/api/tickets/{id}", "/api/tickets/999999999")
				.replace("{entryId}", "1")
				.replace("{ruleId}", "999999999")
				.replace("{openid}", "o_nobody_here")
				.replace("{versionNo}", "1")
				.replace("{cycle}", "2026")
				.replace("{tagId}", "999999999")
				.replace("{grantId}", "999999999")
				.replace("{accountId:\\d+}", String.valueOf(account))
				.replace("{report}", "posting");
			Object body = switch (methodAndPath[0]) {
				case "POST", "PUT", "PATCH" -> "{}";
				default -> null;
			};
			for (Role role : Role.values()) {
				Login who = people.get(role);
				Response r = this.fx.send(methodAndPath[0], path, who.token(), body);
				String expected = row.getValue().get(role);
				boolean denied = r.status() == 403 || r.status() == 401;
				boolean ok = switch (expected) {
					case "yes", "public" -> !denied;
					default -> r.status() == 403;
				};
				if (!ok) {
					mismatches.add(row.getKey() + " as " + role + ": expected " + expected + ", got " + r.status() + " "
							+ r.body());
				}
				if (row.getKey().equals("DELETE /api/session") && !denied) {
					people.put(role, new Login(who.personId(), who.username(), who.departmentId(),
							this.fx.login(who.username(), AdminFixtures.PASSWORD)));
				}
			}
			boolean isPublic = row.getValue().containsValue("public");
			Response anonymous = this.fx.send(methodAndPath[0], path, null, body);
			if (isPublic ? anonymous.status() == 401 : anonymous.status() != 401) {
				mismatches.add(row.getKey() + " without sign-in: got " + anonymous.status());
			}
		}
		assertThat(mismatches).isEmpty();
	}

	private Set<String> servedEndpoints() {
		Set<String> endpoints = new TreeSet<>();
		for (RequestMappingInfo info : this.mappings.getHandlerMethods().keySet()) {
			for (String pattern : info.getPatternValues()) {
				if (!pattern.startsWith("/api/")) {
					continue;
				}
				for (RequestMethod method : info.getMethodsCondition().getMethods()) {
					endpoints.add(method + " " + pattern);
				}
			}
		}
		return endpoints;
	}

	/** Rows of the table: "METHOD /path" to the cell per role. */
	static Map<String, Map<Role, String>> readTable() throws IOException {
		List<String> lines = Files.readAllLines(TABLE, StandardCharsets.UTF_8);
		List<Role> columns = null;
		Map<String, Map<Role, String>> rows = new LinkedHashMap<>();
		for (String line : lines) {
			if (!line.startsWith("|") || line.startsWith("|---")) {
				continue;
			}
			List<String> cells = new ArrayList<>();
			for (String cell : line.substring(1, line.lastIndexOf('|')).split("\\|")) {
				cells.add(cell.trim());
			}
			if (columns == null) {
				columns = cells.subList(1, cells.size()).stream().map(Role::valueOf).toList();
				assertThat(columns).as("one column per role").containsExactlyInAnyOrder(Role.values());
				continue;
			}
			Map<Role, String> allowed = new EnumMap<>(Role.class);
			for (int i = 0; i < columns.size(); i++) {
				String cell = cells.get(i + 1);
				assertThat(cell).as(cells.get(0) + " " + columns.get(i)).isIn("yes", "no", "public");
				allowed.put(columns.get(i), cell);
			}
			String endpoint = cells.get(0).replace("`", "");
			assertThat(rows.put(endpoint, allowed)).as("duplicate row " + endpoint).isNull();
		}
		return rows;
	}

}
