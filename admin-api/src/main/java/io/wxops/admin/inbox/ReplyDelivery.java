package io.wxops.admin.inbox;

import java.io.ByteArrayInputStream;
import java.io.File;

import io.wxops.core.account.AccountMapper;
import io.wxops.core.account.AccountRegistry;
import io.wxops.core.account.AccountSnapshot;
import io.wxops.core.wechat.WeChatCalls;
import me.chanjar.weixin.common.api.WxConsts;
import me.chanjar.weixin.mp.bean.kefu.WxMpKefuMessage;

import org.springframework.stereotype.Component;

/**
 * The WeChat calls of the ticket thread, as the ticket's account: a customer-service
 * message, an image uploaded as temporary media, a follower's media downloaded.
 */
@Component
class ReplyDelivery {

	private final AccountMapper accounts;

	private final AccountRegistry registry;

	private final WeChatCalls wechat;

	ReplyDelivery(AccountMapper accounts, AccountRegistry registry, WeChatCalls wechat) {
		this.accounts = accounts;
		this.registry = registry;
		this.wechat = wechat;
	}

	/** Sends a customer-service message; a refusal is a {@code WeChatCallException}. */
	void send(long accountId, WxMpKefuMessage message) {
		this.wechat.call(snapshot(accountId), (w) -> w.getKefuService().sendKefuMessage(message));
	}

	/** Uploads an image as temporary media (WeChat keeps it three days); its media id. */
	String uploadImage(long accountId, String extension, byte[] bytes) {
		return this.wechat
			.call(snapshot(accountId),
					(w) -> w.getMaterialService()
						.mediaUpload(WxConsts.MediaFileType.IMAGE, extension, new ByteArrayInputStream(bytes)))
			.getMediaId();
	}

	/** Downloads media a follower sent into a temporary file the caller deletes. */
	/** The account's time zone (IANA id), for times shown beside its replies. */
	String timeZone(long accountId) {
		return this.accounts.selectById(accountId).getTimeZone();
	}

	File download(long accountId, String mediaId) {
		return this.wechat.call(snapshot(accountId), (w) -> w.getMaterialService().mediaDownload(mediaId));
	}

	private AccountSnapshot snapshot(long accountId) {
		return this.registry.find(this.accounts.selectById(accountId).getAppId()).orElseThrow();
	}

}
