package io.wxops.admin.screening;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console highlights body findings by rebuilding the visible text in the browser
 * (console/src/lib/highlight.ts). Both sides read the same fixture: here the server's
 * visible text and finding offsets must be the ones the console's tests map onto the
 * HTML.
 */
class VisibleTextFixtureTests {

	private static final Path FIXTURE = Path.of("console/src/lib/highlight.fixtures.json");

	private final Screener screener = new Screener();

	static List<JsonNode> cases() throws Exception {
		JsonNode root = JsonMapper.builder().build().readTree(Files.readString(FIXTURE));
		List<JsonNode> cases = new ArrayList<>();
		root.get("cases").forEach(cases::add);
		return cases;
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void serverVisibleTextAndOffsetsAreTheFixtures(JsonNode fixture) throws Exception {
		JsonNode root = JsonMapper.builder().build().readTree(Files.readString(FIXTURE));
		List<LexiconTerm> terms = new ArrayList<>();
		root.get("terms").forEach((t) -> terms.add(new LexiconTerm(t.asString(), Category.INTERNAL_OFFICE)));
		String html = fixture.get("html").asString();
		String visible = VisibleText.of(html);
		ScreeningResult result = this.screener.screen(new ScreeningInput("标题", null, null, html, "本院", 680, false),
				CompiledLexicon.compile(1, terms));
		List<String> found = result.findings()
			.stream()
			.filter((f) -> f.rule().equals(Finding.PROHIBITED_TERM) && f.field().equals("body"))
			.map((f) -> f.start() + "-" + f.end() + ":" + visible.substring(f.start(), f.end()))
			.toList();
		List<String> expected = new ArrayList<>();
		fixture.get("findings")
			.forEach((f) -> expected
				.add(f.get("start").asInt() + "-" + f.get("end").asInt() + ":" + f.get("text").asString()));
		assertThat(visible).isEqualTo(fixture.get("visible").asString());
		assertThat(found).isEqualTo(expected);
	}

}
