package io.wxops.admin.article;

import java.time.Instant;
import java.util.List;

import com.baomidou.mybatisplus.core.toolkit.Wrappers;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The article module's answer to "these articles went out": what a mass send tells it
 * once WeChat accepted the send. Sent articles never change again, and they leave the
 * publishing queue.
 */
@Service
public class ArticleSends {

	private final ArticleMapper articles;

	private final QueueEntryMapper queue;

	ArticleSends(ArticleMapper articles, QueueEntryMapper queue) {
		this.articles = articles;
		this.queue = queue;
	}

	/**
	 * Marks the articles SENT and closes their queue entries, in the caller's transaction
	 * (the one that records the send as accepted, so both happen or neither).
	 * @param sendId the mass send that carried them, named as the queue's close reason
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void sentBy(long sendId, List<Long> articleIds, Instant at) {
		for (long articleId : articleIds) {
			this.articles.update(null,
					Wrappers.<Article>lambdaUpdate()
						.eq(Article::getId, articleId)
						.set(Article::getStatus, ArticleStatus.SENT.name())
						.setSql("version = version + 1"));
			this.queue.update(null,
					Wrappers.<QueueEntry>lambdaUpdate()
						.eq(QueueEntry::getArticleId, articleId)
						.eq(QueueEntry::getStatus, "QUEUED")
						.set(QueueEntry::getStatus, "SENT")
						.set(QueueEntry::getClosedAt, at)
						.set(QueueEntry::getCloseReason, "mass send " + sendId));
		}
	}

}
