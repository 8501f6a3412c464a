package io.wxops.admin.console;

import java.util.Map;

import io.wxops.admin.AdminFixtures;
import io.wxops.admin.AdminFixtures.Login;
import io.wxops.admin.AdminFixtures.Response;
import io.wxops.admin.AdminIntegrationTest;
import io.wxops.admin.SecondAdminInstance;
import io.wxops.admin.security.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two admin instances behind one load balancer: a console session and a polled ETag from
 * one are good on the other, since the cookie is the session's token and the cross-site
 * check and the tag read only the request and the data.
 */
@AdminIntegrationTest
class ConsoleTwoInstancesIntegrationTests {

	static ConfigurableApplicationContext second;

	@Autowired
	AdminFixtures fx;

	@BeforeAll
	static void startSecondInstance() {
		second = SecondAdminInstance.start();
	}

	@AfterAll
	static void stopSecondInstance() {
		if (second != null) {
			second.close();
		}
	}

	private static ConsoleClient secondBrowser() {
		return new ConsoleClient("http://127.0.0.1:" + second.getEnvironment().getProperty("local.server.port"));
	}

	@Test
	void aConsoleSessionFromOneInstanceWorksOnTheOther() {
		Login handler = this.fx.person(Role.HANDLER);
		ConsoleClient first = new ConsoleClient(this.fx.baseUrl());
		ConsoleClient other = secondBrowser();
		String cookie = first.signIn(handler.username(), AdminFixtures.PASSWORD);
		Response me = other.send("GET", "/api/session", cookie, Map.of(), null);
		assertThat(me.status()).isEqualTo(200);
		assertThat(me.json().at("/person/username").asString()).isEqualTo(handler.username());
		// A write from the console's pages passes the check there too (no such ticket).
		assertThat(other
			.send("POST", "/api/tickets/999999999/notes", cookie, ConsoleClient.sameOrigin(), Map.of("text", "a note"))
			.status()).isEqualTo(404);
		assertThat(other
			.send("POST", "/api/tickets/999999999/notes", cookie, Map.of("Origin", "https://evil.example"),
					Map.of("text", "a note"))
			.problemType()).isEqualTo("https://wxops.io/problems/cross-site-request");
		// Signed out on the second, the session is over on the first.
		assertThat(other.send("DELETE", "/api/session", cookie, ConsoleClient.sameOrigin(), null).status())
			.isEqualTo(204);
		assertThat(first.send("GET", "/api/session", cookie, Map.of(), null).status()).isEqualTo(401);
	}

	@Test
	void aPolledTagFromOneInstanceIsGoodOnTheOther() {
		// On a new account of its own: nothing else changes its counts meanwhile.
		Login admin = this.fx.person(Role.ADMIN);
		long account = this.fx.registerAccount(admin).get("id").asLong();
		Login handler = this.fx.person(Role.HANDLER, account, null);
		ConsoleClient first = new ConsoleClient(this.fx.baseUrl());
		String cookie = first.signIn(handler.username(), AdminFixtures.PASSWORD);
		Response queue = first.send("GET", "/api/my-work", cookie, Map.of(), null);
		String etag = queue.raw().headers().firstValue("ETag").orElseThrow();
		Response again = secondBrowser().send("GET", "/api/my-work", cookie, Map.of("If-None-Match", etag), null);
		assertThat(again.status()).isEqualTo(304);
	}

}
