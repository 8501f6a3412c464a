package io.wxops.core.wechat;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;

import io.wxops.core.account.AccountSnapshot;
import me.chanjar.weixin.common.error.WxError;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.common.error.WxRuntimeException;
import me.chanjar.weixin.mp.api.WxMpService;
import org.apache.http.client.HttpResponseException;
import org.apache.http.conn.ConnectTimeoutException;

/**
 * Calls WeChat for an account and turns every way WeChat or WxJava fails into a
 * {@link WeChatCallException}.
 *
 * <p>
 * There is no retry here. WxJava already retries errcode -1 (system busy) a few times
 * ({@code wxops.wechat.max-retry-times}), and on 40001/40014/42001 it expires the cached
 * token (only if it is still the one that failed), fetches a new one and repeats the call
 * once; a second rejection reaches us as the errcode. Transport failures are never
 * retried, because a call that timed out may have reached WeChat (a repeated send would
 * be a duplicate).
 */
public class WeChatCalls {

	/**
	 * What WxJava throws, without the errcode, once errcode -1 persisted through its
	 * retries ({@code BaseWxMpServiceImpl.execute}).
	 */
	static final String WXJAVA_RETRIES_EXHAUSTED = "微信服务端异常，超出重试次数";

	private final WxApiClients clients;

	public WeChatCalls(WxApiClients clients) {
		this.clients = clients;
	}

	/**
	 * Runs a call with the account's service.
	 * @param <T> what the call returns
	 * @param account the account to act as
	 * @param call the call
	 * @return what the call returned
	 * @throws WeChatCallException when WeChat refused the call or could not be reached
	 */
	public <T> T call(AccountSnapshot account, WxCall<T> call) {
		WxMpService service = this.clients.forAccount(account);
		try {
			return call.apply(service);
		}
		catch (WxErrorException | WxRuntimeException ex) {
			throw translate(ex);
		}
	}

	/** The translation of what WxJava threw. */
	static WeChatCallException translate(Exception ex) {
		IOException io = ioCause(ex);
		if (io != null) {
			return transportFailure(io);
		}
		if (ex instanceof WxErrorException wx) {
			WxError error = wx.getError();
			String errmsg = (error.getErrorMsgEn() != null && !error.getErrorMsgEn().isBlank()) ? error.getErrorMsgEn()
					: error.getErrorMsg();
			return new WeChatCallException(WeChatError.forErrcode(error.getErrorCode()), error.getErrorCode(), errmsg,
					null, null)
				.withMsgId(msgIdIn(error.getJson()));
		}
		if (WXJAVA_RETRIES_EXHAUSTED.equals(ex.getMessage())) {
			return new WeChatCallException(WeChatError.SYSTEM_BUSY, -1, "system error (still busy after retries)", null,
					null);
		}
		if (hasCause(ex, TokenLockTimeoutException.class) || hasCause(ex, InterruptedException.class)) {
			return new WeChatCallException(WeChatError.TOKEN_BUSY, WeChatCallException.NO_ERRCODE,
					"access token lock not acquired in time", null, null);
		}
		return new WeChatCallException(WeChatError.UNKNOWN, WeChatCallException.NO_ERRCODE,
				String.valueOf(ex.getMessage()), null, null);
	}

	/** The msg_id of an error answer such as 45065's, or null. */
	static Long msgIdIn(String json) {
		if (json == null || json.isBlank()) {
			return null;
		}
		try {
			com.google.gson.JsonElement parsed = com.google.gson.JsonParser.parseString(json);
			if (parsed.isJsonObject() && parsed.getAsJsonObject().has("msg_id")) {
				return parsed.getAsJsonObject().get("msg_id").getAsLong();
			}
		}
		catch (RuntimeException ex) {
			// not JSON, or msg_id not a number: there is no id to recover
		}
		return null;
	}

	private static WeChatCallException transportFailure(IOException io) {
		if (io instanceof HttpResponseException http) {
			return new WeChatCallException(WeChatError.UNREACHABLE, WeChatCallException.NO_ERRCODE,
					"HTTP " + http.getStatusCode() + " from WeChat", null, io);
		}
		// A read timeout means the request may have arrived: unlike a refused or
		// timed-out
		// connection, it cannot be reported as "nothing changed".
		if (io instanceof SocketTimeoutException && !(io instanceof ConnectTimeoutException)) {
			return new WeChatCallException(WeChatError.TIMEOUT, WeChatCallException.NO_ERRCODE,
					"no answer in time (" + io.getMessage() + ")", null, io);
		}
		String what = (io instanceof InterruptedIOException) ? "connection timed out" : io.getClass().getSimpleName();
		return new WeChatCallException(WeChatError.UNREACHABLE, WeChatCallException.NO_ERRCODE,
				what + ((io.getMessage() != null) ? ": " + io.getMessage() : ""), null, io);
	}

	private static IOException ioCause(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof IOException io) {
				return io;
			}
			if (t.getCause() == t) {
				break;
			}
		}
		return null;
	}

	private static boolean hasCause(Throwable ex, Class<? extends Throwable> type) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (type.isInstance(t)) {
				return true;
			}
			if (t.getCause() == t) {
				break;
			}
		}
		return false;
	}

}
