package io.wxops.core.wechat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.wxops.core.WxopsProperties;
import io.wxops.core.account.AccountRegistry;
import io.wxops.core.account.AccountSnapshot;
import io.wxops.core.redis.RedisKeys;
import io.wxops.devkit.DevServersInitializer;
import io.wxops.devkit.simulator.SimulatedFailure;
import io.wxops.devkit.simulator.WeChatApiSimulator;
import me.chanjar.weixin.mp.api.WxMpService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Calls through {@link WeChatCalls} against the simulated platform, with tokens in the
 * real Redis: token sharing and refresh, and how each failure is reported.
 */
@SpringBootTest(properties = { "wxops.wechat.retry-sleep=10ms", "wxops.wechat.read-timeout=500ms",
		"wxops.wechat.connect-timeout=1s" })
@ContextConfiguration(initializers = DevServersInitializer.class)
class WeChatCallsIntegrationTests {

	static final String STABLE_TOKEN = "/cgi-bin/stable_token";

	static final String CALLBACK_IP = "/cgi-bin/getcallbackip";

	static final WeChatApiSimulator wechat = new WeChatApiSimulator().start();

	@DynamicPropertySource
	static void wechatHost(DynamicPropertyRegistry registry) {
		registry.add("wxops.wechat.api-host", wechat::baseUrl);
	}

	@AfterAll
	static void stop() {
		wechat.stop();
	}

	@Autowired
	WeChatCalls calls;

	@Autowired
	AccountRegistry registry;

	@Autowired
	StringRedisTemplate redis;

	@Autowired
	RedisKeys keys;

	@Autowired
	WxopsProperties properties;

	AccountSnapshot account;

	@BeforeEach
	void freshPlatformAndAccount() {
		wechat.reset();
		this.account = WeChatTestAccounts.register(this.registry, WeChatTestAccounts.newAppId(), "secret1234567890abc");
	}

	@Test
	void twoInstancesAskingConcurrentlyFetchOneStableTokenBetweenThem() throws Exception {
		// A slow answer keeps the first fetch in flight while every other caller waits.
		wechat.failNext(STABLE_TOKEN, SimulatedFailure.delay(Duration.ofMillis(300)), 1);
		try (WxApiClients first = new WxApiClients(this.redis, this.keys, this.properties);
				WxApiClients second = new WxApiClients(this.redis, this.keys, this.properties)) {
			int threads = 8;
			ExecutorService pool = Executors.newFixedThreadPool(threads);
			CountDownLatch start = new CountDownLatch(1);
			List<Future<String>> tokens = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				WxMpService service = ((i % 2 == 0) ? first : second).forAccount(this.account);
				// Staggered, so that some caller is waiting for the lock at any moment
				// the first fetch may end.
				long offset = i * 13L;
				tokens.add(pool.submit(() -> {
					start.await();
					Thread.sleep(offset);
					return service.getAccessToken();
				}));
			}
			start.countDown();
			Set<String> distinct = new java.util.HashSet<>();
			for (Future<String> token : tokens) {
				distinct.add(token.get(10, TimeUnit.SECONDS));
			}
			pool.shutdown();

			assertThat(wechat.calls(STABLE_TOKEN)).isEqualTo(1);
			assertThat(distinct).hasSize(1);
			assertThat(distinct.iterator().next()).startsWith(WeChatApiSimulator.TOKEN_PREFIX);
		}
	}

	@Test
	void rejectedTokenIsRefreshedOnceAndTheCallRepeatedOnce() {
		this.calls.call(this.account, WxMpService::getCallbackIP);
		wechat.failNext(CALLBACK_IP,
				SimulatedFailure.errcode(40001, "invalid credential, access_token is invalid or not latest"), 1);

		String[] ips = this.calls.call(this.account, WxMpService::getCallbackIP);

		assertThat(ips).containsExactly("127.0.0.1");
		assertThat(wechat.calls(STABLE_TOKEN)).isEqualTo(2);
		assertThat(wechat.calls(CALLBACK_IP)).isEqualTo(3);
	}

	@Test
	void tokenInvalidatedByThePlatformIsReplacedInRedis() {
		this.calls.call(this.account, WxMpService::getCallbackIP);
		String before = this.redis.opsForValue().get(tokenKey());
		wechat.invalidateTokens(this.account.appId());

		String[] ips = this.calls.call(this.account, WxMpService::getCallbackIP);

		assertThat(ips).containsExactly("127.0.0.1");
		assertThat(this.redis.opsForValue().get(tokenKey())).isNotEqualTo(before)
			.startsWith(WeChatApiSimulator.TOKEN_PREFIX);
		assertThat(wechat.calls(STABLE_TOKEN)).isEqualTo(2);
	}

	@Test
	void tokenRejectedAgainAfterRefreshFailsWithoutLooping() {
		this.calls.call(this.account, WxMpService::getCallbackIP);
		wechat.failNext(CALLBACK_IP,
				SimulatedFailure.errcode(40001, "invalid credential, access_token is invalid or not latest"), 5);

		WeChatCallException ex = failure(() -> this.calls.call(this.account, WxMpService::getCallbackIP));

		assertThat(ex.error()).isEqualTo(WeChatError.ACCESS_TOKEN_REJECTED);
		assertThat(ex.status()).isEqualTo(502);
		assertThat(ex.type()).hasToString("https://wxops.io/problems/wechat/40001");
		assertThat(ex.detail()).contains("AppSecret");
		assertThat(wechat.calls(CALLBACK_IP)).isEqualTo(3);
		assertThat(wechat.calls(STABLE_TOKEN)).isEqualTo(2);
	}

	@Test
	void dailyQuotaIsTooManyRequests() {
		wechat.failNext(CALLBACK_IP, SimulatedFailure.errcode(45009, "reach max api daily quota limit"), 1);

		WeChatCallException ex = failure(() -> this.calls.call(this.account, WxMpService::getCallbackIP));

		assertThat(ex.error()).isEqualTo(WeChatError.API_QUOTA_REACHED);
		assertThat(ex.status()).isEqualTo(429);
		assertThat(ex.type()).hasToString("https://wxops.io/problems/wechat/45009");
		assertThat(ex.errcode()).isEqualTo(45009);
		assertThat(ex.errmsg()).startsWith("reach max api daily quota limit");
	}

	@Test
	void ipOutsideWhitelistTellsWhichAddressToAdd() {
		wechat.failNext(CALLBACK_IP,
				SimulatedFailure.errcode(40164, "invalid ip 203.0.113.7 ipv6 ::ffff:203.0.113.7, not in whitelist"), 1);

		WeChatCallException ex = failure(() -> this.calls.call(this.account, WxMpService::getCallbackIP));

		assertThat(ex.error()).isEqualTo(WeChatError.IP_NOT_WHITELISTED);
		assertThat(ex.status()).isEqualTo(502);
		assertThat(ex.type()).hasToString("https://wxops.io/problems/wechat/40164");
		assertThat(ex.detail()).contains("IP whitelist").contains("203.0.113.7");
	}

	@Test
	void unknownErrcodeIsReportedWithWeChatsCodeAndMessage() {
		wechat.failNext(CALLBACK_IP, SimulatedFailure.errcode(47999, "something new"), 1);

		WeChatCallException ex = failure(() -> this.calls.call(this.account, WxMpService::getCallbackIP));

		assertThat(ex.error()).isEqualTo(WeChatError.UNKNOWN);
		assertThat(ex.status()).isEqualTo(502);
		assertThat(ex.type()).hasToString("https://wxops.io/problems/wechat/47999");
		assertThat(ex.detail()).contains("47999").contains("something new");
	}

	@Test
	void serverErrorIsUnreachableAndNotRepeated() {
		this.calls.call(this.account, WxMpService::getCallbackIP);
		wechat.failNext(CALLBACK_IP, SimulatedFailure.httpStatus(500), 1);

		WeChatCallException ex = failure(() -> this.calls.call(this.account, WxMpService::getCallbackIP));

		assertThat(ex.error()).isEqualTo(WeChatError.UNREACHABLE);
		assertThat(ex.status()).isEqualTo(502);
		assertThat(ex.type()).hasToString("https://wxops.io/problems/wechat/unreachable");
		assertThat(ex.detail()).contains("nothing was changed");
		assertThat(ex.errmsg()).contains("HTTP 500");
		assertThat(wechat.calls(CALLBACK_IP)).isEqualTo(2);
	}

	@Test
	void answerSlowerThanReadTimeoutIsGatewayTimeout() {
		this.calls.call(this.account, WxMpService::getCallbackIP);
		wechat.failNext(CALLBACK_IP, SimulatedFailure.delay(Duration.ofSeconds(3)), 1);
		long started = System.nanoTime();

		WeChatCallException ex = failure(() -> this.calls.call(this.account, WxMpService::getCallbackIP));

		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
		assertThat(ex.error()).isEqualTo(WeChatError.TIMEOUT);
		assertThat(ex.status()).isEqualTo(504);
		assertThat(ex.type()).hasToString("https://wxops.io/problems/wechat/unreachable");
		assertThat(wechat.calls(CALLBACK_IP)).isEqualTo(2);
	}

	@Test
	void connectionResetIsUnreachable() {
		this.calls.call(this.account, WxMpService::getCallbackIP);
		wechat.failNext(CALLBACK_IP, SimulatedFailure.connectionReset(), 1);

		WeChatCallException ex = failure(() -> this.calls.call(this.account, WxMpService::getCallbackIP));

		assertThat(ex.error()).isEqualTo(WeChatError.UNREACHABLE);
		assertThat(ex.status()).isEqualTo(502);
	}

	@Test
	void tokenEndpointDownIsUnreachable() {
		wechat.failNext(STABLE_TOKEN, SimulatedFailure.httpStatus(503), 1);

		WeChatCallException ex = failure(() -> this.calls.call(this.account, WxMpService::getCallbackIP));

		assertThat(ex.error()).isEqualTo(WeChatError.UNREACHABLE);
		assertThat(wechat.calls(CALLBACK_IP)).isZero();
	}

	@Test
	void systemBusyOnceIsRepeatedTransparently() {
		wechat.failNext(CALLBACK_IP, SimulatedFailure.errcode(-1, "system error"), 1);

		String[] ips = this.calls.call(this.account, WxMpService::getCallbackIP);

		assertThat(ips).containsExactly("127.0.0.1");
		assertThat(wechat.calls(CALLBACK_IP)).isEqualTo(2);
	}

	@Test
	void persistentSystemBusyIsServiceUnavailableAfterConfiguredRetries() {
		wechat.failNext(CALLBACK_IP, SimulatedFailure.errcode(-1, "system error"), 10);

		WeChatCallException ex = failure(() -> this.calls.call(this.account, WxMpService::getCallbackIP));

		assertThat(ex.error()).isEqualTo(WeChatError.SYSTEM_BUSY);
		assertThat(ex.status()).isEqualTo(503);
		assertThat(ex.type()).hasToString("https://wxops.io/problems/wechat/-1");
		assertThat(wechat.calls(CALLBACK_IP)).isEqualTo(1 + this.properties.wechat().maxRetryTimes());
	}

	@Test
	void secretChangedOnThePlatformIsInvalidAppSecret() {
		wechat.registerAccount(this.account.appId(), "the-new-secret");

		WeChatCallException ex = failure(() -> this.calls.call(this.account, WxMpService::getCallbackIP));

		assertThat(ex.error()).isEqualTo(WeChatError.INVALID_APP_SECRET);
		assertThat(ex.status()).isEqualTo(422);
		assertThat(ex.type()).hasToString("https://wxops.io/problems/wechat/40125");
	}

	private String tokenKey() {
		return this.keys.wxJavaPrefix() + ":access_token:" + this.account.appId();
	}

	/**
	 * The failure of a call, checked for what every failure must satisfy: no access token
	 * or secret in anything an operator or a log could see.
	 */
	private WeChatCallException failure(Runnable call) {
		WeChatCallException ex = catchThrowableOfType(WeChatCallException.class, call::run);
		assertThat(ex).as("a WeChatCallException").isNotNull();
		Set<String> texts = List.of(ex.getMessage(), ex.detail(), ex.errmsg(), ex.title())
			.stream()
			.collect(Collectors.toSet());
		// WeChat's own 40001 text names "access_token"; a token value must never appear.
		assertThat(texts).allSatisfy((text) -> assertThat(text).doesNotContain("access_token=")
			.doesNotContain(WeChatApiSimulator.TOKEN_PREFIX)
			.doesNotContain(this.account.appSecret()));
		return ex;
	}

}
