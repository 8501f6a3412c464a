package io.wxops.local.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.wxops.local.LocalLauncher;
import io.wxops.local.LocalLauncher.Running;

import org.springframework.core.env.Environment;

/**
 * The server side of {@link ReportsBenchmark}, in its own JVM: the complete local system
 * on free ports. It prints one line
 * {@code READY <adminUrl> <jdbcUrl> <dbUser> <dbPassword>
 * <demoPassword>} (fields tab-separated) and runs until its standard input closes.
 */
public final class ReportsBenchServer {

	private ReportsBenchServer() {
	}

	public static void main(String[] args) throws Exception {
		Path home = Files.createTempDirectory("wxops-reports-bench");
		try (Running running = LocalLauncher.start(Map.of("WXOPS_GATEWAY_PORT", "0", "WXOPS_ADMIN_PORT", "0",
				"WXOPS_SIMULATOR_PORT", "0", "wxops.local.home", home.toString()))) {
			Environment env = running.admin().getEnvironment();
			System.out.println(String.join("\t", "READY", running.adminUrl(), env.getProperty("spring.datasource.url"),
					env.getProperty("spring.datasource.username", ""),
					env.getProperty("spring.datasource.password", ""), running.demoPassword()));
			System.out.flush();
			// Until the benchmark closes our standard input (or dies).
			while (System.in.read() >= 0) {
				// discard
			}
		}
		System.exit(0);
	}

}
