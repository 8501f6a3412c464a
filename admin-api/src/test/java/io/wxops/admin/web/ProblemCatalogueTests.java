package io.wxops.admin.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The problem catalogue is the only place a problem kind is named: slugs are unique and
 * well formed, each says what to do, and no main source builds a problem from an inline
 * slug.
 */
class ProblemCatalogueTests {

	private static final Pattern SLUG = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

	@Test
	void slugsAreUniqueWellFormedAndAdvised() {
		List<String> slugs = Arrays.stream(Problem.values()).map(Problem::slug).toList();
		assertThat(slugs).doesNotHaveDuplicates().allMatch((s) -> SLUG.matcher(s).matches());
		assertThat(Problem.values()).allSatisfy((p) -> {
			assertThat(p.advice()).as(p.name()).isNotBlank().endsWith(".");
			assertThat(p.name()).isEqualTo(p.slug().toUpperCase().replace('-', '_'));
			assertThat(p.status().isError()).as(p.name()).isTrue();
		});
	}

	@Test
	void noMainSourceNamesAProblemInline() throws IOException {
		Pattern inline = Pattern.compile("new ApiException\\(|ApiException\\.conflict\\(|problem\\(HttpStatus\\.");
		try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
			List<String> offenders = files.filter((p) -> p.toString().endsWith(".java"))
				.filter((p) -> !p.endsWith("Problem.java") && !p.endsWith("ApiException.java"))
				.filter((p) -> {
					try {
						return inline.matcher(Files.readString(p)).find();
					}
					catch (IOException ex) {
						throw new IllegalStateException(ex);
					}
				})
				.map(Path::toString)
				.toList();
			assertThat(offenders).isEmpty();
		}
	}

}
