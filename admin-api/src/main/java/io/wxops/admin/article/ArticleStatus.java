package io.wxops.admin.article;

/** Where an article is between draft and followers. */
public enum ArticleStatus {

	/** Being written; any edit of a submitted article brings it back here. */
	DRAFT,
	/** Submitted; its review chain is running. */
	IN_REVIEW,
	/** A reviewer rejected it; back with the editor. */
	REJECTED,
	/** Every level approved exactly this content; waiting in the publishing queue. */
	APPROVED,
	/** Taken out of the queue by a publisher. */
	WITHDRAWN,
	/** Reached followers; never changed again. */
	SENT

}
