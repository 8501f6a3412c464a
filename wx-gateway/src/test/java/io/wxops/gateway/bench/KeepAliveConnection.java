package io.wxops.gateway.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One persistent HTTP/1.1 connection that sends pre-built request bytes and reads the
 * answer. The benchmark shares two cores with the gateway, so the client is kept as thin
 * as possible: no URL parsing, no header maps, one write per request. It follows
 * {@code Connection: close} (Tomcat sends it every 100 requests by default) by
 * reconnecting before the next request, and never retries: a request that failed is an
 * error of the run, not something to hide.
 */
final class KeepAliveConnection implements Closeable {

	/** Bounds what a broken or hostile answer can make us read. */
	private static final int MAX_LINE = 16 * 1024;

	private static final int MAX_BODY = 1024 * 1024;

	private final String host;

	private final int port;

	private final int timeoutMillis;

	private Socket socket;

	private OutputStream out;

	private InputStream in;

	KeepAliveConnection(String host, int port, int timeoutMillis) {
		this.host = host;
		this.port = port;
		this.timeoutMillis = timeoutMillis;
	}

	/**
	 * Opens the connection now, so the first measured request does not pay for the
	 * handshake.
	 */
	void connect() throws IOException {
		if (this.socket != null) {
			return;
		}
		Socket s = new Socket();
		try {
			s.setTcpNoDelay(true);
			s.setKeepAlive(true);
			s.setSoTimeout(this.timeoutMillis);
			s.connect(new InetSocketAddress(this.host, this.port), this.timeoutMillis);
			this.out = s.getOutputStream();
			this.in = new BufferedInputStream(s.getInputStream(), 8192);
			this.socket = s;
		}
		catch (IOException ex) {
			s.close();
			throw ex;
		}
	}

	/**
	 * Sends one complete request (request line, headers and body) and reads the response.
	 * On any I/O failure the connection is dropped, so the next call starts on a fresh
	 * one.
	 */
	Response exchange(byte[] request) throws IOException {
		connect();
		try {
			this.out.write(request);
			this.out.flush();
			Response response = readResponse();
			if (response.close()) {
				close();
			}
			return response;
		}
		catch (IOException | RuntimeException ex) {
			close();
			throw ex;
		}
	}

	private Response readResponse() throws IOException {
		String statusLine = readLine();
		if (statusLine == null) {
			throw new EOFException("connection closed before the status line");
		}
		if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12) {
			throw new IOException("not an HTTP/1.x status line: " + abbreviate(statusLine));
		}
		int status = Integer.parseInt(statusLine.substring(9, 12));
		long contentLength = -1;
		boolean chunked = false;
		boolean close = statusLine.startsWith("HTTP/1.0");
		for (int headers = 0;; headers++) {
			if (headers > 200) {
				throw new IOException("too many response headers");
			}
			String line = readLine();
			if (line == null) {
				throw new EOFException("connection closed inside the headers");
			}
			if (line.isEmpty()) {
				break;
			}
			int colon = line.indexOf(':');
			if (colon <= 0) {
				continue;
			}
			String name = line.substring(0, colon).trim();
			String value = line.substring(colon + 1).trim();
			if (name.equalsIgnoreCase("Content-Length")) {
				contentLength = Long.parseLong(value);
			}
			else if (name.equalsIgnoreCase("Transfer-Encoding")) {
				chunked = value.toLowerCase(java.util.Locale.ROOT).contains("chunked");
			}
			else if (name.equalsIgnoreCase("Connection")) {
				close = value.equalsIgnoreCase("close");
			}
		}
		byte[] body;
		if (chunked) {
			body = readChunked();
		}
		else if (contentLength >= 0) {
			if (contentLength > MAX_BODY) {
				throw new IOException("response body too large: " + contentLength);
			}
			body = readExactly((int) contentLength);
		}
		else {
			// Neither length nor chunks: the body ends when the server closes the
			// connection.
			body = this.in.readNBytes(MAX_BODY);
			close = true;
		}
		return new Response(status, new String(body, StandardCharsets.UTF_8), close);
	}

	private byte[] readChunked() throws IOException {
		ByteArrayOutputStream body = new ByteArrayOutputStream(256);
		for (int chunks = 0;; chunks++) {
			if (chunks > 10_000) {
				throw new IOException("too many chunks");
			}
			String sizeLine = readLine();
			if (sizeLine == null) {
				throw new EOFException("connection closed inside a chunked body");
			}
			int semicolon = sizeLine.indexOf(';');
			int size = Integer.parseInt(((semicolon < 0) ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
			if (size == 0) {
				// trailers, up to the empty line
				for (int trailers = 0; trailers < 200; trailers++) {
					String trailer = readLine();
					if (trailer == null || trailer.isEmpty()) {
						return body.toByteArray();
					}
				}
				throw new IOException("too many trailers");
			}
			if (body.size() + size > MAX_BODY) {
				throw new IOException("response body too large");
			}
			body.write(readExactly(size));
			readLine();
		}
	}

	private byte[] readExactly(int length) throws IOException {
		byte[] bytes = this.in.readNBytes(length);
		if (bytes.length != length) {
			throw new EOFException("connection closed inside the body");
		}
		return bytes;
	}

	/**
	 * A CRLF- (or LF-) terminated line without its terminator; {@code null} at end of
	 * stream.
	 */
	private String readLine() throws IOException {
		StringBuilder line = new StringBuilder(64);
		for (;;) {
			int b = this.in.read();
			if (b < 0) {
				return (line.length() == 0) ? null : line.toString();
			}
			if (b == '\n') {
				int end = line.length();
				if (end > 0 && line.charAt(end - 1) == '\r') {
					line.setLength(end - 1);
				}
				return line.toString();
			}
			if (line.length() >= MAX_LINE) {
				throw new IOException("response line too long");
			}
			line.append((char) b);
		}
	}

	private static String abbreviate(String s) {
		return (s.length() > 80) ? s.substring(0, 80) + "..." : s;
	}

	@Override
	public void close() {
		Socket s = this.socket;
		this.socket = null;
		this.in = null;
		this.out = null;
		if (s != null) {
			try {
				s.close();
			}
			catch (IOException ex) {
				// nothing to do: the socket is being thrown away
			}
		}
	}

	/** The status, the body as text, and whether the server is closing the connection. */
	record Response(int status, String body, boolean close) {
	}

}
