package io.wxops.admin.masssend;

import java.time.Instant;
import java.util.Map;

import com.baomidou.mybatisplus.core.toolkit.Wrappers;
import io.wxops.admin.article.ArticleSends;
import io.wxops.admin.audit.AuditTrail;
import io.wxops.admin.security.Caller;

import org.springframework.stereotype.Component;

/**
 * What happened to a send being sent, recorded by conditional updates on its status: of
 * two instances recording the same send, one changes it (and audits it), the other none.
 * Each method runs in its caller's transaction.
 */
@Component
class SendOutcomes {

	static final Caller SCHEDULER = Caller.system("mass-send-scheduler");

	private final MassSendMapper sends;

	private final MassSendArticleMapper sendArticles;

	private final ArticleSends articles;

	private final AuditTrail audit;

	private final SendClock clock;

	SendOutcomes(MassSendMapper sends, MassSendArticleMapper sendArticles, ArticleSends articles, AuditTrail audit,
			SendClock clock) {
		this.sends = sends;
		this.sendArticles = sendArticles;
		this.articles = articles;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * SENDING → SENT: WeChat accepted the send (or had accepted it, when
	 * {@code reconciled}: 45065); its articles are sent.
	 * @param msgId null when WeChat's 45065 did not name it
	 */
	void accepted(MassSend s, Long msgId, Long msgDataId, boolean reconciled) {
		Instant now = this.clock.now();
		int updated = this.sends.update(null,
				Wrappers.<MassSend>lambdaUpdate()
					.eq(MassSend::getId, s.getId())
					.eq(MassSend::getStatus, SendStatus.SENDING)
					.set(MassSend::getStatus, SendStatus.SENT)
					.set(MassSend::getMsgId, msgId)
					.set(msgDataId != null, MassSend::getMsgDataId, msgDataId)
					.set(MassSend::getAcceptedAt, now)
					.set(MassSend::getErrorCode, null)
					.set(MassSend::getErrorMessage, null)
					.set(MassSend::getUpdatedAt, now)
					.setSql("version = version + 1"));
		if (updated != 1) {
			return;
		}
		this.articles.sentBy(s.getId(),
				this.sendArticles.findBySend(s.getId()).stream().map(MassSendArticle::getArticleId).toList(), now);
		this.audit.record(SCHEDULER, reconciled ? "MASS_SEND_RECONCILED" : "MASS_SEND_ACCEPTED", "MASS_SEND", s.getId(),
				s.getAccountId(), Map.of("status", SendStatus.SENDING.name()), Map.of("status", SendStatus.SENT.name(),
						"msgId", (msgId != null) ? msgId : "unknown", "clientMsgId", s.getClientMsgId()));
	}

	/**
	 * SENDING → FAILED: WeChat refused it, or it may no longer be sent; its day is free
	 * again and its articles stay in the queue.
	 */
	void failed(MassSend s, Integer errcode, String message) {
		Instant now = this.clock.now();
		int updated = this.sends.update(null,
				Wrappers.<MassSend>lambdaUpdate()
					.eq(MassSend::getId, s.getId())
					.eq(MassSend::getStatus, SendStatus.SENDING)
					.set(MassSend::getStatus, SendStatus.FAILED)
					.set(MassSend::getErrorCode, errcode)
					.set(MassSend::getErrorMessage, truncate(message))
					.set(MassSend::getUpdatedAt, now)
					.setSql("version = version + 1"));
		if (updated == 1) {
			this.audit.record(SCHEDULER, "MASS_SEND_FAILED", "MASS_SEND", s.getId(), s.getAccountId(),
					Map.of("status", SendStatus.SENDING.name()), Map.of("status", SendStatus.FAILED.name(), "errcode",
							(errcode != null) ? errcode : "", "reason", truncate(message)));
		}
	}

	/**
	 * Stays SENDING: WeChat may or may not have taken it; the reconciler asks again with
	 * the same clientmsgid.
	 */
	void outcomeUnknown(MassSend s, int errcode, String title) {
		this.sends.update(null,
				Wrappers.<MassSend>lambdaUpdate()
					.eq(MassSend::getId, s.getId())
					.eq(MassSend::getStatus, SendStatus.SENDING)
					.set(MassSend::getErrorCode, errcode)
					.set(MassSend::getErrorMessage, "Outcome unknown (" + title
							+ "); it will be checked again with the same clientmsgid, which cannot send twice."));
	}

	private static String truncate(String message) {
		return (message == null || message.length() <= 1000) ? message : message.substring(0, 1000);
	}

}
