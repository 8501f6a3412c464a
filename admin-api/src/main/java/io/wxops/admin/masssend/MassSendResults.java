package io.wxops.admin.masssend;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.baomidou.mybatisplus.core.toolkit.Wrappers;
import io.wxops.admin.audit.AuditTrail;
import io.wxops.core.wechat.WeChatCallException;
import me.chanjar.weixin.mp.bean.result.WxMpMassGetResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * WeChat's results for accepted sends (SENT → FINISHED): the MASSSENDJOBFINISH event the
 * gateway stored, else message/mass/get after a while. A send accepted under an unknown
 * msg_id takes its job-finish event's.
 */
@Component
public class MassSendResults {

	private static final Logger log = LoggerFactory.getLogger(MassSendResults.class);

	private final MassSendMapper sends;

	private final MassSendArticleMapper sendArticles;

	private final MassSendWeChat wechat;

	private final AuditTrail audit;

	private final JsonMapper json;

	private final TransactionTemplate tx;

	private final SendClock clock;

	MassSendResults(MassSendMapper sends, MassSendArticleMapper sendArticles, MassSendWeChat wechat, AuditTrail audit,
			JsonMapper json, TransactionTemplate tx, SendClock clock) {
		this.sends = sends;
		this.sendArticles = sendArticles;
		this.wechat = wechat;
		this.audit = audit;
		this.json = json;
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
			String fields = this.sends.jobFinishFields(s.getAccountId(), String.valueOf(s.getMsgId()));
			if (fields != null) {
				this.tx.executeWithoutResult((status) -> finishFromEvent(s, this.json.readTree(fields)));
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
		Map<String, Object> event = this.sends.nextUnclaimedJobFinish(s.getId());
		if (event == null) {
			return false;
		}
		long msgId;
		try {
			msgId = Long.parseLong(String.valueOf(event.get("msg_id")).trim());
		}
		catch (NumberFormatException ex) {
			return false;
		}
		return Boolean.TRUE.equals(this.tx.execute((status) -> {
			if (this.sends.attachMsgId(s.getId(), msgId) != 1) {
				return false;
			}
			s.setMsgId(msgId);
			finishFromEvent(s, this.json.readTree(String.valueOf(event.get("fields"))));
			return true;
		}));
	}

	private void finishFromEvent(MassSend s, JsonNode fields) {
		Instant now = this.clock.now();
		int updated = this.sends.update(null,
				Wrappers.<MassSend>lambdaUpdate()
					.eq(MassSend::getId, s.getId())
					.eq(MassSend::getStatus, SendStatus.SENT)
					.set(MassSend::getStatus, SendStatus.FINISHED)
					.set(MassSend::getWechatStatus, text(fields, "Status"))
					.set(MassSend::getTotalCount, number(fields, "TotalCount"))
					.set(MassSend::getFilterCount, number(fields, "FilterCount"))
					.set(MassSend::getSentCount, number(fields, "SentCount"))
					.set(MassSend::getErrorCount, number(fields, "ErrorCount"))
					.set(MassSend::getCopyrightResult,
							fields.has("CopyrightCheckResult") ? fields.get("CopyrightCheckResult").toString() : null)
					.set(MassSend::getFinishedAt, now)
					.set(MassSend::getUpdatedAt, now)
					.setSql("version = version + 1"));
		if (updated != 1) {
			return;
		}
		for (JsonNode item : items(fields.path("ArticleUrlResult").path("ResultList").path("item"))) {
			Integer idx = number(item, "ArticleIdx");
			String url = text(item, "ArticleUrl");
			if (idx != null && url != null) {
				this.sendArticles.setUrl(s.getId(), idx, url);
			}
		}
		this.audit.record(SendOutcomes.SCHEDULER, "MASS_SEND_FINISHED", "MASS_SEND", s.getId(), s.getAccountId(),
				Map.of("status", SendStatus.SENT.name()),
				Map.of("status", SendStatus.FINISHED.name(), "wechatStatus", String.valueOf(text(fields, "Status")),
						"sentCount", String.valueOf(number(fields, "SentCount"))));
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

	private static List<JsonNode> items(JsonNode node) {
		if (node == null || node.isMissingNode() || node.isNull()) {
			return List.of();
		}
		return node.isArray() ? node.valueStream().toList() : List.of(node);
	}

	private static String text(JsonNode node, String field) {
		JsonNode v = node.get(field);
		return (v == null || v.isNull()) ? null : v.asString();
	}

	private static Integer number(JsonNode node, String field) {
		String t = text(node, field);
		try {
			return (t != null) ? Integer.valueOf(t.trim()) : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
