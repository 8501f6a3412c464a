package io.wxops.core.wechat;

import io.wxops.core.redis.RedisKeys;
import io.wxops.devkit.DevServersInitializer;
import io.wxops.devkit.simulator.WeChatApiSimulator;
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
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Candidate credentials are checked with WeChat and leave nothing behind in Redis. */
@SpringBootTest
@ContextConfiguration(initializers = DevServersInitializer.class)
class CredentialCheckIntegrationTests {

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
	CredentialCheck check;

	@Autowired
	StringRedisTemplate redis;

	@Autowired
	RedisKeys keys;

	String appId;

	@BeforeEach
	void registeredAccount() {
		wechat.reset();
		this.appId = WeChatTestAccounts.newAppId();
		wechat.registerAccount(this.appId, "right-secret");
	}

	@Test
	void rightSecretPassesWithoutStoringAToken() {
		assertThatNoException().isThrownBy(() -> this.check.verify(this.appId, "right-secret"));

		assertThat(wechat.calls("/cgi-bin/stable_token")).isEqualTo(1);
		assertThat(this.redis.keys(this.keys.prefix() + "*" + this.appId + "*")).isEmpty();
	}

	@Test
	void wrongSecretIsRefusedOnTheAppSecretFieldAndNothingIsStored() {
		WeChatCallException ex = catchThrowableOfType(WeChatCallException.class,
				() -> this.check.verify(this.appId, "wrong-secret"));

		assertThat(ex.errcode()).isEqualTo(40125);
		assertThat(ex.error()).isEqualTo(WeChatError.INVALID_APP_SECRET);
		assertThat(ex.field()).isEqualTo("appSecret");
		assertThat(ex.status()).isEqualTo(422);
		assertThat(ex.getMessage()).doesNotContain("wrong-secret");
		assertThat(this.redis.keys(this.keys.prefix() + "*" + this.appId + "*")).isEmpty();
	}

	@Test
	void malformedAppIdIsRefusedOnTheAppIdField() {
		WeChatCallException ex = catchThrowableOfType(WeChatCallException.class,
				() -> this.check.verify("wx-not-an-appid", "right-secret"));

		assertThat(ex.errcode()).isEqualTo(40013);
		assertThat(ex.error()).isEqualTo(WeChatError.INVALID_APP_ID);
		assertThat(ex.field()).isEqualTo("appId");
	}

}
