package io.wxops.admin;

import java.util.Map;

import io.wxops.devkit.simulator.WeChatApiSimulator;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** Starts one WeChat API simulator per test JVM and points the context at it. */
public class SimulatorInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	private static WeChatApiSimulator simulator;

	public static synchronized WeChatApiSimulator simulator() {
		if (simulator == null) {
			simulator = new WeChatApiSimulator().start();
			Runtime.getRuntime().addShutdownHook(new Thread(simulator::stop));
		}
		return simulator;
	}

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("wxops-simulator", Map.of("wxops.wechat.api-host", simulator().baseUrl())));
	}

}
