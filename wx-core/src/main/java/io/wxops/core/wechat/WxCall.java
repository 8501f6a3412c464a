package io.wxops.core.wechat;

import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.mp.api.WxMpService;

/**
 * One call through an account's {@link WxMpService}, for {@link WeChatCalls#call}.
 *
 * @param <T> what the call returns
 */
@FunctionalInterface
public interface WxCall<T> {

	T apply(WxMpService service) throws WxErrorException;

}
