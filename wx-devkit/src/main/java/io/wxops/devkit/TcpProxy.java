package io.wxops.devkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A TCP pass-through on 127.0.0.1 that a failure test can cut and restore, to make a real
 * server (the database, say) unreachable for a while without stopping it.
 */
public final class TcpProxy implements AutoCloseable {

	private final ServerSocket server;

	private final String targetHost;

	private final int targetPort;

	private final ExecutorService pumps = Executors.newCachedThreadPool(r -> {
		Thread t = new Thread(r, "tcp-proxy");
		t.setDaemon(true);
		return t;
	});

	private final Set<Socket> open = ConcurrentHashMap.newKeySet();

	private volatile boolean cut;

	private TcpProxy(int port, String targetHost, int targetPort) throws IOException {
		this.server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
		this.targetHost = targetHost;
		this.targetPort = targetPort;
		this.pumps.submit(this::acceptLoop);
	}

	public static TcpProxy to(String targetHost, int targetPort) {
		return on(0, targetHost, targetPort);
	}

	/**
	 * A proxy listening on the given port of 127.0.0.1 (0 for any free one), as a process
	 * of its own in the one-machine cluster ({@code java -jar wx-local.jar tcp-proxy}).
	 */
	public static TcpProxy on(int port, String targetHost, int targetPort) {
		try {
			return new TcpProxy(port, targetHost, targetPort);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public int port() {
		return this.server.getLocalPort();
	}

	/** Drops every open connection and refuses new ones until {@link #restore()}. */
	public void cut() {
		this.cut = true;
		for (Socket s : this.open) {
			closeQuietly(s);
		}
		this.open.clear();
	}

	public void restore() {
		this.cut = false;
	}

	@Override
	public void close() {
		cut();
		closeQuietly(this.server);
		this.pumps.shutdownNow();
	}

	private void acceptLoop() {
		while (!this.server.isClosed()) {
			try {
				Socket client = this.server.accept();
				if (this.cut) {
					closeQuietly(client);
					continue;
				}
				Socket upstream = new Socket(this.targetHost, this.targetPort);
				this.open.add(client);
				this.open.add(upstream);
				this.pumps.submit(() -> pump(client, upstream));
				this.pumps.submit(() -> pump(upstream, client));
			}
			catch (IOException ex) {
				if (this.server.isClosed()) {
					return;
				}
			}
		}
	}

	private void pump(Socket from, Socket to) {
		byte[] buffer = new byte[16 * 1024];
		try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
			int n;
			while ((n = in.read(buffer)) >= 0) {
				out.write(buffer, 0, n);
				out.flush();
			}
		}
		catch (IOException ex) {
			// a cut or a closed peer ends the pump
		}
		finally {
			closeQuietly(from);
			closeQuietly(to);
			this.open.remove(from);
			this.open.remove(to);
		}
	}

	private static void closeQuietly(java.io.Closeable c) {
		try {
			c.close();
		}
		catch (IOException ex) {
			// nothing to do
		}
	}

}
