package io.wxops.core.wechat;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;

import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.common.error.WxRuntimeException;
import me.chanjar.weixin.mp.api.impl.WxMpServiceImpl;
import me.chanjar.weixin.mp.config.WxMpConfigStorage;

/**
 * WxJava's service with one change to fetching the access token: the token is checked
 * again after the lock is taken.
 *
 * <p>
 * WxJava 4.7.9.B ({@code BaseWxMpServiceImpl.getAccessToken(boolean)}) checks the cache
 * before each attempt to take the lock, but not after taking it. With the lock in Redis,
 * a caller that found the cache empty, then waited while another instance fetched and
 * stored a token, takes the freed lock and fetches again: one extra token request per
 * waiting caller. Everything else (the lock, its 3 s budget, the stable-token request,
 * how the answer is stored) is WxJava's.
 */
class SharedTokenWxMpService extends WxMpServiceImpl {

	/** How long a caller waits for another caller's refresh, as in WxJava. */
	static final long LOCK_WAIT_MILLIS = 3000;

	@Override
	public String getAccessToken(boolean forceRefresh) throws WxErrorException {
		WxMpConfigStorage config = getWxMpConfigStorage();
		if (!forceRefresh && !config.isAccessTokenExpired()) {
			return config.getAccessToken();
		}
		Lock lock = config.getAccessTokenLock();
		long deadline = System.currentTimeMillis() + LOCK_WAIT_MILLIS;
		boolean locked = false;
		try {
			while (!locked) {
				if (!forceRefresh && !config.isAccessTokenExpired()) {
					return config.getAccessToken();
				}
				locked = lock.tryLock(100, TimeUnit.MILLISECONDS);
				if (!locked && System.currentTimeMillis() > deadline) {
					throw new TokenLockTimeoutException(config.getAppId(), LOCK_WAIT_MILLIS);
				}
			}
			// Another caller may have stored a token while this one waited for the lock.
			if (!forceRefresh && !config.isAccessTokenExpired()) {
				return config.getAccessToken();
			}
			String response = config.isStableAccessToken() ? doGetStableAccessTokenRequest(forceRefresh)
					: doGetAccessTokenRequest();
			return extractAccessToken(response);
		}
		catch (IOException ex) {
			throw new WxRuntimeException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new WxRuntimeException(ex);
		}
		finally {
			if (locked) {
				lock.unlock();
			}
		}
	}

}
