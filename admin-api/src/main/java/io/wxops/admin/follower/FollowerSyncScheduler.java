package io.wxops.admin.follower;

import java.time.Duration;
import java.util.List;

import io.wxops.admin.security.Caller;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The clustered schedule of follower syncs (ShedLock over the shared database, one
 * instance at a time): every poll interval the running syncs advance, each account for at
 * most {@code wxops.admin.followers.slice} before the next one's turn (the cursor is kept
 * after every batch, so another instance takes over where one stopped); and on
 * {@code wxops.admin.followers.sync-cron} (03:30 every night by default) every active
 * account with an AppSecret starts a full sync.
 */
@Component
@ConditionalOnProperty(name = "wxops.admin.followers.scheduler-enabled", havingValue = "true", matchIfMissing = true)
class FollowerSyncScheduler {

	private static final Logger log = LoggerFactory.getLogger(FollowerSyncScheduler.class);

	private final FollowerSync sync;

	private final JdbcTemplate jdbc;

	private final Duration slice;

	private final Duration runBudget;

	FollowerSyncScheduler(FollowerSync sync, JdbcTemplate jdbc,
			@Value("${wxops.admin.followers.slice:20s}") Duration slice,
			@Value("${wxops.admin.followers.run-budget:4m}") Duration runBudget) {
		this.sync = sync;
		this.jdbc = jdbc;
		this.slice = slice;
		this.runBudget = runBudget;
	}

	@Scheduled(fixedDelayString = "${wxops.admin.followers.poll-interval:1s}", initialDelayString = "3s")
	@SchedulerLock(name = "follower-sync", lockAtMostFor = "PT5M")
	void advance() {
		// Stops well inside the lock (at most 5 minutes): after the first account, one is
		// begun only while its whole slice fits in the run's budget; the rest are due
		// again on the next run.
		long end = System.nanoTime() + this.runBudget.toNanos();
		boolean first = true;
		try {
			for (long accountId : this.sync.due()) {
				if (!first && System.nanoTime() + this.slice.toNanos() > end) {
					log.debug("Follower sync run budget {} used; the other accounts continue next run", this.runBudget);
					break;
				}
				first = false;
				int n = this.sync.advance(accountId, this.slice);
				if (n > 0) {
					log.debug("Follower sync of account {}: {} followers this turn", accountId, n);
				}
			}
		}
		catch (RuntimeException ex) {
			// The next run tries again; the cursor lives in the database.
			log.warn("Follower sync failed this time: {}", ex.toString());
		}
	}

	@Scheduled(cron = "${wxops.admin.followers.sync-cron:0 30 3 * * *}")
	@SchedulerLock(name = "follower-sync-nightly", lockAtMostFor = "PT10M")
	void nightly() {
		List<Long> accounts = this.jdbc.queryForList(
				"SELECT id FROM wx_account WHERE status = 'ACTIVE' AND app_secret_enc IS NOT NULL", Long.class);
		for (long accountId : accounts) {
			try {
				this.sync.start(Caller.system("follower-sync"), accountId);
			}
			catch (RuntimeException ex) {
				log.warn("Nightly follower sync of account {} not started: {}", accountId, ex.toString());
			}
		}
	}

}
