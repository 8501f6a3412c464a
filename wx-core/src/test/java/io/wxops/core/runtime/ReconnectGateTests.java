package io.wxops.core.runtime;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ReconnectGateTests {

	final AtomicBoolean up = new AtomicBoolean();

	final AtomicInteger attempts = new AtomicInteger();

	String failureState = "08S01";

	final DataSource driver = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(),
			new Class<?>[] { DataSource.class }, (proxy, method, args) -> {
				if (!method.getName().equals("getConnection")) {
					throw new UnsupportedOperationException(method.getName());
				}
				this.attempts.incrementAndGet();
				if (!this.up.get()) {
					throw new SQLException("Communications link failure", this.failureState);
				}
				return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { Connection.class },
						(c, m, a) -> null);
			});

	@Test
	void afterAConnectionFailureThePoolsAttemptWaitsUntilTheProbeReachesTheDatabase() throws Exception {
		try (ReconnectGate gate = new ReconnectGate(this.driver, Duration.ofMillis(50), "test")) {
			assertThatExceptionOfType(SQLException.class).isThrownBy(gate::getConnection);
			assertThat(gate.isDown()).isTrue();

			CompletableFuture<Connection> waiting = CompletableFuture.supplyAsync(() -> {
				try {
					return gate.getConnection();
				}
				catch (SQLException ex) {
					throw new IllegalStateException(ex);
				}
			});
			Thread.sleep(300);
			assertThat(waiting).isNotDone();
			this.up.set(true);
			assertThat(waiting.get(2, TimeUnit.SECONDS)).isNotNull();
			assertThat(gate.isDown()).isFalse();
		}
	}

	@Test
	void aRefusedLoginDoesNotCloseTheGate() {
		this.failureState = "28000";
		try (ReconnectGate gate = new ReconnectGate(this.driver, Duration.ofMillis(50), "test")) {
			assertThatExceptionOfType(SQLException.class).isThrownBy(gate::getConnection);
			assertThat(gate.isDown()).isFalse();
			assertThatExceptionOfType(SQLException.class).isThrownBy(gate::getConnection);
			assertThat(this.attempts).hasValue(2);
		}
	}

	@Test
	void closingTheGateLetsWaitingAttemptsGoOn() throws Exception {
		ReconnectGate gate = new ReconnectGate(this.driver, Duration.ofSeconds(10), "test");
		assertThatExceptionOfType(SQLException.class).isThrownBy(gate::getConnection);
		CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> {
			try {
				gate.getConnection();
			}
			catch (SQLException ex) {
				// still down: the attempt fails, as it would without the gate
			}
		});
		Thread.sleep(200);
		assertThat(waiting).isNotDone();
		gate.close();
		waiting.get(2, TimeUnit.SECONDS);
	}

}
