package io.wxops.admin.review;

import io.wxops.admin.web.ApiException;

/**
 * The checks every review decision's input passes once the article or send is known to be
 * one the caller may see (so that others' ids stay 404), whatever is reviewed: the hash
 * of the content the reviewer saw, and a reason for a rejection that the author can act
 * on. The decision itself (APPROVE or REJECT) is a constraint on the request, checked
 * before anything else as it always was.
 */
final class DecisionInput {

	static final int COMMENT_MAX = 1024;

	private DecisionInput() {
	}

	/**
	 * @param afterRejection what the author does with a rejection, said when its reason
	 * is missing
	 */
	static void check(boolean approve, String comment, String contentHash, String afterRejection) {
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
