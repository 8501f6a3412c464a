package io.wxops.core.runtime;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class RedisSentinelSettingsTests {

	private final RedisSentinelSettings settings = new RedisSentinelSettings();

	@Test
	void sentinelsAndMasterBecomeSpringDataRedisSentinelSettings() {
		StandardEnvironment environment = environment(Map.of("WXOPS_REDIS_SENTINELS", "10.0.0.1:26379,10.0.0.2:26379",
				"WXOPS_REDIS_SENTINEL_MASTER", "wxops"));
		this.settings.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("spring.data.redis.sentinel.nodes"))
			.isEqualTo("10.0.0.1:26379,10.0.0.2:26379");
		assertThat(environment.getProperty("spring.data.redis.sentinel.master")).isEqualTo("wxops");
	}

	@Test
	void withoutSentinelsNoSentinelPropertyExistsSoTheUrlIsUsed() {
		StandardEnvironment environment = environment(Map.of("WXOPS_REDIS_SENTINELS", " "));
		this.settings.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getPropertySources().contains(RedisSentinelSettings.SOURCE)).isFalse();
		assertThat(environment.containsProperty("spring.data.redis.sentinel.master")).isFalse();
	}

	@Test
	void sentinelsWithoutAMasterNameAreRefused() {
		StandardEnvironment environment = environment(Map.of("WXOPS_REDIS_SENTINELS", "10.0.0.1:26379"));
		assertThatIllegalStateException()
			.isThrownBy(() -> this.settings.postProcessEnvironment(environment, new SpringApplication()))
			.withMessageContaining("WXOPS_REDIS_SENTINEL_MASTER");
	}

	@Test
	void explicitSpringSettingsWin() {
		StandardEnvironment environment = environment(Map.of("WXOPS_REDIS_SENTINELS", "10.0.0.1:26379",
				"WXOPS_REDIS_SENTINEL_MASTER", "wxops", "spring.data.redis.sentinel.master", "other"));
		this.settings.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("spring.data.redis.sentinel.master")).isEqualTo("other");
	}

	private static StandardEnvironment environment(Map<String, Object> properties) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
		return environment;
	}

}
