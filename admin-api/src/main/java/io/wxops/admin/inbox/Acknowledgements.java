package io.wxops.admin.inbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import com.baomidou.mybatisplus.core.toolkit.Wrappers;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
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
import org.springframework.dao.DataAccessException;
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

	/**
	 * Sends acknowledgements off the routing thread (the acknowledgementExecutor bean of
	 * the root wiring).
	 */
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
	 * Sends the ticket's acknowledgement in the background (the acknowledgementExecutor
	 * bean of the root wiring); at most once, as {@link #send(long)} claims it.
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
	 * handler (it is overdue after its day). The token store failing before WeChat is
	 * called (Redis unreachable) puts it back to PENDING too, without using an attempt.
	 */
	public boolean send(long ticketId) {
		Ticket t = this.tickets.selectById(ticketId);
		if (t == null || t.getAckStatus() != AckStatus.PENDING) {
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
					.eq(Ticket::getAckStatus, AckStatus.PENDING)
					.set(Ticket::getAckStatus, AckStatus.SENDING)
					.setSql("ack_attempts = ack_attempts + 1"));
		if (claimed != 1) {
			return false;
		}
		int attempt = t.getAckAttempts() + 1;
		TicketEntry entry = new TicketEntry();
		entry.setTicketId(ticketId);
		entry.setKind(EntryKind.OUT);
		entry.setMsgType("text");
		entry.setContent(account.getAckText());
		entry.setCreatedAt(now());
		AckStatus outcome;
		if (!sender.standing().operating()) {
			outcome = AckStatus.FAILED;
			entry.setDelivery(Delivery.UNDELIVERED);
			entry.setErrorMessage(sender.standing().reason());
		}
		else {
			AccountSnapshot snapshot = sender.snapshot();
			try {
				this.wechat.call(snapshot, (w) -> w.getKefuService()
					.sendKefuMessage(
							WxMpKefuMessage.TEXT().toUser(t.getOpenid()).content(account.getAckText()).build()));
				outcome = AckStatus.SENT;
				entry.setDelivery(Delivery.DELIVERED);
			}
			catch (DataAccessException ex) {
				// The token store (Redis) failed, e.g. during a failover: WxJava reads
				// the
				// token before it sends and touches the store again only after WeChat
				// refused the token, so the message did not go out. Not an attempt
				// WeChat saw, so it does not count towards MAX_ATTEMPTS.
				log.warn("Acknowledgement of ticket {} not sent, the token store failed; will retry: {}", ticketId,
						ex.toString());
				this.tickets.update(null,
						Wrappers.<Ticket>lambdaUpdate()
							.eq(Ticket::getId, ticketId)
							.eq(Ticket::getAckStatus, AckStatus.SENDING)
							.set(Ticket::getAckStatus, AckStatus.PENDING)
							.setSql("ack_attempts = ack_attempts - 1"));
				return false;
			}
			catch (WeChatCallException ex) {
				if (notReceived(ex) && attempt < MAX_ATTEMPTS) {
					// Certainly not delivered: the retry sends it again later.
					log.warn("Acknowledgement of ticket {} not delivered (attempt {}), will retry: {}", ticketId,
							attempt, ex.error());
					this.tickets.update(null,
							Wrappers.<Ticket>lambdaUpdate()
								.eq(Ticket::getId, ticketId)
								.eq(Ticket::getAckStatus, AckStatus.SENDING)
								.set(Ticket::getAckStatus, AckStatus.PENDING));
					return false;
				}
				log.warn("Acknowledgement of ticket {} not delivered: {}", ticketId, ex.error());
				outcome = AckStatus.FAILED;
				entry.setDelivery(Delivery.UNDELIVERED);
				entry.setErrorCode(ex.errcode());
				entry.setErrorMessage(ex.detail());
			}
		}
		this.entries.insert(entry);
		Instant now = now();
		this.tickets.update(null,
				Wrappers.<Ticket>lambdaUpdate()
					.eq(Ticket::getId, ticketId)
					.set(Ticket::getAckStatus, outcome)
					.set(outcome == AckStatus.SENT, Ticket::getAcknowledgedAt, now)
					// Only from NEW as it is now: a handler may have moved the ticket on
					// while WeChat was being called.
					.setSql(outcome == AckStatus.SENT, "status = CASE WHEN status = {0} THEN {1} ELSE status END",
							TicketStatus.NEW.name(), TicketStatus.ACKNOWLEDGED.name()));
		// No new version: this is not a handler's change, and it touches only the
		// acknowledgement's own columns (and NEW), so a handler acting on the ticket at
		// the same moment is not refused as stale.
		return outcome == AckStatus.SENT;
	}

	/**
	 * What sending as an account needs (its row, decrypted credentials, standing), kept a
	 * few seconds: a burst of new tickets would otherwise read and decrypt the account
	 * for each acknowledgement.
	 */
	private record Sender(Account account, AccountSnapshot snapshot, AccountStanding.Standing standing) {
	}

	private final Cache<Long, Sender> senders = Caffeine.newBuilder()
		.expireAfterWrite(Duration.ofSeconds(10))
		.maximumSize(10_000)
		.build();

	private Sender sender(long accountId) {
		return this.senders.get(accountId, (id) -> {
			Account account = this.accounts.selectById(id);
			return new Sender(account, this.registry.find(account.getAppId()).orElseThrow(), this.standing.of(id));
		});
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

}
