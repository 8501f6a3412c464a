package io.wxops.gateway.bench;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.wxops.core.account.AccountSnapshot;
import io.wxops.core.account.AccountStatus;
import io.wxops.core.account.AccountType;
import io.wxops.core.account.MessageMode;
import io.wxops.devkit.simulator.SimulatedAccount;
import io.wxops.gateway.bench.CallbackRequests.Endpoint;
import io.wxops.gateway.bench.CallbackRequests.Line;
import io.wxops.gateway.callback.CallbackParams;
import io.wxops.gateway.callback.CallbackReader;
import io.wxops.gateway.callback.CallbackRejectedException;
import io.wxops.gateway.callback.ParsedCallback;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CallbackRequestsTests {

	private final SimulatedAccount account = CallbackRequests.randomAccount();

	private final CallbackRequests requests = new CallbackRequests(this.account);

	@TempDir
	Path dir;

	@Test
	void everyLinePassesTheGatewaysOwnVerificationAndDecryption() throws Exception {
		List<Line> lines = CallbackRequests.read(this.requests.write(Endpoint.FULL, 50, this.dir.resolve("f.txt")));

		assertThat(lines).hasSize(50);
		CallbackReader reader = new CallbackReader();
		for (Line line : lines) {
			assertThat(line.target()).startsWith("/wx/" + this.account.appId() + "/callback?");
			ParsedCallback parsed = reader.read(snapshot(this.account), params(line), line.body());
			assertThat(parsed.encrypted()).isTrue();
			assertThat(parsed.message().getMsgType()).isEqualTo("text");
			assertThat(parsed.message().getToUser()).isEqualTo(this.account.originalId());
			assertThat(parsed.message().getContent()).startsWith("benchmark message ");
		}
	}

	@Test
	void everyMessageIsDistinctWithinAFileAndAcrossFiles() throws Exception {
		List<Line> first = CallbackRequests.read(this.requests.write(Endpoint.FULL, 300, this.dir.resolve("a.txt")));
		List<Line> second = CallbackRequests.read(this.requests.write(Endpoint.FULL, 300, this.dir.resolve("b.txt")));

		Set<Long> msgIds = new HashSet<>();
		Set<String> openids = new HashSet<>();
		CallbackReader reader = new CallbackReader();
		for (Line line : concat(first, second)) {
			ParsedCallback parsed = reader.read(snapshot(this.account), params(line), line.body());
			msgIds.add(parsed.message().getMsgId());
			openids.add(parsed.message().getFromUser());
			assertThat(params(line).openid()).isEqualTo(parsed.message().getFromUser());
		}
		assertThat(msgIds).hasSize(600);
		assertThat(openids).hasSize(600);
	}

	@Test
	void anotherBenchmarkRunNeverSendsTheSameMessages() throws Exception {
		Line ours = CallbackRequests.read(this.requests.write(Endpoint.FULL, 1, this.dir.resolve("a.txt"))).get(0);
		CallbackRequests otherRun = new CallbackRequests(this.account);
		Line theirs = CallbackRequests.read(otherRun.write(Endpoint.FULL, 1, this.dir.resolve("b.txt"))).get(0);

		CallbackReader reader = new CallbackReader();
		ParsedCallback a = reader.read(snapshot(this.account), params(ours), ours.body());
		ParsedCallback b = reader.read(snapshot(this.account), params(theirs), theirs.body());
		assertThat(a.message().getMsgId()).isNotEqualTo(b.message().getMsgId());
		assertThat(a.message().getFromUser()).isNotEqualTo(b.message().getFromUser());
	}

	@Test
	void baselineLinesGoToTheBaselineEndpoint() throws Exception {
		List<Line> lines = CallbackRequests.read(this.requests.write(Endpoint.BASELINE, 3, this.dir.resolve("b.txt")));

		assertThat(lines).allSatisfy(
				(line) -> assertThat(line.target()).startsWith("/wx/" + this.account.appId() + "/callback-baseline?"));
	}

	@Test
	void aSignatureMadeWithAnotherTokenIsRefused() throws Exception {
		SimulatedAccount impostor = new SimulatedAccount(this.account.appId(), this.account.originalId(),
				"anotherToken123", this.account.aesKey(), SimulatedAccount.Mode.SAFE);
		Line forged = CallbackRequests
			.read(new CallbackRequests(impostor).write(Endpoint.FULL, 1, this.dir.resolve("f.txt")))
			.get(0);

		assertThatThrownBy(() -> new CallbackReader().read(snapshot(this.account), params(forged), forged.body()))
			.isInstanceOf(CallbackRejectedException.class);
	}

	@Test
	void httpRequestCarriesTheLineAndItsLength() throws Exception {
		Line line = CallbackRequests.read(this.requests.write(Endpoint.FULL, 1, this.dir.resolve("f.txt"))).get(0);

		String http = new String(line.httpRequest("127.0.0.1:8080"), StandardCharsets.UTF_8);

		assertThat(http).startsWith("POST " + line.target() + " HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n")
			.contains("\r\nContent-Length: " + line.body().getBytes(StandardCharsets.UTF_8).length + "\r\n")
			.endsWith("\r\n\r\n" + line.body());
	}

	@Test
	void aLineWithoutATabIsRefused() throws Exception {
		Path file = Files.writeString(this.dir.resolve("bad.txt"), "/wx/x/callback?a=b <xml/>\n");

		assertThatThrownBy(() -> CallbackRequests.read(file)).isInstanceOf(IllegalArgumentException.class);
	}

	static AccountSnapshot snapshot(SimulatedAccount account) {
		return new AccountSnapshot(1L, account.appId(), account.originalId(), "Benchmark", AccountType.SUBSCRIPTION,
				MessageMode.SAFE, AccountStatus.ACTIVE, account.token(), account.aesKey(), null, null, 1);
	}

	static CallbackParams params(Line line) {
		Map<String, String> q = new LinkedHashMap<>();
		for (String pair : line.query().split("&")) {
			int eq = pair.indexOf('=');
			q.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
		}
		return new CallbackParams(q.get("signature"), q.get("timestamp"), q.get("nonce"), q.get("openid"),
				q.get("encrypt_type"), q.get("msg_signature"));
	}

	private static List<Line> concat(List<Line> a, List<Line> b) {
		return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
	}

}
