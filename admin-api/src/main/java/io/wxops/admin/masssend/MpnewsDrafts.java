package io.wxops.admin.masssend;

import java.util.ArrayList;
import java.util.List;

import io.wxops.admin.article.Article;
import io.wxops.admin.article.ArticleImage;
import io.wxops.admin.article.ArticleImageMapper;
import io.wxops.admin.article.ArticleMapper;
import io.wxops.admin.article.ArticleStatus;
import io.wxops.admin.article.QueueEntry;
import io.wxops.admin.article.QueueEntryMapper;
import io.wxops.admin.screening.BodyHtml;
import io.wxops.admin.web.ApiException;
import io.wxops.admin.web.Problem;
import io.wxops.core.account.Account;
import io.wxops.core.account.AccountSnapshot;
import io.wxops.core.wechat.WeChatCalls;
import me.chanjar.weixin.mp.bean.draft.WxMpAddDraft;
import me.chanjar.weixin.mp.bean.draft.WxMpDraftArticles;

import org.springframework.stereotype.Component;

/**
 * The articles of an MPNEWS send: exactly those at the head of the account's queue, as
 * approved, and the WeChat draft built from them (群发 takes a draft's media_id).
 */
@Component
class MpnewsDrafts {

	static final int MAX_ARTICLES = 8;

	private final ArticleMapper articles;

	private final QueueEntryMapper queue;

	private final ArticleImageMapper images;

	private final WeChatCalls wechat;

	MpnewsDrafts(ArticleMapper articles, QueueEntryMapper queue, ArticleImageMapper images, WeChatCalls wechat) {
		this.articles = articles;
		this.queue = queue;
		this.images = images;
		this.wechat = wechat;
	}

	/**
	 * The chosen articles, which must be exactly the first ones of the queue, in order.
	 */
	List<Article> headOfQueue(Account account, List<Long> ids) {
		List<QueueEntry> queued = this.queue.queued(account.getId());
		if (queued.size() < ids.size()) {
			throw ApiException.invalid("articleIds", "the queue holds only " + queued.size() + " approved article(s)");
		}
		List<Article> chosen = new ArrayList<>();
		for (int i = 0; i < ids.size(); i++) {
			QueueEntry entry = queued.get(i);
			if (!entry.getArticleId().equals(ids.get(i))) {
				throw ApiException.invalid("articleIds", "send the articles at the head of the queue, in its order: "
						+ queued.stream().limit(ids.size()).map(QueueEntry::getArticleId).toList());
			}
			Article a = this.articles.selectById(entry.getArticleId());
			if (!ArticleStatus.APPROVED.name().equals(a.getStatus())
					|| !entry.getApprovedHash().equals(a.getContentHash())) {
				throw Problem.NOT_APPROVED.exception("Article " + a.getId() + " is not approved as it stands",
						"Its content differs from what was approved; it must be reviewed again.");
			}
			if (a.getCoverImageId() == null) {
				throw Problem.COVER_MISSING.exception("Article " + a.getId() + " has no cover image",
						"WeChat needs a cover (thumb_media_id) for every article of a news message.");
			}
			chosen.add(a);
		}
		return chosen;
	}

	/** Creates the WeChat draft of the articles; returns its media_id. */
	String createDraft(AccountSnapshot snapshot, List<Article> chosen) {
		List<WxMpDraftArticles> items = new ArrayList<>();
		for (Article a : chosen) {
			ArticleImage cover = this.images.selectById(a.getCoverImageId());
			WxMpDraftArticles item = new WxMpDraftArticles();
			item.setTitle(a.getTitle());
			item.setAuthor(a.getAuthor());
			item.setDigest(a.getDigest());
			// What screening read: the sanitised body, and the stated source under it.
			item.setContent(BodyHtml.draftContent(a.getBody(), a.getSource()));
			item.setContentSourceUrl(BodyHtml.sourceUrl(a.getSource()));
			item.setThumbMediaId(cover.getWechatMediaId());
			items.add(item);
		}
		WxMpAddDraft draft = WxMpAddDraft.builder().articles(items).build();
		return this.wechat.call(snapshot, (w) -> w.getDraftService().addDraft(draft));
	}

}
