package io.wxops.admin.review;

/**
 * Where the review of a TEXT or IMAGE send is; stored by name in
 * {@code ms_send_review.status}. A decision at one level is APPROVED or REJECTED, the
 * same names.
 */
public enum SendReviewStatus {

	/** The chain is running: some level has yet to decide. */
	IN_REVIEW,
	/** The last level approved the content hash composed. */
	APPROVED,
	/** A level rejected it; the publisher cancels and composes again. */
	REJECTED;

	/** Whether a review in this status may move to {@code next}. */
	public boolean canBecome(SendReviewStatus next) {
		return this == IN_REVIEW;
	}

}
