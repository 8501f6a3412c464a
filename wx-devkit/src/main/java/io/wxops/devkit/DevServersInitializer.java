package io.wxops.devkit;

import java.util.HashMap;
import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a Spring test context at this JVM's {@link DevServers} (embedded, or external
 * when {@code WXOPS_DB_URL} / {@code WXOPS_REDIS_URL} are set) and gives it a secret key
 * and audit keys of its own.
 */
public class DevServersInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	/** One key per JVM, so every context of a test run can read what another wrote. */
	private static final String TEST_SECRET_KEY = generateKey();

	/** The audit record's HMAC and checkpoint signing keys, also one per JVM. */
	private static final String TEST_AUDIT_HMAC_KEY = generateKey();

	private static final String TEST_AUDIT_SIGNING_KEY = generateKey();

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		Map<String, Object> props = new HashMap<>(DevServers.forTests().springProperties());
		props.put("wxops.secrets.key", TEST_SECRET_KEY);
		props.putAll(testAuditKeys());
		context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("wxops-dev-servers", props));
	}

	public static String testSecretKey() {
		return TEST_SECRET_KEY;
	}

	/**
	 * The audit key settings of this JVM's admin API contexts, for a second instance that
	 * writes the same chain.
	 */
	public static Map<String, String> testAuditKeys() {
		return Map.of("wxops.audit.hmac-key", TEST_AUDIT_HMAC_KEY, "wxops.audit.signing-key", TEST_AUDIT_SIGNING_KEY);
	}

	private static String generateKey() {
		byte[] key = new byte[32];
		new java.security.SecureRandom().nextBytes(key);
		return java.util.Base64.getEncoder().encodeToString(key);
	}

}
