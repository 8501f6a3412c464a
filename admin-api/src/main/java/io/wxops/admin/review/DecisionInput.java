package io.wxops.admin.review;

import io.wxops.admin.web.ApiException;

/**
 * The check every review decision's input passes once the article or send is known to be
 * one the caller may see (so that others' ids stay 404), whatever is reviewed: a reason
 * for a rejection that the author can act on. The decision, the content hash and the
 * comment's length are constraints on the request, checked before anything else.
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
		// contentHash and the comment's length are constraints on the request
		// (ReviewController.Decision); a rejection's reason depends on the decision.
		if (!approve && (comment == null || comment.isBlank())) {
			throw ApiException.invalid("comment", "say why it is rejected, so " + afterRejection);
		}
	}

}
