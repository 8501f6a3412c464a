package io.wxops.local;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.wxops.admin.AdminApplication;
import io.wxops.devkit.TcpProxy;
import io.wxops.devkit.simulator.AccountKind;
import io.wxops.devkit.simulator.FollowerSimulator;
import io.wxops.devkit.simulator.RecordedSend;
import io.wxops.devkit.simulator.SimulatedAccount;
import io.wxops.devkit.simulator.SimulatedFailure;
import io.wxops.devkit.simulator.WeChatApiSimulator;
import io.wxops.gateway.GatewayApplication;
import io.wxops.local.LocalState.DemoSecrets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The pieces of the local run as processes of their own, for the one-machine cluster
 * ({@code src/cluster/cluster.sh}), where the services run from their exec jars and
 * WeChat, the demo data and the database cut are separate processes. Run as
 * {@code java -jar wx-local.jar <tool> [--name=value ...]}:
 * <ul>
 * <li>{@code wechat --api-port --control-port --follower-port --gateway --home
 * [--followers]}: the WeChat API simulator (WireMock) with the demo account registered
 * (with {@code --followers=N} synthetic followers), pushing job-finish events to
 * {@code --gateway} (the gateways' load balancer), the follower endpoint of the local run
 * sending through it, and a control port for the fault suite ({@link #control});</li>
 * <li>{@code seed --home}: registers the demo account, the demo people and its inbox in
 * the database the {@code WXOPS_*} environment names (through the services' own beans, as
 * the local run does) and exits;</li>
 * <li>{@code tcp-proxy --listen --target=host:port --control-port}: a {@link TcpProxy}
 * cut and restored with {@code POST /cut} and {@code POST /restore}.</li>
 * </ul>
 * Everything listens on 127.0.0.1 only. Never deployed.
 */
public final class ClusterTools {

	static final List<String> TOOLS = List.of("wechat", "seed", "tcp-proxy", "fault-suite");

	private static final Logger log = LoggerFactory.getLogger(ClusterTools.class);

	private ClusterTools() {
	}

	static boolean isTool(String[] args) {
		return args.length > 0 && TOOLS.contains(args[0]);
	}

	public static void main(String[] args) throws Exception {
		if (!isTool(args)) {
			System.err.println("Usage: java -jar wx-local.jar " + String.join("|", TOOLS) + " [--name=value ...]");
			System.exit(2);
		}
		Map<String, String> options = options(Arrays.copyOfRange(args, 1, args.length));
		switch (args[0]) {
			case "wechat" -> wechat(options);
			case "seed" -> {
				seed(options);
				System.exit(0);
			}
			case "tcp-proxy" -> tcpProxy(options);
			case "fault-suite" -> System.exit(FaultSuite.run(options) ? 0 : 1);
			default -> throw new IllegalStateException(args[0]);
		}
	}

	static Map<String, String> options(String[] args) {
		Map<String, String> options = new LinkedHashMap<>();
		for (String arg : args) {
			if (!arg.startsWith("--") || !arg.contains("=")) {
				throw new IllegalArgumentException("Expected --name=value, got " + arg);
			}
			int eq = arg.indexOf('=');
			options.put(arg.substring(2, eq), arg.substring(eq + 1));
		}
		return options;
	}

	private static String required(Map<String, String> options, String name) {
		String value = options.get(name);
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("--" + name + "= is required");
		}
		return value;
	}

	private static LocalSettings home(Map<String, String> options) {
		return new LocalSettings(Map.of(LocalSettings.HOME, required(options, "home")));
	}

	/** WeChat's view of the demo account, from the secrets kept in the cluster's home. */
	static SimulatedAccount demoAccount(DemoSecrets secrets) {
		return new SimulatedAccount(DemoAccount.APP_ID, DemoAccount.ORIGINAL_ID, secrets.token(), secrets.aesKey(),
				SimulatedAccount.Mode.SAFE);
	}

	private static void wechat(Map<String, String> options) throws IOException, InterruptedException {
		LocalSettings settings = home(options);
		DemoSecrets secrets = LocalState.demoSecrets(settings);
		SimulatedAccount demo = demoAccount(secrets);
		URI gateway = URI.create(required(options, "gateway"));
		WeChatApiSimulator api = new WeChatApiSimulator(Integer.parseInt(required(options, "api-port"))).start();
		api.registerAccount(DemoAccount.APP_ID, secrets.appSecret(), AccountKind.SERVICE);
		api.connectGateway(demo, gateway);
		if (options.containsKey("followers")) {
			// A synthetic follower population for the follower sync benchmark.
			api.setFollowerPopulation(DemoAccount.APP_ID, Integer.parseInt(options.get("followers")));
		}
		FollowerEndpoint follower = FollowerEndpoint.start(Integer.parseInt(options.getOrDefault("follower-port", "0")),
				new FollowerSimulator(gateway), demo, api);
		HttpServer control = HttpServer
			.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(required(options, "control-port"))), 16);
		control.createContext("/", control(api));
		control.start();
		log.info("WeChat simulator: API {}, follower endpoint {}, control port {}", api.baseUrl(), follower.url(),
				control.getAddress().getPort());
		awaitTermination(() -> {
			control.stop(0);
			follower.close();
			api.stop();
		});
	}

	/**
	 * The fault suite's view into the simulated WeChat: {@code GET /counts} (accepted
	 * mass sends, sendall requests, customer-service messages), {@code POST /messaged} (a
	 * body of openids, one a line, that wrote to the account, which opens their
	 * customer-service windows), {@code POST /hold-sendall?seconds=} (the next sendall is
	 * accepted and its answer held back that long).
	 */
	static HttpHandler control(WeChatApiSimulator api) {
		return (exchange) -> {
			try (exchange) {
				String path = exchange.getRequestURI().getPath();
				String method = exchange.getRequestMethod();
				if ("GET".equals(method) && "/counts".equals(path)) {
					List<RecordedSend> sends = api.sends(DemoAccount.APP_ID);
					String clientMsgIds = sends.stream()
						.map((s) -> "\"" + s.clientMsgId() + "\"")
						.collect(Collectors.joining(","));
					answer(exchange, 200,
							"{\"sends\":" + sends.size() + ",\"sendCalls\":" + api.sendCalls(DemoAccount.APP_ID)
									+ ",\"customMessageCalls\":" + api.customMessageCalls(DemoAccount.APP_ID)
									+ ",\"clientMsgIds\":[" + clientMsgIds + "]}");
				}
				else if ("POST".equals(method) && "/messaged".equals(path)) {
					String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
					int n = 0;
					for (String openid : body.split("\n")) {
						if (!openid.isBlank()) {
							api.followerMessaged(DemoAccount.APP_ID, openid.strip());
							n++;
						}
					}
					answer(exchange, 200, "{\"followers\":" + n + "}");
				}
				else if ("POST".equals(method) && "/hold-sendall".equals(path)) {
					String query = (exchange.getRequestURI().getQuery() != null) ? exchange.getRequestURI().getQuery()
							: "seconds=30";
					long seconds = Long.parseLong(query.replaceAll(".*seconds=(\\d+).*", "$1"));
					api.acceptThenFailNext("/cgi-bin/message/mass/sendall",
							SimulatedFailure.delay(Duration.ofSeconds(seconds)));
					answer(exchange, 200, "{\"held\":" + seconds + "}");
				}
				else {
					answer(exchange, 404, "{\"error\":\"unknown control path\"}");
				}
			}
			catch (RuntimeException ex) {
				log.warn("Control request failed", ex);
			}
		};
	}

	private static void answer(HttpExchange exchange, int status, String json) throws IOException {
		byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	/**
	 * Registers the demo account (gateway's beans) and its inbox (admin-api's beans) in
	 * the cluster's database: both applications started here one after the other, reading
	 * their own {@code application.yml} and the {@code WXOPS_*} environment, and closed
	 * again.
	 */
	static void seed(Map<String, String> options) {
		LocalSettings settings = home(options);
		DemoSecrets secrets = LocalState.demoSecrets(settings);
		try (ConfigurableApplicationContext gateway = startQuietly(new Class<?>[] { GatewayApplication.class })) {
			DemoAccount.seed(gateway, secrets);
		}
		// The exec jars hold no demo code: the demo people (and their departments, which
		// the inbox needs) are created here, by the same runner the local run adds.
		try (ConfigurableApplicationContext admin = startQuietly(
				new Class<?>[] { AdminApplication.class, DemoPeople.class }, "--wxops.admin.demo.enabled=true",
				"--wxops.admin.demo.password=" + LocalState.demoPassword(settings))) {
			DemoInbox.configure(admin);
		}
		log.info("Demo account {} and its inbox are in the cluster's database", DemoAccount.APP_ID);
	}

	private static ConfigurableApplicationContext startQuietly(Class<?>[] sources, String... extra) {
		Class<?> application = sources[0];
		List<String> args = new ArrayList<>(
				List.of("--spring.config.location=" + LocalLauncher.ownApplicationYml(application), "--server.port=0",
						"--server.address=127.0.0.1", "--management.server.port=0",
						"--logging.include-application-name=false"));
		args.addAll(List.of(extra));
		return new SpringApplicationBuilder(sources).main(application)
			.web(WebApplicationType.SERVLET)
			.bannerMode(Banner.Mode.OFF)
			.run(args.toArray(String[]::new));
	}

	private static void tcpProxy(Map<String, String> options) throws IOException, InterruptedException {
		String[] target = required(options, "target").split(":");
		TcpProxy proxy = TcpProxy.on(Integer.parseInt(required(options, "listen")), target[0],
				Integer.parseInt(target[1]));
		HttpServer control = HttpServer
			.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(required(options, "control-port"))), 4);
		control.createContext("/", (exchange) -> {
			try (exchange) {
				String path = exchange.getRequestURI().getPath();
				if ("POST".equals(exchange.getRequestMethod()) && "/cut".equals(path)) {
					proxy.cut();
					answer(exchange, 200, "{\"cut\":true}");
				}
				else if ("POST".equals(exchange.getRequestMethod()) && "/restore".equals(path)) {
					proxy.restore();
					answer(exchange, 200, "{\"cut\":false}");
				}
				else {
					answer(exchange, 404, "{\"error\":\"POST /cut or /restore\"}");
				}
			}
		});
		control.start();
		log.info("TCP proxy 127.0.0.1:{} -> {}, control port {}", proxy.port(), options.get("target"),
				control.getAddress().getPort());
		awaitTermination(() -> {
			control.stop(0);
			proxy.close();
		});
	}

	/** Blocks until the JVM is told to stop, then runs {@code stop}. */
	private static void awaitTermination(Runnable stop) throws InterruptedException {
		CountDownLatch done = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			stop.run();
			done.countDown();
		}, "cluster-tool-stop"));
		done.await();
	}

}
