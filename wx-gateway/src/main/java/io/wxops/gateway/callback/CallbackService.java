package io.wxops.gateway.callback;

import io.wxops.core.account.AccountSnapshot;
import io.wxops.gateway.GatewayMetrics;
import io.wxops.gateway.GatewayProperties;
import io.wxops.gateway.intake.IntakeService;
import io.wxops.gateway.intake.IntakeService.Intake;
import io.wxops.gateway.reply.ReplyService;

import org.springframework.stereotype.Service;

/**
 * One callback from start to answer: read (verify, decrypt, parse), take in exactly once,
 * reply within the budget, seal the reply if the request was sealed.
 */
@Service
public class CallbackService {

	/** WeChat's "received, nothing to say": never encrypted, never retried. */
	public static final String SUCCESS = "success";

	private final CallbackReader reader;

	private final IntakeService intake;

	private final ReplyService replies;

	private final GatewayMetrics metrics;

	private final long budgetNanos;

	public CallbackService(CallbackReader reader, IntakeService intake, ReplyService replies, GatewayMetrics metrics,
			GatewayProperties properties) {
		this.reader = reader;
		this.intake = intake;
		this.replies = replies;
		this.metrics = metrics;
		this.budgetNanos = properties.replyBudget().toNanos();
	}

	/**
	 * @param startNanos when the request arrived ({@link System#nanoTime()})
	 */
	public String handle(AccountSnapshot account, CallbackParams params, String body, long startNanos) {
		ParsedCallback callback = this.reader.read(account, params, body);
		Intake in = this.intake.intake(callback);
		String replyXml;
		if (in.duplicate()) {
			replyXml = in.replyXml();
		}
		else {
			replyXml = this.replies.replyFor(callback, in.messageId(), startNanos + this.budgetNanos);
			this.intake.markDone(callback, in.key(), replyXml);
		}
		this.metrics.callback(account.appId(), callback.kind(), in.duplicate() ? "duplicate" : "stored",
				System.nanoTime() - startNanos);
		if (replyXml == null) {
			return SUCCESS;
		}
		return callback.encrypted()
				? CallbackCrypto.sealReply(account.token(), callback.aesKey(), account.appId(), replyXml) : replyXml;
	}

}
