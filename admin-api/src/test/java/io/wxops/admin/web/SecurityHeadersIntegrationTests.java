package io.wxops.admin.web;

import java.net.http.HttpResponse;
import java.util.Map;

import io.wxops.admin.AdminFixtures;
import io.wxops.admin.AdminFixtures.Login;
import io.wxops.admin.AdminFixtures.Response;
import io.wxops.admin.AdminIntegrationTest;
import io.wxops.admin.security.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tokens, one-time passwords, exports and errors are never cacheable, and every answer
 * carries the standard security headers.
 */
@AdminIntegrationTest
class SecurityHeadersIntegrationTests {

	@Autowired
	AdminFixtures fx;

	@Test
	void sensitiveAnswersAreNotStoredAndCarryTheSecurityHeaders() {
		Login admin = this.fx.person(Role.ADMIN);
		Login editor = this.fx.person(Role.EDITOR);
		Response signIn = this.fx.post("/api/session", null,
				Map.of("username", editor.username(), "password", AdminFixtures.PASSWORD));
		assertThat(signIn.status()).isEqualTo(200);
		assertSecure(signIn.raw());
		Response reset = this.fx.post("/api/people/" + editor.personId() + "/password-reset", admin.token(), null);
		assertThat(reset.status()).as(reset.body()).isEqualTo(200);
		assertSecure(reset.raw());
		Response export = this.fx.get("/api/audit/export?format=csv", admin.token());
		assertThat(export.status()).isEqualTo(200);
		assertSecure(export.raw());
		Response registry = this.fx.get("/api/accounts/export.csv", admin.token());
		assertThat(registry.status()).isEqualTo(200);
		assertSecure(registry.raw());
		Response unauthenticated = this.fx.get("/api/session", null);
		assertThat(unauthenticated.status()).isEqualTo(401);
		assertSecure(unauthenticated.raw());
		Response notFound = this.fx.get("/no-such-thing", null);
		assertThat(notFound.status()).isEqualTo(404);
		assertSecure(notFound.raw());
	}

	private static void assertSecure(HttpResponse<String> r) {
		assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
		assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(r.headers().firstValue("X-Frame-Options")).hasValue("DENY");
		assertThat(r.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
		assertThat(r.headers().firstValue("Content-Security-Policy"))
			.hasValue("default-src 'none'; frame-ancestors 'none'");
	}

}
