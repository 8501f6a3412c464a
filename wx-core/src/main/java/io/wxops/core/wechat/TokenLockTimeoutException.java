package io.wxops.core.wechat;

import me.chanjar.weixin.common.error.WxRuntimeException;

/** The access-token lock of an account could not be taken in time. */
class TokenLockTimeoutException extends WxRuntimeException {

	TokenLockTimeoutException(String appId, long waitedMillis) {
		super("Access token lock of " + appId + " not acquired within " + waitedMillis + " ms");
	}

}
