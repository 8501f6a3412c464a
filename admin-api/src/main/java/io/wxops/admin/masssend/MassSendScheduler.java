package io.wxops.admin.masssend;

import java.time.Duration;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The clustered schedule of mass sends. Each job runs on one admin instance at a time
 * (ShedLock over the shared database); within a job every send is still taken with a
 * conditional update, so even two jobs running at once could not send it twice.
 */
@Component
@ConditionalOnProperty(name = "wxops.admin.mass-send.scheduler-enabled", havingValue = "true", matchIfMissing = true)
class MassSendScheduler {

	private static final Logger log = LoggerFactory.getLogger(MassSendScheduler.class);

	private final MassSendExecutor executor;

	private final MassSendResults results;

	private final Duration reconcileLease;

	private final Duration resultPollAfter;

	MassSendScheduler(MassSendExecutor executor, MassSendResults results,
			@Value("${wxops.admin.mass-send.reconcile-after:30s}") Duration reconcileLease,
			@Value("${wxops.admin.mass-send.result-poll-after:10m}") Duration resultPollAfter) {
		this.executor = executor;
		this.results = results;
		this.reconcileLease = reconcileLease;
		this.resultPollAfter = resultPollAfter;
	}

	/** Due sends go out within the poll interval of their slot (default 500 ms). */
	@Scheduled(fixedDelayString = "${wxops.admin.mass-send.poll-interval:500ms}", initialDelayString = "2s")
	@SchedulerLock(name = "mass-send-due", lockAtMostFor = "PT2M")
	void fireDue() {
		run("due sends", this.executor::fireDue);
	}

	/**
	 * Sends left in SENDING by a crash or a lost answer, asked again with their
	 * clientmsgid.
	 */
	@Scheduled(fixedDelayString = "${wxops.admin.mass-send.reconcile-interval:10s}", initialDelayString = "3s")
	@SchedulerLock(name = "mass-send-reconcile", lockAtMostFor = "PT5M")
	void reconcile() {
		run("reconciliation", () -> this.executor.reconcile(this.reconcileLease));
	}

	/** WeChat's results for accepted sends. */
	@Scheduled(fixedDelayString = "${wxops.admin.mass-send.result-interval:5s}", initialDelayString = "4s")
	@SchedulerLock(name = "mass-send-results", lockAtMostFor = "PT5M")
	void collectResults() {
		run("results", () -> this.results.collect(this.resultPollAfter));
	}

	private static void run(String what, java.util.function.IntSupplier job) {
		try {
			int n = job.getAsInt();
			if (n > 0) {
				log.info("Mass send {}: {} handled", what, n);
			}
		}
		catch (RuntimeException ex) {
			// The next run tries again; nothing is lost (state lives in the database).
			log.warn("Mass send {} failed this time: {}", what, ex.toString());
		}
	}

}
