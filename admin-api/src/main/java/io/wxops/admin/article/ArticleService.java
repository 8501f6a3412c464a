package io.wxops.admin.article;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import com.baomidou.mybatisplus.core.toolkit.Wrappers;
import io.wxops.admin.article.ArticleViews.ArticleSummary;
import io.wxops.admin.article.ArticleViews.ArticleView;
import io.wxops.admin.security.Caller;
import io.wxops.admin.security.Role;
import io.wxops.admin.web.ApiException;
import io.wxops.admin.web.PageRequest;
import io.wxops.admin.web.PageResult;
import io.wxops.core.account.Account;
import io.wxops.core.account.AccountMapper;
import io.wxops.core.account.Sensitivity;

import org.springframework.stereotype.Service;

/**
 * The article feature's API for reading articles and for the review: who may see and
 * change an article, its current row and view, and the optimistic write of its row.
 * Drafting is {@link ArticleDrafts}', versions {@link ArticleVersions}', the queue
 * {@link PublishingQueue}'s.
 */
@Service
public class ArticleService {

	/** Roles that may read an account's articles. */
	static final Role[] READERS = Role.values();

	private final ArticleMapper articles;

	private final ArticleVersionMapper versions;

	private final ArticleImageMapper images;

	private final AccountMapper accounts;

	private final Clock clock;

	ArticleService(ArticleMapper articles, ArticleVersionMapper versions, ArticleImageMapper images,
			AccountMapper accounts, Clock clock) {
		this.articles = articles;
		this.versions = versions;
		this.images = images;
		this.accounts = accounts;
		this.clock = clock;
	}

	/**
	 * One page of the articles the caller's grants cover (accounts and departments, in
	 * the query), newest change first.
	 */
	public PageResult<ArticleSummary> list(Caller caller, Long accountId, ArticleStatus status, PageRequest page) {
		return ArticleScope.page(this.articles, caller, READERS, accountId, status, page).map(ArticleService::summary);
	}

	public ArticleView get(Caller caller, long id) {
		return view(visible(caller, id));
	}

	/**
	 * The article if the caller's grants cover its account and department; 404 otherwise.
	 */
	public Article visible(Caller caller, long id) {
		Article a = this.articles.selectById(id);
		if (a == null || !caller.can(a.getAccountId(), a.getDepartmentId(), READERS)) {
			throw ApiException.notFound("Article", id);
		}
		return a;
	}

	/** The article if the caller is an EDITOR of its account and department. */
	public Article editable(Caller caller, long id) {
		Article a = visible(caller, id);
		if (!caller.can(a.getAccountId(), a.getDepartmentId(), Role.EDITOR)) {
			throw ApiException.forbidden("Only an EDITOR of this account and department may change the article.");
		}
		return a;
	}

	/**
	 * Writes the article row if nobody changed it since it was read (its {@code version},
	 * checked and incremented by MyBatis-Plus); 409 otherwise.
	 */
	public void save(Article a) {
		a.setUpdatedAt(now());
		// The nullable fields are set explicitly: an entity update skips null fields.
		int updated = this.articles.update(a,
				Wrappers.<Article>lambdaUpdate()
					.eq(Article::getId, a.getId())
					.set(Article::getAuthor, a.getAuthor())
					.set(Article::getDigest, a.getDigest())
					.set(Article::getSource, a.getSource())
					.set(Article::getCoverImageId, a.getCoverImageId())
					.set(Article::getSubmittedHash, a.getSubmittedHash()));
		if (updated != 1) {
			throw ApiException.staleVersion("article");
		}
	}

	/** Whether the person wrote any version of the article (they may not approve it). */
	public boolean isAnAuthor(long articleId, long personId, long createdBy) {
		if (createdBy == personId) {
			return true;
		}
		return this.versions.selectCount(Wrappers.<ArticleVersion>lambdaQuery()
			.eq(ArticleVersion::getArticleId, articleId)
			.eq(ArticleVersion::getSavedBy, personId)) > 0;
	}

	public Account accountOf(Article a) {
		return this.accounts.selectById(a.getAccountId());
	}

	ArticleView view(Article a) {
		String coverUrl = null;
		if (a.getCoverImageId() != null) {
			ArticleImage cover = this.images.selectById(a.getCoverImageId());
			coverUrl = (cover != null) ? cover.getWechatUrl() : null;
		}
		return new ArticleView(a.getId(), a.getAccountId(), a.getDepartmentId(), a.getCreatedBy(), a.getTitle(),
				a.getAuthor(), a.getDigest(), a.getBody(), a.getSource(), Sensitivity.valueOf(a.getSensitivity()),
				a.getCoverImageId(), coverUrl, ArticleStatus.of(a), a.getContentVersion(), a.getContentHash(),
				a.getReviewRound(), a.getSubmittedAt(), a.getVersion(), a.getCreatedAt(), a.getUpdatedAt());
	}

	private static ArticleSummary summary(Article a) {
		return new ArticleSummary(a.getId(), a.getAccountId(), a.getDepartmentId(), a.getTitle(),
				Sensitivity.valueOf(a.getSensitivity()), ArticleStatus.of(a), a.getContentVersion(), a.getUpdatedAt());
	}

	public Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

}
