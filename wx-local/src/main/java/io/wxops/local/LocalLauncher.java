package io.wxops.local;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import io.wxops.admin.AdminApplication;
import io.wxops.core.account.AccountRegistry;
import io.wxops.core.account.AccountSnapshot;
import io.wxops.devkit.DevServers;
import io.wxops.devkit.simulator.AccountKind;
import io.wxops.devkit.simulator.Callback;
import io.wxops.devkit.simulator.FollowerSimulator;
import io.wxops.devkit.simulator.SimulatedAccount;
import io.wxops.devkit.simulator.WeChatApiSimulator;
import io.wxops.gateway.GatewayApplication;
import io.wxops.local.LocalState.DemoSecrets;
import io.wxops.local.LocalState.SecretKey;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutMessage;
import me.chanjar.weixin.mp.config.impl.WxMpDefaultConfigImpl;
import me.chanjar.weixin.mp.util.crypto.WxMpCryptUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;
import sun.misc.SignalHandler;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.PortInUseException;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One command for a complete local system:
 * {@code java -jar wx-local/target/wx-local.jar}.
 *
 * <p>
 * It starts the database and Redis ({@link DevServers}, embedded unless
 * {@code WXOPS_DB_URL} / {@code WXOPS_REDIS_URL} are set), WeChat's API
 * ({@link WeChatApiSimulator}), then the gateway and the admin API as two independent
 * Spring applications in this JVM, registers a demo account with reply rules, and opens a
 * local endpoint that plays a follower of that account. Everything listens on 127.0.0.1
 * only. Never deployed.
 *
 * <p>
 * <b>Two application.yml files.</b> The gateway and the admin API each ship an
 * {@code application.yml} at the root of their jar, and both jars are on this one
 * classpath, so {@code classpath:application.yml} would give both applications whichever
 * file comes first. Instead each application gets {@code spring.config.location} set to
 * the exact URL of the {@code application.yml} in its own jar (or classes directory),
 * found next to its main class (see {@link #ownApplicationYml(Class)}). Each therefore
 * reads its own defaults, unchanged and never copied, so they cannot drift from what the
 * module ships; the local values (ports, servers, key, simulator) are passed as
 * command-line arguments, which take precedence over config files and the environment.
 */
public final class LocalLauncher {

	static final int DEFAULT_GATEWAY_PORT = 8080;

	static final int DEFAULT_ADMIN_PORT = 8081;

	static final int DEFAULT_SIMULATOR_PORT = 8099;

	private static final Logger log = LoggerFactory.getLogger(LocalLauncher.class);

	private LocalLauncher() {
	}

	public static void main(String[] args) throws Exception {
		if (ClusterTools.isTool(args)) {
			// The one-machine cluster's processes (src/cluster/cluster.sh).
			ClusterTools.main(args);
			return;
		}
		Running running;
		try {
			running = start(Map.of());
		}
		catch (RuntimeException ex) {
			log.error("The local run could not start: {}", ex.getMessage(), ex);
			// Embedded servers and their threads would keep the JVM alive otherwise.
			System.exit(1);
			return;
		}
		Runtime.getRuntime().addShutdownHook(new Thread(running::close, "wxops-local-stop"));
		stopFirstOnSignals(running);
		System.out.println(running.banner());
		running.awaitClosed();
	}

	/**
	 * On Ctrl-C or {@code kill}, closes the applications before the JVM shuts down. JVM
	 * shutdown hooks all run at once, so with the hook alone the embedded MariaDB and
	 * Redis (stopped by their own hooks) may go away while the applications are still
	 * closing, which ends a clean run with connection errors. A signal that is ignored (a
	 * background job of a script, nohup) stays ignored; when the handler cannot be
	 * installed the shutdown hook still stops everything.
	 */
	private static void stopFirstOnSignals(Running running) {
		for (String name : new String[] { "INT", "TERM" }) {
			try {
				Signal signal = new Signal(name);
				SignalHandler previous = Signal.handle(signal, (received) -> {
					running.close();
					System.exit(128 + received.getNumber());
				});
				if (previous == SignalHandler.SIG_IGN) {
					Signal.handle(signal, SignalHandler.SIG_IGN);
				}
			}
			catch (IllegalArgumentException | UnsupportedOperationException ex) {
				log.debug("Cannot handle SIG{}; relying on the shutdown hook", name);
			}
		}
	}

	/**
	 * The demo people the admin API creates in a local run, one per role (see
	 * {@link DemoPeople}).
	 */
	static final List<String> DEMO_USERNAMES = List.of("demo-admin", "demo-editor", "demo-dept-reviewer",
			"demo-office-reviewer", "demo-leader", "demo-publisher", "demo-handler", "demo-auditor");

	/**
	 * Starts everything and returns when all of it is ready.
	 * @param overrides launcher settings that win over system properties and the
	 * environment ({@code WXOPS_GATEWAY_PORT}, {@code WXOPS_ADMIN_PORT},
	 * {@code WXOPS_SIMULATOR_PORT}, 0 for any free port; {@code WXOPS_SECRET_KEY};
	 * {@code WXOPS_AUDIT_HMAC_KEY}, {@code WXOPS_AUDIT_SIGNING_KEY};
	 * {@code wxops.local.home})
	 */
	public static Running start(Map<String, String> overrides) {
		LocalSettings settings = new LocalSettings(overrides);
		int gatewayPort = settings.port(LocalSettings.GATEWAY_PORT, DEFAULT_GATEWAY_PORT);
		int adminPort = settings.port(LocalSettings.ADMIN_PORT, DEFAULT_ADMIN_PORT);
		int simulatorPort = settings.port(LocalSettings.SIMULATOR_PORT, DEFAULT_SIMULATOR_PORT);
		SecretKey key = LocalState.secretKey(settings);
		DemoSecrets demoSecrets = LocalState.demoSecrets(settings);
		String demoPassword = LocalState.demoPassword(settings);
		SecretKey auditHmacKey = LocalState.auditKey(settings, LocalSettings.AUDIT_HMAC_KEY,
				LocalState.AUDIT_HMAC_KEY_FILE);
		SecretKey auditSigningKey = LocalState.auditKey(settings, LocalSettings.AUDIT_SIGNING_KEY,
				LocalState.AUDIT_SIGNING_KEY_FILE);

		DevServers servers = DevServers.start(DevServers.Mode.SHARED);
		Running running = new Running(settings, servers, key, demoPassword);
		try {
			running.api = new WeChatApiSimulator().start();
			Map<String, String> common = new LinkedHashMap<>(servers.springProperties());
			// The services give up on a slow database after 2 s to answer WeChat in time.
			// A laptop busy with an IDE and a build can need longer for the first
			// handshakes with a cold embedded MariaDB, and a local run should start
			// anyway.
			common.put("spring.datasource.url", lenientConnectTimeout(servers.jdbcUrl()));
			common.put("spring.datasource.hikari.connection-timeout", "10000");
			common.put("wxops.secrets.key", key.base64());
			common.put("wxops.wechat.api-host", running.api.baseUrl());
			// Demo logins with a password printed on the console: never listen beyond
			// this
			// host.
			common.put("server.address", "127.0.0.1");
			// Two applications in one JVM: each its own free management port (Actuator
			// details, metrics, Prometheus), on this host only like everything here.
			common.put("management.server.port", "0");
			common.put("management.server.address", "127.0.0.1");
			// Logging is one Logback setup for the whole JVM, so the application name in
			// each line would be that of the first application; logger names tell them
			// apart instead.
			common.put("logging.include-application-name", "false");

			Map<String, String> gateway = new LinkedHashMap<>(common);
			// springdoc is on the shared classpath only for the admin API; the real
			// gateway has no API docs, so neither does this one.
			gateway.put("springdoc.api-docs.enabled", "false");
			gateway.put("springdoc.swagger-ui.enabled", "false");
			// The gateway starts first, so its Flyway migration is done before the admin
			// API starts.
			running.gateway = startApplication(GatewayApplication.class, "gateway", gatewayPort, gateway);
			Map<String, String> admin = new LinkedHashMap<>(common);
			// Wanted here (springdoc warns when they are on only by default).
			admin.put("springdoc.api-docs.enabled", "true");
			admin.put("springdoc.swagger-ui.enabled", "true");
			admin.put("wxops.admin.demo.enabled", "true");
			admin.put("wxops.admin.demo.password", demoPassword);
			admin.put("wxops.audit.hmac-key", auditHmacKey.base64());
			admin.put("wxops.audit.signing-key", auditSigningKey.base64());
			running.adminProperties = Map.copyOf(admin);
			running.admin = startApplication(AdminApplication.class, "admin-api", adminPort, admin);
			running.adminBoundPort = port(running.admin);

			running.demo = DemoAccount.seed(running.gateway, demoSecrets);
			// The simulated platform knows the demo account's real AppSecret, so a wrong
			// one
			// typed into the registry is refused as WeChat would refuse it.
			running.api.registerAccount(DemoAccount.APP_ID, demoSecrets.appSecret(), AccountKind.SERVICE);
			// The database is kept between runs, the simulated platform is not: the demo
			// followers earlier runs created through events follow it again, so a
			// follower
			// sync keeps them.
			restoreFollowers(running.gateway, running.api);
			// Follower messages are routed from the start: a central office, complaints
			// to the demo handler's department, and the acknowledgement text.
			DemoInbox.configure(running.admin);
			// After a mass send the simulated platform pushes MASSSENDJOBFINISH to the
			// gateway, as WeChat does, and admin-api reads the result from there.
			running.api.connectGateway(running.demo, URI.create(running.gatewayUrl()));
			FollowerSimulator follower = new FollowerSimulator(URI.create(running.gatewayUrl()));
			verifyCallbackUrl(follower, running.demo);
			warmUpMessageHandling(running.demo);
			running.follower = FollowerEndpoint.start(simulatorPort, follower, running.demo, running.api)
				.connector((appId) -> connectAccount(running, appId));
			return running;
		}
		catch (IOException ex) {
			running.close();
			throw new IllegalStateException("Could not start the follower simulator: " + ex.getMessage(), ex);
		}
		catch (RuntimeException ex) {
			running.close();
			throw ex;
		}
	}

	/**
	 * Has the simulated platform push MASSSENDJOBFINISH for another registered account
	 * (one registered through the API during the run), as it does for the demo account.
	 */
	private static boolean connectAccount(Running running, String appId) {
		Optional<AccountSnapshot> account = running.gateway.getBean(AccountRegistry.class).find(appId);
		account
			.ifPresent((a) -> running.api.connectGateway(DemoAccount.simulated(a), URI.create(running.gatewayUrl())));
		return account.isPresent();
	}

	/** At most this many followers of the demo account are restored at a start. */
	static final int RESTORED_FOLLOWERS_MAX = 100_000;

	/**
	 * Makes the demo account's subscribed followers in the database (outside the
	 * simulated population) follow it on the simulated platform again.
	 * @return the followers restored
	 */
	static int restoreFollowers(ApplicationContext gateway, WeChatApiSimulator api) {
		JdbcTemplate jdbc = gateway.getBean(JdbcTemplate.class);
		List<Map<String, Object>> rows = jdbc.queryForList("""
				SELECT f.openid, f.state_time FROM wx_follower f JOIN wx_account a ON a.id = f.account_id
				 WHERE a.app_id = ? AND f.subscribed ORDER BY f.id LIMIT ?
				""", DemoAccount.APP_ID, RESTORED_FOLLOWERS_MAX);
		for (Map<String, Object> row : rows) {
			api.followerSubscribed(DemoAccount.APP_ID, (String) row.get("openid"),
					((Number) row.get("state_time")).longValue());
		}
		return rows.size();
	}

	/**
	 * Checks the demo callback URL the way WeChat's console does when the URL is saved
	 * (signed GET, echo expected). It proves the gateway knows the account with the Token
	 * the simulator signs with, and it initialises the gateway's request handling before
	 * the first simulated message arrives, which is then timed against WeChat's 5 s
	 * limit.
	 */
	private static void verifyCallbackUrl(FollowerSimulator follower, SimulatedAccount account) {
		String echo = LocalState.randomAlnum(16);
		URI uri = follower.callbackUri(account, Callback.verificationQuery(account, echo));
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		try {
			HttpResponse<String> response = http.send(
					HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			if (response.statusCode() != 200 || !echo.equals(response.body().strip())) {
				throw new IllegalStateException("The gateway did not verify the demo callback URL (HTTP "
						+ response.statusCode() + "): the demo account is not served as registered");
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(
					"The gateway did not answer the demo callback URL check: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while checking the demo callback URL", ex);
		}
	}

	/**
	 * Runs WeChat's message crypto and WxJava's XML binding once, in this JVM that the
	 * gateway shares, without sending anything. Their first use loads and initialises
	 * many classes (XStream above all) and otherwise falls on the first simulated
	 * message, which on a busy machine then misses the gateway's reply budget or WeChat's
	 * 5 s timeout.
	 */
	private static void warmUpMessageHandling(SimulatedAccount account) {
		String xml = "<xml><ToUserName><![CDATA[" + account.originalId()
				+ "]]></ToUserName><FromUserName><![CDATA[o_warm_up]]></FromUserName><CreateTime>"
				+ (System.currentTimeMillis() / 1000)
				+ "</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[warm up]]></Content>"
				+ "<MsgId>1</MsgId></xml>";
		try {
			Callback.seal(account, xml, "o_warm_up");
			WxMpXmlMessage message = WxMpXmlMessage.fromXml(xml);
			String reply = WxMpXmlOutMessage.TEXT()
				.content("warm up")
				.fromUser(message.getToUser())
				.toUser(message.getFromUser())
				.build()
				.toXml();
			WxMpDefaultConfigImpl config = new WxMpDefaultConfigImpl();
			config.setToken(account.token());
			config.setAesKey(account.aesKey());
			config.setAppId(account.appId());
			FollowerSimulator.openReply(account, new WxMpCryptUtil(config).encrypt(reply));
		}
		catch (RuntimeException ex) {
			// Only a head start; the real path reports its own errors.
			log.debug("Warm-up of message handling failed", ex);
		}
	}

	/**
	 * Runs one of the applications on the wanted port, or on a free one when the wanted
	 * port is taken (checked up front, and again if the server still fails to bind).
	 */
	private static ConfigurableApplicationContext startApplication(Class<?> application, String label, int wanted,
			Map<String, String> properties) {
		int port = wanted;
		if (!LocalSettings.isFree(port)) {
			log.warn("Port {} is taken; the {} uses a free port instead", port, label);
			port = 0;
		}
		try {
			return run(application, port, properties);
		}
		catch (RuntimeException ex) {
			if (port == 0 || !causedByPortInUse(ex)) {
				throw ex;
			}
			log.warn("Port {} was taken while the {} started; using a free port instead", port, label);
			return run(application, 0, properties);
		}
	}

	private static ConfigurableApplicationContext run(Class<?> application, int port, Map<String, String> properties) {
		String config = ownApplicationYml(application);
		log.info("Starting {} with its own settings from {}", application.getSimpleName(), config);
		List<String> args = new ArrayList<>();
		args.add("--spring.config.location=" + config);
		args.add("--server.port=" + port);
		properties.forEach((name, value) -> args.add("--" + name + "=" + value));
		return new SpringApplicationBuilder(sources(application)).main(application)
			.web(WebApplicationType.SERVLET)
			.registerShutdownHook(true)
			.bannerMode(Banner.Mode.OFF)
			.run(args.toArray(String[]::new));
	}

	/**
	 * The admin API runs with the launcher's demo people (off unless demo is enabled).
	 */
	private static Class<?>[] sources(Class<?> application) {
		return (application == AdminApplication.class) ? new Class<?>[] { application, DemoPeople.class }
				: new Class<?>[] { application };
	}

	/**
	 * The URL of the {@code application.yml} that sits in the same jar (or classes
	 * directory) as the application's main class:
	 * {@code jar:nested:...wx-gateway-...jar!/application.yml} in the fat jar,
	 * {@code jar:file:...} or {@code file:...} in tests and IDEs. It is taken from the
	 * class loader's own list of every {@code application.yml}, so it is a URL the class
	 * loader (and therefore Spring's resource loader) can open.
	 */
	static String ownApplicationYml(Class<?> application) {
		String classFile = application.getName().replace('.', '/') + ".class";
		URL classUrl = application.getResource("/" + classFile);
		if (classUrl == null || !classUrl.toString().endsWith(classFile)) {
			throw new IllegalStateException("Cannot locate the classes of " + application.getName());
		}
		String root = classUrl.toString().substring(0, classUrl.toString().length() - classFile.length());
		String wanted = root + "application.yml";
		try {
			Enumeration<URL> candidates = application.getClassLoader().getResources("application.yml");
			while (candidates.hasMoreElements()) {
				if (candidates.nextElement().toString().equals(wanted)) {
					return wanted;
				}
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot list the application.yml files on the classpath", ex);
		}
		// Fail here rather than run an application silently without its settings.
		throw new IllegalStateException("No application.yml next to " + application.getName() + " (" + wanted + ")");
	}

	static String lenientConnectTimeout(String jdbcUrl) {
		return jdbcUrl.replaceAll("([?&])connectTimeout=\\d+", "$1connectTimeout=10000");
	}

	private static boolean causedByPortInUse(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (cause instanceof PortInUseException) {
				return true;
			}
		}
		return false;
	}

	static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	/** The running system; {@link #close()} stops what the launcher started. */
	public static final class Running implements AutoCloseable {

		private final LocalSettings settings;

		private final DevServers servers;

		private final SecretKey key;

		private final AtomicBoolean closed = new AtomicBoolean();

		private final CountDownLatch closedLatch = new CountDownLatch(1);

		private WeChatApiSimulator api;

		private ConfigurableApplicationContext gateway;

		private ConfigurableApplicationContext admin;

		private SimulatedAccount demo;

		private FollowerEndpoint follower;

		private final String demoPassword;

		/** The admin API's settings, kept to start it again ({@link #restartAdmin()}). */
		private Map<String, String> adminProperties;

		/** The admin API's port, still known after it is closed (which forgets it). */
		private int adminBoundPort;

		private Running(LocalSettings settings, DevServers servers, SecretKey key, String demoPassword) {
			this.demoPassword = demoPassword;
			this.settings = settings;
			this.servers = servers;
			this.key = key;
		}

		public int gatewayPort() {
			return port(this.gateway);
		}

		public int adminPort() {
			return port(this.admin);
		}

		public int simulatorPort() {
			return this.follower.port();
		}

		public String gatewayUrl() {
			return "http://127.0.0.1:" + gatewayPort();
		}

		/** The directory holding the local run's state files. */
		public java.nio.file.Path settingsHome() {
			return this.settings.home();
		}

		/** The demo people's password (printed in the banner too). */
		public String demoPassword() {
			return this.demoPassword;
		}

		public String adminUrl() {
			return "http://127.0.0.1:" + adminPort();
		}

		/** The operators' console, served by admin-api on the API's origin. */
		public String consoleUrl() {
			return adminUrl() + "/console/";
		}

		/** Actuator of the gateway: health details, metrics, Prometheus. */
		public String gatewayManagementUrl() {
			return "http://127.0.0.1:" + this.gateway.getEnvironment().getProperty("local.management.port");
		}

		/** Actuator of the admin API: health details, metrics, Prometheus. */
		public String adminManagementUrl() {
			return "http://127.0.0.1:" + this.admin.getEnvironment().getProperty("local.management.port");
		}

		public String simulatorUrl() {
			return this.follower.url();
		}

		public String demoCallbackUrl() {
			return gatewayUrl() + "/wx/" + DemoAccount.APP_ID + "/callback";
		}

		public WeChatApiSimulator wechatApi() {
			return this.api;
		}

		public ConfigurableApplicationContext gateway() {
			return this.gateway;
		}

		public ConfigurableApplicationContext admin() {
			return this.admin;
		}

		/**
		 * Starts the admin API again with the settings of the first start, on the port it
		 * had (or a free one when that is taken), closing it first if it still runs. For
		 * tests of an admin-api outage: messages the gateway stored meanwhile are routed
		 * once it is back.
		 * @return the new admin API, also what {@link #admin()} returns from now on
		 */
		public synchronized ConfigurableApplicationContext restartAdmin() {
			this.admin.close();
			this.admin = startApplication(AdminApplication.class, "admin-api", this.adminBoundPort,
					this.adminProperties);
			this.adminBoundPort = port(this.admin);
			return this.admin;
		}

		/**
		 * Starts one more admin API on a free port with the same settings, next to the
		 * one {@link #admin()} returns (two instances routing at once, as in production).
		 * The caller closes it; {@link #close()} does not.
		 */
		public ConfigurableApplicationContext startAnotherAdmin() {
			return startApplication(AdminApplication.class, "admin-api (another)", 0, this.adminProperties);
		}

		public SimulatedAccount demoAccount() {
			return this.demo;
		}

		public DevServers servers() {
			return this.servers;
		}

		/**
		 * What to print once everything is up. No account secret appears in it; the demo
		 * people's password does, as a local run is for trying the system out.
		 */
		public String banner() {
			String line = "=".repeat(100);
			boolean externalDb = LocalSettings.externallySet("WXOPS_DB_URL");
			boolean externalRedis = LocalSettings.externallySet("WXOPS_REDIS_URL");
			String curl = "curl -X POST '" + simulatorUrl() + "?openid=" + FollowerEndpoint.DEFAULT_OPENID
					+ "&type=text' --data-urlencode 'content=你好'";
			List<String> lines = new ArrayList<>();
			lines.add("");
			lines.add(line);
			lines.add("  wxops local run is ready");
			lines.add(line);
			lines.add("  Console:            " + consoleUrl() + "   (sign in with a demo login below)");
			lines.add("  Gateway:            " + gatewayUrl());
			lines.add("    demo callback:    " + demoCallbackUrl());
			lines.add("    health:           " + gatewayUrl() + "/actuator/health");
			lines.add("    management:       " + gatewayManagementUrl()
					+ "/actuator/health (details), /actuator/prometheus");
			lines.add("  Admin API:          " + adminUrl());
			lines.add("    Swagger UI:       " + adminUrl() + "/swagger-ui.html");
			lines.add("    health:           " + adminUrl() + "/actuator/health");
			lines.add("    management:       " + adminManagementUrl()
					+ "/actuator/health (details), /actuator/prometheus");
			lines.add("  Demo account:       " + DemoAccount.NAME + "  AppID " + DemoAccount.APP_ID + "  original id "
					+ DemoAccount.ORIGINAL_ID + "  (" + this.demo.mode() + " mode)");
			lines.add("    secrets in:       " + LocalState.demoSecretsFile(this.settings));
			lines.add("  Follower simulator: POST " + simulatorUrl());
			lines.add("    try:              " + curl);
			lines.add("    types:            " + FollowerMessages.TYPES);
			lines.add("    inbox:            text with 投诉 opens a complaint for demo-handler (客服中心), with 建议 a"
					+ " suggestion, anything else a consultation for the office (综合办公室)");
			lines.add("  WeChat API:         " + this.api.baseUrl() + "  (WireMock simulator)");
			lines.add("  Database:           " + (externalDb ? "external " : "embedded MariaDB ")
					+ redactedJdbcUrl(this.servers.jdbcUrl()) + "  (user " + this.servers.dbUser() + ")");
			lines.add("  Redis:              " + (externalRedis ? "external " : "embedded ") + this.servers.redisUrl()
					+ "  (key prefix " + this.servers.keyPrefix() + ")");
			lines.add("  Secret key:         " + (LocalSettings.SECRET_KEY.equals(this.key.source())
					? "from " + LocalSettings.SECRET_KEY : this.key.source()));
			lines.add("  Logins (password " + this.demoPassword + " for each; kept in "
					+ this.settings.home().resolve(LocalState.DEMO_PASSWORD_FILE) + "):");
			lines.add("    " + String.join(", ", DEMO_USERNAMES));
			lines
				.add("    console:          " + consoleUrl() + " as demo-handler (follower messages), demo-admin, ...");
			lines.add("    sign in:          curl -X POST " + adminUrl()
					+ "/api/session -H 'Content-Type: application/json' -d '{\"username\":\"demo-admin\",\"password\":\""
					+ this.demoPassword + "\"}'");
			lines.add("  Stop with Ctrl-C");
			lines.add(line);
			return String.join("\n", lines);
		}

		/** Blocks until {@link #close()} has finished. */
		public void awaitClosed() {
			try {
				this.closedLatch.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

		/**
		 * Stops, in order, the follower endpoint, the admin API, the gateway and the
		 * WeChat API simulator. Embedded database and Redis stop with the JVM (DevServers
		 * owns them).
		 */
		@Override
		public void close() {
			if (!this.closed.compareAndSet(false, true)) {
				return;
			}
			try {
				stopQuietly("follower simulator", () -> {
					if (this.follower != null) {
						this.follower.close();
					}
				});
				stopQuietly("admin-api", () -> {
					if (this.admin != null) {
						this.admin.close();
					}
				});
				stopQuietly("gateway", () -> {
					if (this.gateway != null) {
						this.gateway.close();
					}
				});
				stopQuietly("WeChat API simulator", () -> {
					if (this.api != null) {
						this.api.stop();
					}
				});
			}
			finally {
				this.closedLatch.countDown();
			}
		}

		private static void stopQuietly(String what, Runnable stop) {
			try {
				stop.run();
			}
			catch (RuntimeException ex) {
				log.warn("Stopping the {} failed: {}", what, ex.getMessage());
			}
		}

		/** A JDBC URL without credentials or options, which may carry a password. */
		static String redactedJdbcUrl(String jdbcUrl) {
			String url = jdbcUrl;
			int query = url.indexOf('?');
			if (query >= 0) {
				url = url.substring(0, query);
			}
			int hostStart = url.indexOf("//");
			int at = url.indexOf('@');
			if (hostStart >= 0 && at > hostStart) {
				url = url.substring(0, hostStart + 2) + url.substring(at + 1);
			}
			int semicolon = url.indexOf(';');
			return (semicolon >= 0) ? url.substring(0, semicolon) : url;
		}

	}

}
