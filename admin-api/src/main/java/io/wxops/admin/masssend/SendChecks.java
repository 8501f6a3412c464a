package io.wxops.admin.masssend;

import java.util.ArrayList;
import java.util.List;

import io.wxops.admin.article.Article;
import io.wxops.admin.article.ArticleMapper;
import io.wxops.admin.article.ArticleStatus;
import io.wxops.admin.article.QueueEntry;
import io.wxops.admin.article.QueueEntryMapper;
import io.wxops.admin.review.SendReviewService;
import io.wxops.admin.screening.ScreeningService;
import io.wxops.admin.web.ApiException;
import io.wxops.admin.web.Problem;
import io.wxops.admin.web.Sha256;
import io.wxops.core.account.Account;
import io.wxops.core.account.AccountStanding;

import org.springframework.stereotype.Component;

/**
 * Whether a send may still go out as composed: checked at the preview, at confirmation
 * and again just before sending.
 */
@Component
class SendChecks {

	private final AccountStanding standing;

	private final MassSendArticleMapper sendArticles;

	private final ArticleMapper articles;

	private final QueueEntryMapper queue;

	private final ScreeningService screening;

	private final SendReviewService reviews;

	SendChecks(AccountStanding standing, MassSendArticleMapper sendArticles, ArticleMapper articles,
			QueueEntryMapper queue, ScreeningService screening, SendReviewService reviews) {
		this.standing = standing;
		this.sendArticles = sendArticles;
		this.articles = articles;
		this.queue = queue;
		this.screening = screening;
		this.reviews = reviews;
	}

	/**
	 * Throws unless the account is operating and the send is unchanged
	 * ({@link #requireUnchanged}).
	 */
	void requireSendable(MassSend s, Account account) {
		this.standing.requireOperating(account.getId());
		requireUnchanged(s, account);
	}

	/**
	 * Recomputes what the send would send now; throws when it differs from what was
	 * composed (an article changed, left the queue or no longer passes screening) or, for
	 * a reviewed kind, when its review has not approved exactly that.
	 */
	void requireUnchanged(MassSend s, Account account) {
		if (s.getKind().reviewed()) {
			this.reviews.requireApproved(s.getId(), s.getKind().name(), s.getContentHash());
		}
		List<Article> current = new ArrayList<>();
		for (MassSendArticle sa : this.sendArticles.findBySend(s.getId())) {
			Article a = this.articles.selectById(sa.getArticleId());
			QueueEntry entry = this.queue.queuedFor(sa.getArticleId());
			if (!ArticleStatus.APPROVED.name().equals(a.getStatus()) || !sa.getApprovedHash().equals(a.getContentHash())
					|| entry == null || !entry.getApprovedHash().equals(a.getContentHash())) {
				throw voided("article " + a.getId() + " changed or left the publishing queue after it was composed");
			}
			this.screening.requireClean(a, account);
			current.add(a);
		}
		if (s.getKind() == SendKind.TEXT) {
			this.screening.requireCleanText(s.getTextContent(), account);
		}
		if (!contentHash(s, current).equals(s.getContentHash())) {
			throw voided("the content differs from what was composed");
		}
	}

	/**
	 * The hash of everything the send would send: its own fields and each article's
	 * approved content.
	 */
	static String contentHash(MassSend s, List<Article> chosen) {
		StringBuilder text = new StringBuilder();
		for (Object field : new Object[] { s.getKind(), s.getTextContent(), s.getImageMediaId(), s.getAudience(),
				s.getTagId(), s.getOpenids(), s.getSendIgnoreReprint() }) {
			Sha256.appendField(text, String.valueOf(field));
		}
		for (Article a : chosen) {
			text.append(a.getId()).append('=').append(a.getContentHash()).append('|');
		}
		return Sha256.hex(text.toString());
	}

	private static ApiException voided(String why) {
		return Problem.PREVIEW_VOIDED.exception("The send changed after it was composed",
				"Its preview no longer shows what would be sent: " + why
						+ ". Cancel it and compose again from the queue.");
	}

}
