package io.wxops.admin.masssend;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.wxops.admin.article.Article;
import io.wxops.admin.article.ArticleMapper;
import io.wxops.admin.masssend.MassSendViews.SendArticle;
import io.wxops.admin.masssend.MassSendViews.SendView;
import io.wxops.admin.review.SendReview;
import io.wxops.admin.review.SendReviewService;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/** A send as the API shows it, and as the audit record summarises it. */
@Component
class SendViews {

	private final MassSendArticleMapper sendArticles;

	private final ArticleMapper articles;

	private final SendReviewService reviews;

	private final JsonMapper json;

	SendViews(MassSendArticleMapper sendArticles, ArticleMapper articles, SendReviewService reviews, JsonMapper json) {
		this.sendArticles = sendArticles;
		this.articles = articles;
		this.reviews = reviews;
		this.json = json;
	}

	SendView view(MassSend s) {
		List<SendArticle> items = new ArrayList<>();
		for (MassSendArticle sa : this.sendArticles.findBySend(s.getId())) {
			Article a = this.articles.selectById(sa.getArticleId());
			items.add(new SendArticle(sa.getPosition(), sa.getArticleId(), a.getTitle(), sa.getApprovedHash(),
					sa.getArticleUrl()));
		}
		SendReview review = this.reviews.find(s.getId());
		Integer openidCount = (s.getOpenids() != null) ? this.json.readValue(s.getOpenids(), List.class).size() : null;
		return new SendView(s.getId(), s.getAccountId(), s.getKind().name(), s.getTextContent(), s.getImageMediaId(),
				s.getAudience().name(), s.getTagId(), openidCount, Boolean.TRUE.equals(s.getSendIgnoreReprint()),
				s.getSlotAt(), s.getLocalDay(), s.getStatus().name(), s.getContentHash(), s.getPreviewHash(),
				s.getPreviewedBy(), s.getPreviewedAt(), s.getConfirmedBy(), s.getConfirmedAt(), s.getClientMsgId(),
				s.getMsgId(), s.getAttempts(), s.getErrorCode(), s.getErrorMessage(), s.getWechatStatus(),
				s.getTotalCount(), s.getFilterCount(), s.getSentCount(), s.getErrorCount(), s.getAcceptedAt(),
				s.getFinishedAt(), s.getComposedBy(), items, s.getVersion(),
				(review != null) ? review.getDepartmentId() : null, (review != null) ? review.getSensitivity() : null,
				(review != null) ? review.getStatus() : null);
	}

	static Map<String, Object> summary(MassSend s) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("status", s.getStatus().name());
		m.put("kind", s.getKind().name());
		m.put("audience", s.getAudience().name());
		m.put("localDay", s.getLocalDay().toString());
		m.put("slotAt", s.getSlotAt().toString());
		m.put("contentHash", s.getContentHash());
		return m;
	}

}
