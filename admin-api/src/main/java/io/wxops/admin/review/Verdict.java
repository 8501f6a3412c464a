package io.wxops.admin.review;

/**
 * What a reviewer decided at one level; the names are the strings stored in
 * {@code art_review_decision.decision}. A decision is never changed once recorded.
 */
public enum Verdict {

	APPROVED, REJECTED;

	public static Verdict of(boolean approve) {
		return approve ? APPROVED : REJECTED;
	}

}
