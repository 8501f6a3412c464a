package io.wxops.admin.inbox;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import io.wxops.core.message.InboundMessage;
import io.wxops.core.message.InboundView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Files follower messages the gateway stored into tickets. Each message is taken by
 * setting its {@code routed_at} in the same transaction that files it, so it is routed
 * exactly once by any number of admin instances, and one that is down only delays
 * routing: nothing is lost. A new ticket gets the account's acknowledgement. What a
 * message becomes is {@link MessageFiling}'s job; this class takes them.
 */
@Component
public class InboxRouter {

	private static final Logger log = LoggerFactory.getLogger(InboxRouter.class);

	/**
	 * Followers are split over a few routing threads by their openid, so one follower's
	 * messages stay in order on one thread and two threads never lock the same ticket.
	 * Routing waits on the database most of the time, so the threads overlap well.
	 */
	static final int PARTITIONS = 4;

	/**
	 * Messages filed in one transaction. One commit per message was most of routing's
	 * cost under load; a chunk is still short enough that its messages show up in the
	 * queues within a fraction of a second.
	 */
	static final int CHUNK = 50;

	/** Most messages one run reads (a worker batch: a fixed LIMIT, no count). */
	static final int BATCH = 1000;

	private final InboundMapper inbound;

	private final MessageFiling filing;

	private final Acknowledgements acks;

	private final AsyncTaskExecutor workers;

	private final TransactionTemplate tx;

	private final Clock clock;

	InboxRouter(InboundMapper inbound, MessageFiling filing, Acknowledgements acks,
			@Qualifier("inboxRoutingExecutor") AsyncTaskExecutor workers, TransactionTemplate tx, Clock clock) {
		this.inbound = inbound;
		this.filing = filing;
		this.acks = acks;
		this.workers = workers;
		this.tx = readCommitted(tx);
		this.clock = clock;
	}

	/**
	 * Routing transactions read committed. Under MariaDB's default (repeatable read) the
	 * locking read of a ticket that does not exist yet takes a gap lock, and two routers
	 * opening tickets for different followers in the same gap then deadlock on their
	 * inserts. Exactly once does not need the gap locks: the messages are taken under row
	 * locks, and the one open ticket is the unique open key.
	 */
	private static TransactionTemplate readCommitted(TransactionTemplate tx) {
		TransactionTemplate template = new TransactionTemplate(tx.getTransactionManager(), tx);
		template.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
		return template;
	}

	/** The routing transactions (tests check their isolation against a deadlock). */
	TransactionTemplate transactions() {
		return this.tx;
	}

	/** Routes what is waiting, oldest first; returns how many messages it filed. */
	public int routePending() {
		// Accounts and routes read once per run, not once per message: a run takes a
		// fraction of a second, and a change made meanwhile applies from the next run.
		MessageFiling.Run run = this.filing.newRun();
		List<List<Long>> partitions = new ArrayList<>();
		for (int i = 0; i < PARTITIONS; i++) {
			partitions.add(new ArrayList<>());
		}
		for (InboundMessage m : this.inbound.unroutedWithSender(BATCH)) {
			partitions.get(Math.floorMod(String.valueOf(m.getFromUser()).hashCode(), PARTITIONS)).add(m.getId());
		}
		List<Future<Integer>> runs = new ArrayList<>();
		for (List<Long> ids : partitions) {
			if (!ids.isEmpty()) {
				runs.add(this.workers.submit(() -> routeAll(ids, run)));
			}
		}
		int filed = 0;
		for (Future<Integer> partition : runs) {
			try {
				filed += partition.get();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
			catch (ExecutionException ex) {
				// What was not filed stays unrouted for the next run.
				log.warn("Routing a partition failed this time: {}", ex.getCause().toString());
			}
		}
		return filed;
	}

	/** Routes one partition's messages in chunks, in order. */
	private int routeAll(List<Long> ids, MessageFiling.Run run) {
		int filed = 0;
		for (int from = 0; from < ids.size(); from += CHUNK) {
			List<Long> chunk = ids.subList(from, Math.min(from + CHUNK, ids.size()));
			List<Long> opened = new ArrayList<>();
			Integer n;
			try {
				n = this.tx.execute((status) -> routeChunk(chunk, run, opened));
			}
			catch (RuntimeException ex) {
				// Rolled back, so none of the chunk is taken: a message that cannot be
				// filed, or a deadlock with another instance. One at a time, so the
				// others still go (and a failing one fails alone, as it always did).
				log.debug("Routing a chunk of {} failed, routing them one by one: {}", chunk.size(), ex.toString());
				opened.clear();
				n = 0;
				for (long id : chunk) {
					Long newTicket;
					try {
						newTicket = this.tx.execute((status) -> route(id, run));
					}
					catch (RuntimeException one) {
						// This one stays unrouted for the next run; the rest still go.
						log.warn("Routing message {} failed this time: {}", id, one.toString());
						continue;
					}
					n += counted(newTicket, opened);
				}
			}
			// Not on this thread, and only after the commit: WeChat's answer would hold
			// up the messages behind. A ticket whose acknowledgement is never sent (queue
			// full, a restart) stays PENDING and the retry sends it.
			opened.forEach(this.acks::sendSoon);
			filed += (n != null) ? n : 0;
		}
		return filed;
	}

	/**
	 * Takes and files the chunk's messages that are still unrouted, in one transaction.
	 * The locking read waits for another router holding any of them and then no longer
	 * sees what it took, so each message is still taken exactly once.
	 */
	private int routeChunk(List<Long> chunk, MessageFiling.Run run, List<Long> opened) {
		List<InboundMessage> messages = this.inbound.lockUnrouted(chunk);
		if (messages.isEmpty()) {
			return 0;
		}
		Instant now = now();
		List<Long> taken = messages.stream().map(InboundMessage::getId).toList();
		if (this.inbound.takeAll(taken, now) != taken.size()) {
			// Cannot happen under the row locks; roll back rather than file twice.
			throw new IllegalStateException("Messages taken by another router while locked: " + taken);
		}
		int filed = 0;
		for (InboundMessage m : messages) {
			filed += counted(this.filing.file(InboundView.of(m), run, now), opened);
		}
		return filed;
	}

	/**
	 * What {@link #route}/{@link MessageFiling#file} returned: 1 when the message was
	 * filed (a ticket it opened joins {@code opened}, for its acknowledgement), 0 when it
	 * was not.
	 */
	private static int counted(Long newTicket, List<Long> opened) {
		if (newTicket != null && newTicket > 0) {
			opened.add(newTicket);
		}
		return (newTicket != null) ? 1 : 0;
	}

	/**
	 * Takes and files one message; returns as {@link MessageFiling#file}, or null when
	 * another instance took it.
	 */
	private Long route(long id, MessageFiling.Run run) {
		Instant now = now();
		if (this.inbound.take(id, now) != 1) {
			return null;
		}
		return this.filing.file(InboundView.of(this.inbound.message(id)), run, now);
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

}
