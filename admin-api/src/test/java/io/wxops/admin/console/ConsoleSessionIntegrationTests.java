package io.wxops.admin.console;

import java.util.Map;

import io.wxops.admin.AdminFixtures;
import io.wxops.admin.AdminFixtures.Login;
import io.wxops.admin.AdminFixtures.Response;
import io.wxops.admin.AdminIntegrationTest;
import io.wxops.admin.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's cookie session: set httpOnly by its own sign-in, accepted wherever a
 * bearer token is, and refused for state-changing requests that do not come from the
 * console's own pages.
 */
@AdminIntegrationTest
class ConsoleSessionIntegrationTests {

	@Autowired
	AdminFixtures fx;

	@Autowired
	JdbcTemplate jdbc;

	ConsoleClient browser;

	@BeforeEach
	void browser() {
		this.browser = new ConsoleClient(this.fx.baseUrl());
	}

	@Test
	void consoleSignInSetsAnHttpOnlyStrictCookieAndNoTokenInTheBody() {
		Login editor = this.fx.person(Role.EDITOR);
		Response in = this.browser.send("POST", "/api/session/console", null, ConsoleClient.sameOrigin(),
				Map.of("username", editor.username(), "password", AdminFixtures.PASSWORD));
		assertThat(in.status()).as(in.body()).isEqualTo(200);
		String cookie = ConsoleClient.setCookie(in);
		assertThat(cookie).contains("HttpOnly").contains("SameSite=Strict").contains("Path=/");
		// Plain http here: a Secure cookie would never come back.
		assertThat(cookie).doesNotContain("Secure");
		String token = ConsoleClient.cookieValue(in);
		assertThat(token).hasSizeGreaterThan(20);
		assertThat(in.body()).doesNotContain(token);
		assertThat(in.json().has("token")).isFalse();
		assertThat(in.json().get("mustChangePassword").asBoolean()).isFalse();
		assertThat(in.json().get("idleTimeoutSeconds").asLong()).isEqualTo(1800);
		assertThat(in.json().get("expiresAt").asString()).isNotBlank();
		assertThat(this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM adm_audit_entry WHERE action = 'LOGIN' AND person_id = ?", Long.class,
				editor.personId()))
			.isEqualTo(2);
	}

	@Test
	void wrongPasswordAtTheConsoleIsTheSameRefusalAndSetsNoCookie() {
		Login editor = this.fx.person(Role.EDITOR);
		Response wrong = this.browser.send("POST", "/api/session/console", null, ConsoleClient.sameOrigin(),
				Map.of("username", editor.username(), "password", "Wrong-Pass-2026!"));
		assertThat(wrong.status()).isEqualTo(401);
		assertThat(wrong.problemType()).isEqualTo("https://wxops.io/problems/bad-credentials");
		assertThat(ConsoleClient.setCookie(wrong)).isNull();
		assertThat(this.jdbc.queryForObject("SELECT failed_logins FROM adm_person WHERE id = ?", Integer.class,
				editor.personId()))
			.isEqualTo(1);
	}

	@Test
	void theConsoleSignInHasTheSignInsBodyLimit() {
		Response big = this.browser.send("POST", "/api/session/console", null, ConsoleClient.sameOrigin(),
				Map.of("username", "someone", "password", "x".repeat(20_000)));
		assertThat(big.status()).isEqualTo(413);
		assertThat(big.problemType()).isEqualTo("https://wxops.io/problems/body-too-large");
	}

	@Test
	void consoleSignInFromAnotherSiteIsRefused() {
		Login editor = this.fx.person(Role.EDITOR);
		Response in = this.browser.send("POST", "/api/session/console", null,
				Map.of("Sec-Fetch-Site", "cross-site", "Origin", "https://evil.example"),
				Map.of("username", editor.username(), "password", AdminFixtures.PASSWORD));
		assertThat(in.status()).isEqualTo(403);
		assertThat(in.problemType()).isEqualTo("https://wxops.io/problems/cross-site-request");
		assertThat(ConsoleClient.setCookie(in)).isNull();
	}

	@Test
	void theCookieSignsInReadsLikeABearerToken() {
		Login handler = this.fx.person(Role.HANDLER);
		String cookie = this.browser.signIn(handler.username(), AdminFixtures.PASSWORD);
		Response me = this.browser.send("GET", "/api/session", cookie, Map.of(), null);
		assertThat(me.status()).as(me.body()).isEqualTo(200);
		assertThat(me.json().at("/person/username").asString()).isEqualTo(handler.username());
		assertThat(me.json().get("mustChangePassword").asBoolean()).isFalse();
		assertThat(me.json().get("idleTimeoutSeconds").asLong()).isEqualTo(1800);
		assertThat(me.json().get("serverTime").asString()).isNotBlank();
		assertThat(this.browser.send("GET", "/api/tickets", cookie, Map.of(), null).status()).isEqualTo(200);
	}

	@Test
	void aBearerHeaderWinsOverTheCookie() {
		Login editor = this.fx.person(Role.EDITOR);
		Login handler = this.fx.person(Role.HANDLER);
		String cookie = this.browser.signIn(handler.username(), AdminFixtures.PASSWORD);
		Response me = this.browser.send("GET", "/api/session", cookie,
				Map.of("Authorization", "Bearer " + editor.token()), null);
		assertThat(me.json().at("/person/username").asString()).isEqualTo(editor.username());
	}

	@Test
	void cookieWritesNeedTheConsolesOwnOrigin() {
		Login handler = this.fx.person(Role.HANDLER);
		String cookie = this.browser.signIn(handler.username(), AdminFixtures.PASSWORD);
		String path = "/api/tickets/999999999/notes";
		Map<String, String> note = Map.of("text", "a note");
		// Nothing says where it comes from: refused, before the ticket is even looked up.
		Response bare = this.browser.send("POST", path, cookie, Map.of(), note);
		assertThat(bare.status()).isEqualTo(403);
		assertThat(bare.problemType()).isEqualTo("https://wxops.io/problems/cross-site-request");
		assertThat(bare.json().get("detail").asString()).contains("Authorization: Bearer");
		assertThat(this.browser.send("POST", path, cookie, Map.of("Sec-Fetch-Site", "same-site"), note).status())
			.isEqualTo(403);
		assertThat(this.browser.send("POST", path, cookie, Map.of("Origin", "https://evil.example"), note).status())
			.isEqualTo(403);
		assertThat(this.browser.send("POST", path, cookie, Map.of("Origin", "null"), note).status()).isEqualTo(403);
		// From the console's own pages it gets through to the endpoint (no such ticket).
		assertThat(this.browser.send("POST", path, cookie, ConsoleClient.sameOrigin(), note).status()).isEqualTo(404);
		assertThat(this.browser.send("POST", path, cookie, Map.of("Origin", this.fx.baseUrl()), note).status())
			.isEqualTo(404);
		// Sec-Fetch-Site decides when present, whatever the Origin says.
		assertThat(this.browser
			.send("POST", path, cookie, Map.of("Sec-Fetch-Site", "cross-site", "Origin", this.fx.baseUrl()), note)
			.status()).isEqualTo(403);
	}

	@Test
	void bearerWritesAreNotCheckedForTheirOrigin() {
		Login handler = this.fx.person(Role.HANDLER);
		Response r = this.browser.send("POST", "/api/tickets/999999999/notes", null,
				Map.of("Authorization", "Bearer " + handler.token(), "Origin", "https://evil.example"),
				Map.of("text", "a note"));
		assertThat(r.status()).isEqualTo(404);
	}

	@Test
	void signingOutEndsTheSessionAndClearsTheCookie() {
		Login editor = this.fx.person(Role.EDITOR);
		String cookie = this.browser.signIn(editor.username(), AdminFixtures.PASSWORD);
		Response out = this.browser.send("DELETE", "/api/session", cookie, ConsoleClient.sameOrigin(), null);
		assertThat(out.status()).isEqualTo(204);
		assertThat(ConsoleClient.setCookie(out)).contains("Max-Age=0").contains("HttpOnly");
		Response after = this.browser.send("GET", "/api/session", cookie, Map.of(), null);
		assertThat(after.status()).isEqualTo(401);
		assertThat(after.problemType()).isEqualTo("https://wxops.io/problems/unauthenticated");
	}

	@Test
	void anIdleSessionAnswersSessionExpired() {
		Login editor = this.fx.person(Role.EDITOR);
		String cookie = this.browser.signIn(editor.username(), AdminFixtures.PASSWORD);
		this.jdbc.update("UPDATE adm_session SET last_seen_at = last_seen_at - INTERVAL 31 MINUTE WHERE person_id = ?",
				editor.personId());
		Response idle = this.browser.send("GET", "/api/session", cookie, Map.of(), null);
		assertThat(idle.status()).isEqualTo(401);
		assertThat(idle.problemType()).isEqualTo("https://wxops.io/problems/session-expired");
		// The same for a bearer token.
		Response bearer = this.fx.get("/api/session", editor.token());
		assertThat(bearer.problemType()).isEqualTo("https://wxops.io/problems/session-expired");
	}

	@Test
	void aBackgroundPollDoesNotKeepTheSessionAlive() {
		Login editor = this.fx.person(Role.EDITOR);
		String cookie = this.browser.signIn(editor.username(), AdminFixtures.PASSWORD);
		this.jdbc.update("UPDATE adm_session SET last_seen_at = NOW(3) - INTERVAL 10 MINUTE WHERE person_id = ?",
				editor.personId());
		String lastSeen = "SELECT TIMESTAMPDIFF(SECOND, MAX(last_seen_at), NOW(3)) FROM adm_session "
				+ "WHERE person_id = ? AND revoked_at IS NULL";
		Response poll = this.browser.send("GET", "/api/my-work", cookie, Map.of(SessionCookie.POLL_HEADER, "1"), null);
		assertThat(poll.status()).isEqualTo(200);
		assertThat(this.jdbc.queryForObject(lastSeen, Long.class, editor.personId())).isGreaterThanOrEqualTo(599);
		// A request the person made does.
		assertThat(this.browser.send("GET", "/api/my-work", cookie, Map.of(), null).status()).isEqualTo(200);
		assertThat(this.jdbc.queryForObject(lastSeen, Long.class, editor.personId())).isLessThan(60);
	}

	@Test
	void aSessionPastItsLifetimeAnswersSessionExpired() {
		Login editor = this.fx.person(Role.EDITOR);
		String cookie = this.browser.signIn(editor.username(), AdminFixtures.PASSWORD);
		this.jdbc.update("UPDATE adm_session SET expires_at = NOW(3) - INTERVAL 1 SECOND WHERE person_id = ?",
				editor.personId());
		Response expired = this.browser.send("GET", "/api/session", cookie, Map.of(), null);
		assertThat(expired.status()).isEqualTo(401);
		assertThat(expired.problemType()).isEqualTo("https://wxops.io/problems/session-expired");
	}

	@Test
	void neverSignedInIsUnauthenticatedNotExpired() {
		Response r = this.browser.send("GET", "/api/session", "not-a-token-anyone-was-given-0123456789", Map.of(),
				null);
		assertThat(r.status()).isEqualTo(401);
		assertThat(r.problemType()).isEqualTo("https://wxops.io/problems/unauthenticated");
	}

	@Test
	void aForcedPasswordChangeWorksWithTheCookieAndClearsIt() {
		Login handler = this.fx.person(Role.HANDLER);
		this.jdbc.update("UPDATE adm_person SET must_change_password = TRUE WHERE id = ?", handler.personId());
		String cookie = this.browser.signIn(handler.username(), AdminFixtures.PASSWORD);
		Response me = this.browser.send("GET", "/api/session", cookie, Map.of(), null);
		assertThat(me.json().get("mustChangePassword").asBoolean()).isTrue();
		Response queue = this.browser.send("GET", "/api/tickets", cookie, Map.of(), null);
		assertThat(queue.status()).isEqualTo(403);
		assertThat(queue.problemType()).isEqualTo("https://wxops.io/problems/password-change-required");
		Response changed = this.browser.send("PUT", "/api/session/password", cookie, ConsoleClient.sameOrigin(),
				Map.of("currentPassword", AdminFixtures.PASSWORD, "newPassword", "Another-Pass-2027#"));
		assertThat(changed.status()).as(changed.body()).isEqualTo(204);
		assertThat(ConsoleClient.setCookie(changed)).contains("Max-Age=0");
		// Every session ended, this one included, as for bearer tokens.
		assertThat(this.browser.send("GET", "/api/session", cookie, Map.of(), null).status()).isEqualTo(401);
		String again = this.browser.signIn(handler.username(), "Another-Pass-2027#");
		Response after = this.browser.send("GET", "/api/session", again, Map.of(), null);
		assertThat(after.json().get("mustChangePassword").asBoolean()).isFalse();
	}

}
