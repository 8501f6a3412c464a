package io.wxops.admin.console;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The cross-site check compares origins in one spelling. */
class CrossSiteOriginTests {

	@Test
	void originsAreComparedInOneSpelling() {
		assertThat(CrossSiteRequestInterceptor.normalise("HTTPS://Console.Example:443"))
			.isEqualTo("https://console.example");
		assertThat(CrossSiteRequestInterceptor.normalise("http://127.0.0.1:8081")).isEqualTo("http://127.0.0.1:8081");
		assertThat(CrossSiteRequestInterceptor.normalise("null")).isNull();
		assertThat(CrossSiteRequestInterceptor.normalise("https://a.example/path")).isNull();
		assertThat(CrossSiteRequestInterceptor.normalise("https://user@a.example")).isNull();
		assertThat(CrossSiteRequestInterceptor.normalise("not a uri")).isNull();
	}

}
