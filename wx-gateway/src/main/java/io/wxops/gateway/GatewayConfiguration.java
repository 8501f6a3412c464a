package io.wxops.gateway;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import io.wxops.core.WxCoreConfiguration;
import io.wxops.core.redis.RedisKeys;
import io.wxops.gateway.account.AccountDirectory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/** The gateway's wiring, apart from its main class so slice tests can leave it out. */
@Configuration(proxyBeanMethods = false)
@Import(WxCoreConfiguration.class)
@EnableScheduling
@EnableConfigurationProperties(GatewayProperties.class)
class GatewayConfiguration {

	/**
	 * Builds passive replies under a deadline. Bounded: when it is full a reply is
	 * skipped (WeChat gets {@code success}) rather than queued past the deadline.
	 */
	@Bean(destroyMethod = "shutdownNow")
	ExecutorService replyExecutor(GatewayProperties properties) {
		ThreadPoolExecutor executor = new ThreadPoolExecutor(properties.replyThreads(), properties.replyThreads(), 60,
				TimeUnit.SECONDS, new ArrayBlockingQueue<>(1_000), new CustomizableThreadFactory("wx-reply-"),
				new ThreadPoolExecutor.AbortPolicy());
		executor.allowCoreThreadTimeOut(true);
		return executor;
	}

	/**
	 * After a lost connection (a Redis failover: Sentinel names the new primary) the
	 * subscription is tried again every {@code wxops.redis.subscription-recovery} (Spring
	 * Data Redis' default is 5 s, during which account changes would go unnoticed). At
	 * start-up the container waits {@code wxops.redis.subscription-start-wait} for its
	 * first subscription and fails the start after that: Spring Data Redis' 2 s made a
	 * gateway restarted on a busy machine (scenario 6 of the fault suite) fail to start,
	 * though the periodic reload covers a missing subscription.
	 */
	@Bean
	RedisMessageListenerContainer accountChangeListener(RedisConnectionFactory connectionFactory,
			AccountDirectory directory, RedisKeys keys,
			@Value("${wxops.redis.subscription-recovery:1s}") Duration recovery,
			@Value("${wxops.redis.subscription-start-wait:30s}") Duration startWait) {
		RedisMessageListenerContainer container = new RedisMessageListenerContainer();
		container.setConnectionFactory(connectionFactory);
		container.setRecoveryInterval(recovery.toMillis());
		container.setMaxSubscriptionRegistrationWaitingTime(startWait.toMillis());
		container.addMessageListener(directory, new ChannelTopic(keys.accountChangedChannel()));
		return container;
	}

}
