package io.wxops.admin.article;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.wxops.admin.article.ArticleViews.ArticleRequest;
import io.wxops.admin.article.ArticleViews.ArticleView;
import io.wxops.admin.audit.AuditTrail;
import io.wxops.admin.people.DepartmentMapper;
import io.wxops.admin.screening.VisibleText;
import io.wxops.admin.security.Caller;
import io.wxops.admin.security.Role;
import io.wxops.admin.web.ApiException;
import io.wxops.admin.web.Problem;
import io.wxops.core.account.AccountMapper;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writing articles: a new draft and each change, every one kept as a version. A change to
 * a submitted or approved article voids its review and takes it out of the queue.
 */
@Service
class ArticleDrafts {

	private final ArticleService articles;

	private final ArticleMapper rows;

	private final ArticleVersionMapper versions;

	private final ArticleImageMapper images;

	private final AccountMapper accounts;

	private final DepartmentMapper departments;

	private final PublishingQueue queue;

	private final AuditTrail audit;

	ArticleDrafts(ArticleService articles, ArticleMapper rows, ArticleVersionMapper versions, ArticleImageMapper images,
			AccountMapper accounts, DepartmentMapper departments, PublishingQueue queue, AuditTrail audit) {
		this.articles = articles;
		this.rows = rows;
		this.versions = versions;
		this.images = images;
		this.accounts = accounts;
		this.departments = departments;
		this.queue = queue;
		this.audit = audit;
	}

	@Transactional
	public ArticleView create(Caller caller, ArticleRequest req) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (req.accountId() == null || this.accounts.selectById(req.accountId()) == null) {
			errors.put("accountId", "an existing account is required");
		}
		long department = (req.departmentId() != null) ? req.departmentId() : caller.departmentId();
		if (this.departments.selectById(department) == null) {
			errors.put("departmentId", "there is no department " + department);
		}
		if (!errors.isEmpty()) {
			throw ApiException.invalid(errors);
		}
		if (!caller.can(req.accountId(), department, Role.EDITOR)) {
			throw ApiException
				.forbidden("You need EDITOR on this account for department " + department + " to write its articles.");
		}
		checkCover(req.coverImageId(), null);
		Instant now = this.articles.now();
		Article a = new Article();
		a.setAccountId(req.accountId());
		a.setDepartmentId(department);
		a.setCreatedBy(caller.personId());
		apply(a, req);
		a.setStatus(ArticleStatus.DRAFT.name());
		a.setContentVersion(1);
		a.setContentHash(hash(a));
		a.setReviewRound(0);
		a.setVersion(1);
		a.setCreatedAt(now);
		a.setUpdatedAt(now);
		this.rows.insert(a);
		saveVersion(caller, a);
		ArticleView view = this.articles.view(a);
		this.audit.record(caller, "ARTICLE_CREATED", "ARTICLE", a.getId(), a.getAccountId(), null, auditSummary(a));
		return view;
	}

	/**
	 * Saves a change as a new version. A change to a submitted or approved article voids
	 * its review (and takes it out of the queue): it must be submitted again.
	 */
	@Transactional
	public ArticleView update(Caller caller, long id, ArticleRequest req) {
		Article a = this.articles.editable(caller, id);
		// The body's own rules (title, lengths, sensitivity) are constraints on
		// ArticleRequest, checked before the article is looked up; the version is needed
		// by a change only, so it is checked here (the record is a new draft's too).
		if (req.version() == null) {
			throw ApiException.invalid("version",
					"send the version you loaded, so a concurrent change is not overwritten");
		}
		ArticleStatus status = ArticleStatus.of(a);
		if (status == ArticleStatus.SENT) {
			throw Problem.ARTICLE_SENT.exception("The article was sent",
					"Sent content is never changed. Write a new article instead.");
		}
		if (!req.version().equals(a.getVersion())) {
			throw ApiException.staleVersion("article");
		}
		checkCover(req.coverImageId(), a.getId());
		Map<String, Object> before = auditSummary(a);
		String oldHash = a.getContentHash();
		apply(a, req);
		String newHash = hash(a);
		if (newHash.equals(oldHash)) {
			return this.articles.view(a);
		}
		a.setContentHash(newHash);
		a.setContentVersion(a.getContentVersion() + 1);
		boolean voided = status.voidedByEdit();
		if (voided) {
			a.moveTo(ArticleStatus.DRAFT);
			a.setSubmittedHash(null);
			this.queue.voidEntry(caller, a, "edited after " + status);
		}
		this.articles.save(a);
		saveVersion(caller, a);
		this.audit.record(caller, "ARTICLE_EDITED", "ARTICLE", id, a.getAccountId(), before, auditSummary(a));
		if (voided) {
			this.audit.record(caller, "ARTICLE_REVIEW_VOIDED", "ARTICLE", id, a.getAccountId(),
					Map.of("status", status.name(), "round", a.getReviewRound()),
					Map.of("status", ArticleStatus.DRAFT.name(), "reason", "content changed"));
		}
		return this.articles.view(a);
	}

	private static Map<String, Object> auditSummary(Article a) {
		Map<String, Object> summary = new LinkedHashMap<>();
		summary.put("title", a.getTitle());
		summary.put("status", a.getStatus());
		summary.put("sensitivity", a.getSensitivity());
		summary.put("contentVersion", a.getContentVersion());
		summary.put("contentHash", a.getContentHash());
		return summary;
	}

	private void saveVersion(Caller caller, Article a) {
		ArticleVersion v = new ArticleVersion();
		v.setArticleId(a.getId());
		v.setVersionNo(a.getContentVersion());
		v.setTitle(a.getTitle());
		v.setAuthor(a.getAuthor());
		v.setDigest(a.getDigest());
		v.setBody(a.getBody());
		v.setSource(a.getSource());
		v.setSensitivity(a.getSensitivity());
		v.setCoverImageId(a.getCoverImageId());
		v.setContentHash(a.getContentHash());
		v.setSavedBy(caller.personId());
		v.setSavedAt(this.articles.now());
		this.versions.insert(v);
	}

	private String hash(Article a) {
		String coverSha = null;
		if (a.getCoverImageId() != null) {
			ArticleImage cover = this.images.selectById(a.getCoverImageId());
			coverSha = (cover != null) ? cover.getSha256() : null;
		}
		return ContentHash.of(a.getTitle(), a.getAuthor(), a.getDigest(), a.getBody(), a.getSource(),
				a.getSensitivity(), coverSha);
	}

	private static void apply(Article a, ArticleRequest req) {
		a.setTitle(VisibleText.trim(req.title()));
		a.setAuthor(blankToNull(req.author()));
		a.setDigest(blankToNull(req.digest()));
		a.setBody(req.body());
		a.setSource(blankToNull(req.source()));
		a.setSensitivity(req.sensitivity().name());
		a.setCoverImageId(req.coverImageId());
	}

	/**
	 * Shape checks only; content rules (terms, length, source) are screening's and are
	 * reported with positions when the article is screened or submitted.
	 */
	/**
	 * The cover must be a COVER image uploaded for this very article (so of its account).
	 * A new article has no images yet, so a draft gets its cover by a change after the
	 * upload. An absent id, another article's image (of any account) and a body image all
	 * get the same answer, so that ids cannot be probed.
	 */
	private void checkCover(Long coverImageId, Long articleId) {
		if (coverImageId == null) {
			return;
		}
		ArticleImage cover = (articleId != null) ? this.images.selectById(coverImageId) : null;
		if (cover == null || !ImageKind.COVER.name().equals(cover.getKind())
				|| !articleId.equals(cover.getArticleId())) {
			throw ApiException.invalid("coverImageId",
					"not a cover image uploaded for this article: upload one with POST /api/articles/{id}/images"
							+ "?kind=COVER, then save the article with its id");
		}
	}

	/**
	 * The value without leading or trailing characters a reader does not see (zero-width
	 * spaces, variation selectors, no-break spaces, ...); null when nothing visible is
	 * left, so that a source made only of invisible characters is no source.
	 */
	private static String blankToNull(String value) {
		String trimmed = VisibleText.trim(value);
		return (trimmed == null || trimmed.isEmpty()) ? null : trimmed;
	}

}
