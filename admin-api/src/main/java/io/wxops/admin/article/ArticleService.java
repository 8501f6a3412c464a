package io.wxops.admin.article;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.toolkit.Wrappers;
import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import io.wxops.admin.account.AccountAccess;
import io.wxops.admin.article.ArticleViews.ArticleRequest;
import io.wxops.admin.article.ArticleViews.ArticleSummary;
import io.wxops.admin.article.ArticleViews.ArticleView;
import io.wxops.admin.article.ArticleViews.Comparison;
import io.wxops.admin.article.ArticleViews.FieldChange;
import io.wxops.admin.article.ArticleViews.QueueItem;
import io.wxops.admin.article.ArticleViews.VersionSummary;
import io.wxops.admin.article.ArticleViews.VersionView;
import io.wxops.admin.audit.AuditTrail;
import io.wxops.admin.people.DepartmentMapper;
import io.wxops.admin.screening.VisibleText;
import io.wxops.admin.security.Caller;
import io.wxops.admin.security.Role;
import io.wxops.admin.web.ApiException;
import io.wxops.admin.web.Problem;
import io.wxops.admin.web.PageRequest;
import io.wxops.admin.web.PageResult;
import io.wxops.core.account.Account;
import io.wxops.core.account.AccountMapper;
import io.wxops.core.account.Sensitivity;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Articles from draft to the publishing queue: drafts and their versions, the publishing
 * queue, and the voiding of a review when approved content changes. The review chain
 * itself is {@code ReviewService}'s.
 */
@Service
public class ArticleService {

	/** Roles that may read an account's articles. */
	static final Role[] READERS = Role.values();

	private final ArticleMapper articles;

	private final ArticleVersionMapper versions;

	private final ArticleImageMapper images;

	private final QueueEntryMapper queue;

	private final AccountMapper accounts;

	private final DepartmentMapper departments;

	private final AuditTrail audit;

	private final AccountAccess accountAccess;

	private final Clock clock;

	ArticleService(ArticleMapper articles, ArticleVersionMapper versions, ArticleImageMapper images,
			QueueEntryMapper queue, AccountMapper accounts, DepartmentMapper departments, AuditTrail audit,
			AccountAccess accountAccess, Clock clock) {
		this.accountAccess = accountAccess;
		this.articles = articles;
		this.versions = versions;
		this.images = images;
		this.queue = queue;
		this.accounts = accounts;
		this.departments = departments;
		this.audit = audit;
		this.clock = clock;
	}

	// ---- reading

	public PageResult<ArticleSummary> list(Caller caller, Long accountId, ArticleStatus status, PageRequest page) {
		LambdaQueryWrapper<Article> where = Wrappers.<Article>lambdaQuery()
			.eq(accountId != null, Article::getAccountId, accountId)
			.eq(status != null, Article::getStatus, (status != null) ? status.name() : null);
		Optional<Set<Long>> scope = caller.accountScope(READERS);
		scope.ifPresent((ids) -> where.in(Article::getAccountId, ids.isEmpty() ? Set.of(-1L) : ids));
		// Department-limited grants narrow further; checked per row, the page is small.
		List<Article> rows = this.articles.selectList(where.orderByDesc(Article::getUpdatedAt).last("LIMIT 5000"));
		List<ArticleSummary> visible = rows.stream()
			.filter((a) -> caller.can(a.getAccountId(), a.getDepartmentId(), READERS))
			.map(ArticleService::summary)
			.toList();
		int from = (int) Math.min(page.offset(), visible.size());
		int to = Math.min(from + page.size(), visible.size());
		return new PageResult<>(visible.subList(from, to), page.page(), page.size(), visible.size());
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

	// ---- drafts and versions

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
		checkContent(errors, req, true);
		if (!errors.isEmpty()) {
			throw ApiException.invalid(errors);
		}
		if (!caller.can(req.accountId(), department, Role.EDITOR)) {
			throw ApiException
				.forbidden("You need EDITOR on this account for department " + department + " to write its articles.");
		}
		checkCover(req.coverImageId(), null);
		Instant now = now();
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
		this.articles.insert(a);
		saveVersion(caller, a);
		ArticleView view = view(a);
		this.audit.record(caller, "ARTICLE_CREATED", "ARTICLE", a.getId(), a.getAccountId(), null, auditSummary(a));
		return view;
	}

	/**
	 * Saves a change as a new version. A change to a submitted or approved article voids
	 * its review (and takes it out of the queue): it must be submitted again.
	 */
	@Transactional
	public ArticleView update(Caller caller, long id, ArticleRequest req) {
		Article a = editable(caller, id);
		Map<String, String> errors = new LinkedHashMap<>();
		if (req.version() == null) {
			errors.put("version", "send the version you loaded, so a concurrent change is not overwritten");
		}
		checkContent(errors, req, false);
		if (!errors.isEmpty()) {
			throw ApiException.invalid(errors);
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
			return view(a);
		}
		a.setContentHash(newHash);
		a.setContentVersion(a.getContentVersion() + 1);
		boolean voided = status.voidedByEdit();
		if (voided) {
			a.moveTo(ArticleStatus.DRAFT);
			a.setSubmittedHash(null);
			voidQueueEntry(caller, a, "edited after " + status);
		}
		saveVersioned(a, req.version());
		saveVersion(caller, a);
		this.audit.record(caller, "ARTICLE_EDITED", "ARTICLE", id, a.getAccountId(), before, auditSummary(a));
		if (voided) {
			this.audit.record(caller, "ARTICLE_REVIEW_VOIDED", "ARTICLE", id, a.getAccountId(),
					Map.of("status", status.name(), "round", a.getReviewRound()),
					Map.of("status", ArticleStatus.DRAFT.name(), "reason", "content changed"));
		}
		return view(a);
	}

	public List<VersionSummary> versions(Caller caller, long id) {
		visible(caller, id);
		return this.versions.listByArticle(id)
			.stream()
			.map((v) -> new VersionSummary(v.getVersionNo(), v.getTitle(), v.getContentHash(), v.getSavedBy(),
					v.getSavedAt()))
			.toList();
	}

	public VersionView version(Caller caller, long id, int versionNo) {
		visible(caller, id);
		return versionView(requireVersion(id, versionNo));
	}

	public Comparison compare(Caller caller, long id, int from, int to) {
		visible(caller, id);
		ArticleVersion a = requireVersion(id, from);
		ArticleVersion b = requireVersion(id, to);
		Map<String, FieldChange> fields = new LinkedHashMap<>();
		field(fields, "title", a.getTitle(), b.getTitle());
		field(fields, "author", a.getAuthor(), b.getAuthor());
		field(fields, "digest", a.getDigest(), b.getDigest());
		field(fields, "source", a.getSource(), b.getSource());
		field(fields, "sensitivity", a.getSensitivity(), b.getSensitivity());
		field(fields, "coverImageId", a.getCoverImageId(), b.getCoverImageId());
		fields.put("body", new FieldChange(!Objects.equals(a.getBody(), b.getBody()), null, null));
		List<String> left = lines(a.getBody());
		List<String> right = lines(b.getBody());
		List<String> diff = UnifiedDiffUtils.generateUnifiedDiff("v" + from, "v" + to, left,
				DiffUtils.diff(left, right), 2);
		return new Comparison(from, to, fields, diff);
	}

	// ---- the publishing queue

	public List<QueueItem> queue(Caller caller, long accountId) {
		this.accountAccess.visible(caller, accountId);
		return this.queue.queued(accountId).stream().map((q) -> {
			Article a = this.articles.selectById(q.getArticleId());
			return new QueueItem(a.getId(), a.getTitle(), Sensitivity.valueOf(a.getSensitivity()), q.getPosition(),
					q.getApprovedHash(), q.getQueuedAt());
		}).toList();
	}

	/** Puts an article whose chain has completed at the end of its account's queue. */
	public void enqueue(Caller caller, Article a) {
		QueueEntry q = new QueueEntry();
		q.setAccountId(a.getAccountId());
		q.setArticleId(a.getId());
		q.setReviewRound(a.getReviewRound());
		q.setApprovedHash(a.getSubmittedHash());
		q.setPosition(this.queue.lastPosition(a.getAccountId()) + 1);
		q.setStatus(QueueStatus.QUEUED.name());
		q.setQueuedAt(now());
		this.queue.insert(q);
		this.audit.record(caller, "ARTICLE_QUEUED", "ARTICLE", a.getId(), a.getAccountId(), null,
				Map.of("position", q.getPosition(), "approvedHash", q.getApprovedHash()));
	}

	@Transactional
	public List<QueueItem> reorder(Caller caller, long accountId, List<Long> articleIds) {
		this.accountAccess.visible(caller, accountId);
		caller.require(accountId, Role.PUBLISHER);
		List<QueueEntry> entries = this.queue.queued(accountId);
		Set<Long> queued = new HashSet<>();
		entries.forEach((e) -> queued.add(e.getArticleId()));
		if (articleIds == null || articleIds.size() != queued.size() || !queued.equals(new HashSet<>(articleIds))) {
			throw ApiException.invalid("articleIds",
					"send every queued article exactly once, in the new order: " + queued);
		}
		List<Long> before = entries.stream().map(QueueEntry::getArticleId).toList();
		for (QueueEntry e : entries) {
			long position = articleIds.indexOf(e.getArticleId()) + 1L;
			int updated = this.queue.update(null,
					Wrappers.<QueueEntry>lambdaUpdate()
						.eq(QueueEntry::getId, e.getId())
						.eq(QueueEntry::getStatus, QueueStatus.QUEUED.name())
						.set(QueueEntry::getPosition, position));
			if (updated != 1) {
				throw ApiException.staleVersion("queue");
			}
		}
		this.audit.record(caller, "QUEUE_REORDERED", "ACCOUNT", accountId, accountId, Map.of("order", before),
				Map.of("order", articleIds));
		return queue(caller, accountId);
	}

	@Transactional
	public ArticleView withdraw(Caller caller, long id, String reason) {
		Article a = visible(caller, id);
		caller.require(a.getAccountId(), Role.PUBLISHER);
		if (reason == null || reason.isBlank() || reason.length() > 512) {
			throw ApiException.invalid("reason", "a reason is required (at most 512 characters); it is kept");
		}
		QueueEntry entry = this.queue.queuedFor(id);
		if (entry == null) {
			throw Problem.NOT_QUEUED.exception("The article is not in the queue",
					"Only an approved article waiting in the publishing queue can be withdrawn.");
		}
		closeEntry(caller, entry, QueueStatus.WITHDRAWN, reason.trim());
		int expected = a.getVersion();
		a.moveTo(ArticleStatus.WITHDRAWN);
		saveVersioned(a, expected);
		this.audit.record(caller, "ARTICLE_WITHDRAWN", "ARTICLE", id, a.getAccountId(),
				Map.of("status", ArticleStatus.APPROVED.name(), "position", entry.getPosition()),
				Map.of("status", ArticleStatus.WITHDRAWN.name(), "reason", reason.trim()));
		return view(a);
	}

	private void voidQueueEntry(Caller caller, Article a, String reason) {
		QueueEntry entry = this.queue.queuedFor(a.getId());
		if (entry != null) {
			closeEntry(caller, entry, QueueStatus.VOIDED, reason);
		}
	}

	private void closeEntry(Caller caller, QueueEntry entry, QueueStatus status, String reason) {
		int updated = this.queue.update(null,
				Wrappers.<QueueEntry>lambdaUpdate()
					.eq(QueueEntry::getId, entry.getId())
					.eq(QueueEntry::getStatus, QueueStatus.QUEUED.name())
					.set(QueueEntry::getStatus, status.name())
					.set(QueueEntry::getClosedAt, now())
					.set(QueueEntry::getClosedBy, caller.personId())
					.set(QueueEntry::getCloseReason, reason));
		if (updated != 1) {
			throw ApiException.staleVersion("queue");
		}
	}

	// ---- helpers shared with the review

	/** Writes the article row if nobody changed it since {@code expected}. */
	public void saveVersioned(Article a, int expected) {
		a.setVersion(expected + 1);
		a.setUpdatedAt(now());
		int updated = this.articles.update(a,
				Wrappers.<Article>lambdaUpdate()
					.eq(Article::getId, a.getId())
					.eq(Article::getVersion, expected)
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

	ArticleView view(Article a) {
		String coverUrl = null;
		if (a.getCoverImageId() != null) {
			ArticleImage cover = this.images.selectById(a.getCoverImageId());
			coverUrl = (cover != null) ? cover.getWechatUrl() : null;
		}
		return new ArticleView(a.getId(), a.getAccountId(), a.getDepartmentId(), a.getCreatedBy(), a.getTitle(),
				a.getAuthor(), a.getDigest(), a.getBody(), a.getSource(), Sensitivity.valueOf(a.getSensitivity()),
				a.getCoverImageId(), coverUrl, ArticleStatus.valueOf(a.getStatus()), a.getContentVersion(),
				a.getContentHash(), a.getReviewRound(), a.getSubmittedAt(), a.getVersion(), a.getCreatedAt(),
				a.getUpdatedAt());
	}

	Map<String, Object> auditSummary(Article a) {
		Map<String, Object> summary = new LinkedHashMap<>();
		summary.put("title", a.getTitle());
		summary.put("status", a.getStatus());
		summary.put("sensitivity", a.getSensitivity());
		summary.put("contentVersion", a.getContentVersion());
		summary.put("contentHash", a.getContentHash());
		return summary;
	}

	public Account accountOf(Article a) {
		return this.accounts.selectById(a.getAccountId());
	}

	private static ArticleSummary summary(Article a) {
		return new ArticleSummary(a.getId(), a.getAccountId(), a.getDepartmentId(), a.getTitle(),
				Sensitivity.valueOf(a.getSensitivity()), ArticleStatus.valueOf(a.getStatus()), a.getContentVersion(),
				a.getUpdatedAt());
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
		v.setSavedAt(now());
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
	private static void checkContent(Map<String, String> errors, ArticleRequest req, boolean creating) {
		if (req.title() == null || VisibleText.trim(req.title()).isEmpty() || req.title().length() > 128) {
			errors.put("title", "a title is required (at most 128 characters here; WeChat allows 32)");
		}
		if (req.author() != null && req.author().length() > 64) {
			errors.put("author", "at most 64 characters (WeChat allows 16)");
		}
		if (req.digest() != null && req.digest().length() > 512) {
			errors.put("digest", "at most 512 characters (WeChat allows 128)");
		}
		if (req.body() == null) {
			errors.put("body", "the body is required (HTML)");
		}
		else if (req.body().length() > 1_000_000) {
			errors.put("body", "the body is over 1,000,000 characters");
		}
		if (req.source() != null && req.source().length() > 512) {
			errors.put("source", "at most 512 characters");
		}
		if (req.sensitivity() == null) {
			errors.put("sensitivity", "required: GENERAL, SENSITIVE or MAJOR (major news, emergencies, hot topics)");
		}
	}

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

	private ArticleVersion requireVersion(long id, int versionNo) {
		ArticleVersion v = this.versions.find(id, versionNo);
		if (v == null) {
			throw ApiException.notFound("Version", versionNo);
		}
		return v;
	}

	private static VersionView versionView(ArticleVersion v) {
		return new VersionView(v.getVersionNo(), v.getTitle(), v.getAuthor(), v.getDigest(), v.getBody(), v.getSource(),
				Sensitivity.valueOf(v.getSensitivity()), v.getCoverImageId(), v.getContentHash(), v.getSavedBy(),
				v.getSavedAt());
	}

	private static void field(Map<String, FieldChange> fields, String name, Object from, Object to) {
		fields.put(name, new FieldChange(!Objects.equals(from, to), from, to));
	}

	/** HTML split at tag boundaries and line breaks, so a diff shows paragraphs. */
	private static List<String> lines(String html) {
		if (html == null || html.isEmpty()) {
			return new ArrayList<>();
		}
		return new ArrayList<>(Arrays.asList(html.replace("><", ">\n<").split("\\R")));
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

	public Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

}
