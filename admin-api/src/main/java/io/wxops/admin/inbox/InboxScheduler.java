package io.wxops.admin.inbox;

import java.time.Clock;
import java.time.Duration;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Routing, missed acknowledgements and SLA escalation, each on one admin instance at a
 * time (ShedLock). Routing itself is safe on several at once; the lock only saves work.
 */
@Component
@ConditionalOnProperty(name = "wxops.admin.inbox.scheduler-enabled", havingValue = "true", matchIfMissing = true)
class InboxScheduler {

	private static final Logger log = LoggerFactory.getLogger(InboxScheduler.class);

	private final InboxRouter router;

	private final Acknowledgements acks;

	private final TicketEscalation tickets;

	private final Clock clock;

	private final TicketPrivacy privacy;

	private final Duration ackRetryInterval;

	InboxScheduler(InboxRouter router, Acknowledgements acks, TicketEscalation tickets, Clock clock,
			TicketPrivacy privacy,
			@org.springframework.beans.factory.annotation.Value("${wxops.admin.inbox.ack-retry-interval:30s}") Duration ackRetryInterval) {
		this.ackRetryInterval = ackRetryInterval;
		this.privacy = privacy;
		this.router = router;
		this.acks = acks;
		this.tickets = tickets;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${wxops.admin.inbox.route-interval:200ms}", initialDelayString = "1s")
	// Held 10 s at most: a run takes a fraction of a second, and routing is safe on two
	// instances at once. The lock lives in the database, so an instance that was running
	// when the database went away cannot release it; with 2 minutes here, routing stopped
	// for 2 minutes after every database outage (the fault suite's scenario 3).
	@SchedulerLock(name = "inbox-route", lockAtMostFor = "PT10S")
	void route() {
		run("routing", this.router::routePending);
	}

	@Scheduled(fixedDelayString = "${wxops.admin.inbox.ack-retry-interval:30s}", initialDelayString = "5s")
	// As routing: safe on two at once (each acknowledgement is claimed), so held 1 minute
	// at most, not 5, after an outage that kept it from being released.
	@SchedulerLock(name = "inbox-acks", lockAtMostFor = "PT1M")
	void retryAcks() {
		// Older than one interval: one just opened is being sent by the router's own
		// attempt.
		run("acknowledgements", () -> this.acks.sendPending(this.ackRetryInterval));
	}

	@Scheduled(fixedDelayString = "${wxops.admin.inbox.escalation-interval:1m}", initialDelayString = "10s")
	@SchedulerLock(name = "inbox-escalation", lockAtMostFor = "PT5M")
	void escalate() {
		run("escalation", () -> this.tickets.escalateOverdue(this.clock.instant()));
	}

	/**
	 * Pseudonymises closed tickets of followers who left (at the first run after an
	 * upgrade: all of them) and ends raw threads past the retention.
	 */
	@Scheduled(fixedDelayString = "${wxops.admin.inbox.retention-interval:1h}", initialDelayString = "30s")
	@SchedulerLock(name = "inbox-retention", lockAtMostFor = "PT30M")
	void retention() {
		run("pseudonymisation", () -> drain(this.privacy::pseudonymiseLeftFollowers));
		run("retention", () -> drain(this.privacy::endThreads));
	}

	/** Repeats a batch job until a batch comes back short. */
	private static int drain(java.util.function.IntSupplier batch) {
		int total = 0;
		int n;
		do {
			n = batch.getAsInt();
			total += n;
		}
		while (n >= TicketPrivacy.BATCH);
		return total;
	}

	private static void run(String what, java.util.function.IntSupplier job) {
		try {
			int n = job.getAsInt();
			if (n > 0) {
				log.debug("Inbox {}: {} handled", what, n);
			}
		}
		catch (RuntimeException ex) {
			log.warn("Inbox {} failed this time: {}", what, ex.toString());
		}
	}

}
