package io.wxops.admin.web;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.wxops.admin.AdminFixtures;
import io.wxops.admin.AdminFixtures.Login;
import io.wxops.admin.AdminFixtures.Response;
import io.wxops.admin.AdminIntegrationTest;
import io.wxops.admin.security.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bodies over their endpoint class's limit are refused with a 413 problem before they are
 * read to the end, with or without a Content-Length; the documented bulk calls still fit.
 */
@AdminIntegrationTest
class RequestLimitsIntegrationTests {

	@Autowired
	AdminFixtures fx;

	@Autowired
	Environment environment;

	@Test
	void aDeclaredTwentyMegabyteBodyIsRefusedBeforeItIsSent() throws Exception {
		Login editor = this.fx.person(Role.EDITOR);
		String head = "POST /api/screening HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + editor.token()
				+ "\r\nContent-Type: application/json\r\nContent-Length: " + (20 * 1024 * 1024) + "\r\n\r\n";
		// Only the first 64 KB are sent: the answer must come without the rest.
		String answer = exchange(head.getBytes(StandardCharsets.US_ASCII), List.of(filler(64 * 1024)));
		assertThat(answer).startsWith("HTTP/1.1 413");
		assertThat(answer).contains("https://wxops.io/problems/body-too-large");
	}

	@Test
	void aChunkedBodyIsRefusedOnceItPassesTheLimit() throws Exception {
		Login editor = this.fx.person(Role.EDITOR);
		String head = "POST /api/screening HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + editor.token()
				+ "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
		List<byte[]> chunks = new ArrayList<>();
		chunks.add(chunk("{\"body\":\"".getBytes(StandardCharsets.US_ASCII)));
		// 3 MB of a string, past the 2 MB JSON limit; the body never ends.
		for (int i = 0; i < 48; i++) {
			chunks.add(chunk(filler(64 * 1024)));
		}
		String answer = exchange(head.getBytes(StandardCharsets.US_ASCII), chunks);
		assertThat(answer).startsWith("HTTP/1.1 413");
		assertThat(answer).contains("https://wxops.io/problems/body-too-large");
	}

	@Test
	void signInTakesSmallBodiesAndShortPasswordsOnly() {
		Login editor = this.fx.person(Role.EDITOR);
		Response huge = this.fx.post("/api/session", null,
				Map.of("username", editor.username(), "password", "x".repeat(20_000)));
		assertThat(huge.status()).isEqualTo(413);
		assertThat(huge.problemType()).isEqualTo("https://wxops.io/problems/body-too-large");
		Response longPassword = this.fx.post("/api/session", null,
				Map.of("username", editor.username(), "password", "x".repeat(200)));
		assertThat(longPassword.status()).isEqualTo(400);
		assertThat(AdminFixtures.fieldErrors(longPassword)).containsExactly("password");
		// Neither counted as a failure: the right password still signs in after five.
		for (int i = 0; i < 5; i++) {
			this.fx.post("/api/session", null, Map.of("username", editor.username(), "password", "y".repeat(200)));
		}
		assertThat(this.fx.login(editor.username(), AdminFixtures.PASSWORD)).isNotBlank();
	}

	@Test
	void fiftyThousandLexiconTermsOfTheLongestKindStillFit() {
		Login admin = this.fx.person(Role.ADMIN);
		List<Map<String, Object>> terms = new ArrayList<>();
		// 65 characters: one too many, so the call is refused by validation (400) after
		// the whole body was read and parsed, and the shared lexicon stays as it is.
		String term = "政".repeat(65);
		for (int i = 0; i < 50_000; i++) {
			terms.add(Map.of("category", "STATE_SECURITY", "term", term));
		}
		Response r = this.fx.post("/api/lexicon/terms", admin.token(), Map.of("terms", terms));
		assertThat(r.status()).as(r.body()).isEqualTo(400);
		assertThat(AdminFixtures.fieldErrors(r)).contains("terms[0].term");
	}

	@Test
	void fiveThousandInboxPatternsStillFit() {
		Login admin = this.fx.person(Role.ADMIN);
		long account = this.fx.registerAccount(admin).get("id").asLong();
		List<String> patterns = new ArrayList<>();
		for (int i = 0; i < 5_000; i++) {
			patterns.add("恶".repeat(60) + i);
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("kind", "NO_SUCH_KIND");
		body.put("category", "MALICIOUS");
		body.put("patterns", patterns);
		Response r = this.fx.post("/api/accounts/" + account + "/inbox-rules/bulk", admin.token(), body);
		assertThat(r.status()).as(r.body()).isEqualTo(400);
		assertThat(AdminFixtures.fieldErrors(r)).contains("kind");
	}

	private static byte[] filler(int size) {
		byte[] bytes = new byte[size];
		java.util.Arrays.fill(bytes, (byte) 'a');
		return bytes;
	}

	private static byte[] chunk(byte[] data) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes((Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
		out.writeBytes(data);
		out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
		return out.toByteArray();
	}

	/**
	 * Sends the head and the given parts (stopping quietly if the server closes), then
	 * reads what the server answers within 20 seconds; an empty string when nothing came.
	 */
	private String exchange(byte[] head, List<byte[]> parts) throws Exception {
		int port = Integer.parseInt(this.environment.getProperty("local.server.port"));
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(20_000);
			OutputStream out = socket.getOutputStream();
			try {
				out.write(head);
				for (byte[] part : parts) {
					out.write(part);
				}
				out.flush();
			}
			catch (java.io.IOException closed) {
				// The server may answer and close before everything was written.
			}
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream answer = new ByteArrayOutputStream();
			byte[] buffer = new byte[8192];
			try {
				int n;
				while ((n = in.read(buffer)) > 0) {
					answer.write(buffer, 0, n);
					if (answer.toString(StandardCharsets.UTF_8).contains("body-too-large")) {
						break;
					}
				}
			}
			catch (SocketTimeoutException | java.net.SocketException ex) {
				// Nothing more came.
			}
			return answer.toString(StandardCharsets.UTF_8);
		}
	}

}
