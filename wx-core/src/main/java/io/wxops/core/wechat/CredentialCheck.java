package io.wxops.core.wechat;

import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.common.error.WxRuntimeException;

/**
 * Checks an AppID and AppSecret with WeChat before they are saved, by fetching an access
 * token with exactly those credentials. The token is kept in memory and dropped: nothing
 * is written to Redis, so the token an account's services share is never replaced by a
 * candidate's.
 *
 * <p>
 * With {@code wxops.wechat.use-stable-token} (the default) the check asks for the stable
 * token in normal mode, which returns the current token and invalidates nothing. Without
 * it, the check calls {@code /cgi-bin/token}, which makes WeChat retire the account's
 * previous token five minutes later; WxJava then fetches a new one on the first 40001.
 */
public class CredentialCheck {

	private final WxApiClients clients;

	public CredentialCheck(WxApiClients clients) {
		this.clients = clients;
	}

	/**
	 * @param appId the candidate AppID
	 * @param appSecret the candidate AppSecret
	 * @throws IllegalArgumentException when either is blank
	 * @throws WeChatCallException when WeChat refuses them
	 * ({@link WeChatCallException#field()} names {@code appId} or {@code appSecret} when
	 * the error is about one of them) or cannot be reached
	 */
	public void verify(String appId, String appSecret) {
		if (appId == null || appId.isBlank() || appSecret == null || appSecret.isBlank()) {
			throw new IllegalArgumentException("AppID and AppSecret are required");
		}
		try {
			this.clients.unstored(appId, appSecret).getAccessToken(false);
		}
		catch (WxErrorException | WxRuntimeException ex) {
			throw forCandidate(WeChatCalls.translate(ex));
		}
	}

	private static WeChatCallException forCandidate(WeChatCallException ex) {
		return switch (ex.errcode()) {
			case 40013, 41002 -> new WeChatCallException(ex.error(), ex.errcode(), ex.errmsg(), "appId", null);
			// On a token request, 40001 means the secret is wrong: there is no token yet.
			case 40001 ->
				new WeChatCallException(WeChatError.INVALID_APP_SECRET, ex.errcode(), ex.errmsg(), "appSecret", null);
			case 40125, 41004 -> new WeChatCallException(ex.error(), ex.errcode(), ex.errmsg(), "appSecret", null);
			default -> ex;
		};
	}

}
