package io.wxops.core.runtime;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.slf4j.LoggerFactory;

/**
 * The driver under the connection pool, gated while the database is unreachable so the
 * pool refills as soon as it is back.
 *
 * <p>
 * HikariCP adds a connection on one thread and, after each failed attempt, sleeps with a
 * backoff that doubles up to a fixed 5 s; after a few seconds of outage the database's
 * return is noticed only up to 5 s later, which with WeChat's retries (the last one 15 s
 * after the first attempt) loses messages that arrived early in the outage. Here the
 * first connection failure closes the gate and starts a probe that tries a connection
 * every {@code probeInterval}; until one succeeds, the pool's attempts wait at the gate
 * instead of failing (so its backoff never grows), and the moment the probe gets through
 * they go on. Requests meanwhile get the pool's own connection timeout, as before.
 */
final class ReconnectGate implements DataSource, AutoCloseable {

	private static final org.slf4j.Logger log = LoggerFactory.getLogger(ReconnectGate.class);

	@FunctionalInterface
	interface Opener {

		Connection open() throws SQLException;

	}

	private final DataSource driver;

	private final long probeNanos;

	private final String name;

	private final Object lock = new Object();

	private boolean down;

	private boolean closed;

	ReconnectGate(DataSource driver, Duration probeInterval, String name) {
		this.driver = driver;
		this.probeNanos = probeInterval.toNanos();
		this.name = name;
	}

	@Override
	public Connection getConnection() throws SQLException {
		return connect(this.driver::getConnection);
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return connect(() -> this.driver.getConnection(username, password));
	}

	/** True while the probe has not yet reached the database again. */
	boolean isDown() {
		synchronized (this.lock) {
			return this.down;
		}
	}

	private Connection connect(Opener opener) throws SQLException {
		awaitUp();
		try {
			return opener.open();
		}
		catch (SQLException ex) {
			if (isConnectionFailure(ex)) {
				closeGate(opener, ex);
			}
			throw ex;
		}
	}

	private void awaitUp() throws SQLException {
		synchronized (this.lock) {
			while (this.down && !this.closed) {
				try {
					this.lock.wait();
				}
				catch (InterruptedException ex) {
					// The pool shuts down (it interrupts its adder thread).
					Thread.currentThread().interrupt();
					throw new SQLException("Interrupted while waiting for the database to come back", "08001", ex);
				}
			}
		}
	}

	private void closeGate(Opener opener, SQLException cause) {
		synchronized (this.lock) {
			if (this.down || this.closed) {
				return;
			}
			this.down = true;
		}
		log.warn("{}: cannot reach the database ({}); probing every {} ms until it answers", this.name,
				cause.getMessage(), TimeUnit.NANOSECONDS.toMillis(this.probeNanos));
		Thread probe = new Thread(() -> probe(opener), this.name + " reconnect probe");
		probe.setDaemon(true);
		probe.start();
	}

	private void probe(Opener opener) {
		long started = System.nanoTime();
		while (true) {
			synchronized (this.lock) {
				if (this.closed) {
					return;
				}
				try {
					TimeUnit.NANOSECONDS.timedWait(this.lock, this.probeNanos);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
				if (this.closed) {
					return;
				}
			}
			try (Connection ignored = opener.open()) {
				synchronized (this.lock) {
					this.down = false;
					this.lock.notifyAll();
				}
				log.info("{}: the database answers again after {} ms", this.name,
						TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
				return;
			}
			catch (SQLException ex) {
				// still unreachable: the next probe
			}
		}
	}

	/**
	 * SQLSTATE class 08 (connection exception): the server is unreachable or went away. A
	 * wrong password (28000) or an unknown database (42000) is not gated.
	 */
	static boolean isConnectionFailure(SQLException ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
				return true;
			}
		}
		return false;
	}

	@Override
	public void close() {
		synchronized (this.lock) {
			this.closed = true;
			this.lock.notifyAll();
		}
	}

	@Override
	public PrintWriter getLogWriter() throws SQLException {
		return this.driver.getLogWriter();
	}

	@Override
	public void setLogWriter(PrintWriter out) throws SQLException {
		this.driver.setLogWriter(out);
	}

	@Override
	public void setLoginTimeout(int seconds) throws SQLException {
		this.driver.setLoginTimeout(seconds);
	}

	@Override
	public int getLoginTimeout() throws SQLException {
		return this.driver.getLoginTimeout();
	}

	@Override
	public Logger getParentLogger() throws SQLFeatureNotSupportedException {
		return this.driver.getParentLogger();
	}

	@Override
	public <T> T unwrap(Class<T> iface) throws SQLException {
		return iface.isInstance(this) ? iface.cast(this) : this.driver.unwrap(iface);
	}

	@Override
	public boolean isWrapperFor(Class<?> iface) throws SQLException {
		return iface.isInstance(this) || this.driver.isWrapperFor(iface);
	}

}
