package io.wxops.admin.masssend;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import io.wxops.core.account.AccountMapper;
import io.wxops.core.account.AccountRegistry;
import io.wxops.core.account.AccountSnapshot;
import io.wxops.core.wechat.WeChatCalls;
import me.chanjar.weixin.mp.bean.WxMpMassOpenIdsMessage;
import me.chanjar.weixin.mp.bean.WxMpMassPreviewMessage;
import me.chanjar.weixin.mp.bean.WxMpMassTagMessage;
import me.chanjar.weixin.mp.bean.result.WxMpMassGetResult;
import me.chanjar.weixin.mp.bean.result.WxMpMassSendResult;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * WeChat's mass-message API for one send: preview, send (by tag or to all, or to a list),
 * ask, delete. Every call goes through {@link WeChatCalls}, so its errors arrive
 * translated.
 */
@Component
class MassSendWeChat {

	private final AccountMapper accounts;

	private final AccountRegistry registry;

	private final WeChatCalls wechat;

	private final JsonMapper json;

	MassSendWeChat(AccountMapper accounts, AccountRegistry registry, WeChatCalls wechat, JsonMapper json) {
		this.accounts = accounts;
		this.registry = registry;
		this.wechat = wechat;
		this.json = json;
	}

	/** message/mass/preview of the send to one test follower. */
	void preview(MassSend s, String openid) {
		WxMpMassPreviewMessage message = new WxMpMassPreviewMessage();
		message.setToWxUserOpenid(openid);
		fill(s, message::setMsgType, message::setMediaId, message::setContent);
		this.wechat.call(snapshot(s), (w) -> w.getMassMessageService().massMessagePreview(message));
	}

	/** The send itself, carrying its clientmsgid: mass/send for a list, else sendall. */
	WxMpMassSendResult send(MassSend s) {
		return this.wechat.call(snapshot(s),
				(w) -> (s.getAudience() == Audience.OPENIDS)
						? w.getMassMessageService().massOpenIdsMessageSend(openIdsMessage(s))
						: w.getMassMessageService().massGroupMessageSend(tagMessage(s)));
	}

	/** message/mass/get of an accepted send. */
	WxMpMassGetResult status(MassSend s) {
		return this.wechat.call(snapshot(s), (w) -> w.getMassMessageService().messageMassGet(s.getMsgId()));
	}

	/** message/mass/delete: index 0 the whole message, 1 to 8 one article. */
	void delete(MassSend s, int index) {
		this.wechat.call(snapshot(s), (w) -> {
			w.getMassMessageService().delete(s.getMsgId(), index);
			return null;
		});
	}

	private AccountSnapshot snapshot(MassSend s) {
		return this.registry.find(this.accounts.selectById(s.getAccountId()).getAppId()).orElseThrow();
	}

	private WxMpMassTagMessage tagMessage(MassSend s) {
		WxMpMassTagMessage m = new WxMpMassTagMessage();
		fill(s, m::setMsgType, m::setMediaId, m::setContent);
		// Never rely on WxJava's default: without a tag id it sends to everyone.
		if (s.getAudience() == Audience.ALL) {
			m.setSendAll(true);
		}
		else {
			m.setSendAll(false);
			m.setTagId(s.getTagId());
		}
		m.setSendIgnoreReprint(Boolean.TRUE.equals(s.getSendIgnoreReprint()));
		m.setClientMsgId(s.getClientMsgId());
		return m;
	}

	private WxMpMassOpenIdsMessage openIdsMessage(MassSend s) {
		WxMpMassOpenIdsMessage m = new WxMpMassOpenIdsMessage();
		fill(s, m::setMsgType, m::setMediaId, m::setContent);
		List<String> openids = new ArrayList<>();
		this.json.readTree(s.getOpenids()).valueStream().forEach((n) -> openids.add(n.asString()));
		m.setToUsers(openids);
		m.setSendIgnoreReprint(Boolean.TRUE.equals(s.getSendIgnoreReprint()));
		m.setClientMsgId(s.getClientMsgId());
		return m;
	}

	/** The message's type and its media (the draft's or the image's) or text. */
	private static void fill(MassSend s, Consumer<String> type, Consumer<String> media, Consumer<String> content) {
		type.accept(s.getKind().msgType());
		switch (s.getKind()) {
			case MPNEWS -> media.accept(s.getDraftMediaId());
			case IMAGE -> media.accept(s.getImageMediaId());
			case TEXT -> content.accept(s.getTextContent());
		}
	}

}
