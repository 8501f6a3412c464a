package io.wxops.core.runtime;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Turns {@code WXOPS_REDIS_SENTINELS} (comma-separated {@code host:port}) and
 * {@code WXOPS_REDIS_SENTINEL_MASTER} into Spring Data Redis' Sentinel settings, so both
 * services find the current Redis primary through Sentinel and follow a failover without
 * a restart.
 *
 * <p>
 * Not placeholders in {@code application.yml}: Spring Boot switches to Sentinel mode as
 * soon as any {@code spring.data.redis.sentinel.*} property is bound, even to an empty
 * value, so they are added only when the variables are set. Explicit
 * {@code spring.data.redis.sentinel.*} settings win (this source is added last).
 */
public class RedisSentinelSettings implements EnvironmentPostProcessor, Ordered {

	static final String SENTINELS = "WXOPS_REDIS_SENTINELS";

	static final String MASTER = "WXOPS_REDIS_SENTINEL_MASTER";

	static final String SOURCE = "wxopsRedisSentinel";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String nodes = environment.getProperty(SENTINELS, "").strip();
		if (nodes.isEmpty()) {
			return;
		}
		String master = environment.getProperty(MASTER, "").strip();
		if (master.isEmpty()) {
			throw new IllegalStateException(
					SENTINELS + " is set but " + MASTER + " is not: name the master the Sentinels monitor");
		}
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("spring.data.redis.sentinel.nodes", nodes);
		properties.put("spring.data.redis.sentinel.master", master);
		environment.getPropertySources().addLast(new MapPropertySource(SOURCE, properties));
	}

	/** After the config files are loaded, so a command-line or file value is seen too. */
	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
