package io.wxops.admin.inbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import com.baomidou.mybatisplus.core.toolkit.Wrappers;
import io.wxops.core.account.Account;
import io.wxops.core.account.AccountMapper;
import io.wxops.core.account.AccountRegistry;
import io.wxops.core.account.AccountSnapshot;
import io.wxops.core.account.AccountStanding;
import io.wxops.core.wechat.WeChatCallException;
import io.wxops.core.wechat.WeChatError;
import io.wxops.core.wechat.WeChatCalls;
import me.chanjar.weixin.mp.bean.kefu.WxMpKefuMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * The same-day acknowledgement a follower gets when a ticket opens, through the
 * customer-service API. Sent at most once: the ticket is marked SENDING before WeChat is
 * called, and a ticket left SENDING by a crash is not acknowledged twice (the duty view
 * shows it unacknowledged instead).
 */
@Component
public class Acknowledgements implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(Acknowledgements.class);

	private final TicketMapper tickets;

	private final TicketEntryMapper entries;

	private final AccountMapper accounts;

	private final AccountRegistry registry;

	private final AccountStanding standing;

	private final WeChatCalls wechat;

	private final Clock clock;

	/** Sends acknowledgements off the routing thread (see {@link InboxExecutors}). */
	private final ThreadPoolTaskExecutor background;

	Acknowledgements(TicketMapper tickets, TicketEntryMapper entries, AccountMapper accounts, AccountRegistry registry,
			AccountStanding standing, WeChatCalls wechat, Clock clock,
			@Qualifier("acknowledgementExecutor") ThreadPoolTaskExecutor background) {
		this.background = background;
		this.tickets = tickets;
		this.entries = entries;
		this.accounts = accounts;
		this.registry = registry;
		this.standing = standing;
		this.wechat = wechat;
		this.clock = clock;
	}

	/**
	 * Acknowledgements still PENDING a while after their ticket opened (a crash in
	 * between).
	 */
	public int sendPending(Duration olderThan) {
		int sent = 0;
		for (long id : this.tickets.pendingAcks(now().minus(olderThan))) {
			if (send(id)) {
				sent++;
			}
		}
		return sent;
	}

	/**
	 * Sends the ticket's acknowledgement in the background (see {@link InboxExecutors});
	 * at most once, as {@link #send(long)} claims it.
	 */
	public void sendSoon(long ticketId) {
		this.background.execute(() -> {
			try {
				send(ticketId);
			}
			catch (RuntimeException ex) {
				log.warn("Acknowledgement of ticket {} failed this time: {}", ticketId, ex.toString());
			}
		});
	}

	@Override
	public void destroy() {
		// Queued ones stay PENDING for the retry; the ones being sent may finish (an
		// interrupted one would stay SENDING and never be sent): the executor, shut
		// down after this bean, waits for them.
		this.background.getThreadPoolExecutor().getQueue().clear();
	}

	/**
	 * Attempts at an acknowledgement WeChat did not receive before it counts as FAILED.
	 */
	static final int MAX_ATTEMPTS = 3;

	/**
	 * Whether WeChat certainly did not take the message: no connection could be made, no
	 * access token was to be had (TOKEN_BUSY), or WeChat answered that it was busy even
	 * after the call's own retries. Not a timeout, a connection reset or a server error
	 * after the request went out: the message may have arrived, and sending it again
	 * could acknowledge twice.
	 */
	static boolean notReceived(WeChatCallException ex) {
		if (ex.error() == WeChatError.SYSTEM_BUSY || ex.error() == WeChatError.TOKEN_BUSY) {
			return true;
		}
		if (ex.error() != WeChatError.UNREACHABLE) {
			return false;
		}
		for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
			if (cause instanceof java.net.ConnectException
					|| cause instanceof org.apache.http.conn.ConnectTimeoutException) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Sends the ticket's acknowledgement unless someone else is sending or has sent it.
	 * WeChat not receiving it puts it back to PENDING, up to {@link #MAX_ATTEMPTS}
	 * attempts; any other refusal is FAILED at once, and the ticket then waits for a
	 * handler (it is overdue after its day).
	 */
	public boolean send(long ticketId) {
		Ticket t = this.tickets.selectById(ticketId);
		if (t == null || !"PENDING".equals(t.getAckStatus())) {
			return false;
		}
		// Everything that can fail before WeChat is called comes before the claim, so
		// such a failure leaves the acknowledgement PENDING for the retry rather than
		// SENDING for ever.
		Sender sender = sender(t.getAccountId());
		Account account = sender.account();
		int claimed = this.tickets.update(null,
				Wrappers.<Ticket>lambdaUpdate()
					.eq(Ticket::getId, ticketId)
					.eq(Ticket::getAckStatus, "PENDING")
					.set(Ticket::getAckStatus, "SENDING")
					.setSql("ack_attempts = ack_attempts + 1"));
		if (claimed != 1) {
			return false;
		}
		int attempt = t.getAckAttempts() + 1;
		TicketEntry entry = new TicketEntry();
		entry.setTicketId(ticketId);
		entry.setKind("OUT");
		entry.setMsgType("text");
		entry.setContent(account.getAckText());
		entry.setCreatedAt(now());
		String outcome;
		if (!sender.standing().operating()) {
			outcome = "FAILED";
			entry.setDelivery("UNDELIVERED");
			entry.setErrorMessage(sender.standing().reason());
		}
		else {
			AccountSnapshot snapshot = sender.snapshot();
			try {
				this.wechat.call(snapshot, (w) -> w.getKefuService()
					.sendKefuMessage(
							WxMpKefuMessage.TEXT().toUser(t.getOpenid()).content(account.getAckText()).build()));
				outcome = "SENT";
				entry.setDelivery("DELIVERED");
			}
			catch (WeChatCallException ex) {
				if (notReceived(ex) && attempt < MAX_ATTEMPTS) {
					// Certainly not delivered: the retry sends it again later.
					log.warn("Acknowledgement of ticket {} not delivered (attempt {}), will retry: {}", ticketId,
							attempt, ex.error());
					this.tickets.update(null,
							Wrappers.<Ticket>lambdaUpdate()
								.eq(Ticket::getId, ticketId)
								.eq(Ticket::getAckStatus, "SENDING")
								.set(Ticket::getAckStatus, "PENDING"));
					return false;
				}
				log.warn("Acknowledgement of ticket {} not delivered: {}", ticketId, ex.error());
				outcome = "FAILED";
				entry.setDelivery("UNDELIVERED");
				entry.setErrorCode(ex.errcode());
				entry.setErrorMessage(ex.detail());
			}
		}
		this.entries.insert(entry);
		Instant now = now();
		this.tickets.update(null, Wrappers.<Ticket>lambdaUpdate()
			.eq(Ticket::getId, ticketId)
			.set(Ticket::getAckStatus, outcome)
			.set("SENT".equals(outcome), Ticket::getAcknowledgedAt, now)
			// Only from NEW as it is now: a handler may have moved the ticket on
			// while WeChat was being called.
			.setSql("SENT".equals(outcome), "status = CASE WHEN status = 'NEW' THEN 'ACKNOWLEDGED' ELSE status END"));
		// No new version: this is not a handler's change, and it touches only the
		// acknowledgement's own columns (and NEW), so a handler acting on the ticket at
		// the same moment is not refused as stale.
		return "SENT".equals(outcome);
	}

	/**
	 * What sending as an account needs (its row, decrypted credentials, standing), kept a
	 * few seconds: a burst of new tickets would otherwise read and decrypt the account
	 * for each acknowledgement.
	 */
	private record Sender(Account account, AccountSnapshot snapshot, AccountStanding.Standing standing, long at) {
	}

	private static final long SENDER_TTL_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(10);

	private final java.util.Map<Long, Sender> senders = new java.util.concurrent.ConcurrentHashMap<>();

	private Sender sender(long accountId) {
		long nowNanos = System.nanoTime();
		Sender known = this.senders.get(accountId);
		if (known != null && nowNanos - known.at() < SENDER_TTL_NANOS) {
			return known;
		}
		Account account = this.accounts.selectById(accountId);
		Sender fresh = new Sender(account, this.registry.find(account.getAppId()).orElseThrow(),
				this.standing.of(accountId), nowNanos);
		this.senders.put(accountId, fresh);
		return fresh;
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

}
