package io.wxops.admin.review;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.baomidou.mybatisplus.core.toolkit.Wrappers;
import io.wxops.admin.article.Article;
import io.wxops.admin.article.ArticleMapper;
import io.wxops.admin.article.ArticleService;
import io.wxops.admin.article.ArticleStatus;
import io.wxops.admin.article.PublishingQueue;
import io.wxops.admin.audit.AuditTrail;
import io.wxops.admin.screening.LexiconService;
import io.wxops.admin.screening.ScreeningService;
import io.wxops.admin.security.Caller;
import io.wxops.admin.security.Role;
import io.wxops.admin.web.ApiException;
import io.wxops.admin.web.Problem;
import io.wxops.core.account.Account;
import io.wxops.core.account.ReviewLevel;
import io.wxops.core.account.ReviewPolicy;
import io.wxops.core.account.Sensitivity;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The graded review (分级审核, 先审后发). Submitting starts the chain the article's sensitivity
 * requires under its account's policy; each level approves or rejects the exact content
 * submitted (its hash); the last approval puts the article in the publishing queue.
 * Nobody approves an article they wrote, nor one article at two levels.
 */
@Service
public class ReviewService {

	private static final Role[] REVIEWERS = { Role.DEPT_REVIEWER, Role.OFFICE_REVIEWER, Role.LEADER };

	private final ArticleService articles;

	private final ArticleMapper articleRows;

	private final ReviewDecisionMapper decisions;

	private final ScreeningService screening;

	private final AuditTrail audit;

	private final ReviewChainMapper chains;

	private final LexiconService lexicon;

	private final PublishingQueue queue;

	ReviewService(ArticleService articles, ArticleMapper articleRows, ReviewDecisionMapper decisions,
			ScreeningService screening, AuditTrail audit, ReviewChainMapper chains, LexiconService lexicon,
			PublishingQueue queue) {
		this.queue = queue;
		this.chains = chains;
		this.articles = articles;
		this.articleRows = articleRows;
		this.decisions = decisions;
		this.screening = screening;
		this.audit = audit;
		this.lexicon = lexicon;
	}

	/** One level of an article's chain as it stands. */
	public record Step(int index, ReviewLevel level, String decision, Long reviewerId, String comment,
			java.time.Instant decidedAt) {
	}

	/**
	 * An article's review: its chain for the current round and every decision ever made.
	 */
	public record ReviewState(long articleId, ArticleStatus status, int round, String submittedHash, List<Step> chain,
			List<ReviewDecision> history) {
	}

	/** An article awaiting the caller's decision. */
	public record Pending(long articleId, long accountId, long departmentId, String title, Sensitivity sensitivity,
			ReviewLevel awaiting, String contentHash, java.time.Instant submittedAt) {
	}

	@Transactional
	public ReviewState submit(Caller caller, long articleId) {
		Article a = this.articles.visible(caller, articleId);
		if (!caller.can(a.getAccountId(), a.getDepartmentId(), Role.EDITOR)) {
			throw ApiException.forbidden("Only an EDITOR of this account and department may submit the article.");
		}
		ArticleStatus status = ArticleStatus.of(a);
		if (!status.submittable()) {
			throw Problem.NOT_SUBMITTABLE.exception("The article is " + status,
					"Only a draft, a rejected or a withdrawn article can be submitted; change it first if it is "
							+ "in review or approved.");
		}
		Account account = this.articles.accountOf(a);
		// Read in the transaction's snapshot (taken by the reads above), the same version
		// the screening just used, so the chained record says which lexicon passed it.
		int lexiconVersion = this.lexicon.version();
		this.screening.requireClean(a, account);
		a.moveTo(ArticleStatus.IN_REVIEW);
		a.setReviewRound(a.getReviewRound() + 1);
		a.setSubmittedHash(a.getContentHash());
		a.setSubmittedAt(this.articles.now());
		this.articles.save(a);
		// The chain is fixed now: a later change of the account's policy applies to later
		// submissions, never to this one (its decisions are counted against these
		// levels).
		List<ReviewLevel> chain = policyChain(a, account);
		this.chains.insert(articleId, a.getReviewRound(), Levels.format(chain), a.getSubmittedAt());
		this.audit.record(caller, "ARTICLE_SUBMITTED", "ARTICLE", articleId, a.getAccountId(),
				Map.of("status", status.name()),
				Map.of("status", ArticleStatus.IN_REVIEW.name(), "round", a.getReviewRound(), "chain", chain,
						"contentHash", a.getContentHash(), "lexiconVersion", lexiconVersion));
		return state(a, account);
	}

	public ReviewState review(Caller caller, long articleId) {
		Article a = this.articles.visible(caller, articleId);
		return state(a, this.articles.accountOf(a));
	}

	/**
	 * Records one reviewer's decision on the content they saw ({@code contentHash}).
	 * @param approve true to approve, false to reject (a comment is then required)
	 */
	@Transactional
	public ReviewState decide(Caller caller, long articleId, boolean approve, String comment, String contentHash) {
		Article a = this.articles.visible(caller, articleId);
		DecisionInput.check(approve, comment, contentHash, "the editor can fix it");
		if (ArticleStatus.of(a) != ArticleStatus.IN_REVIEW) {
			throw Problem.NOT_IN_REVIEW.exception("The article is " + a.getStatus(),
					"Only a submitted article awaiting review can be approved or rejected.");
		}
		if (!contentHash.equals(a.getSubmittedHash()) || !contentHash.equals(a.getContentHash())) {
			throw Problem.STALE_CONTENT.exception("The content changed",
					"The article is not the content you reviewed (hash " + contentHash
							+ "). Load it again and review what is there now.");
		}
		Account account = this.articles.accountOf(a);
		List<ReviewLevel> chain = chainOf(a, account);
		List<ReviewDecision> round = this.decisions.findByRound(articleId, a.getReviewRound());
		int next = (int) round.stream().filter((d) -> Verdict.APPROVED.name().equals(d.getDecision())).count();
		if (next >= chain.size()) {
			throw Problem.CHAIN_COMPLETE.exception("Every level of this review has decided",
					"Load the review again to see its outcome.");
		}
		ReviewLevel level = chain.get(next);
		Role needed = Role.valueOf(level.name());
		boolean departmental = level == ReviewLevel.DEPT_REVIEWER;
		if (!(departmental ? caller.can(a.getAccountId(), a.getDepartmentId(), needed)
				: caller.can(a.getAccountId(), needed))) {
			throw ApiException
				.forbidden("The article awaits " + level + (departmental ? " of department " + a.getDepartmentId() : "")
						+ " on this account; your grants do not include that.");
		}
		if (this.articles.isAnAuthor(articleId, caller.personId(), a.getCreatedBy())) {
			throw Problem.OWN_ARTICLE.exception("You wrote this article",
					"Nobody reviews an article they wrote or edited; another reviewer must decide.");
		}
		if (round.stream().anyMatch((d) -> d.getReviewerId() == caller.personId())) {
			throw Problem.SECOND_LEVEL.exception("You already decided at another level",
					"The same person may not review one article at two levels; another reviewer must decide.");
		}
		ReviewDecision d = new ReviewDecision();
		d.setArticleId(articleId);
		d.setReviewRound(a.getReviewRound());
		d.setLevelIndex(next);
		d.setLevel(level.name());
		d.setDecision(Verdict.of(approve).name());
		d.setContentHash(contentHash);
		d.setReviewerId(caller.personId());
		d.setComment((comment != null) ? comment.trim() : null);
		d.setDecidedAt(this.articles.now());
		try {
			this.decisions.insert(d);
		}
		catch (DuplicateKeyException ex) {
			throw Problem.ALREADY_DECIDED.exception("Someone decided this level a moment ago",
					"Load the review again to see the decision.");
		}
		boolean last = approve && next == chain.size() - 1;
		if (!approve) {
			a.moveTo(ArticleStatus.REJECTED);
		}
		else if (last) {
			a.moveTo(ArticleStatus.APPROVED);
		}
		this.articles.save(a);
		this.audit.record(caller, approve ? "REVIEW_APPROVED" : "REVIEW_REJECTED", "ARTICLE", articleId,
				a.getAccountId(), null, Map.of("round", d.getReviewRound(), "level", level.name(), "contentHash",
						contentHash, "comment", (d.getComment() != null) ? d.getComment() : ""));
		if (last) {
			this.queue.enqueue(caller, a);
		}
		return state(a, account);
	}

	/** Articles whose next level the caller may decide, oldest submission first. */
	public List<Pending> pending(Caller caller) {
		Optional<Set<Long>> scope = caller.accountScope(REVIEWERS);
		List<Article> inReview = this.articleRows.selectList(Wrappers.<Article>lambdaQuery()
			.eq(Article::getStatus, ArticleStatus.IN_REVIEW.name())
			.in(scope.isPresent(), Article::getAccountId,
					scope.map((ids) -> ids.isEmpty() ? Set.of(-1L) : ids).orElse(Set.of()))
			.orderByAsc(Article::getSubmittedAt)
			.last("LIMIT 1000"));
		List<Pending> mine = new ArrayList<>();
		for (Article a : inReview) {
			Account account = this.articles.accountOf(a);
			List<ReviewLevel> chain = chainOf(a, account);
			List<ReviewDecision> round = this.decisions.findByRound(a.getId(), a.getReviewRound());
			int next = (int) round.stream().filter((d) -> Verdict.APPROVED.name().equals(d.getDecision())).count();
			if (next >= chain.size()) {
				continue;
			}
			ReviewLevel level = chain.get(next);
			Role needed = Role.valueOf(level.name());
			boolean may = (level == ReviewLevel.DEPT_REVIEWER)
					? caller.can(a.getAccountId(), a.getDepartmentId(), needed) : caller.can(a.getAccountId(), needed);
			if (may && round.stream().noneMatch((d) -> d.getReviewerId() == caller.personId())
					&& !this.articles.isAnAuthor(a.getId(), caller.personId(), a.getCreatedBy())) {
				mine.add(new Pending(a.getId(), a.getAccountId(), a.getDepartmentId(), a.getTitle(),
						Sensitivity.valueOf(a.getSensitivity()), level, a.getContentHash(), a.getSubmittedAt()));
			}
		}
		return mine;
	}

	private ReviewState state(Article a, Account account) {
		List<ReviewLevel> chain = chainOf(a, account);
		List<ReviewDecision> all = this.decisions.findByArticle(a.getId());
		List<Step> steps = new ArrayList<>();
		for (int i = 0; i < chain.size(); i++) {
			int index = i;
			Optional<ReviewDecision> d = all.stream()
				.filter((x) -> x.getReviewRound() == a.getReviewRound() && x.getLevelIndex() == index)
				.findFirst();
			steps.add(new Step(i, chain.get(i), d.map(ReviewDecision::getDecision).orElse(null),
					d.map(ReviewDecision::getReviewerId).orElse(null), d.map(ReviewDecision::getComment).orElse(null),
					d.map(ReviewDecision::getDecidedAt).orElse(null)));
		}
		return new ReviewState(a.getId(), ArticleStatus.valueOf(a.getStatus()), a.getReviewRound(),
				a.getSubmittedHash(), steps, all);
	}

	/**
	 * The levels the article's current submission needs: those fixed when it was
	 * submitted; before its first submission, what the account's policy says now.
	 */
	List<ReviewLevel> chainOf(Article a, Account account) {
		String stored = (a.getReviewRound() > 0) ? this.chains.levels(a.getId(), a.getReviewRound()) : null;
		return (stored != null) ? Levels.parse(stored) : policyChain(a, account);
	}

	static List<ReviewLevel> policyChain(Article a, Account account) {
		return ReviewPolicy.parse(account.getReviewPolicy()).levelsFor(Sensitivity.valueOf(a.getSensitivity()));
	}

}
