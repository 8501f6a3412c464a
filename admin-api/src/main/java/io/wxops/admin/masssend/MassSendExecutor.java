package io.wxops.admin.masssend;

import java.time.Duration;
import java.time.Instant;

import io.wxops.admin.web.ApiException;
import io.wxops.core.account.Account;
import io.wxops.core.account.AccountMapper;
import io.wxops.core.account.AccountNotOperatingException;
import io.wxops.core.wechat.WeChatCallException;
import io.wxops.core.wechat.WeChatError;
import me.chanjar.weixin.mp.bean.result.WxMpMassSendResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 * and one without a msg_id is matched to its job-finish event ({@link MassSendResults}).
 * A definite refusal (45028 and the like) ends in FAILED with WeChat's reason, leaving
 * the articles in the queue.
 */
@Component
public class MassSendExecutor {

	private static final Logger log = LoggerFactory.getLogger(MassSendExecutor.class);

	/**
	 * WeChat remembers a clientmsgid for 24 hours; after that a repeat could send again.
	 */
	static final Duration CLIENT_MSG_ID_MEMORY = Duration.ofHours(20);

	private final MassSendMapper sends;

	private final AccountMapper accounts;

	private final SendChecks checks;

	private final MassSendWeChat wechat;

	private final SendOutcomes outcomes;

	private final TransactionTemplate tx;

	private final SendClock clock;

	MassSendExecutor(MassSendMapper sends, AccountMapper accounts, SendChecks checks, MassSendWeChat wechat,
			SendOutcomes outcomes, TransactionTemplate tx, SendClock clock) {
		this.sends = sends;
		this.accounts = accounts;
		this.checks = checks;
		this.wechat = wechat;
		this.outcomes = outcomes;
		this.tx = tx;
		this.clock = clock;
	}

	/** Sends every confirmed send whose slot has come; returns how many it took. */
	public int fireDue() {
		int taken = 0;
		for (long id : this.sends.due(this.clock.now())) {
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
		Instant now = this.clock.now();
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
				this.checks.requireSendable(s, account);
			}
			catch (AccountNotOperatingException ex) {
				this.outcomes.failed(s, null, ex.getMessage());
			}
			catch (ApiException ex) {
				this.outcomes.failed(s, null, ex.title() + ": " + ex.getMessage());
			}
			return true;
		});
		if (!Boolean.TRUE.equals(claimed)) {
			return false;
		}
		MassSend s = this.sends.selectById(id);
		if (s.getStatus() == SendStatus.SENDING) {
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
		Instant now = this.clock.now();
		int handled = 0;
		for (long id : this.sends.stuckSending(now.minus(lease))) {
			MassSend s = this.sends.selectById(id);
			if (s.getSendingSince().isBefore(now.minus(CLIENT_MSG_ID_MEMORY))) {
				this.tx.executeWithoutResult((status) -> this.outcomes.failed(s, null,
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

	private void call(MassSend s) {
		try {
			WxMpMassSendResult result = this.wechat.send(s);
			this.tx.executeWithoutResult((status) -> this.outcomes.accepted(s, Long.valueOf(result.getMsgId()),
					(result.getMsgDataId() != null) ? Long.valueOf(result.getMsgDataId()) : null, false));
		}
		catch (WeChatCallException ex) {
			if (ex.errcode() == 45065) {
				// WeChat already accepted this clientmsgid: the send was made, whether or
				// not the answer names its msg_id. It is never FAILED and never gives its
				// day back; without a msg_id its job-finish event identifies it.
				this.tx.executeWithoutResult((status) -> this.outcomes.accepted(s, ex.msgId(), null, true));
			}
			else if (outcomeUnknown(ex)) {
				log.warn("Mass send {}: WeChat's answer is unknown ({}); will ask again with the same clientmsgid",
						s.getId(), ex.error());
				this.tx.executeWithoutResult((status) -> this.outcomes.outcomeUnknown(s, ex.errcode(), ex.title()));
			}
			else {
				this.tx.executeWithoutResult((status) -> this.outcomes.failed(s, ex.errcode(), ex.detail()));
			}
		}
	}

	/** A transport failure or a busy platform: WeChat may or may not have taken it. */
	private static boolean outcomeUnknown(WeChatCallException ex) {
		return ex.error().isTransport() || ex.error() == WeChatError.SYSTEM_BUSY
				|| ex.error() == WeChatError.TOKEN_BUSY;
	}

}
