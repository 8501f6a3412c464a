package io.wxops.admin.inbox;

import java.util.concurrent.ThreadPoolExecutor;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The inbox's two thread pools, as beans with one shutdown policy: stop taking work, let
 * what runs finish within a bound. (The arch strand defines the same two beans, by the
 * same names, in {@code AdminConfiguration}; one definition is kept when they meet.)
 */
@Configuration(proxyBeanMethods = false)
class InboxExecutors {

	/**
	 * Routing threads, one per partition of followers (see
	 * {@link InboxRouter#PARTITIONS}); a run waits for its partitions, so nothing queues
	 * behind them.
	 */
	@Bean
	ThreadPoolTaskExecutor inboxRoutingExecutor() {
		ThreadPoolTaskExecutor executor = executor("inbox-route-", InboxRouter.PARTITIONS, Integer.MAX_VALUE, 10);
		return executor;
	}

	/**
	 * Sends acknowledgements of newly opened tickets off the routing thread: two threads
	 * and a bounded queue. What does not fit is dropped and stays PENDING for the retry;
	 * what is still queued at shutdown is dropped too ({@link Acknowledgements#destroy}),
	 * and the ones being sent may finish (an interrupted one would stay SENDING and never
	 * be sent).
	 */
	@Bean
	ThreadPoolTaskExecutor acknowledgementExecutor() {
		ThreadPoolTaskExecutor executor = executor("inbox-ack-", 2, 2_000, 5);
		executor.setDaemon(true);
		executor.setRejectedExecutionHandler(new ThreadPoolExecutor.DiscardPolicy());
		return executor;
	}

	private static ThreadPoolTaskExecutor executor(String prefix, int threads, int queue, int awaitSeconds) {
		ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
		executor.setThreadNamePrefix(prefix);
		executor.setCorePoolSize(threads);
		executor.setMaxPoolSize(threads);
		executor.setQueueCapacity(queue);
		executor.setWaitForTasksToCompleteOnShutdown(true);
		executor.setAwaitTerminationSeconds(awaitSeconds);
		return executor;
	}

}
