package io.wxops.local;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console in a real Chromium against the whole local run: one start of the system,
 * then every Playwright scenario in {@code admin-api/console/e2e/scenarios/} (each page
 * checked with axe-core, screenshots into {@code src/docs/images/}). Debian's
 * {@code chromium} (or {@code CHROME_PATH}) and Node 20+ must be installed; the browser
 * is never downloaded.
 */
@Timeout(value = 12, unit = TimeUnit.MINUTES)
class ConsoleEndToEndTests {

	/** Tickets seeded for the queue's budget: it must stay responsive with this many. */
	static final int SEEDED_TICKETS = 10_000;

	static final Path CONSOLE = Path.of("..", "admin-api", "console").toAbsolutePath().normalize();

	static final Path SCREENSHOTS = Path.of("..", "src", "docs", "images").toAbsolutePath().normalize();

	@TempDir
	static Path home;

	private static LocalLauncher.Running running;

	@BeforeAll
	static void start() {
		assertThat(chromium()).as("No Chromium found: the console's end-to-end tests drive Debian's chromium "
				+ "(apt-get install chromium; .ci/run installs it) or the binary named by CHROME_PATH. Browsers are "
				+ "never downloaded.")
			.isNotNull();
		running = LocalLauncher.start(Map.of(LocalSettings.GATEWAY_PORT, "0", LocalSettings.ADMIN_PORT, "0",
				LocalSettings.SIMULATOR_PORT, "0", LocalSettings.HOME, home.toString()));
	}

	@AfterAll
	static void stop() {
		if (running != null) {
			running.close();
		}
	}

	@Test
	void consoleScenariosPassInChromium() throws Exception {
		assertThat(consoleIndex())
			.as("admin-api serves no built console at /console/: build admin-api with the "
					+ "console (without -Dconsole.skip=true)")
			.contains("<div id=\"app\">")
			.contains("/console/assets/");
		seedTickets(SEEDED_TICKETS);
		String password = Files.readString(running.settingsHome().resolve(LocalState.DEMO_PASSWORD_FILE)).trim();
		ProcessBuilder node = new ProcessBuilder("node", "e2e/run.mjs").directory(CONSOLE.toFile())
			.redirectErrorStream(true);
		Map<String, String> env = node.environment();
		env.put("WXOPS_CONSOLE_URL", running.consoleUrl());
		env.put("WXOPS_SIMULATOR_URL", running.simulatorUrl());
		env.put("WXOPS_DEMO_PASSWORD", password);
		env.put("WXOPS_SCREENSHOTS", SCREENSHOTS.toString());
		env.put("WXOPS_SEEDED_TICKETS", Integer.toString(SEEDED_TICKETS));
		String chromium = chromium();
		env.put("CHROME_PATH", chromium);
		Process process = node.start();
		List<String> lines = new ArrayList<>();
		try (BufferedReader out = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			for (String line = out.readLine(); line != null; line = out.readLine()) {
				System.out.println(line);
				lines.add(line);
			}
		}
		assertThat(process.waitFor(9, TimeUnit.MINUTES)).as("the scenarios finished").isTrue();
		String log = String.join("\n", lines);
		assertThat(lines).as(log).anyMatch((l) -> l.startsWith("PASS "));
		assertThat(lines).as(log).noneMatch((l) -> l.startsWith("FAIL "));
		assertThat(process.exitValue()).as(log).isZero();
	}

	private static String consoleIndex() throws Exception {
		HttpResponse<String> index = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(running.consoleUrl()))
				.header("Accept", "text/html")
				.timeout(Duration.ofSeconds(10))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(index.statusCode()).isEqualTo(200);
		return index.body();
	}

	/**
	 * Acknowledged consultations of demo-handler's department, due in a month, so the
	 * scenarios' fresh complaints still come first in the queue (soonest due first).
	 */
	private static void seedTickets(int count) {
		DemoInbox.Setup demo = DemoInbox.configure(running.admin());
		JdbcTemplate jdbc = running.admin().getBean(JdbcTemplate.class);
		Instant now = Instant.now();
		Timestamp at = Timestamp.from(now.minus(Duration.ofHours(1)));
		List<Object[]> rows = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			Timestamp due = Timestamp.from(now.plus(Duration.ofDays(30)).plusSeconds(i));
			rows.add(new Object[] { demo.accountId(), "o_seed_" + i, demo.service(), at, due, at, at, at, at });
		}
		jdbc.batchUpdate("INSERT INTO inb_ticket (account_id, openid, category, department_id, status, hidden, "
				+ "removal_flagged, ack_status, acknowledged_at, due_at, first_message_at, last_message_at, version, "
				+ "created_at, updated_at) VALUES (?, ?, 'CONSULTATION', ?, 'ACKNOWLEDGED', FALSE, FALSE, 'SENT', ?, "
				+ "?, ?, ?, 1, ?, ?)", rows);
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM inb_ticket WHERE openid LIKE 'o_seed_%'", Long.class))
			.isEqualTo(count);
	}

	private static String chromium() {
		String configured = System.getenv("CHROME_PATH");
		for (String candidate : new String[] { configured, "/usr/bin/chromium", "/usr/bin/chromium-browser" }) {
			if (candidate != null && !candidate.isBlank() && Files.isExecutable(Path.of(candidate))) {
				return candidate;
			}
		}
		return null;
	}

}
