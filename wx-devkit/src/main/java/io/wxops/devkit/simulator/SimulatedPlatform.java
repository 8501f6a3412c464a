package io.wxops.devkit.simulator;

import static io.wxops.devkit.simulator.SimulatorJson.string;

import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The state behind the simulated API: registered credentials, the access tokens issued
 * per AppID, failures queued by tests, and the mass-send and customer-service sides
 * ({@link MassSendPlatform}, {@link CustomerServicePlatform}, reached after the token
 * check). A global WireMock transformer, so that a queued failure applies to any path,
 * including one-off stubs and the catch-all; endpoints with platform behaviour are marked
 * on their stub with the {@value #ENDPOINT_PARAMETER} transformer parameter.
 */
final class SimulatedPlatform implements ResponseDefinitionTransformerV2 {

	/** Transformer parameter naming the platform behaviour of a stub. */
	static final String ENDPOINT_PARAMETER = "wechat-endpoint";

	/** {@code GET /cgi-bin/token}. */
	static final String TOKEN = "token";

	/** {@code POST /cgi-bin/stable_token}. */
	static final String STABLE_TOKEN = "stable_token";

	/** Any endpoint that needs a valid {@code access_token} query parameter. */
	static final String AUTHENTICATED = "authenticated";

	static final int TOKEN_LIFETIME_SECONDS = 7200;

	/**
	 * The platform rotates a stable token this long before it expires, so every stable
	 * token it hands out has at least this much life left.
	 */
	static final int STABLE_TOKEN_MIN_REMAINING_SECONDS = 300;

	private static final Pattern APP_ID = Pattern.compile("wx[0-9a-zA-Z]{16}");

	private static final char[] ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
		.toCharArray();

	private final Random random = new SecureRandom();

	private final LongSupplier clock;

	private final Map<String, String> secrets = new ConcurrentHashMap<>();

	/** Guarded by {@code this}. */
	private final Map<String, Issued> plainTokens = new HashMap<>();

	/** Guarded by {@code this}. */
	private final Map<String, Issued> stableTokens = new HashMap<>();

	/** Guarded by itself. */
	private final Map<String, Deque<Queued>> failures = new HashMap<>();

	/** Failures sent after the work is done; guarded by {@link #failures}. */
	private final Map<String, Deque<SimulatedFailure>> afterAcceptance = new HashMap<>();

	private final FollowerPlatform followers = new FollowerPlatform();

	private final MassSendPlatform mass = new MassSendPlatform(this.followers::tagCount);

	/** On the mass-send clock, so that one settable clock drives both. */
	private final CustomerServicePlatform customerService = new CustomerServicePlatform(this.mass::clock);

	private final MenuPlatform menus = new MenuPlatform();

	SimulatedPlatform(LongSupplier currentTimeMillis) {
		this.clock = currentTimeMillis;
	}

	@Override
	public String getName() {
		return "wechat-platform";
	}

	@Override
	public boolean applyGlobally() {
		return true;
	}

	void registerAccount(String appId, String appSecret) {
		this.secrets.put(appId, appSecret);
	}

	synchronized void invalidateTokens(String appId) {
		this.plainTokens.remove(appId);
		this.stableTokens.remove(appId);
	}

	synchronized boolean isValid(String accessToken) {
		long now = this.clock.getAsLong();
		return isCurrent(this.plainTokens, accessToken, now) || isCurrent(this.stableTokens, accessToken, now);
	}

	void failNext(String path, SimulatedFailure failure, int times) {
		if (times <= 0) {
			throw new IllegalArgumentException("times must be positive, got " + times);
		}
		synchronized (this.failures) {
			this.failures.computeIfAbsent(path, (p) -> new ArrayDeque<>()).addLast(new Queued(failure, times, 0));
		}
	}

	/** Like {@link #failNext}, after {@code okCalls} requests answered normally. */
	void failAfter(String path, int okCalls, SimulatedFailure failure, int times) {
		if (times <= 0 || okCalls < 0) {
			throw new IllegalArgumentException("times must be positive and okCalls not negative");
		}
		synchronized (this.failures) {
			this.failures.computeIfAbsent(path, (p) -> new ArrayDeque<>()).addLast(new Queued(failure, times, okCalls));
		}
	}

	/** Queues a failure that is answered after the request was processed normally. */
	void acceptThenFailNext(String path, SimulatedFailure failure) {
		synchronized (this.failures) {
			this.afterAcceptance.computeIfAbsent(path, (p) -> new ArrayDeque<>())
				.addLast(Objects.requireNonNull(failure, "failure"));
		}
	}

	/** The mass-send side of the platform. */
	MassSendPlatform mass() {
		return this.mass;
	}

	/** The follower side of the platform: population, user list, tags, blacklist. */
	FollowerPlatform followers() {
		return this.followers;
	}

	/** The customer-service side of the platform. */
	CustomerServicePlatform customerService() {
		return this.customerService;
	}

	/** The custom-menu side of the platform. */
	MenuPlatform menus() {
		return this.menus;
	}

	void reset() {
		synchronized (this.failures) {
			this.failures.clear();
			this.afterAcceptance.clear();
		}
		this.mass.reset();
		this.followers.reset();
		this.customerService.reset();
		this.menus.reset();
		synchronized (this) {
			this.plainTokens.clear();
			this.stableTokens.clear();
		}
		this.secrets.clear();
	}

	@Override
	public ResponseDefinition transform(ServeEvent serveEvent) {
		LoggedRequest request = serveEvent.getRequest();
		String path = pathOf(request.getUrl());
		SimulatedFailure failure = takeFailure(path);
		if (failure != null && !(failure instanceof SimulatedFailure.Delay)) {
			// The platform never got to the work: no token is issued, nothing is sent.
			return failureResponse(failure);
		}
		ResponseDefinition response = platformResponse(serveEvent);
		SimulatedFailure afterWork = takeFailureAfterAcceptance(path);
		if (afterWork != null) {
			// The platform did the work, but its answer is lost on the way back.
			failure = afterWork;
			if (!(afterWork instanceof SimulatedFailure.Delay)) {
				return failureResponse(afterWork);
			}
		}
		if (failure instanceof SimulatedFailure.Delay delay) {
			return ResponseDefinitionBuilder.like(response).withFixedDelay((int) delay.delay().toMillis()).build();
		}
		return response;
	}

	private ResponseDefinition platformResponse(ServeEvent serveEvent) {
		Parameters parameters = serveEvent.getTransformerParameters();
		String endpoint = (parameters != null) ? parameters.getString(ENDPOINT_PARAMETER, null) : null;
		if (endpoint == null) {
			return serveEvent.getResponseDefinition();
		}
		LoggedRequest request = serveEvent.getRequest();
		return switch (endpoint) {
			case TOKEN -> token(value(request.queryParameter("appid")), value(request.queryParameter("secret")));
			case STABLE_TOKEN -> stableToken(request.getBodyAsString());
			case AUTHENTICATED ->
				authenticated(value(request.queryParameter("access_token")), serveEvent.getResponseDefinition());
			case CustomerServicePlatform.CUSTOM_SEND -> forAppId(value(request.queryParameter("access_token")),
					(appId) -> WireMock.okJson(this.customerService.send(appId, request.getBodyAsString()).toString())
						.build());
			case CustomerServicePlatform.MEDIA_GET -> forAppId(value(request.queryParameter("access_token")),
					(appId) -> mediaGet(value(request.queryParameter("media_id"))));
			default ->
				FollowerPlatform.ENDPOINTS.contains(
						endpoint)
								? forAppId(
										value(request.queryParameter("access_token")), (
												appId) -> WireMock
													.okJson(this.followers.handle(endpoint, appId,
															request.getBodyAsString(), nextOpenid(request))
														.toString())
													.build())
								: MenuPlatform.ENDPOINTS.contains(endpoint)
										? forAppId(value(request.queryParameter("access_token")), (appId) -> WireMock
											.okJson(this.menus.handle(endpoint, appId, request.getBodyAsString())
												.toString())
											.build())
										: MassSendPlatform.ENDPOINTS.contains(endpoint)
												? forAppId(value(request.queryParameter("access_token")),
														(appId) -> massSend(endpoint, appId, request.getBodyAsString()))
												: serveEvent.getResponseDefinition();
		};
	}

	/**
	 * Checks the token (41001 without one, 40001 for one not honoured), then answers with
	 * {@code handler} for the AppID it was issued to.
	 */
	private ResponseDefinition forAppId(String accessToken, Function<String, ResponseDefinition> handler) {
		ResponseDefinition refused = checkToken(accessToken);
		if (refused != null) {
			return refused;
		}
		String appId = appIdOf(accessToken);
		if (appId == null) {
			// Expired between the two looks.
			return errcode(40001, "invalid credential, access_token is invalid or not latest");
		}
		return handler.apply(appId);
	}

	private ResponseDefinition massSend(String endpoint, String appId, String body) {
		return WireMock.okJson(this.mass.handle(endpoint, appId, (body != null) ? body : "").toString()).build();
	}

	/**
	 * The file as the platform sends it: its Content-Type and a
	 * {@code Content-disposition} naming it, which WxJava needs to save it; a JSON error
	 * for an unknown id.
	 */
	private ResponseDefinition mediaGet(String mediaId) {
		if (mediaId == null || mediaId.isEmpty()) {
			return errcode(41006, "media_id missing");
		}
		CustomerServicePlatform.Media media = this.customerService.media(mediaId);
		if (media == null) {
			return errcode(40007, "invalid media_id");
		}
		return ResponseDefinitionBuilder.responseDefinition()
			.withStatus(200)
			.withHeader("Content-Type", media.contentType())
			.withHeader("Content-disposition",
					"attachment; filename=\"" + CustomerServicePlatform.fileName(mediaId, media.contentType()) + "\"")
			.withHeader("Cache-Control", "no-cache, must-revalidate")
			.withBody(media.bytes())
			.build();
	}

	/** The AppID a currently honoured token was issued to, or null. */
	synchronized String appIdOf(String accessToken) {
		long now = this.clock.getAsLong();
		for (Map<String, Issued> tokens : List.of(this.plainTokens, this.stableTokens)) {
			for (Map.Entry<String, Issued> entry : tokens.entrySet()) {
				if (entry.getValue().token().equals(accessToken) && entry.getValue().remainingSeconds(now) > 0) {
					return entry.getKey();
				}
			}
		}
		return null;
	}

	private ResponseDefinition token(String appId, String secret) {
		ResponseDefinition refused = checkCredentials(appId, secret);
		if (refused != null) {
			return refused;
		}
		synchronized (this) {
			// Like the platform, a new /cgi-bin/token token replaces the previous one.
			// The
			// platform keeps the old one usable for five more minutes; the simulator
			// drops
			// it at once so that tests see the effect without waiting.
			Issued issued = issue(this.plainTokens, appId);
			return tokenResponse(issued.token(), TOKEN_LIFETIME_SECONDS);
		}
	}

	private ResponseDefinition stableToken(String body) {
		JsonObject json;
		try {
			JsonElement parsed = JsonParser.parseString(body);
			json = parsed.isJsonObject() ? parsed.getAsJsonObject() : new JsonObject();
		}
		catch (RuntimeException ex) {
			return errcode(47001, "data format error");
		}
		String appId = string(json, "appid");
		String secret = string(json, "secret");
		boolean forceRefresh = json.has("force_refresh") && json.get("force_refresh").isJsonPrimitive()
				&& json.get("force_refresh").getAsBoolean();
		ResponseDefinition refused = checkCredentials(appId, secret);
		if (refused != null) {
			return refused;
		}
		synchronized (this) {
			long now = this.clock.getAsLong();
			Issued current = this.stableTokens.get(appId);
			if (!forceRefresh && current != null
					&& current.remainingSeconds(now) >= STABLE_TOKEN_MIN_REMAINING_SECONDS) {
				return tokenResponse(current.token(), current.remainingSeconds(now));
			}
			Issued issued = issue(this.stableTokens, appId);
			return tokenResponse(issued.token(), TOKEN_LIFETIME_SECONDS);
		}
	}

	private ResponseDefinition authenticated(String accessToken, ResponseDefinition normal) {
		ResponseDefinition refused = checkToken(accessToken);
		return (refused != null) ? refused : normal;
	}

	/** 41001 without a token, 40001 for one not honoured, null when it is fine. */
	private ResponseDefinition checkToken(String accessToken) {
		if (accessToken == null || accessToken.isEmpty()) {
			return errcode(41001, "access_token missing");
		}
		if (!isValid(accessToken)) {
			return errcode(40001, "invalid credential, access_token is invalid or not latest");
		}
		return null;
	}

	private ResponseDefinition checkCredentials(String appId, String secret) {
		if (appId == null || appId.isEmpty()) {
			return errcode(41002, "appid missing");
		}
		if (secret == null || secret.isEmpty()) {
			return errcode(41004, "appsecret missing");
		}
		if (!APP_ID.matcher(appId).matches()) {
			return errcode(40013, "invalid appid");
		}
		String registered = this.secrets.get(appId);
		if (registered != null && !registered.equals(secret)) {
			return errcode(40125, "invalid appsecret");
		}
		return null;
	}

	private Issued issue(Map<String, Issued> tokens, String appId) {
		Issued issued = new Issued(WeChatApiSimulator.TOKEN_PREFIX + randomAlphanumeric(32),
				this.clock.getAsLong() + TOKEN_LIFETIME_SECONDS * 1000L);
		tokens.put(appId, issued);
		return issued;
	}

	private static boolean isCurrent(Map<String, Issued> tokens, String accessToken, long now) {
		for (Issued issued : tokens.values()) {
			if (issued.token().equals(accessToken)) {
				return issued.remainingSeconds(now) > 0;
			}
		}
		return false;
	}

	private SimulatedFailure takeFailure(String path) {
		synchronized (this.failures) {
			Deque<Queued> queue = this.failures.get(path);
			if (queue == null) {
				return null;
			}
			Iterator<Queued> it = queue.iterator();
			Queued next = it.next();
			if (next.skip > 0) {
				next.skip--;
				return null;
			}
			next.remaining--;
			if (next.remaining == 0) {
				it.remove();
			}
			if (queue.isEmpty()) {
				this.failures.remove(path);
			}
			return next.failure;
		}
	}

	private SimulatedFailure takeFailureAfterAcceptance(String path) {
		synchronized (this.failures) {
			Deque<SimulatedFailure> queue = this.afterAcceptance.get(path);
			if (queue == null) {
				return null;
			}
			SimulatedFailure next = queue.removeFirst();
			if (queue.isEmpty()) {
				this.afterAcceptance.remove(path);
			}
			return next;
		}
	}

	private ResponseDefinition failureResponse(SimulatedFailure failure) {
		if (failure instanceof SimulatedFailure.Errcode error) {
			return errcode(error.code(), error.msg());
		}
		if (failure instanceof SimulatedFailure.HttpStatus status) {
			return ResponseDefinitionBuilder.responseDefinition()
				.withStatus(status.status())
				.withHeader("Content-Type", "text/html")
				.withBody("<html><body><h1>" + status.status() + "</h1></body></html>")
				.build();
		}
		return ResponseDefinitionBuilder.responseDefinition().withFault(Fault.CONNECTION_RESET_BY_PEER).build();
	}

	/** An error the way WeChat sends it: HTTP 200, and a request id in the message. */
	private ResponseDefinition errcode(int code, String msg) {
		JsonObject body = new JsonObject();
		body.addProperty("errcode", code);
		body.addProperty("errmsg",
				msg + " rid: " + randomAlphanumeric(8).toLowerCase() + "-" + randomAlphanumeric(8).toLowerCase());
		return WireMock.okJson(body.toString()).build();
	}

	private static ResponseDefinition tokenResponse(String token, long expiresIn) {
		JsonObject body = new JsonObject();
		body.addProperty("access_token", token);
		body.addProperty("expires_in", expiresIn);
		return WireMock.okJson(body.toString()).build();
	}

	private String randomAlphanumeric(int length) {
		char[] chars = new char[length];
		for (int i = 0; i < length; i++) {
			chars[i] = ALPHANUMERIC[this.random.nextInt(ALPHANUMERIC.length)];
		}
		return new String(chars);
	}

	static String pathOf(String url) {
		int query = url.indexOf('?');
		return (query < 0) ? url : url.substring(0, query);
	}

	private static String nextOpenid(LoggedRequest request) {
		QueryParameter next = request.queryParameter("next_openid");
		return value(next);
	}

	private static String value(QueryParameter parameter) {
		return (parameter != null && parameter.isPresent()) ? parameter.firstValue() : null;
	}

	private record Issued(String token, long expiresAtMillis) {

		long remainingSeconds(long now) {
			return Math.max(0, (this.expiresAtMillis - now) / 1000);
		}

	}

	private static final class Queued {

		private final SimulatedFailure failure;

		private int remaining;

		/** Requests answered normally before this failure applies. */
		private int skip;

		Queued(SimulatedFailure failure, int remaining, int skip) {
			this.failure = failure;
			this.remaining = remaining;
			this.skip = skip;
		}

	}

}
