package io.wxops.admin.article;

/**
 * Where an entry of the publishing queue is; the names are the strings stored in
 * {@code art_queue_entry.status}. An entry is QUEUED until it closes one way, for good.
 */
public enum QueueStatus {

	/** Waiting in the account's queue. */
	QUEUED,
	/** A publisher took it out, with a reason. */
	WITHDRAWN,
	/** Its article changed after approval, which voided the approval. */
	VOIDED,
	/** Its article went out in a mass send. */
	SENT;

	/** Whether an entry in this state may move to {@code next}. */
	public boolean canBecome(QueueStatus next) {
		return this == QUEUED && next != QUEUED;
	}

}
