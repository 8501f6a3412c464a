package io.wxops.admin;

import java.util.concurrent.RejectedExecutionHandler;
import java.util.concurrent.ThreadPoolExecutor;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The admin API's background pools, as beans with one shutdown policy instead of pools in
 * field initialisers: on shutdown a pool takes no new task and waits for the tasks it
 * holds for at most {@link #SHUTDOWN_WAIT_SECONDS} (a task cut off in the middle could
 * leave a ticket or an acknowledgement half done). A feature that must not run its queued
 * tasks at shutdown clears the queue first, in its own {@code destroy()}: it depends on
 * the pool, so it is destroyed before the pool is.
 */
@Configuration(proxyBeanMethods = false)
class AdminExecutors {

	static final int SHUTDOWN_WAIT_SECONDS = 10;

	/**
	 * Routing's partitions (four, by follower). A run submits at most one task per
	 * partition and waits for them, so the queue never fills in practice; if it did, the
	 * caller routes the partition itself (as nothing was ever refused before).
	 */
	@Bean
	ThreadPoolTaskExecutor inboxRoutingExecutor() {
		return pool("inbox-route-", 4, 64, false, new ThreadPoolExecutor.CallerRunsPolicy());
	}

	/**
	 * Acknowledgements sent soon after a ticket opens: two threads, at most 2,000
	 * waiting. What does not fit is dropped: it stays PENDING and the retry job sends it.
	 */
	@Bean
	ThreadPoolTaskExecutor acknowledgementExecutor() {
		return pool("inbox-ack-", 2, 2_000, true, new ThreadPoolExecutor.DiscardPolicy());
	}

	private static ThreadPoolTaskExecutor pool(String prefix, int threads, int queue, boolean daemon,
			RejectedExecutionHandler whenFull) {
		ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
		executor.setThreadNamePrefix(prefix);
		executor.setCorePoolSize(threads);
		executor.setMaxPoolSize(threads);
		executor.setQueueCapacity(queue);
		executor.setDaemon(daemon);
		executor.setRejectedExecutionHandler(whenFull);
		executor.setWaitForTasksToCompleteOnShutdown(true);
		executor.setAwaitTerminationSeconds(SHUTDOWN_WAIT_SECONDS);
		return executor;
	}

}
