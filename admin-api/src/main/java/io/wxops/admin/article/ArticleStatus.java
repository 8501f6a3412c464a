package io.wxops.admin.article;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an article is between draft and followers, with the moves allowed from each
 * state. The names are the strings stored in {@code art_article.status}.
 */
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
	SENT;

	/** Whether an article in this state may move to {@code next}. */
	public boolean canBecome(ArticleStatus next) {
		return next(this).contains(next);
	}

	/** Whether an editor may submit an article in this state for review. */
	public boolean submittable() {
		return canBecome(IN_REVIEW);
	}

	/**
	 * Whether an edit voids this state's review: the article goes back to DRAFT and out
	 * of the queue.
	 */
	public boolean voidedByEdit() {
		return this == IN_REVIEW || this == APPROVED;
	}

	/** The stored status of an article row. */
	public static ArticleStatus of(Article article) {
		return valueOf(article.getStatus());
	}

	private static Set<ArticleStatus> next(ArticleStatus from) {
		return switch (from) {
			case DRAFT, REJECTED, WITHDRAWN -> EnumSet.of(IN_REVIEW);
			case IN_REVIEW -> EnumSet.of(APPROVED, REJECTED, DRAFT);
			case APPROVED -> EnumSet.of(DRAFT, WITHDRAWN, SENT);
			case SENT -> EnumSet.noneOf(ArticleStatus.class);
		};
	}

}
