package io.wxops.gateway.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import io.wxops.devkit.simulator.Callback;
import io.wxops.devkit.simulator.SimulatedAccount;

/**
 * Distinct safe-mode text callbacks, signed and AES-encrypted in advance as WeChat sends
 * them (so neither wrk nor the paced generator spends time on it), written one request a
 * line: the request target (path and query), a tab, the body. wrk's script
 * ({@code callbacks.lua}) and {@link PacedLoad} read these files.
 *
 * <p>
 * Every message gets its own MsgId and openid, in this run and any other (a random tag
 * per benchmark run), so no two lines share a dedup key: each full-path request stores
 * exactly one row.
 */
final class CallbackRequests {

	/** Which endpoint the requests of a file go to. */
	enum Endpoint {

		/** {@code /wx/{appId}/callback-baseline}: verify, decrypt, parse; no I/O. */
		BASELINE("callback-baseline"),
		/** {@code /wx/{appId}/callback}: the full path, dedup and durable store. */
		FULL("callback");

		private final String path;

		Endpoint(String path) {
			this.path = path;
		}

	}

	static final String ALNUM = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

	private static final SecureRandom RANDOM = new SecureRandom();

	/**
	 * Lines sealed in parallel at a time, then written: bounds what is held in memory.
	 */
	private static final int CHUNK = 8_192;

	private final SimulatedAccount account;

	private final String openidTag = random(ALNUM, 6);

	private final long msgIdBase = 7_000_000_000_000_000_000L + RANDOM.nextLong(1_000_000_000_000_000L);

	private final AtomicLong sequence = new AtomicLong();

	CallbackRequests(SimulatedAccount account) {
		this.account = account;
	}

	/** A fresh SAFE-mode account (random AppID, original id, Token and key). */
	static SimulatedAccount randomAccount() {
		return new SimulatedAccount("wx" + random("0123456789abcdef", 16), "gh_" + random("0123456789abcdef", 12),
				random(ALNUM, 32), random(ALNUM, 43), SimulatedAccount.Mode.SAFE);
	}

	SimulatedAccount account() {
		return this.account;
	}

	/**
	 * Writes {@code count} callbacks, none of them written before by this instance.
	 * @return the file
	 */
	Path write(Endpoint endpoint, int count, Path file) throws IOException {
		long first = this.sequence.getAndAdd(count);
		String target = "/wx/" + this.account.appId() + "/" + endpoint.path + "?";
		long createTime = System.currentTimeMillis() / 1000;
		try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			for (int start = 0; start < count; start += CHUNK) {
				// Sealing is AES plus two SHA-1 per message: in parallel.
				List<String> lines = IntStream.range(start, Math.min(count, start + CHUNK))
					.parallel()
					.mapToObj((i) -> line(target, first + i, createTime))
					.toList();
				for (String line : lines) {
					out.write(line);
					out.write('\n');
				}
			}
		}
		return file;
	}

	private String line(String target, long n, long createTime) {
		// 28 characters like a real openid: "oBnch", the tag (6) and the sequence (17)
		String openid = "oBnch" + this.openidTag + String.format("%017d", n);
		String xml = "<xml><ToUserName><![CDATA[" + this.account.originalId() + "]]></ToUserName>"
				+ "<FromUserName><![CDATA[" + openid + "]]></FromUserName><CreateTime>" + createTime
				+ "</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[benchmark message " + n
				+ "]]></Content><MsgId>" + (this.msgIdBase + n) + "</MsgId></xml>";
		Callback callback = Callback.seal(this.account, xml, openid);
		return Line.of(target + callback.query(), callback.body()).toString();
	}

	/** Reads a file back. */
	static List<Line> read(Path file) throws IOException {
		List<Line> lines = new ArrayList<>();
		try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			for (String text = reader.readLine(); text != null; text = reader.readLine()) {
				if (!text.isEmpty()) {
					lines.add(Line.parse(text));
				}
			}
		}
		return lines;
	}

	static String random(String alphabet, int length) {
		StringBuilder sb = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			sb.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
		}
		return sb.toString();
	}

	/**
	 * One request of a file.
	 *
	 * @param target path and query, e.g.
	 * {@code /wx/wx.../callback?signature=...&msg_signature=...}
	 * @param body the XML body, on one line
	 */
	record Line(String target, String body) {

		static Line of(String target, String body) {
			for (String part : new String[] { target, body }) {
				if (part.indexOf('\t') >= 0 || part.indexOf('\n') >= 0 || part.indexOf('\r') >= 0) {
					throw new IllegalStateException("a request must fit one line without tabs: " + part);
				}
			}
			return new Line(target, body);
		}

		static Line parse(String text) {
			int tab = text.indexOf('\t');
			if (tab <= 0) {
				throw new IllegalArgumentException("not a request line (target, tab, body)");
			}
			return of(text.substring(0, tab), text.substring(tab + 1));
		}

		/** The query string, without the leading '?'. */
		String query() {
			int q = this.target.indexOf('?');
			return (q < 0) ? "" : this.target.substring(q + 1);
		}

		/** The complete HTTP/1.1 request, as the paced generator sends it. */
		byte[] httpRequest(String hostHeader) {
			byte[] bodyBytes = this.body.getBytes(StandardCharsets.UTF_8);
			String head = "POST " + this.target + " HTTP/1.1\r\nHost: " + hostHeader
					+ "\r\nContent-Type: text/xml\r\nContent-Length: " + bodyBytes.length + "\r\n\r\n";
			byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
			byte[] request = new byte[headBytes.length + bodyBytes.length];
			System.arraycopy(headBytes, 0, request, 0, headBytes.length);
			System.arraycopy(bodyBytes, 0, request, headBytes.length, bodyBytes.length);
			return request;
		}

		@Override
		public String toString() {
			return this.target + "\t" + this.body;
		}

	}

}
