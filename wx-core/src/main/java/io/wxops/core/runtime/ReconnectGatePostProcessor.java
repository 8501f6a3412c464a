package io.wxops.core.runtime;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.util.DriverDataSource;

import org.springframework.beans.factory.config.DestructionAwareBeanPostProcessor;

/**
 * Puts a {@link ReconnectGate} between each HikariCP pool and its JDBC driver
 * ({@code wxops.datasource.reconnect-probe}, {@code 0} turns it off). Runs after the
 * pool's properties are bound and before its first connection; the pool keeps its URL,
 * credentials and driver properties, now opened through the gate.
 */
public class ReconnectGatePostProcessor implements DestructionAwareBeanPostProcessor {

	private final Duration probeInterval;

	private final Map<HikariDataSource, ReconnectGate> gates = new ConcurrentHashMap<>();

	public ReconnectGatePostProcessor(Duration probeInterval) {
		this.probeInterval = probeInterval;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof HikariDataSource hikari && !this.probeInterval.isZero() && hikari.getJdbcUrl() != null
				&& hikari.getDataSource() == null && hikari.getHikariPoolMXBean() == null) {
			DriverDataSource driver = new DriverDataSource(hikari.getJdbcUrl(), hikari.getDriverClassName(),
					hikari.getDataSourceProperties(), hikari.getUsername(), hikari.getPassword());
			String name = (hikari.getPoolName() != null) ? hikari.getPoolName() : beanName;
			ReconnectGate gate = new ReconnectGate(driver, this.probeInterval, name);
			hikari.setDataSource(gate);
			this.gates.put(hikari, gate);
		}
		return bean;
	}

	@Override
	public void postProcessBeforeDestruction(Object bean, String beanName) {
		if (bean instanceof HikariDataSource hikari) {
			ReconnectGate gate = this.gates.remove(hikari);
			if (gate != null) {
				gate.close();
			}
		}
	}

	@Override
	public boolean requiresDestruction(Object bean) {
		return bean instanceof HikariDataSource;
	}

}
