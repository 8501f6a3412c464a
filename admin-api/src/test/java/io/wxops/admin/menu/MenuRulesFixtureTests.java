package io.wxops.admin.menu;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's menu editor counts bytes and checks the limits before a save
 * (console/src/lib/menuLimits.ts). Both sides read the same fixture: here the server's
 * limits must be its numbers, and the server must name exactly its paths.
 */
class MenuRulesFixtureTests {

	private static final Path FIXTURE = Path.of("console/src/lib/menu-limits.fixtures.json");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	static List<JsonNode> cases() throws Exception {
		List<JsonNode> cases = new ArrayList<>();
		JSON.readTree(Files.readString(FIXTURE)).get("cases").forEach(cases::add);
		return cases;
	}

	@Test
	void limitsAreTheConsoles() throws Exception {
		JsonNode limits = JSON.readTree(Files.readString(FIXTURE)).get("limits");
		assertThat(limits.get("buttons").asInt()).isEqualTo(MenuRules.MAX_BUTTONS);
		assertThat(limits.get("subButtons").asInt()).isEqualTo(MenuRules.MAX_SUB_BUTTONS);
		assertThat(limits.get("nameBytes").asInt()).isEqualTo(MenuRules.MAX_NAME_BYTES);
		assertThat(limits.get("subNameBytes").asInt()).isEqualTo(MenuRules.MAX_SUB_NAME_BYTES);
		assertThat(limits.get("keyBytes").asInt()).isEqualTo(MenuRules.MAX_KEY_BYTES);
		assertThat(limits.get("urlBytes").asInt()).isEqualTo(MenuRules.MAX_URL_BYTES);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void serverNamesTheFixturesPaths(JsonNode fixture) {
		MenuDocument menu = JSON.treeToValue(fixture.get("menu"), MenuDocument.class);
		List<String> expected = new ArrayList<>();
		fixture.get("paths").forEach((p) -> expected.add(p.asString()));

		assertThat(MenuRules.problems(MenuRules.normalised(menu)).keySet())
			.containsExactlyInAnyOrderElementsOf(expected);
	}

}
