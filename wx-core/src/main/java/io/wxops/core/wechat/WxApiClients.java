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
import me.chanjar.weixin.mp.config.impl.WxMpDefaultConfigImpl;
import me.chanjar.weixin.mp.config.impl.WxMpRedisConfigImpl;

import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * One {@link WxMpService} per account, built from the database, never switched through
 * WxJava's ThreadLocal. Access tokens and their refresh lock live in Redis (WxJava's
 * RedisTemplate store), and the stable-token endpoint is used so several instances never
 * invalidate each other's token. A client is rebuilt when the account's version changes.
 *
 * <p>
 * All services share one {@link WeChatHttpClient} (closed with this object), and retry
 * errcode -1 as {@code wxops.wechat.max-retry-times} and {@code retry-sleep} say. Calls
 * should go through {@link WeChatCalls}, which translates failures.
 */
public class WxApiClients implements AutoCloseable {

	private final RedisTemplateWxRedisOps redisOps;

	private final RedisKeys keys;

	private final WxopsProperties.Wechat settings;

	private final WeChatHttpClient http;

	private final Map<String, Entry> clients = new ConcurrentHashMap<>();

	public WxApiClients(StringRedisTemplate redis, RedisKeys keys, WxopsProperties properties) {
		this.redisOps = new RedisTemplateWxRedisOps(redis);
		this.keys = keys;
		this.settings = properties.wechat();
		this.http = new WeChatHttpClient(this.settings.connectTimeout(), this.settings.readTimeout());
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

	@Override
	public void close() {
		this.clients.clear();
		this.http.close();
	}

	/**
	 * A service for candidate credentials whose token lives only in memory, so that
	 * checking credentials never touches the token an account's services share.
	 */
	WxMpService unstored(String appId, String appSecret) {
		WxMpDefaultConfigImpl config = new WxMpDefaultConfigImpl();
		configure(config, appId, appSecret);
		WxMpServiceImpl service = new WxMpServiceImpl();
		service.setWxMpConfigStorage(config);
		service.setMaxRetryTimes(this.settings.maxRetryTimes());
		service.setRetrySleepMillis((int) this.settings.retrySleep().toMillis());
		return service;
	}

	private WxMpService build(AccountSnapshot account) {
		WxMpRedisConfigImpl config = new WxMpRedisConfigImpl(this.redisOps, this.keys.wxJavaPrefix());
		configure(config, account.appId(), account.appSecret());
		config.setToken(account.token());
		config.setAesKey(account.aesKey());
		SharedTokenWxMpService service = new SharedTokenWxMpService();
		service.setWxMpConfigStorage(config);
		service.setMaxRetryTimes(this.settings.maxRetryTimes());
		service.setRetrySleepMillis((int) this.settings.retrySleep().toMillis());
		return service;
	}

	private void configure(WxMpDefaultConfigImpl config, String appId, String appSecret) {
		config.setAppId(appId);
		config.setSecret(appSecret);
		config.useStableAccessToken(this.settings.useStableToken());
		config.setApacheHttpClientBuilder(this.http);
		if (this.settings.apiHost() != null && !this.settings.apiHost().isBlank()) {
			config.setHostConfig(WxMpHostConfig.builder().apiHost(this.settings.apiHost()).build());
		}
	}

	private record Entry(int version, WxMpService service) {
	}

}
