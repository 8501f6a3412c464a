package io.wxops.admin.inbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import com.baomidou.mybatisplus.core.toolkit.Wrappers;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.wxops.admin.web.StorageOutage;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

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

	/** Writes an attempt's outcome: the OUT entry and the ticket's status together. */
	private final TransactionTemplate transaction;

	/**
	 * How long an outcome that could not be written (the database unreachable, a lock
	 * wait) is tried again: the outcome is known only to this thread, and a ticket left
	 * SENDING is never acknowledged again (it may have reached WeChat).
	 */
	private final RetryTemplate outcomeRetry;

	@Autowired
	Acknowledgements(TicketMapper tickets, TicketEntryMapper entries, AccountMapper accounts, AccountRegistry registry,
			AccountStanding standing, WeChatCalls wechat, Clock clock,
			@Qualifier("acknowledgementExecutor") ThreadPoolTaskExecutor background,
			PlatformTransactionManager transactions) {
		this(tickets, entries, accounts, registry, standing, wechat, clock, background, transactions, OUTCOME_RETRY);
	}

	Acknowledgements(TicketMapper tickets, TicketEntryMapper entries, AccountMapper accounts, AccountRegistry registry,
			AccountStanding standing, WeChatCalls wechat, Clock clock, ThreadPoolTaskExecutor background,
			PlatformTransactionManager transactions, Duration outcomeRetry) {
		this.transaction = new TransactionTemplate(transactions);
		this.outcomeRetry = new RetryTemplate(RetryPolicy.builder()
			.predicate(Acknowledgements::storageUnavailable)
			.maxRetries(Long.MAX_VALUE)
			.timeout(outcomeRetry)
			.delay(Duration.ofMillis(100))
			.multiplier(2)
			.maxDelay(Duration.ofSeconds(2))
			.build());
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
	 * How long an attempt's outcome is written again while the database is unavailable:
	 * longer than the outages the fault suite makes (10 s) and short enough that a thread
	 * of the acknowledgement executor is not held for long.
	 */
	static final Duration OUTCOME_RETRY = Duration.ofSeconds(60);

	/**
	 * A failure of the database that may pass: no connection, a lost one, a lock wait.
	 */
	static boolean storageUnavailable(Throwable ex) {
		return StorageOutage.isOutage(ex);
	}

	/**
	 * Writes an attempt's outcome in one transaction, again while the database is
	 * unavailable (up to {@link #OUTCOME_RETRY}); after that, or on any other failure,
	 * the exception is thrown and the ticket stays SENDING.
	 */
	private void record(long ticketId, Runnable write) {
		try {
			this.outcomeRetry.invoke(() -> this.transaction.executeWithoutResult((status) -> write.run()));
		}
		catch (RuntimeException ex) {
			log.error("The acknowledgement outcome of ticket {} could not be recorded; it stays SENDING: {}", ticketId,
					ex.toString());
			throw ex;
		}
	}

	/**
	 * The claim's UPDATE failed on the connection: it may or may not have been applied.
	 * Once the database answers again, a claim that was applied (our token is there) goes
	 * back to PENDING, uncounted, for the retry job: nothing was sent under it.
	 */
	void releaseIfClaimed(long ticketId, String claim) {
		log.warn("The acknowledgement claim of ticket {} may not have been applied; releasing it if it was", ticketId);
		record(ticketId,
				() -> this.tickets.update(null,
						Wrappers.<Ticket>lambdaUpdate()
							.eq(Ticket::getId, ticketId)
							.eq(Ticket::getAckStatus, AckStatus.SENDING)
							.apply("ack_claim = {0}", claim)
							.set(Ticket::getAckStatus, AckStatus.PENDING)
							.setSql("ack_attempts = ack_attempts - 1")
							.setSql("ack_claim = NULL")));
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
		String claim = java.util.UUID.randomUUID().toString();
		int claimed;
		try {
			claimed = this.tickets.update(null,
					Wrappers.<Ticket>lambdaUpdate()
						.eq(Ticket::getId, ticketId)
						.eq(Ticket::getAckStatus, AckStatus.PENDING)
						.set(Ticket::getAckStatus, AckStatus.SENDING)
						.setSql("ack_attempts = ack_attempts + 1")
						.setSql("ack_claim = {0}", claim));
		}
		catch (RuntimeException ex) {
			if (storageUnavailable(ex)) {
				releaseIfClaimed(ticketId, claim);
			}
			throw ex;
		}
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
				record(ticketId,
						() -> this.tickets.update(null,
								Wrappers.<Ticket>lambdaUpdate()
									.eq(Ticket::getId, ticketId)
									.eq(Ticket::getAckStatus, AckStatus.SENDING)
									.set(Ticket::getAckStatus, AckStatus.PENDING)
									.setSql("ack_attempts = ack_attempts - 1")));
				return false;
			}
			catch (WeChatCallException ex) {
				if (notReceived(ex) && attempt < MAX_ATTEMPTS) {
					// Certainly not delivered: the retry sends it again later.
					log.warn("Acknowledgement of ticket {} not delivered (attempt {}), will retry: {}", ticketId,
							attempt, ex.error());
					record(ticketId,
							() -> this.tickets.update(null,
									Wrappers.<Ticket>lambdaUpdate()
										.eq(Ticket::getId, ticketId)
										.eq(Ticket::getAckStatus, AckStatus.SENDING)
										.set(Ticket::getAckStatus, AckStatus.PENDING)));
					return false;
				}
				log.warn("Acknowledgement of ticket {} not delivered: {}", ticketId, ex.error());
				outcome = AckStatus.FAILED;
				entry.setDelivery(Delivery.UNDELIVERED);
				entry.setErrorCode(ex.errcode());
				entry.setErrorMessage(ex.detail());
			}
		}
		Instant now = now();
		AckStatus result = outcome;
		record(ticketId, () -> {
			entry.setId(null);
			this.entries.insert(entry);
			this.tickets.update(null,
					Wrappers.<Ticket>lambdaUpdate()
						.eq(Ticket::getId, ticketId)
						.set(Ticket::getAckStatus, result)
						.set(result == AckStatus.SENT, Ticket::getAcknowledgedAt, now)
						// Only from NEW as it is now: a handler may have moved the ticket
						// on
						// while WeChat was being called.
						.setSql(result == AckStatus.SENT, "status = CASE WHEN status = {0} THEN {1} ELSE status END",
								TicketStatus.NEW.name(), TicketStatus.ACKNOWLEDGED.name()));
		});
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
