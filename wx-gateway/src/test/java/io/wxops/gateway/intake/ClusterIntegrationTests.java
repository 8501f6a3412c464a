package io.wxops.gateway.intake;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.wxops.core.account.AccountRegistry;
import io.wxops.core.account.AccountUpdate;
import io.wxops.core.redis.RedisKeys;
import io.wxops.core.reply.AutoReplyRule;
import io.wxops.core.reply.AutoReplyRule.MatchMode;
import io.wxops.devkit.DevServers;
import io.wxops.devkit.DevServersInitializer;
import io.wxops.devkit.TcpProxy;
import io.wxops.devkit.simulator.Callback;
import io.wxops.devkit.simulator.FollowerSimulator;
import io.wxops.devkit.simulator.SimulatedAccount;
import io.wxops.devkit.simulator.SimulatedAccount.Mode;
import io.wxops.gateway.Fixtures;
import io.wxops.gateway.Fixtures.Registered;
import io.wxops.gateway.GatewayApplication;
import io.wxops.gateway.GatewayIntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two gateway instances sharing MySQL and Redis, as in production behind a load balancer.
 * The second one reaches the database through a proxy the tests can cut.
 */
@GatewayIntegrationTest
class ClusterIntegrationTests {

	static TcpProxy dbProxy;

	static TcpProxy redisProxy;

	static ConfigurableApplicationContext second;

	static FollowerSimulator toSecond;

	static URI secondUrl;

	@Autowired
	Fixtures fixtures;

	@Autowired
	AccountRegistry registry;

	@Autowired
	RedisKeys keys;

	@BeforeAll
	static void startSecondInstance() {
		DevServers servers = DevServers.forTests();
		URI db = URI.create(servers.jdbcUrl().substring("jdbc:".length()));
		dbProxy = TcpProxy.to(db.getHost(), db.getPort());
		Map<String, Object> props = new HashMap<>(servers.springProperties());
		props.put("spring.datasource.url",
				servers.jdbcUrl().replaceFirst("//[^/]+/", "//127.0.0.1:" + dbProxy.port() + "/"));
		redisProxy = TcpProxy.to(servers.redisHost(), servers.redisPort());
		props.put("spring.data.redis.url", "redis://127.0.0.1:" + redisProxy.port());
		props.put("wxops.secrets.key", DevServersInitializer.testSecretKey());
		props.put("server.port", "0");
		// A second instance in this JVM: a free management port, not the default one.
		props.put("management.server.port", "0");
		props.put("spring.flyway.enabled", "false");
		// As command-line arguments: they outrank application.yml, default properties
		// would not.
		second = new SpringApplicationBuilder(GatewayApplication.class)
			.run(props.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
		int port = Integer.parseInt(second.getEnvironment().getProperty("local.server.port"));
		secondUrl = URI.create("http://127.0.0.1:" + port);
		toSecond = new FollowerSimulator(secondUrl, Duration.ofSeconds(5), 0);
	}

	@AfterAll
	static void stopSecondInstance() {
		if (second != null) {
			second.close();
		}
		if (dbProxy != null) {
			dbProxy.close();
		}
		if (redisProxy != null) {
			redisProxy.close();
		}
	}

	@Test
	void sameMessageFourTimesAtOnceOnTwoInstancesIsStoredAndRepliedOnce() throws Exception {
		Registered account = this.fixtures.account(Mode.SAFE);
		AutoReplyRule rule = this.fixtures.addRule(account,
				AutoReplyRule.keyword(account.snapshot().id(), MatchMode.CONTAINS, "成绩", "成绩查询请点菜单"));
		String openid = Fixtures.openid();
		Callback callback = Callback.seal(account.wechat(), Fixtures.text(account, openid, "我想查成绩"), openid);
		FollowerSimulator toFirst = this.fixtures.simulator();

		List<HttpResponse<String>> answers = new ArrayList<>();
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			CountDownLatch go = new CountDownLatch(1);
			List<Future<HttpResponse<String>>> futures = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				FollowerSimulator target = (i % 2 == 0) ? toFirst : toSecond;
				futures.add(pool.submit(() -> {
					go.await();
					return target.post(account.wechat(), callback);
				}));
			}
			go.countDown();
			for (Future<HttpResponse<String>> f : futures) {
				answers.add(f.get(10, TimeUnit.SECONDS));
			}
		}
		finally {
			pool.shutdownNow();
		}

		assertThat(answers).allSatisfy(a -> assertThat(a.statusCode()).isEqualTo(200));
		assertThat(this.fixtures.messageCount(account)).isEqualTo(1);
		assertThat(hits(rule)).isEqualTo(1);
		assertThat(answers.stream().map(a -> FollowerSimulator.openReply(account.wechat(), a.body())))
			.anySatisfy(reply -> assertThat(reply).contains("成绩查询请点菜单"))
			.allSatisfy(reply -> assertThat(reply).satisfiesAnyOf(r -> assertThat(r).isEqualTo("success"),
					r -> assertThat(r).contains("成绩查询请点菜单")));
		// A later retry, to either instance, gets the same reply again without a second
		// side effect.
		HttpResponse<String> late = toSecond.post(account.wechat(), callback);
		assertThat(FollowerSimulator.openReply(account.wechat(), late.body())).contains("成绩查询请点菜单");
		assertThat(hits(rule)).isEqualTo(1);
		assertThat(this.fixtures.messageCount(account)).isEqualTo(1);
	}

	@Test
	void retryAfterDatabaseOutageIsStoredExactlyOnce() throws Exception {
		Registered account = this.fixtures.account(Mode.SAFE);
		String openid = Fixtures.openid();
		warmUp(account, openid);
		Callback callback = Callback.seal(account.wechat(), Fixtures.text(account, openid, "数据库挂了吗"), openid);

		dbProxy.cut();
		HttpResponse<String> during;
		try {
			during = toSecond.post(account.wechat(), callback);
		}
		finally {
			dbProxy.restore();
		}
		assertThat(during.statusCode()).isEqualTo(503);
		assertThat(during.body()).contains("storage-unavailable").doesNotContain("success");
		assertThat(this.fixtures.messageCount(account)).isEqualTo(1);

		HttpResponse<String> retry = toSecond.post(account.wechat(), callback);
		assertThat(retry.statusCode()).isEqualTo(200);
		assertThat(this.fixtures.messageCount(account)).isEqualTo(2);
		HttpResponse<String> againOnFirst = this.fixtures.simulator().post(account.wechat(), callback);
		assertThat(againOnFirst.statusCode()).isEqualTo(200);
		assertThat(this.fixtures.messageCount(account)).isEqualTo(2);
	}

	/**
	 * A database outage long enough for HikariCP's own reconnect backoff to reach
	 * seconds: every callback gets its 503 well within WeChat's 5 s (one wait for a
	 * connection, not two), and the first 200 comes within 1.5 s of the database's return
	 * (the reconnect gate's probe, not HikariCP's backoff, decides when the pool
	 * refills).
	 */
	@Test
	void databaseOutageAnswers503FastAndRecoversWithinASecondOrTwo() throws Exception {
		Registered account = this.fixtures.account(Mode.SAFE);
		String openid = Fixtures.openid();
		warmUp(account, openid);
		List<Callback> refused = new ArrayList<>();
		long slowest = 0;
		dbProxy.cut();
		try {
			long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(7);
			while (System.nanoTime() < end) {
				Callback callback = Callback.seal(account.wechat(),
						Fixtures.text(account, openid, "停电了 " + refused.size()), openid);
				long started = System.nanoTime();
				HttpResponse<String> answer = toSecond.post(account.wechat(), callback);
				slowest = Math.max(slowest, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
				assertThat(answer.statusCode()).isEqualTo(503);
				refused.add(callback);
			}
		}
		finally {
			dbProxy.restore();
		}
		long restored = System.nanoTime();
		assertThat(slowest).as("slowest 503 during the outage, ms").isLessThan(3_500);

		long firstOk = -1;
		int attempt = 0;
		while (firstOk < 0 && System.nanoTime() - restored < TimeUnit.SECONDS.toNanos(10)) {
			HttpResponse<String> answer = toSecond.post(account.wechat(), refused.get(attempt++ % refused.size()));
			if (answer.statusCode() == 200) {
				firstOk = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - restored);
			}
			else {
				Thread.sleep(100);
			}
		}
		assertThat(firstOk).as("ms from the database's return to the first 200").isBetween(0L, 1_500L);
		for (Callback callback : refused) {
			assertThat(toSecond.post(account.wechat(), callback).statusCode()).isEqualTo(200);
		}
		assertThat(this.fixtures.messageCount(account)).isEqualTo(1 + refused.size());
	}

	/**
	 * Redis away for a second (as in a failover, until Sentinel names the new primary):
	 * the account-changed subscription is made again within 2.5 s of Redis answering
	 * again, not after Spring Data Redis' default 5 s.
	 */
	@Test
	void accountChangedSubscriptionComesBackSoonAfterRedisReturns() throws Exception {
		String channel = this.keys.accountChangedChannel();
		long subscribed = subscribers(channel);
		assertThat(subscribed).isPositive();
		redisProxy.cut();
		try {
			await().atMost(Duration.ofSeconds(10))
				.pollInterval(Duration.ofMillis(50))
				.until(() -> subscribers(channel) == subscribed - 1);
			Thread.sleep(1_000);
		}
		finally {
			redisProxy.restore();
		}
		await().atMost(Duration.ofMillis(2_500))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> subscribers(channel) == subscribed);
	}

	private static long subscribers(String channel) {
		DevServers servers = DevServers.forTests();
		try (Jedis jedis = new Jedis(servers.redisHost(), servers.redisPort())) {
			return jedis.pubsubNumSub(channel).getOrDefault(channel, 0L);
		}
	}

	@Test
	void accountChangeReachesTheOtherInstanceWithoutRestart() throws Exception {
		Registered account = this.fixtures.account(Mode.PLAINTEXT);
		String openid = Fixtures.openid();
		assertThat(toSecond.deliver(account.wechat(), Fixtures.text(account, openid, "before"), openid).status())
			.isEqualTo(200);

		this.registry.update(account.snapshot().appId(),
				new AccountUpdate(null, null, null, "rotatedToken42", null, null));
		SimulatedAccount rotated = new SimulatedAccount(account.wechat().appId(), account.wechat().originalId(),
				"rotatedToken42", account.wechat().aesKey(), Mode.PLAINTEXT);

		await().atMost(Duration.ofSeconds(5))
			.pollInterval(Duration.ofMillis(100))
			.untilAsserted(() -> assertThat(
					toSecond.post(rotated, Callback.seal(rotated, Fixtures.text(account, openid, "after"), openid))
						.statusCode())
				.isEqualTo(200));
		assertThat(toSecond
			.post(account.wechat(),
					Callback.seal(account.wechat(), Fixtures.text(account, openid, "old token"), openid))
			.statusCode()).isEqualTo(403);
	}

	/**
	 * The second instance reads the account once and stores one message, before a test
	 * cuts its database: waited for (a busy machine can take over 5 s), not cut short.
	 */
	private static void warmUp(Registered account, String openid) throws Exception {
		FollowerSimulator patient = new FollowerSimulator(secondUrl, Duration.ofSeconds(30), 0);
		assertThat(
				patient.deliver(account.wechat(), Fixtures.text(account, openid, "warm up the account cache"), openid)
					.status())
			.isEqualTo(200);
	}

	private long hits(AutoReplyRule rule) {
		return this.fixtures.jdbc()
			.queryForObject("SELECT hit_count FROM wx_auto_reply_rule WHERE id = ?", Long.class, rule.getId());
	}

}
