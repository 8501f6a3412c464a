package io.wxops.admin;

import java.util.HashMap;
import java.util.Map;

import io.wxops.devkit.DevServers;
import io.wxops.devkit.DevServersInitializer;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A second admin-api instance in the test JVM, on the same database, Redis, secret and
 * audit keys and simulated WeChat as the test context: what two instances behind a load
 * balancer share.
 */
public final class SecondAdminInstance {

	private SecondAdminInstance() {
	}

	public static ConfigurableApplicationContext start() {
		Map<String, Object> props = new HashMap<>(DevServers.forTests().springProperties());
		props.put("wxops.secrets.key", DevServersInitializer.testSecretKey());
		props.putAll(DevServersInitializer.testAuditKeys());
		props.put("wxops.wechat.api-host", SimulatorInitializer.simulator().baseUrl());
		props.put("server.port", "0");
		// A second instance in this JVM: a free management port, not the default one.
		props.put("management.server.port", "0");
		// As command-line arguments: they outrank application.yml.
		return new SpringApplicationBuilder(AdminApplication.class)
			.run(props.entrySet().stream().map((e) -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
	}

}
