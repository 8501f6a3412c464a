package io.wxops.admin.masssend;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import com.baomidou.mybatisplus.core.toolkit.Wrappers;
import io.wxops.admin.audit.AuditTrail;
import io.wxops.core.message.InboundMessage;
import io.wxops.core.message.InboundView;
import io.wxops.core.message.InboundView.ArticleUrl;
import io.wxops.core.message.InboundView.JobFinish;
import io.wxops.core.wechat.WeChatCallException;
import me.chanjar.weixin.mp.bean.result.WxMpMassGetResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * WeChat's results for accepted sends (SENT → FINISHED): the MASSSENDJOBFINISH event the
 * gateway stored (read through wx-core's {@link JobFinish}), else message/mass/get after
 * a while. A send accepted under an unknown msg_id takes its job-finish event's.
 */
@Component
public class MassSendResults {

	private static final Logger log = LoggerFactory.getLogger(MassSendResults.class);

	private final MassSendMapper sends;

	private final MassSendArticleMapper sendArticles;

	private final MassSendWeChat wechat;

	private final AuditTrail audit;

	private final TransactionTemplate tx;

	private final SendClock clock;

	MassSendResults(MassSendMapper sends, MassSendArticleMapper sendArticles, MassSendWeChat wechat, AuditTrail audit,
			TransactionTemplate tx, SendClock clock) {
		this.sends = sends;
		this.sendArticles = sendArticles;
		this.wechat = wechat;
		this.audit = audit;
		this.tx = tx;
		this.clock = clock;
	}

	/**
	 * Picks up WeChat's results for accepted sends: the job-finish event, else mass/get
	 * once a send was accepted longer than {@code pollAfter} ago.
	 */
	public int collect(Duration pollAfter) {
		int finished = 0;
		Instant now = this.clock.now();
		for (long id : this.sends.awaitingResult()) {
			MassSend s = this.sends.selectById(id);
			if (s.getMsgId() == null) {
				if (attachJobFinish(s)) {
					finished++;
				}
				continue;
			}
			InboundMessage event = this.sends.jobFinish(s.getAccountId(), String.valueOf(s.getMsgId()));
			if (event != null) {
				JobFinish report = InboundView.of(event).jobFinish();
				this.tx.executeWithoutResult((status) -> finishFromEvent(s, report));
				finished++;
			}
			else if (s.getAcceptedAt() != null && s.getAcceptedAt().isBefore(now.minus(pollAfter))) {
				if (pollStatus(s)) {
					finished++;
				}
			}
		}
		return finished;
	}

	/**
	 * A send accepted under an unknown msg_id takes the account's next unclaimed
	 * MASSSENDJOBFINISH since it first went SENDING; mass/get cannot be asked without a
	 * msg_id.
	 */
	private boolean attachJobFinish(MassSend s) {
		InboundMessage row = this.sends.nextUnclaimedJobFinish(s.getId());
		if (row == null) {
			return false;
		}
		InboundView event = InboundView.of(row);
		long msgId;
		try {
			msgId = Long.parseLong(String.valueOf(event.msgId()).trim());
		}
		catch (NumberFormatException ex) {
			return false;
		}
		return Boolean.TRUE.equals(this.tx.execute((status) -> {
			if (this.sends.attachMsgId(s.getId(), msgId) != 1) {
				return false;
			}
			s.setMsgId(msgId);
			finishFromEvent(s, event.jobFinish());
			return true;
		}));
	}

	private void finishFromEvent(MassSend s, JobFinish report) {
		Instant now = this.clock.now();
		int updated = this.sends.update(null,
				Wrappers.<MassSend>lambdaUpdate()
					.eq(MassSend::getId, s.getId())
					.eq(MassSend::getStatus, SendStatus.SENT)
					.set(MassSend::getStatus, SendStatus.FINISHED)
					.set(MassSend::getWechatStatus, report.status())
					.set(MassSend::getTotalCount, report.totalCount())
					.set(MassSend::getFilterCount, report.filterCount())
					.set(MassSend::getSentCount, report.sentCount())
					.set(MassSend::getErrorCount, report.errorCount())
					.set(MassSend::getCopyrightResult, report.copyrightCheckResult())
					.set(MassSend::getFinishedAt, now)
					.set(MassSend::getUpdatedAt, now)
					.setSql("version = version + 1"));
		if (updated != 1) {
			return;
		}
		for (ArticleUrl url : report.articleUrls()) {
			this.sendArticles.setUrl(s.getId(), url.index(), url.url());
		}
		this.audit.record(SendOutcomes.SCHEDULER, "MASS_SEND_FINISHED", "MASS_SEND", s.getId(), s.getAccountId(),
				Map.of("status", SendStatus.SENT.name()), Map.of("status", SendStatus.FINISHED.name(), "wechatStatus",
						String.valueOf(report.status()), "sentCount", String.valueOf(report.sentCount())));
	}

	private boolean pollStatus(MassSend s) {
		try {
			WxMpMassGetResult result = this.wechat.status(s);
			String status = result.getMsgstatus();
			// WeChat's own msg_status (SEND_SUCCESS, SENDING, ...), not one of ours.
			if (status == null || "SENDING".equals(status)) {
				return false;
			}
			Instant now = this.clock.now();
			return this.tx.execute((tx) -> this.sends.update(null,
					Wrappers.<MassSend>lambdaUpdate()
						.eq(MassSend::getId, s.getId())
						.eq(MassSend::getStatus, SendStatus.SENT)
						.set(MassSend::getStatus, SendStatus.FINISHED)
						.set(MassSend::getWechatStatus, status)
						.set(MassSend::getFinishedAt, now)
						.set(MassSend::getUpdatedAt, now)
						.setSql("version = version + 1")) == 1);
		}
		catch (WeChatCallException ex) {
			log.warn("Could not ask WeChat about mass send {}: {}", s.getId(), ex.error());
			return false;
		}
	}

}
