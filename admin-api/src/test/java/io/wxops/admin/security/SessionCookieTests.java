package io.wxops.admin.security;

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

}
