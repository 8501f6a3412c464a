package io.wxops.admin.console;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

class SessionCookieTests {

	@Test
	void theCookieIsSecureWhenTheRequestCameOverHttps() {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setSecure(true);
		assertThat(SessionCookie.issue("t0ken", request)).startsWith("wxops_session=t0ken;")
			.contains("; Secure")
			.contains("; HttpOnly")
			.contains("; SameSite=Strict")
			.contains("; Path=/");
	}

	@Test
	void clearingTheCookieExpiresItAtOnce() {
		MockHttpServletRequest request = new MockHttpServletRequest();
		assertThat(SessionCookie.clear(request)).startsWith("wxops_session=;")
			.contains("Max-Age=0")
			.doesNotContain("Secure");
	}

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
