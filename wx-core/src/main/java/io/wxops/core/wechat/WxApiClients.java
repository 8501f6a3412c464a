package io.wxops.core.wechat;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.wxops.core.WxopsProperties;
import io.wxops.core.account.AccountSnapshot;
import io.wxops.core.redis.RedisKeys;
import me.chanjar.weixin.common.redis.RedisTemplateWxRedisOps;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.api.impl.WxMpServiceImpl;
import me.chanjar.weixin.mp.config.WxMpHostConfig;
import me.chanjar.weixin.mp.config.impl.WxMpRedisConfigImpl;

import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * One {@link WxMpService} per account, built from the database, never switched through
 * WxJava's ThreadLocal. Access tokens and their refresh lock live in Redis (WxJava's
 * RedisTemplate store), and the stable-token endpoint is used so several instances never
 * invalidate each other's token. A client is rebuilt when the account's version changes.
 */
public class WxApiClients {

	private final RedisTemplateWxRedisOps redisOps;

	private final RedisKeys keys;

	private final WxopsProperties.Wechat settings;

	private final Map<String, Entry> clients = new ConcurrentHashMap<>();

	public WxApiClients(StringRedisTemplate redis, RedisKeys keys, WxopsProperties properties) {
		this.redisOps = new RedisTemplateWxRedisOps(redis);
		this.keys = keys;
		this.settings = properties.wechat();
	}

	public WxMpService forAccount(AccountSnapshot account) {
		Entry entry = this.clients.compute(account.appId(),
				(appId, existing) -> (existing != null && existing.version == account.version()) ? existing
						: new Entry(account.version(), build(account)));
		return entry.service;
	}

	public void forget(String appId) {
		this.clients.remove(appId);
	}

	private WxMpService build(AccountSnapshot account) {
		WxMpRedisConfigImpl config = new WxMpRedisConfigImpl(this.redisOps, this.keys.wxJavaPrefix());
		config.setAppId(account.appId());
		config.setSecret(account.appSecret());
		config.setToken(account.token());
		config.setAesKey(account.aesKey());
		config.useStableAccessToken(this.settings.useStableToken());
		if (this.settings.apiHost() != null && !this.settings.apiHost().isBlank()) {
			config.setHostConfig(WxMpHostConfig.builder().apiHost(this.settings.apiHost()).build());
		}
		WxMpServiceImpl service = new WxMpServiceImpl();
		service.setWxMpConfigStorage(config);
		return service;
	}

	private record Entry(int version, WxMpService service) {
	}

}
