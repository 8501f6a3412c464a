package io.wxops.core.wechat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import me.chanjar.weixin.common.util.http.apache.ApacheHttpClientBuilder;
import org.apache.http.client.HttpRequestRetryHandler;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.conn.ConnectionKeepAliveStrategy;
import org.apache.http.conn.ssl.SSLConnectionSocketFactory;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.impl.conn.PoolingHttpClientConnectionManager;

/**
 * The HTTP client every {@code WxMpService} of one {@link WxApiClients} shares, handed to
 * WxJava as its {@link ApacheHttpClientBuilder}.
 *
 * <p>
 * Replaces WxJava's {@code DefaultApacheHttpClientBuilder}, which is a JVM-wide singleton
 * (its timeouts cannot differ per application or test) and trusts every TLS certificate.
 * This one verifies certificates and host names with the JDK's defaults, uses the
 * configured timeouts, and never repeats a request by itself (a repeated send would reach
 * followers twice). Proxies are not supported.
 */
final class WeChatHttpClient implements ApacheHttpClientBuilder, AutoCloseable {

	private final CloseableHttpClient client;

	WeChatHttpClient(Duration connectTimeout, Duration readTimeout) {
		PoolingHttpClientConnectionManager pool = new PoolingHttpClientConnectionManager();
		pool.setMaxTotal(100);
		pool.setDefaultMaxPerRoute(50);
		this.client = HttpClients.custom()
			.setConnectionManager(pool)
			.setDefaultRequestConfig(RequestConfig.custom()
				.setConnectTimeout((int) connectTimeout.toMillis())
				.setSocketTimeout((int) readTimeout.toMillis())
				.setConnectionRequestTimeout((int) connectTimeout.toMillis())
				.build())
			.disableAutomaticRetries()
			.evictExpiredConnections()
			.evictIdleConnections(30, TimeUnit.SECONDS)
			.build();
	}

	@Override
	public CloseableHttpClient build() {
		return this.client;
	}

	@Override
	public void close() {
		try {
			this.client.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	// WxJava passes the config's proxy settings on every initHttp(); they are never set.

	@Override
	public ApacheHttpClientBuilder httpProxyHost(String httpProxyHost) {
		requireNoProxy(httpProxyHost != null);
		return this;
	}

	@Override
	public ApacheHttpClientBuilder httpProxyPort(int httpProxyPort) {
		requireNoProxy(httpProxyPort > 0);
		return this;
	}

	@Override
	public ApacheHttpClientBuilder httpProxyUsername(String httpProxyUsername) {
		requireNoProxy(httpProxyUsername != null);
		return this;
	}

	@Override
	public ApacheHttpClientBuilder httpProxyPassword(String httpProxyPassword) {
		requireNoProxy(httpProxyPassword != null);
		return this;
	}

	@Override
	public ApacheHttpClientBuilder httpRequestRetryHandler(HttpRequestRetryHandler httpRequestRetryHandler) {
		throw new UnsupportedOperationException("Requests to WeChat are never retried by the HTTP client");
	}

	@Override
	public ApacheHttpClientBuilder keepAliveStrategy(ConnectionKeepAliveStrategy keepAliveStrategy) {
		throw new UnsupportedOperationException();
	}

	@Override
	public ApacheHttpClientBuilder sslConnectionSocketFactory(SSLConnectionSocketFactory sslConnectionSocketFactory) {
		throw new UnsupportedOperationException();
	}

	@Override
	public ApacheHttpClientBuilder supportedProtocols(String[] supportedProtocols) {
		throw new UnsupportedOperationException();
	}

	private static void requireNoProxy(boolean set) {
		if (set) {
			throw new UnsupportedOperationException("No HTTP proxy support for WeChat calls");
		}
	}

}
