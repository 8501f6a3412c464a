package io.wxops.devkit.simulator;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * The API side of WeChat ({@code https://api.weixin.qq.com}) on a local WireMock server,
 * for the local run and tests: point {@code wxops.wechat.api-host} at {@link #baseUrl()}.
 *
 * <p>
 * Every endpoint answers the way WeChat does, with HTTP 200 and a JSON body whose
 * {@code errcode} tells success from failure. Stubs are grouped by priority so that a new
 * endpoint only needs one more {@code install...} method called from
 * {@link #installStubs()}: specific stubs use {@link #ENDPOINT}, "the request was
 * malformed" answers for a known path use {@link #ENDPOINT_ERROR}, and the catch-all
 * ({@link #FALLBACK}) acknowledges anything else with {@code {"errcode":0,"errmsg":"ok"}}
 * so unexpected calls do not break a local run.
 */
public final class WeChatApiSimulator implements AutoCloseable {

	/** WireMock priority of a well-formed call to a known endpoint (lower wins). */
	public static final int ENDPOINT = 5;

	/**
	 * Priority of the error answer for a known endpoint called without its required
	 * fields.
	 */
	public static final int ENDPOINT_ERROR = 8;

	/** Priority of the catch-all. */
	public static final int FALLBACK = 10;

	/**
	 * Prefix of every access token the simulator hands out, so a token in a log is
	 * recognisable.
	 */
	public static final String TOKEN_PREFIX = "SIMULATED_TOKEN_";

	private static final String TOKEN_BODY = "{\"access_token\":\"" + TOKEN_PREFIX
			+ "{{randomValue length=32 type='ALPHANUMERIC'}}\",\"expires_in\":7200}";

	private final WireMockServer server;

	/** A simulator on a free port of 127.0.0.1. */
	public WeChatApiSimulator() {
		this(0);
	}

	/**
	 * A simulator on the given port of 127.0.0.1.
	 * @param port the port, 0 for a free one
	 */
	public WeChatApiSimulator(int port) {
		WireMockConfiguration options = WireMockConfiguration.options()
			.bindAddress("127.0.0.1")
			// WireMock prints every unmatched request to stdout; send it to the log.
			.notifier(new Slf4jNotifier(false))
			// The request journal serves verifications in tests; bounded so that a
			// long local run does not grow it without limit.
			.maxRequestJournalEntries(1_000);
		this.server = new WireMockServer((port == 0) ? options.dynamicPort() : options.port(port));
	}

	public WeChatApiSimulator start() {
		this.server.start();
		installStubs();
		return this;
	}

	public void stop() {
		if (this.server.isRunning()) {
			this.server.stop();
		}
	}

	@Override
	public void close() {
		stop();
	}

	public boolean isRunning() {
		return this.server.isRunning();
	}

	/** What replaces {@code https://api.weixin.qq.com}, without a trailing slash. */
	public String baseUrl() {
		return "http://127.0.0.1:" + this.server.port();
	}

	public int port() {
		return this.server.port();
	}

	/** The WireMock server itself, for verifications and one-off stubs in tests. */
	public WireMockServer server() {
		return this.server;
	}

	/** Adds a stub on top of the default ones. */
	public StubMapping stubFor(MappingBuilder mapping) {
		return this.server.stubFor(mapping);
	}

	/** Drops every stub and recorded request, then installs the defaults again. */
	public void reset() {
		this.server.resetAll();
		installStubs();
	}

	private void installStubs() {
		installFallback();
		installAccessToken();
		installStableToken();
	}

	private void installFallback() {
		this.server.stubFor(any(anyUrl()).atPriority(FALLBACK).willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));
	}

	/** {@code GET /cgi-bin/token?grant_type=client_credential&appid=..&secret=..}. */
	private void installAccessToken() {
		this.server.stubFor(get(urlPathEqualTo("/cgi-bin/token")).atPriority(ENDPOINT)
			.withQueryParam("grant_type", equalTo("client_credential"))
			.withQueryParam("appid", matching(".+"))
			.withQueryParam("secret", matching(".+"))
			.willReturn(okJson(TOKEN_BODY).withTransformers("response-template")));
		this.server.stubFor(get(urlPathEqualTo("/cgi-bin/token")).atPriority(ENDPOINT_ERROR)
			.willReturn(okJson("{\"errcode\":41002,\"errmsg\":\"appid missing\"}")));
	}

	/**
	 * {@code POST /cgi-bin/stable_token} with
	 * {@code {"grant_type":"client_credential","appid":..,"secret":..}}.
	 */
	private void installStableToken() {
		this.server.stubFor(post(urlPathEqualTo("/cgi-bin/stable_token")).atPriority(ENDPOINT)
			.withRequestBody(matchingJsonPath("$.grant_type", equalTo("client_credential")))
			.withRequestBody(matchingJsonPath("$.appid"))
			.withRequestBody(matchingJsonPath("$.secret"))
			.willReturn(okJson(TOKEN_BODY).withTransformers("response-template")));
		this.server.stubFor(post(urlPathEqualTo("/cgi-bin/stable_token")).atPriority(ENDPOINT_ERROR)
			.willReturn(okJson("{\"errcode\":41002,\"errmsg\":\"appid missing\"}")));
	}

}
