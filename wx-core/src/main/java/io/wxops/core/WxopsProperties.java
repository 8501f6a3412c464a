package io.wxops.core;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings shared by both services.
 *
 * @param redis key prefix for every Redis key and channel
 * @param wechat where WeChat's API lives (the simulator in local runs and tests)
 */
@ConfigurationProperties("wxops")
public record WxopsProperties(@DefaultValue Redis redis, @DefaultValue Wechat wechat) {

	/**
	 * @param keyPrefix prefix for every key and channel, so environments can share a
	 * server
	 */
	public record Redis(@DefaultValue("wxops") String keyPrefix) {
	}

	/**
	 * @param apiHost base URL replacing {@code https://api.weixin.qq.com}; empty for the
	 * real platform
	 * @param useStableToken use {@code /cgi-bin/stable_token}, which several instances
	 * and services can call without invalidating each other's token
	 * @param maxRetryTimes how often WxJava repeats a call WeChat answered with errcode
	 * -1 (system busy); 0 for never
	 * @param retrySleep pause before the first such repeat, doubled before each next one
	 * @param connectTimeout how long to wait for a connection to WeChat
	 * @param readTimeout how long to wait for WeChat's answer once connected
	 */
	public record Wechat(String apiHost, @DefaultValue("true") boolean useStableToken,
			@DefaultValue("2") int maxRetryTimes, @DefaultValue("200ms") Duration retrySleep,
			@DefaultValue("5s") Duration connectTimeout, @DefaultValue("5s") Duration readTimeout) {
	}

}
