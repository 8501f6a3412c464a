package io.wxops.local;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;

/**
 * The launcher's own settings. Each is looked up in the overrides given to
 * {@link LocalLauncher#start(Map)} (tests), then as a system property, then in the
 * environment, so {@code WXOPS_GATEWAY_PORT=9090 java -jar wx-local.jar} and
 * {@code java -DWXOPS_GATEWAY_PORT=9090 -jar wx-local.jar} both work.
 *
 * <p>
 * The database and Redis are not among them: {@code WXOPS_DB_URL} and
 * {@code WXOPS_REDIS_URL} are read by {@link io.wxops.devkit.DevServers} from system
 * properties and the environment.
 */
final class LocalSettings {

	static final String GATEWAY_PORT = "WXOPS_GATEWAY_PORT";

	static final String ADMIN_PORT = "WXOPS_ADMIN_PORT";

	static final String SIMULATOR_PORT = "WXOPS_SIMULATOR_PORT";

	static final String SECRET_KEY = "WXOPS_SECRET_KEY";

	static final String AUDIT_HMAC_KEY = "WXOPS_AUDIT_HMAC_KEY";

	static final String AUDIT_SIGNING_KEY = "WXOPS_AUDIT_SIGNING_KEY";

	/**
	 * Directory for the local run's state (secret key, demo account); default ~/.wxops.
	 */
	static final String HOME = "wxops.local.home";

	static final String HOME_ENV = "WXOPS_LOCAL_HOME";

	private final Map<String, String> overrides;

	LocalSettings(Map<String, String> overrides) {
		this.overrides = Map.copyOf(overrides);
	}

	String get(String name) {
		String value = this.overrides.get(name);
		if (isBlank(value)) {
			value = System.getProperty(name);
		}
		if (isBlank(value)) {
			value = System.getenv(name);
		}
		return isBlank(value) ? null : value.trim();
	}

	/**
	 * Whether a setting comes from outside the launcher (system property or environment
	 * only).
	 */
	static boolean externallySet(String name) {
		return !isBlank(System.getProperty(name)) || !isBlank(System.getenv(name));
	}

	int port(String name, int fallback) {
		String value = get(name);
		if (value == null) {
			return fallback;
		}
		try {
			int port = Integer.parseInt(value);
			if (port < 0 || port > 65535) {
				throw new NumberFormatException();
			}
			return port;
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(
					name + " must be a port number (0 for any free port), got '" + value + "'");
		}
	}

	Path home() {
		String home = get(HOME);
		if (home == null) {
			home = get(HOME_ENV);
		}
		return (home != null) ? Path.of(home) : Path.of(System.getProperty("user.home"), ".wxops");
	}

	/**
	 * Whether the port can be bound on 127.0.0.1 right now. Only a hint (another process
	 * may take it before we do), so callers still handle a failed bind.
	 */
	static boolean isFree(int port) {
		if (port == 0) {
			return true;
		}
		try (ServerSocket socket = new ServerSocket()) {
			socket.setReuseAddress(true);
			socket.bind(new InetSocketAddress("127.0.0.1", port));
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

}
