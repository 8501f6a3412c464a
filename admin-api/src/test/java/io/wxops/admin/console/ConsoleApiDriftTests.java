package io.wxops.admin.console;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.wxops.admin.AdminFixtures;
import io.wxops.admin.AdminIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's typed client is generated from {@code console/openapi.json}, which is
 * committed so packaging needs no running server. These tests keep it equal to what
 * admin-api serves at {@code /v3/api-docs}, and the generated {@code src/api/schema.d.ts}
 * equal to what the generator makes of it: a changed endpoint fails here, not in a
 * browser.
 */
@AdminIntegrationTest
class ConsoleApiDriftTests {

	static final String UPDATE = "npm --prefix admin-api/console run api:update";

	static final Path CONSOLE = Path.of("console");

	/** Where a failed comparison leaves the served description for {@value #UPDATE}. */
	static final Path ACTUAL = Path.of("target", "console-api", "openapi.json");

	private static final JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	@Autowired
	AdminFixtures fx;

	@Test
	void committedOpenApiDescriptionIsTheOneTheServerServes() throws IOException {
		AdminFixtures.Response docs = this.fx.get("/v3/api-docs", null);
		assertThat(docs.status()).isEqualTo(200);
		JsonNode served = normalised(docs.json());
		JsonNode committed = normalised(json.readTree(Files.readString(CONSOLE.resolve("openapi.json"))));
		if (!served.equals(committed)) {
			Files.createDirectories(ACTUAL.getParent());
			Files.writeString(ACTUAL, json.writeValueAsString(served) + "\n");
		}
		assertThat(committed)
			.as("admin-api's OpenAPI description differs from admin-api/console/openapi.json (%s). Run, from the "
					+ "repository root:%n  %s%nIt copies the served description (left by this test in "
					+ "admin-api/%s) and regenerates the console's client; commit both files.",
					differences(served, committed), UPDATE, ACTUAL)
			.isEqualTo(served);
	}

	@Test
	void committedClientIsWhatTheGeneratorMakesOfTheDescription() throws Exception {
		Path out = Files.createTempFile("schema", ".d.ts");
		Process generator = new ProcessBuilder("node", "node_modules/openapi-typescript/bin/cli.js", "openapi.json",
				"-o", out.toAbsolutePath().toString())
			.directory(CONSOLE.toFile())
			.redirectErrorStream(true)
			.start();
		String log = new String(generator.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(generator.waitFor(120, TimeUnit.SECONDS)).as("openapi-typescript finished").isTrue();
		assertThat(generator.exitValue()).as("openapi-typescript: %s", log).isZero();
		String generated = Files.readString(out);
		Files.delete(out);
		assertThat(Files.readString(CONSOLE.resolve("src/api/schema.d.ts")))
			.as("admin-api/console/src/api/schema.d.ts is not what openapi-typescript makes of openapi.json. Run, from "
					+ "the repository root:%n  %s%nand commit the result.", UPDATE)
			.isEqualTo(generated);
	}

	/**
	 * Keys sorted at every level, and without {@code servers} (it names the port this
	 * test's server happens to run on).
	 */
	static JsonNode normalised(JsonNode node) {
		if (node.isObject()) {
			ObjectNode sorted = JsonNodeFactory.instance.objectNode();
			List<String> names = new ArrayList<>(node.propertyNames());
			names.sort(null);
			for (String name : names) {
				sorted.set(name, normalised(node.get(name)));
			}
			sorted.remove("servers");
			return sorted;
		}
		if (node.isArray()) {
			ArrayNode array = JsonNodeFactory.instance.arrayNode();
			node.forEach((item) -> array.add(normalised(item)));
			return array;
		}
		return node;
	}

	/** The paths and schemas that differ, so the message says what changed. */
	private static String differences(JsonNode served, JsonNode committed) {
		List<String> out = new ArrayList<>();
		for (String section : new String[] { "paths", "components/schemas" }) {
			JsonNode a = served.at("/" + section);
			JsonNode b = committed.at("/" + section);
			List<String> names = new ArrayList<>(a.propertyNames());
			b.propertyNames().forEach((n) -> {
				if (!names.contains(n)) {
					names.add(n);
				}
			});
			names.sort(null);
			for (String n : names) {
				if (!a.path(n).equals(b.path(n))) {
					out.add(section + " " + n);
				}
			}
		}
		return out.isEmpty() ? "info or tags"
				: String.join(", ", out.subList(0, Math.min(out.size(), 12))) + ((out.size() > 12) ? ", ..." : "");
	}

}
