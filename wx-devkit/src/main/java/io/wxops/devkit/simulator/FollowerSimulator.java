package io.wxops.devkit.simulator;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import me.chanjar.weixin.common.util.crypto.SHA1;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

/**
 * The follower side of WeChat: delivers a message or event to a gateway the way WeChat
 * does. It signs (and in compatible/safe mode encrypts) the message, waits up to 5
 * seconds for an answer and, like WeChat, sends the same callback again when it gets
 * none, up to 3 retries. An encrypted reply is checked (msg_signature) and opened, as
 * WeChat would.
 */
public final class FollowerSimulator {

	private final URI gateway;

	private final HttpClient http;

	private final Duration timeout;

	private final int retries;

	/** A simulator with WeChat's own timing: 5 s per attempt, 3 retries. */
	public FollowerSimulator(URI gateway) {
		this(gateway, Duration.ofSeconds(5), 3);
	}

	public FollowerSimulator(URI gateway, Duration timeout, int retries) {
		this.gateway = gateway;
		this.timeout = timeout;
		this.retries = retries;
		this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
	}

	/** Delivers the message, retrying like WeChat. */
	public Delivery deliver(SimulatedAccount account, String plainXml, String openid) {
		Callback callback = Callback.seal(account, plainXml, openid);
		List<String> attempts = new ArrayList<>();
		for (int attempt = 0; attempt <= this.retries; attempt++) {
			try {
				HttpResponse<String> response = post(account, callback);
				attempts.add(String.valueOf(response.statusCode()));
				if (response.statusCode() == 200) {
					return new Delivery(attempts, response.statusCode(), response.body(),
							openReply(account, response.body()));
				}
				if (response.statusCode() < 500) {
					// A refusal is final; WeChat would alert the developer rather than
					// retry forever.
					return new Delivery(attempts, response.statusCode(), response.body(), null);
				}
			}
			catch (HttpTimeoutException ex) {
				attempts.add("timeout");
			}
			catch (IOException ex) {
				attempts.add("io-error");
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		return new Delivery(attempts, -1, null, null);
	}

	/** One attempt, no retry: what the gateway answered. */
	public HttpResponse<String> post(SimulatedAccount account, Callback callback)
			throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(callbackUri(account, callback.query()))
			.timeout(this.timeout)
			.header("Content-Type", "text/xml; charset=utf-8")
			.POST(HttpRequest.BodyPublishers.ofString(callback.body(), StandardCharsets.UTF_8))
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	public URI callbackUri(SimulatedAccount account, String query) {
		return this.gateway.resolve("/wx/" + account.appId() + "/callback?" + query);
	}

	/**
	 * The plaintext of a reply: "success" and plaintext XML as they are, an encrypted
	 * envelope verified and decrypted.
	 * @throws IllegalStateException if an encrypted reply's signature does not verify
	 */
	public static String openReply(SimulatedAccount account, String body) {
		if (body == null || !body.contains("<Encrypt>")) {
			return body;
		}
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			Element root = factory.newDocumentBuilder()
				.parse(new InputSource(new StringReader(body)))
				.getDocumentElement();
			String encrypt = text(root, "Encrypt");
			String signature = text(root, "MsgSignature");
			String timestamp = text(root, "TimeStamp");
			String nonce = text(root, "Nonce");
			if (!SHA1.gen(account.token(), timestamp, nonce, encrypt).equals(signature)) {
				throw new IllegalStateException("Reply MsgSignature does not verify");
			}
			return Callback.crypt(account).decrypt(encrypt);
		}
		catch (IllegalStateException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new IllegalStateException("Reply cannot be opened: " + ex.getMessage(), ex);
		}
	}

	private static String text(Element root, String name) {
		return root.getElementsByTagName(name).item(0).getTextContent();
	}

	/**
	 * What happened to a delivery.
	 *
	 * @param attempts status code or "timeout" per attempt
	 * @param status the final HTTP status, -1 when every attempt failed
	 * @param body the final answer as sent
	 * @param reply the answer opened (decrypted when encrypted)
	 */
	public record Delivery(List<String> attempts, int status, String body, String reply) {

		public boolean delivered() {
			return this.status == 200;
		}

	}

}
