package io.wxops.core.message;

/**
 * What became of the passive reply to a stored message. {@code NULL} in the database
 * means no reply was due (no rule matched, or the account may not reply) and WeChat got
 * {@code success}.
 */
public enum ReplyStatus {

	/** A rule matched and its reply was sent; WeChat's retries get the same reply. */
	REPLIED,
	/**
	 * The reply could not be built within the time budget: WeChat got {@code success}.
	 */
	TIMED_OUT

}
