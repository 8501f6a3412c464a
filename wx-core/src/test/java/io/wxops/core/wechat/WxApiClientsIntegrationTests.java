package io.wxops.core.wechat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.wxops.core.account.AccountRegistry;
import io.wxops.core.account.AccountSnapshot;
import io.wxops.core.account.AccountType;
import io.wxops.core.account.MessageMode;
import io.wxops.core.account.NewAccount;
import io.wxops.core.redis.RedisKeys;
import io.wxops.devkit.DevServersInitializer;
import me.chanjar.weixin.mp.api.WxMpService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Access tokens come from WeChat's stable-token endpoint and are shared through Redis.
 */
@SpringBootTest
@ContextConfiguration(initializers = DevServersInitializer.class)
class WxApiClientsIntegrationTests {

	static final WireMockServer wechat = new WireMockServer(
			WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());

	static {
		wechat.start();
	}

	@DynamicPropertySource
	static void wechatHost(DynamicPropertyRegistry registry) {
		registry.add("wxops.wechat.api-host", () -> "http://127.0.0.1:" + wechat.port());
	}

	@AfterAll
	static void stop() {
		wechat.stop();
	}

	@Autowired
	WxApiClients clients;

	@Autowired
	AccountRegistry registry;

	@Autowired
	StringRedisTemplate redis;

	@Autowired
	RedisKeys keys;

	@Test
	void stableTokenIsFetchedOnceAndKeptInRedis() throws Exception {
		String appId = "wx" + java.util.HexFormat.of()
			.formatHex(java.nio.ByteBuffer.allocate(8).putLong(System.nanoTime()).array());
		AccountSnapshot account = this.registry.register(new NewAccount(appId, "gh_abcdef123456", "a",
				AccountType.SERVICE, MessageMode.PLAINTEXT, "token123", null, "secretSecret1234567890"));
		wechat.stubFor(post(urlPathEqualTo("/cgi-bin/stable_token"))
			.willReturn(aResponse().withHeader("Content-Type", "application/json")
				.withBody("{\"access_token\":\"STABLE_TOKEN_1\",\"expires_in\":7200}")));

		WxMpService service = this.clients.forAccount(account);
		String first = service.getAccessToken();
		String second = this.clients.forAccount(account).getAccessToken();

		assertThat(first).isEqualTo("STABLE_TOKEN_1").isEqualTo(second);
		wechat.verify(1, postRequestedFor(urlPathEqualTo("/cgi-bin/stable_token")).withRequestBody(
				matchingJsonPath("$.appid", com.github.tomakehurst.wiremock.client.WireMock.equalTo(appId))));
		assertThat(this.redis.opsForValue().get(this.keys.wxJavaPrefix() + ":access_token:" + appId))
			.isEqualTo("STABLE_TOKEN_1");
	}

}
