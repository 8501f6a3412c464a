package io.wxops.gateway.reply;

import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.wxops.core.message.InboundMessageMapper;
import io.wxops.core.message.ReplyStatus;
import io.wxops.core.reply.AutoReplyRuleMapper;
import io.wxops.gateway.GatewayMetrics;
import io.wxops.gateway.callback.ParsedCallback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Builds the passive reply for a newly stored message within what is left of the time
 * budget, and records it once. Only the instance that stored the message gets here, so
 * the reply's side effects (the stored reply, the rule's hit count) happen once however
 * many copies arrive.
 */
@Service
public class ReplyService {

	private static final Logger log = LoggerFactory.getLogger(ReplyService.class);

	private final ReplyComposer composer;

	private final ExecutorService executor;

	private final InboundMessageMapper messages;

	private final AutoReplyRuleMapper rules;

	private final TransactionTemplate tx;

	private final GatewayMetrics metrics;

	private final ReplyPermission permission;

	public ReplyService(ReplyComposer composer, ExecutorService replyExecutor, InboundMessageMapper messages,
			AutoReplyRuleMapper rules, TransactionTemplate tx, GatewayMetrics metrics, ReplyPermission permission) {
		this.permission = permission;
		this.composer = composer;
		this.executor = replyExecutor;
		this.messages = messages;
		this.rules = rules;
		this.tx = tx;
		this.metrics = metrics;
	}

	/**
	 * @param deadlineNanos {@link System#nanoTime()} by which the answer must be ready
	 * @return the plaintext reply XML, or {@code null} to answer {@code success}
	 */
	public String replyFor(ParsedCallback callback, long messageId, long deadlineNanos) {
		if (!this.permission.mayReply(callback.account())) {
			this.metrics.reply("not-allowed");
			return null;
		}
		Optional<ReplyDecision> decision;
		try {
			Future<Optional<ReplyDecision>> future = this.executor.submit(() -> this.composer.decide(callback));
			try {
				decision = future.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
			}
			catch (TimeoutException ex) {
				future.cancel(true);
				return timedOut(messageId);
			}
		}
		catch (RejectedExecutionException ex) {
			return timedOut(messageId);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return timedOut(messageId);
		}
		catch (ExecutionException ex) {
			log.warn("Building the reply for message {} failed; answering success", messageId, ex.getCause());
			this.metrics.reply("failed");
			return null;
		}
		if (decision.isEmpty()) {
			this.metrics.reply("none");
			return null;
		}
		ReplyDecision reply = decision.get();
		try {
			this.tx.executeWithoutResult(status -> {
				if (this.messages.recordReply(messageId, ReplyStatus.REPLIED, reply.ruleId(), reply.xml()) == 1) {
					this.rules.countHit(reply.ruleId());
				}
			});
		}
		catch (RuntimeException ex) {
			// The message is stored; losing the record of the reply must not cost the
			// follower the reply.
			log.warn("Could not record the reply to message {}: {}", messageId, ex.getMessage());
		}
		this.metrics.reply("replied");
		return reply.xml();
	}

	private String timedOut(long messageId) {
		this.metrics.reply("timed-out");
		try {
			this.messages.recordReply(messageId, ReplyStatus.TIMED_OUT, null, null);
		}
		catch (RuntimeException ex) {
			log.warn("Could not record the reply timeout of message {}: {}", messageId, ex.getMessage());
		}
		return null;
	}

}
