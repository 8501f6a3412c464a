package io.wxops.admin.review;

import io.wxops.admin.web.ApiException;

/**
 * The checks every review decision's input passes before any state is read, whatever is
 * reviewed: a decision, the hash of the content the reviewer saw, and a reason for a
 * rejection that the author can act on.
 */
final class DecisionInput {

	static final int COMMENT_MAX = 1024;

	private DecisionInput() {
	}

	/**
	 * @param afterRejection what the author does with a rejection, said when its reason
	 * is missing
	 */
	static void check(Boolean approve, String comment, String contentHash, String afterRejection) {
		if (approve == null) {
			throw ApiException.invalid("decision", "decision is APPROVE or REJECT");
		}
		if (contentHash == null || contentHash.isBlank()) {
			throw ApiException.invalid("contentHash", "send the contentHash of the content you reviewed");
		}
		if (!approve && (comment == null || comment.isBlank())) {
			throw ApiException.invalid("comment", "say why it is rejected, so " + afterRejection);
		}
		if (comment != null && comment.length() > COMMENT_MAX) {
			throw ApiException.invalid("comment", "at most " + COMMENT_MAX + " characters");
		}
	}

}
