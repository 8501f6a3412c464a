package io.wxops.core;

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
	 */
	public record Wechat(String apiHost, @DefaultValue("true") boolean useStableToken) {
	}

}
