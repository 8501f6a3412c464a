package io.wxops.admin.inbox;

import io.wxops.admin.inbox.TicketViews.Reply;
import io.wxops.admin.screening.ScreeningService;
import io.wxops.admin.security.Caller;
import io.wxops.admin.web.ApiException;
import io.wxops.core.wechat.WeChatCallException;
import me.chanjar.weixin.mp.bean.kefu.WxMpKefuMessage;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A handler's replies through WeChat's customer-service API, text or an uploaded image,
 * inside the follower's window ({@link ReplyWindow}).
 */
@Service
public class TicketReplies {

	private final TicketAccess access;

	private final TicketEdits edits;

	private final TicketViews views;

	private final ReplyWindow window;

	private final ReplyDelivery wechat;

	private final ReplyRecords records;

	private final ScreeningService screening;

	private final TransactionTemplate tx;

	TicketReplies(TicketAccess access, TicketEdits edits, TicketViews views, ReplyWindow window, ReplyDelivery wechat,
			ReplyRecords records, ScreeningService screening, TransactionTemplate tx) {
		this.access = access;
		this.edits = edits;
		this.views = views;
		this.window = window;
		this.wechat = wechat;
		this.records = records;
		this.screening = screening;
		this.tx = tx;
	}

	/**
	 * Sends a handler's reply through the customer-service API. The window (48 hours
	 * after the follower's last message, {@value ReplyWindow#MESSAGES_PER_WINDOW}
	 * messages) is checked here first; outside it, or when WeChat refuses, the reply is
	 * kept as UNDELIVERED and the answer is a 409 that says what to do.
	 */
	public Reply reply(Caller caller, long id, String msgType, String content, String mediaId) {
		Ticket t = this.tx.execute((s) -> this.access.handled(caller, id));
		TicketAccess.requireOpen(t);
		String type = (msgType == null) ? "text" : msgType.toLowerCase();
		// msgType is text or image (a constraint on the request); the rest depends on it.
		if ("text".equals(type) && (content == null || content.isBlank() || content.length() > 2000)) {
			throw ApiException.invalid("content", "a reply of 1 to 2,000 characters is required");
		}
		if ("image".equals(type) && (mediaId == null || mediaId.isBlank() || mediaId.trim().length() > 128)) {
			throw ApiException.invalid("mediaId", "the image's media id (at most 128 characters) is required");
		}
		if ("text".equals(type)) {
			// Polite and clean: replies are screened like articles (terms only).
			this.screening.requireCleanText(content, this.access.account(t.getAccountId()));
		}
		TicketEntry e = this.edits.entry(t, caller, EntryKind.OUT);
		e.setMsgType(type);
		e.setContent("text".equals(type) ? content.trim() : null);
		e.setMediaId("image".equals(type) ? mediaId.trim() : null);
		ApiException refusal = this.window.refusal(t);
		if (refusal != null) {
			e.setDelivery(Delivery.UNDELIVERED);
			e.setErrorMessage(refusal.getMessage());
			this.records.keep(caller, t, e);
			throw refusal.with("entryId", e.getId());
		}
		WxMpKefuMessage message = "text".equals(type)
				? WxMpKefuMessage.TEXT().toUser(t.getOpenid()).content(e.getContent()).build()
				: WxMpKefuMessage.IMAGE().toUser(t.getOpenid()).mediaId(e.getMediaId()).build();
		this.records.sending(e);
		try {
			this.wechat.send(t.getAccountId(), message);
			e.setDelivery(Delivery.DELIVERED);
		}
		catch (WeChatCallException ex) {
			e.setDelivery(Delivery.UNDELIVERED);
			e.setErrorCode(ex.errcode());
			e.setErrorMessage(ex.detail());
			this.records.keep(caller, t, e);
			throw ex;
		}
		this.records.keep(caller, t, e);
		return new Reply(e, this.views.current(id));
	}

	/**
	 * Replies with an image the handler uploads: JPEG or PNG, uploaded as temporary media
	 * (kept by WeChat for three days) and then sent as {@link #reply} sends an image,
	 * window checks and all.
	 */
	public Reply replyImage(Caller caller, long id, byte[] bytes) {
		Ticket t = this.tx.execute((s) -> this.access.handled(caller, id));
		TicketAccess.requireOpen(t);
		String extension = ReplyImages.checked(bytes);
		String mediaId = this.wechat.uploadImage(t.getAccountId(), extension, bytes);
		// reply reads the ticket again: it may have been closed or transferred while the
		// image was uploading.
		return reply(caller, id, "image", null, mediaId);
	}

}
