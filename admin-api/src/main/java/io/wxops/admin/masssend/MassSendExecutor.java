package io.wxops.admin.masssend;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.baomidou.mybatisplus.core.toolkit.Wrappers;
import io.wxops.admin.article.Article;
import io.wxops.admin.article.ArticleMapper;
import io.wxops.admin.article.ArticleStatus;
import io.wxops.admin.article.QueueEntry;
import io.wxops.admin.article.QueueEntryMapper;
import io.wxops.admin.audit.AuditTrail;
import io.wxops.admin.security.Caller;
import io.wxops.admin.web.ApiException;
import io.wxops.core.account.Account;
import io.wxops.core.account.AccountMapper;
import io.wxops.core.account.AccountNotOperatingException;
import io.wxops.core.account.AccountRegistry;
import io.wxops.core.account.AccountSnapshot;
import io.wxops.core.account.AccountStanding;
import io.wxops.core.wechat.WeChatCallException;
import io.wxops.core.wechat.WeChatCalls;
import io.wxops.core.wechat.WeChatError;
import me.chanjar.weixin.common.api.WxConsts;
import me.chanjar.weixin.mp.bean.WxMpMassOpenIdsMessage;
import me.chanjar.weixin.mp.bean.WxMpMassTagMessage;
import me.chanjar.weixin.mp.bean.result.WxMpMassGetResult;
import me.chanjar.weixin.mp.bean.result.WxMpMassSendResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends confirmed mass sends exactly once.
 *
 * <p>
 * A send is taken with a conditional update (CONFIRMED → SENDING), committed before
 * WeChat is called, so of any number of instances one sends. The call carries the send's
 * clientmsgid: if the process dies after WeChat accepted but before the result was
 * stored, or the answer is lost, the send stays SENDING and {@link #reconcile} repeats
 * the call with the same clientmsgid, which WeChat answers with 45065 (usually with the
 * msg_id of the first acceptance) instead of sending again: the send is SENT either way,
 * and one without a msg_id is matched to its job-finish event. A definite refusal (45028
 * and the like) ends in FAILED with WeChat's reason, leaving the articles in the queue.
 */
@Component
public class MassSendExecutor {

	private static final Logger log = LoggerFactory.getLogger(MassSendExecutor.class);

	/**
	 * WeChat remembers a clientmsgid for 24 hours; after that a repeat could send again.
	 */
	static final Duration CLIENT_MSG_ID_MEMORY = Duration.ofHours(20);

	private static final Caller SCHEDULER = Caller.system("mass-send-scheduler");

	private final MassSendMapper sends;

	private final MassSendArticleMapper sendArticles;

	private final MassSendService service;

	private final ArticleMapper articles;

	private final QueueEntryMapper queue;

	private final AccountMapper accounts;

	private final AccountRegistry registry;

	private final AccountStanding standing;

	private final WeChatCalls wechat;

	private final AuditTrail audit;

	private final JsonMapper json;

	private final TransactionTemplate tx;

	MassSendExecutor(MassSendMapper sends, MassSendArticleMapper sendArticles, MassSendService service,
			ArticleMapper articles, QueueEntryMapper queue, AccountMapper accounts, AccountRegistry registry,
			AccountStanding standing, WeChatCalls wechat, AuditTrail audit, JsonMapper json, TransactionTemplate tx) {
		this.sends = sends;
		this.sendArticles = sendArticles;
		this.service = service;
		this.articles = articles;
		this.queue = queue;
		this.accounts = accounts;
		this.registry = registry;
		this.standing = standing;
		this.wechat = wechat;
		this.audit = audit;
		this.json = json;
		this.tx = tx;
	}

	/** Sends every confirmed send whose slot has come; returns how many it took. */
	public int fireDue() {
		int taken = 0;
		for (long id : this.sends.due(this.service.now())) {
			if (fire(id)) {
				taken++;
			}
		}
		return taken;
	}

	/**
	 * Takes one confirmed send and sends it, unless another instance took it first.
	 * @return whether this call took it
	 */
	boolean fire(long id) {
		Instant now = this.service.now();
		MassSend due = this.sends.selectById(id);
		// Compared in Java too, with the slot as stored: whatever a server does with the
		// precision of the bound time, a send never leaves before its slot.
		if (due == null || now.isBefore(due.getSlotAt())) {
			return false;
		}
		Boolean claimed = this.tx.execute((status) -> {
			if (this.sends.claim(id, now) != 1) {
				return false;
			}
			MassSend s = this.sends.selectById(id);
			Account account = this.accounts.selectById(s.getAccountId());
			// Checked again just before sending: the account may have been suspended, an
			// article edited, the lexicon extended since the confirmation.
			try {
				this.standing.requireOperating(account.getId());
				this.service.requireUnchanged(s, account);
			}
			catch (AccountNotOperatingException ex) {
				failed(s, null, ex.getMessage());
			}
			catch (ApiException ex) {
				failed(s, null, ex.title() + ": " + ex.getMessage());
			}
			return true;
		});
		if (!Boolean.TRUE.equals(claimed)) {
			return false;
		}
		MassSend s = this.sends.selectById(id);
		if ("SENDING".equals(s.getStatus())) {
			call(s);
		}
		return true;
	}

	/**
	 * Sends left in SENDING for longer than {@code lease} (a crash, a lost answer) are
	 * called again with their clientmsgid: WeChat either accepts them now or answers
	 * 45065 with the msg_id it accepted before. Never a second send.
	 */
	public int reconcile(Duration lease) {
		Instant now = this.service.now();
		int handled = 0;
		for (long id : this.sends.stuckSending(now.minus(lease))) {
			MassSend s = this.sends.selectById(id);
			if (s.getSendingSince().isBefore(now.minus(CLIENT_MSG_ID_MEMORY))) {
				this.tx.executeWithoutResult((status) -> failed(s, null,
						"The outcome is unknown and too old to ask WeChat safely; check the WeChat console "
								+ "(群发记录) before composing again."));
				continue;
			}
			if (this.sends.reclaim(id, s.getSendingSince(), now) == 1) {
				log.info("Reconciling mass send {} (attempt {})", id, s.getAttempts() + 1);
				call(this.sends.selectById(id));
				handled++;
			}
		}
		return handled;
	}

	/**
	 * Picks up WeChat's results for accepted sends: the job-finish event, else mass/get.
	 */
	public int collectResults(Duration pollAfter) {
		int finished = 0;
		Instant now = this.service.now();
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

	private void call(MassSend s) {
		Account account = this.accounts.selectById(s.getAccountId());
		AccountSnapshot snapshot = this.registry.find(account.getAppId()).orElseThrow();
		try {
			WxMpMassSendResult result = this.wechat.call(snapshot,
					(w) -> "OPENIDS".equals(s.getAudience())
							? w.getMassMessageService().massOpenIdsMessageSend(openIdsMessage(s))
							: w.getMassMessageService().massGroupMessageSend(tagMessage(s)));
			this.tx.executeWithoutResult((status) -> accepted(s, Long.valueOf(result.getMsgId()),
					(result.getMsgDataId() != null) ? Long.valueOf(result.getMsgDataId()) : null, false));
		}
		catch (WeChatCallException ex) {
			if (ex.errcode() == 45065) {
				// WeChat already accepted this clientmsgid: the send was made, whether or
				// not
				// the answer names its msg_id. It is never FAILED and never gives its day
				// back;
				// without a msg_id its job-finish event identifies it (collectResults).
				this.tx.executeWithoutResult((status) -> accepted(s, ex.msgId(), null, true));
			}
			else if (outcomeUnknown(ex)) {
				log.warn("Mass send {}: WeChat's answer is unknown ({}); will ask again with the same clientmsgid",
						s.getId(), ex.error());
				this.tx.executeWithoutResult((status) -> this.sends.update(null, Wrappers.<MassSend>lambdaUpdate()
					.eq(MassSend::getId, s.getId())
					.eq(MassSend::getStatus, "SENDING")
					.set(MassSend::getErrorCode, ex.errcode())
					.set(MassSend::getErrorMessage, "Outcome unknown (" + ex.title()
							+ "); it will be checked again with the same clientmsgid, which cannot send twice.")));
			}
			else {
				this.tx.executeWithoutResult((status) -> failed(s, ex.errcode(), ex.detail()));
			}
		}
	}

	/** A transport failure or a busy platform: WeChat may or may not have taken it. */
	private static boolean outcomeUnknown(WeChatCallException ex) {
		return ex.error().isTransport() || ex.error() == WeChatError.SYSTEM_BUSY
				|| ex.error() == WeChatError.TOKEN_BUSY;
	}

	private WxMpMassTagMessage tagMessage(MassSend s) {
		WxMpMassTagMessage m = new WxMpMassTagMessage();
		fill(s, m::setMsgType, m::setMediaId, m::setContent);
		// Never rely on WxJava's default: without a tag id it sends to everyone.
		if ("ALL".equals(s.getAudience())) {
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

	private static void fill(MassSend s, java.util.function.Consumer<String> type,
			java.util.function.Consumer<String> media, java.util.function.Consumer<String> content) {
		switch (s.getKind()) {
			case "MPNEWS" -> {
				type.accept(WxConsts.MassMsgType.MPNEWS);
				media.accept(s.getDraftMediaId());
			}
			case "IMAGE" -> {
				type.accept(WxConsts.MassMsgType.IMAGE);
				media.accept(s.getImageMediaId());
			}
			default -> {
				type.accept(WxConsts.MassMsgType.TEXT);
				content.accept(s.getTextContent());
			}
		}
	}

	private void accepted(MassSend s, Long msgId, Long msgDataId, boolean reconciled) {
		Instant now = this.service.now();
		int updated = this.sends.update(null,
				Wrappers.<MassSend>lambdaUpdate()
					.eq(MassSend::getId, s.getId())
					.eq(MassSend::getStatus, "SENDING")
					.set(MassSend::getStatus, "SENT")
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
		for (MassSendArticle sa : this.sendArticles.findBySend(s.getId())) {
			this.articles.update(null,
					Wrappers.<Article>lambdaUpdate()
						.eq(Article::getId, sa.getArticleId())
						.set(Article::getStatus, ArticleStatus.SENT.name())
						.setSql("version = version + 1"));
			this.queue.update(null,
					Wrappers.<QueueEntry>lambdaUpdate()
						.eq(QueueEntry::getArticleId, sa.getArticleId())
						.eq(QueueEntry::getStatus, "QUEUED")
						.set(QueueEntry::getStatus, "SENT")
						.set(QueueEntry::getClosedAt, now)
						.set(QueueEntry::getCloseReason, "mass send " + s.getId()));
		}
		this.audit.record(SCHEDULER, reconciled ? "MASS_SEND_RECONCILED" : "MASS_SEND_ACCEPTED", "MASS_SEND", s.getId(),
				s.getAccountId(), Map.of("status", "SENDING"), Map.of("status", "SENT", "msgId",
						(msgId != null) ? msgId : "unknown", "clientMsgId", s.getClientMsgId()));
	}

	private void failed(MassSend s, Integer errcode, String message) {
		Instant now = this.service.now();
		int updated = this.sends.update(null,
				Wrappers.<MassSend>lambdaUpdate()
					.eq(MassSend::getId, s.getId())
					.eq(MassSend::getStatus, "SENDING")
					.set(MassSend::getStatus, "FAILED")
					.set(MassSend::getErrorCode, errcode)
					.set(MassSend::getErrorMessage, truncate(message))
					.set(MassSend::getUpdatedAt, now)
					.setSql("version = version + 1"));
		if (updated == 1) {
			this.audit.record(SCHEDULER, "MASS_SEND_FAILED", "MASS_SEND", s.getId(), s.getAccountId(),
					Map.of("status", "SENDING"), Map.of("status", "FAILED", "errcode", (errcode != null) ? errcode : "",
							"reason", truncate(message)));
		}
	}

	private void finishFromEvent(MassSend s, JsonNode fields) {
		Instant now = this.service.now();
		int updated = this.sends.update(null,
				Wrappers.<MassSend>lambdaUpdate()
					.eq(MassSend::getId, s.getId())
					.eq(MassSend::getStatus, "SENT")
					.set(MassSend::getStatus, "FINISHED")
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
		this.audit.record(SCHEDULER, "MASS_SEND_FINISHED", "MASS_SEND", s.getId(), s.getAccountId(),
				Map.of("status", "SENT"),
				Map.of("status", "FINISHED", "wechatStatus", String.valueOf(text(fields, "Status")), "sentCount",
						String.valueOf(number(fields, "SentCount"))));
	}

	private boolean pollStatus(MassSend s) {
		Account account = this.accounts.selectById(s.getAccountId());
		AccountSnapshot snapshot = this.registry.find(account.getAppId()).orElseThrow();
		try {
			WxMpMassGetResult result = this.wechat.call(snapshot,
					(w) -> w.getMassMessageService().messageMassGet(s.getMsgId()));
			String status = result.getMsgstatus();
			if (status == null || "SENDING".equals(status)) {
				return false;
			}
			Instant now = this.service.now();
			return this.tx.execute((tx) -> this.sends.update(null,
					Wrappers.<MassSend>lambdaUpdate()
						.eq(MassSend::getId, s.getId())
						.eq(MassSend::getStatus, "SENT")
						.set(MassSend::getStatus, "FINISHED")
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

	private static String truncate(String message) {
		return (message == null || message.length() <= 1000) ? message : message.substring(0, 1000);
	}

}
