package io.wxops.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.wxops.devkit.simulator.FollowerSimulator;
import io.wxops.devkit.simulator.Interaction;
import io.wxops.devkit.simulator.FollowerSimulator.Delivery;
import io.wxops.devkit.simulator.SimulatedAccount;
import io.wxops.devkit.simulator.WeChatApiSimulator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * A local-only endpoint that plays a follower of the demo account:
 * {@code POST /simulate/send} builds the message or event, has {@link FollowerSimulator}
 * deliver it to the gateway exactly as WeChat would (signed, encrypted, 5 s timeout, 3
 * retries) and answers in plain text with the attempts, the final HTTP status and the
 * decrypted reply.
 *
 * <p>
 * Bound to 127.0.0.1 only: it holds the demo account's secrets and needs no login.
 */
final class FollowerEndpoint implements AutoCloseable {

	static final String PATH = "/simulate/send";

	/**
	 * {@code POST /simulate/connect?appId=...}: the simulated platform pushes
	 * {@code MASSSENDJOBFINISH} for that registered account too (as it does for the demo
	 * account), so an account registered through the API in a local run completes its
	 * mass sends as WeChat would. Used by the console's end-to-end journeys, which need a
	 * fresh account per journey (one mass send per account and local day).
	 */
	static final String CONNECT_PATH = "/simulate/connect";

	/**
	 * {@code POST /simulate/population?appId=..&followers=N}: gives an account N
	 * synthetic followers on the simulated platform (for the follower sync).
	 */
	static final String POPULATION_PATH = "/simulate/population";

	static final String DEFAULT_OPENID = "o_demo_follower";

	private static final Logger log = LoggerFactory.getLogger(FollowerEndpoint.class);

	private static final int MAX_BODY = 16 * 1024;

	private static final int THREADS = 4;

	private final HttpServer server;

	private final ThreadPoolExecutor executor;

	private final FollowerSimulator simulator;

	private final SimulatedAccount account;

	private final WeChatApiSimulator platform;

	private volatile Connector connector;

	/** Connects a registered account's mass-send results to the gateway. */
	interface Connector {

		/**
		 * @return false when no account has that AppID
		 */
		boolean connect(String appId);

	}

	private FollowerEndpoint(HttpServer server, FollowerSimulator simulator, SimulatedAccount account,
			WeChatApiSimulator platform) {
		this.platform = platform;
		this.server = server;
		this.simulator = simulator;
		this.account = account;
		// A few threads (a delivery takes up to 20 s when the gateway does not answer)
		// and a short queue. When both are full the accepting thread runs the request
		// itself, which slows new connections down instead of queueing without limit.
		this.executor = new ThreadPoolExecutor(THREADS, THREADS, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(32),
				new CustomizableThreadFactory("wx-follower-sim-"), new ThreadPoolExecutor.CallerRunsPolicy());
		server.setExecutor(this.executor);
		server.createContext("/", this::handle);
	}

	/**
	 * Starts on the given port of 127.0.0.1, or on a free one when it is taken.
	 * @param port the wanted port, 0 for any
	 */
	static FollowerEndpoint start(int port, FollowerSimulator simulator, SimulatedAccount account) throws IOException {
		return start(port, simulator, account, null);
	}

	/**
	 * Starts on the given port of 127.0.0.1, or on a free one when it is taken, and tells
	 * the simulated platform what each follower did, so its customer-service windows open
	 * as WeChat's do.
	 * @param port the wanted port, 0 for any
	 * @param platform the API side of the simulated WeChat, or null
	 */
	static FollowerEndpoint start(int port, FollowerSimulator simulator, SimulatedAccount account,
			WeChatApiSimulator platform) throws IOException {
		HttpServer server;
		try {
			server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 16);
		}
		catch (BindException ex) {
			if (port == 0) {
				throw ex;
			}
			log.warn("Port {} is taken; the follower simulator uses a free port instead", port);
			server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
		}
		FollowerEndpoint endpoint = new FollowerEndpoint(server, simulator, account, platform);
		server.start();
		return endpoint;
	}

	/**
	 * Only a follower can write to or click in an account: whoever does (or subscribes)
	 * follows it on the simulated platform too, and who unsubscribes does not, so a
	 * follower sync (the nightly one too) keeps the followers a local run created through
	 * events and lets go only of those who left.
	 */
	private void membership(String type, String openid, long createTime) {
		if ("unsubscribe".equals(type)) {
			this.platform.followerUnsubscribed(this.account.appId(), openid);
		}
		else {
			this.platform.followerSubscribed(this.account.appId(), openid, createTime);
		}
	}

	private void interacted(String type, String openid) {
		switch (type) {
			case "subscribe" -> this.platform.followerInteracted(this.account.appId(), openid, Interaction.SUBSCRIBE);
			case "click" -> this.platform.followerInteracted(this.account.appId(), openid, Interaction.MENU_CLICK);
			case "unsubscribe" -> this.platform.followerUnsubscribed(this.account.appId(), openid);
			default -> this.platform.followerMessaged(this.account.appId(), openid);
		}
	}

	int port() {
		return this.server.getAddress().getPort();
	}

	/** Enables {@value #CONNECT_PATH}. */
	FollowerEndpoint connector(Connector connector) {
		this.connector = connector;
		return this;
	}

	String url() {
		return "http://127.0.0.1:" + port() + PATH;
	}

	@Override
	public void close() {
		// Give a delivery in progress a second to finish, then stop.
		this.server.stop(1);
		this.executor.shutdownNow();
		try {
			this.executor.awaitTermination(2, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void handle(HttpExchange exchange) {
		try {
			String path = exchange.getRequestURI().getPath();
			String method = exchange.getRequestMethod();
			if (CONNECT_PATH.equals(path) && "POST".equals(method) && this.connector != null) {
				connect(exchange);
				return;
			}
			if (POPULATION_PATH.equals(path) && "POST".equals(method) && this.platform != null) {
				Map<String, String> params = parameters(exchange);
				int followers = Integer.parseInt(params.getOrDefault("followers", "0"));
				if (followers < 0 || followers > 1_000_000 || !params.containsKey("appId")) {
					respond(exchange, 400, "appId and followers (0 to 1,000,000) are required\n");
					return;
				}
				this.platform.setFollowerPopulation(params.get("appId"), followers);
				respond(exchange, 200, "population of " + params.get("appId") + ": " + followers + "\n");
				return;
			}
			if (!PATH.equals(path)) {
				boolean help = "GET".equals(method) && ("/".equals(path) || path.startsWith("/simulate"));
				respond(exchange, help ? 200 : 404, usage());
				return;
			}
			if (!"POST".equals(method)) {
				exchange.getResponseHeaders().set("Allow", "POST");
				respond(exchange, 405, "Use POST.\n\n" + usage());
				return;
			}
			Map<String, String> params = parameters(exchange);
			String openid = params.getOrDefault("openid", DEFAULT_OPENID);
			String type = params.getOrDefault("type", "text");
			String xml = FollowerMessages.build(type, params, this.account.originalId(), openid);
			Delivery delivery = this.simulator.deliver(this.account, xml, openid);
			// A message from before WeChat's 48-hour window (createTime) opens no window
			// now.
			boolean recent = FollowerMessages.createTime(params) > System.currentTimeMillis() / 1000
					- Duration.ofHours(48).toSeconds();
			if (delivery.delivered() && this.platform != null) {
				membership(type, openid, FollowerMessages.createTime(params));
				if (recent) {
					interacted(type, openid);
				}
			}
			respond(exchange, delivery.delivered() ? 200 : 502, report(type, openid, xml, delivery));
		}
		catch (IllegalArgumentException ex) {
			respond(exchange, 400, "Bad request: " + ex.getMessage() + "\n\n" + usage());
		}
		catch (BodyTooLargeException ex) {
			respond(exchange, 413, "The body is larger than " + MAX_BODY + " bytes\n");
		}
		catch (RuntimeException | IOException ex) {
			log.warn("Simulated delivery failed", ex);
			respond(exchange, 500, "Simulation failed: " + ex + "\n");
		}
		finally {
			exchange.close();
		}
	}

	private void connect(HttpExchange exchange) throws IOException {
		String appId = parameters(exchange).getOrDefault("appId", "");
		if (!appId.matches("wx[A-Za-z0-9]{16}")) {
			respond(exchange, 400, "Bad request: appId must be wx plus 16 letters or digits\n");
		}
		else if (this.connector.connect(appId)) {
			respond(exchange, 200, "Connected: " + appId + "\nHTTP status: 200\n");
		}
		else {
			respond(exchange, 404, "No registered account " + appId + "\n");
		}
	}

	private String report(String type, String openid, String xml, Delivery delivery) {
		StringBuilder out = new StringBuilder();
		out.append("Sent:        ")
			.append(type.trim().toLowerCase(Locale.ROOT))
			.append(" from ")
			.append(openid)
			.append(" to ")
			.append(this.account.appId())
			.append(" (")
			.append(this.account.mode())
			.append(" mode")
			.append((this.account.mode() == SimulatedAccount.Mode.PLAINTEXT) ? ", signed" : ", signed and encrypted")
			.append(")\n");
		out.append("Message:     ").append(xml).append('\n');
		out.append("Attempts:    ").append(String.join(" -> ", delivery.attempts())).append('\n');
		out.append("HTTP status: ").append(delivery.status());
		if (delivery.status() == -1) {
			out.append(" (no answer: every attempt timed out or failed)");
		}
		out.append('\n');
		if (!delivery.delivered()) {
			if (delivery.body() != null) {
				out.append("Answer:      ").append(delivery.body().strip()).append('\n');
			}
			return out.toString();
		}
		String reply = delivery.reply();
		if (reply == null || reply.isBlank() || "success".equals(reply.strip())) {
			out.append("Reply:       ")
				.append((reply == null || reply.isBlank()) ? "(empty)" : reply.strip())
				.append(" (no passive reply)\n");
			return out.toString();
		}
		String encrypted = (delivery.body() != null && delivery.body().contains("<Encrypt>")) ? " (decrypted)" : "";
		out.append("Reply").append(encrypted).append(":\n").append(reply.strip()).append('\n');
		String content = replyContent(reply);
		if (content != null) {
			out.append("Reply text:  ").append(content).append('\n');
		}
		return out.toString();
	}

	/** The text of a text reply, for reading at a glance; null for other replies. */
	static String replyContent(String replyXml) {
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			NodeList nodes = factory.newDocumentBuilder()
				.parse(new InputSource(new StringReader(replyXml)))
				.getDocumentElement()
				.getElementsByTagName("Content");
			return (nodes.getLength() > 0) ? nodes.item(0).getTextContent() : null;
		}
		catch (Exception ex) {
			return null;
		}
	}

	private static Map<String, String> parameters(HttpExchange exchange) throws IOException {
		Map<String, String> params = new LinkedHashMap<>();
		decodeInto(params, exchange.getRequestURI().getRawQuery());
		String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
		if (contentType != null
				&& contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
			try (InputStream in = exchange.getRequestBody()) {
				byte[] body = in.readNBytes(MAX_BODY + 1);
				if (body.length > MAX_BODY) {
					throw new BodyTooLargeException();
				}
				decodeInto(params, new String(body, StandardCharsets.UTF_8));
			}
		}
		return params;
	}

	private static void decodeInto(Map<String, String> params, String encoded) {
		if (encoded == null || encoded.isEmpty()) {
			return;
		}
		for (String pair : encoded.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int eq = pair.indexOf('=');
			String name = URLDecoder.decode((eq < 0) ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
			String value = (eq < 0) ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
			params.put(name, value);
		}
	}

	private String usage() {
		return "Follower simulator for " + this.account.appId() + " (" + this.account.originalId() + ")\n" + "POST "
				+ PATH + "?openid=<openid>&type=<type> with parameters in the query or a form body\n"
				+ "(createTime=<epoch seconds> sends a message from the past)\n" + "types: " + FollowerMessages.TYPES
				+ "\n" + "example:\n  curl -X POST 'http://127.0.0.1:" + port() + PATH + "?openid=" + DEFAULT_OPENID
				+ "&type=text' --data-urlencode 'content=你好'\n";
	}

	private static void respond(HttpExchange exchange, int status, String text) {
		byte[] body = text.getBytes(StandardCharsets.UTF_8);
		try {
			exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
			exchange.sendResponseHeaders(status, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		}
		catch (IOException ex) {
			// the caller went away; nothing to tell it
		}
	}

	private static final class BodyTooLargeException extends IOException {

	}

}
