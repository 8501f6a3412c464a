package io.wxops.admin.article;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.baomidou.mybatisplus.core.toolkit.Wrappers;
import io.wxops.admin.account.AccountAccess;
import io.wxops.admin.article.ArticleViews.ArticleView;
import io.wxops.admin.article.ArticleViews.QueueItem;
import io.wxops.admin.audit.AuditTrail;
import io.wxops.admin.security.Caller;
import io.wxops.admin.security.Role;
import io.wxops.admin.web.ApiException;
import io.wxops.admin.web.Problem;
import io.wxops.core.account.Sensitivity;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each account's publishing queue of approved articles: an article joins it when its
 * review chain completes, a publisher may reorder it or withdraw an article from it, and
 * an edit after approval voids the article's entry.
 */
@Service
public class PublishingQueue {

	private final ArticleService articles;

	private final ArticleMapper rows;

	private final QueueEntryMapper queue;

	private final AccountAccess accountAccess;

	private final AuditTrail audit;

	PublishingQueue(ArticleService articles, ArticleMapper rows, QueueEntryMapper queue, AccountAccess accountAccess,
			AuditTrail audit) {
		this.articles = articles;
		this.rows = rows;
		this.queue = queue;
		this.accountAccess = accountAccess;
		this.audit = audit;
	}

	public List<QueueItem> queue(Caller caller, long accountId) {
		this.accountAccess.visible(caller, accountId);
		return this.queue.queued(accountId).stream().map((q) -> {
			Article a = this.rows.selectById(q.getArticleId());
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
		q.setQueuedAt(this.articles.now());
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
		Article a = this.articles.visible(caller, id);
		caller.require(a.getAccountId(), Role.PUBLISHER);
		QueueEntry entry = this.queue.queuedFor(id);
		if (entry == null) {
			throw Problem.NOT_QUEUED.exception("The article is not in the queue",
					"Only an approved article waiting in the publishing queue can be withdrawn.");
		}
		closeEntry(caller, entry, QueueStatus.WITHDRAWN, reason.trim());
		a.moveTo(ArticleStatus.WITHDRAWN);
		this.articles.save(a);
		this.audit.record(caller, "ARTICLE_WITHDRAWN", "ARTICLE", id, a.getAccountId(),
				Map.of("status", ArticleStatus.APPROVED.name(), "position", entry.getPosition()),
				Map.of("status", ArticleStatus.WITHDRAWN.name(), "reason", reason.trim()));
		return this.articles.view(a);
	}

	/**
	 * Closes the article's queue entry, if it has one, because its approval was voided.
	 */
	void voidEntry(Caller caller, Article a, String reason) {
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
					.set(QueueEntry::getClosedAt, this.articles.now())
					.set(QueueEntry::getClosedBy, caller.personId())
					.set(QueueEntry::getCloseReason, reason));
		if (updated != 1) {
			throw ApiException.staleVersion("queue");
		}
	}

}
