package io.wxops.admin.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.wxops.admin.AdminFixtures;
import io.wxops.admin.AdminFixtures.Login;
import io.wxops.admin.AdminFixtures.Response;
import io.wxops.admin.AdminIntegrationTest;
import io.wxops.admin.SecondAdminInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lockout holds under concurrency: each attempt reserves its failure in the database
 * before the password is checked, so a burst across two instances checks at most
 * {@code max-failures} passwords; unknown usernames answer like known ones.
 */
@AdminIntegrationTest
class SignInLockoutIntegrationTests {

	private static final String WRONG = "Wrong-Pass-2026!";

	static ConfigurableApplicationContext second;

	@Autowired
	AdminFixtures fx;

	@Autowired
	JdbcTemplate jdbc;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

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

	@Test
	void twentyParallelWrongPasswordsOnOneInstanceCheckAtMostFive() throws Exception {
		Login editor = this.fx.person(Role.EDITOR);
		List<Integer> statuses = burst(List.of(this.fx.baseUrl()), 20, editor.username(), WRONG);
		assertThat(statuses).containsOnly(401, 423);
		assertThat(statuses.stream().filter((s) -> s == 401).count()).isEqualTo(5);
		Response right = this.fx.post("/api/session", null,
				Map.of("username", editor.username(), "password", AdminFixtures.PASSWORD));
		assertThat(right.status()).isEqualTo(423);
		assertThat(this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM adm_audit_entry WHERE action = 'LOGIN_LOCKED' AND person_id = ?", Long.class,
				editor.personId()))
			.isEqualTo(1);
	}

	@Test
	void twentyParallelAttemptsAcrossTwoInstancesCheckAtMostFive() throws Exception {
		Login editor = this.fx.person(Role.EDITOR);
		String other = "http://127.0.0.1:" + second.getEnvironment().getProperty("local.server.port");
		List<Integer> statuses = burst(List.of(this.fx.baseUrl(), other), 20, editor.username(), WRONG);
		assertThat(statuses).containsOnly(401, 423);
		assertThat(statuses.stream().filter((s) -> s == 401).count()).isEqualTo(5);
		assertThat(this.fx
			.post("/api/session", null, Map.of("username", editor.username(), "password", AdminFixtures.PASSWORD))
			.status()).isEqualTo(423);
	}

	@Test
	void anUnknownUsernameIsLockedLikeAKnownOne() throws Exception {
		Login editor = this.fx.person(Role.EDITOR);
		String unknown = "nobody-" + editor.username();
		List<Integer> known = new ArrayList<>();
		List<Integer> stranger = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			known.add(this.fx.post("/api/session", null, Map.of("username", editor.username(), "password", WRONG))
				.status());
			stranger.add(this.fx.post("/api/session", null, Map.of("username", unknown, "password", WRONG)).status());
		}
		assertThat(known).containsExactly(401, 401, 401, 401, 401, 423);
		assertThat(stranger).isEqualTo(known);
		Response lockedKnown = this.fx.post("/api/session", null,
				Map.of("username", editor.username(), "password", WRONG));
		Response lockedStranger = this.fx.post("/api/session", null, Map.of("username", unknown, "password", WRONG));
		assertThat(lockedStranger.problemType()).isEqualTo(lockedKnown.problemType())
			.isEqualTo("https://wxops.io/problems/login-locked");
		assertThat(lockedStranger.json().get("title").asString()).isEqualTo(lockedKnown.json().get("title").asString());
		List<Integer> parallel = burst(List.of(this.fx.baseUrl()), 20, "nobody-else-" + editor.username(), WRONG);
		assertThat(parallel.stream().filter((s) -> s == 401).count()).isEqualTo(5);
		// Only a hash of the unknown username is kept.
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM adm_sign_in_guard WHERE username_hash LIKE ?",
				Long.class, "%" + unknown + "%"))
			.isZero();
	}

	@Test
	void wrongCurrentPasswordsOnPasswordChangeLockLikeSignIn() throws Exception {
		Login editor = this.fx.person(Role.EDITOR);
		List<Integer> statuses = new ArrayList<>();
		ExecutorService pool = Executors.newFixedThreadPool(10);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Integer>> answers = new ArrayList<>();
			for (int i = 0; i < 10; i++) {
				answers.add(pool.submit(() -> {
					start.await();
					return this.fx
						.put("/api/session/password", editor.token(),
								Map.of("currentPassword", WRONG, "newPassword", "Another-Pass-2027#"))
						.status();
				}));
			}
			start.countDown();
			for (Future<Integer> answer : answers) {
				statuses.add(answer.get(60, TimeUnit.SECONDS));
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(statuses).containsOnly(400, 423);
		assertThat(statuses.stream().filter((s) -> s == 400).count()).isEqualTo(5);
		Response right = this.fx.put("/api/session/password", editor.token(),
				Map.of("currentPassword", AdminFixtures.PASSWORD, "newPassword", "Another-Pass-2027#"));
		assertThat(right.status()).isEqualTo(423);
		assertThat(this.fx
			.post("/api/session", null, Map.of("username", editor.username(), "password", AdminFixtures.PASSWORD))
			.status()).isEqualTo(423);
	}

	@Test
	void aRightPasswordClearsEarlierFailures() {
		Login editor = this.fx.person(Role.EDITOR);
		for (int i = 0; i < 4; i++) {
			this.fx.post("/api/session", null, Map.of("username", editor.username(), "password", WRONG));
		}
		assertThat(this.fx.login(editor.username(), AdminFixtures.PASSWORD)).isNotBlank();
		for (int i = 0; i < 4; i++) {
			assertThat(this.fx.post("/api/session", null, Map.of("username", editor.username(), "password", WRONG))
				.status()).isEqualTo(401);
		}
		assertThat(this.fx.login(editor.username(), AdminFixtures.PASSWORD)).isNotBlank();
	}

	/** {@code count} sign-ins released at once, spread over the given instances. */
	private List<Integer> burst(List<String> instances, int count, String username, String password) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(count);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Integer>> answers = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				String base = instances.get(i % instances.size());
				answers.add(pool.submit(() -> {
					start.await();
					return signIn(base, username, password);
				}));
			}
			start.countDown();
			List<Integer> statuses = new ArrayList<>();
			for (Future<Integer> answer : answers) {
				statuses.add(answer.get(60, TimeUnit.SECONDS));
			}
			return statuses;
		}
		finally {
			pool.shutdownNow();
		}
	}

	private int signIn(String base, String username, String password) throws Exception {
		String body = "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}";
		HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/session"))
			.timeout(Duration.ofSeconds(60))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
	}

}
