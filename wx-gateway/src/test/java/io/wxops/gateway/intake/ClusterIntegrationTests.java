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

	static ConfigurableApplicationContext second;

	static FollowerSimulator toSecond;

	@Autowired
	Fixtures fixtures;

	@Autowired
	AccountRegistry registry;

	@BeforeAll
	static void startSecondInstance() {
		DevServers servers = DevServers.forTests();
		URI db = URI.create(servers.jdbcUrl().substring("jdbc:".length()));
		dbProxy = TcpProxy.to(db.getHost(), db.getPort());
		Map<String, Object> props = new HashMap<>(servers.springProperties());
		props.put("spring.datasource.url",
				servers.jdbcUrl().replaceFirst("//[^/]+/", "//127.0.0.1:" + dbProxy.port() + "/"));
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
		toSecond = new FollowerSimulator(URI.create("http://127.0.0.1:" + port), Duration.ofSeconds(5), 0);
	}

	@AfterAll
	static void stopSecondInstance() {
		if (second != null) {
			second.close();
		}
		if (dbProxy != null) {
			dbProxy.close();
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
		toSecond.deliver(account.wechat(), Fixtures.text(account, openid, "warm up the account cache"), openid);
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

	private long hits(AutoReplyRule rule) {
		return this.fixtures.jdbc()
			.queryForObject("SELECT hit_count FROM wx_auto_reply_rule WHERE id = ?", Long.class, rule.getId());
	}

}
