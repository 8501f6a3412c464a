package io.wxops.core;

import java.time.Clock;
import java.time.Duration;

import javax.sql.DataSource;

import io.wxops.core.account.AccountChangeNotifier;
import io.wxops.core.account.AccountMapper;
import io.wxops.core.account.AccountRegistry;
import io.wxops.core.account.AccountStanding;
import io.wxops.core.account.AnnualReviewMapper;
import io.wxops.core.db.UtcInstantTypeHandler;
import io.wxops.core.redis.RedisKeys;
import io.wxops.core.runtime.ReconnectGatePostProcessor;
import io.wxops.core.runtime.ShutdownDrain;
import io.wxops.core.secret.Pseudonyms;
import io.wxops.core.secret.SecretCipher;
import io.wxops.core.secret.SecretProperties;
import io.wxops.core.wechat.CredentialCheck;
import io.wxops.core.wechat.WeChatCalls;
import io.wxops.core.wechat.WxApiClients;
import org.apache.ibatis.annotations.Mapper;
import org.mybatis.spring.annotation.MapperScan;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.support.SQLErrorCodesFactory;

/** The shared domain's wiring; each application imports it. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ SecretProperties.class, WxopsProperties.class })
@MapperScan(basePackages = "io.wxops.core", annotationClass = Mapper.class)
public class WxCoreConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.systemUTC();
	}

	/**
	 * Every Instant of both services' mappers, bound so that MariaDB 10.x keeps its
	 * milliseconds (see {@link UtcInstantTypeHandler}); MyBatis-Plus registers
	 * TypeHandler beans.
	 */
	/**
	 * Leaves the load balancer before shutting down ({@code wxops.shutdown.drain}, 0 in
	 * tests).
	 */
	@Bean
	ShutdownDrain shutdownDrain(ApplicationEventPublisher publisher,
			@Value("${wxops.shutdown.drain:0s}") Duration drain) {
		return new ShutdownDrain(publisher, drain);
	}

	/**
	 * The pool refills as soon as the database is back after an outage
	 * ({@code wxops.datasource.reconnect-probe}, see {@link ReconnectGatePostProcessor}).
	 */
	@Bean
	static ReconnectGatePostProcessor reconnectGatePostProcessor(Environment environment) {
		return new ReconnectGatePostProcessor(
				environment.getProperty("wxops.datasource.reconnect-probe", Duration.class, Duration.ofMillis(250)));
	}

	/**
	 * Spring's SQL error translation (MyBatis uses it too) looks up the database product
	 * with a connection the first time it translates an error, and again on every error
	 * until that lookup succeeds: during a database outage each error would wait the
	 * pool's connection timeout a second time. Looked up once at start-up instead.
	 */
	@Bean
	SmartInitializingSingleton sqlErrorCodesAtStartUp(ObjectProvider<DataSource> dataSources) {
		return () -> dataSources.orderedStream().forEach(SQLErrorCodesFactory.getInstance()::getErrorCodes);
	}

	@Bean
	UtcInstantTypeHandler utcInstantTypeHandler() {
		return new UtcInstantTypeHandler();
	}

	@Bean
	SecretCipher secretCipher(SecretProperties properties) {
		return new SecretCipher(properties.key(), properties.previousKeys());
	}

	@Bean
	Pseudonyms pseudonyms(org.springframework.jdbc.core.JdbcTemplate jdbc, SecretCipher cipher, Clock clock) {
		return new Pseudonyms(jdbc, cipher, clock);
	}

	@Bean
	io.wxops.core.follower.FollowerLeaving followerLeaving(io.wxops.core.follower.FollowerMapper followers,
			io.wxops.core.message.InboundMessageMapper messages, Pseudonyms pseudonyms) {
		return new io.wxops.core.follower.FollowerLeaving(followers, messages, pseudonyms);
	}

	@Bean
	RedisKeys redisKeys(WxopsProperties properties) {
		return new RedisKeys(properties.redis().keyPrefix());
	}

	@Bean
	AccountChangeNotifier accountChangeNotifier(StringRedisTemplate redis, RedisKeys keys) {
		return new AccountChangeNotifier(redis, keys);
	}

	@Bean
	AccountRegistry accountRegistry(AccountMapper mapper, SecretCipher cipher, AccountChangeNotifier notifier,
			Clock clock) {
		return new AccountRegistry(mapper, cipher, notifier, clock);
	}

	@Bean
	AccountStanding accountStanding(AccountMapper accounts, AnnualReviewMapper reviews, Clock clock) {
		return new AccountStanding(accounts, reviews, clock);
	}

	@Bean
	WxApiClients wxApiClients(StringRedisTemplate redis, RedisKeys keys, WxopsProperties properties) {
		return new WxApiClients(redis, keys, properties);
	}

	@Bean
	WeChatCalls weChatCalls(WxApiClients clients) {
		return new WeChatCalls(clients);
	}

	@Bean
	CredentialCheck credentialCheck(WxApiClients clients) {
		return new CredentialCheck(clients);
	}

}
