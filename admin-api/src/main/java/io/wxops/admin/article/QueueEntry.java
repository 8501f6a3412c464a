package io.wxops.admin.article;

import java.time.Instant;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

/**
 * Row of {@code art_queue_entry}: an approved article waiting in its account's publishing
 * queue.
 */
@TableName("art_queue_entry")
public class QueueEntry {

	@TableId(type = IdType.AUTO)
	private Long id;

	private Long accountId;

	private Long articleId;

	private Integer reviewRound;

	private String approvedHash;

	private Long position;

	private String status;

	private Instant queuedAt;

	private Instant closedAt;

	private Long closedBy;

	private String closeReason;

	public Long getId() {
		return this.id;
	}

	public void setId(Long id) {
		this.id = id;
	}

	public Long getAccountId() {
		return this.accountId;
	}

	public void setAccountId(Long accountId) {
		this.accountId = accountId;
	}

	public Long getArticleId() {
		return this.articleId;
	}

	public void setArticleId(Long articleId) {
		this.articleId = articleId;
	}

	public Integer getReviewRound() {
		return this.reviewRound;
	}

	public void setReviewRound(Integer reviewRound) {
		this.reviewRound = reviewRound;
	}

	public String getApprovedHash() {
		return this.approvedHash;
	}

	public void setApprovedHash(String approvedHash) {
		this.approvedHash = approvedHash;
	}

	public Long getPosition() {
		return this.position;
	}

	public void setPosition(Long position) {
		this.position = position;
	}

	public String getStatus() {
		return this.status;
	}

	public void setStatus(String status) {
		this.status = status;
	}

	public Instant getQueuedAt() {
		return this.queuedAt;
	}

	public void setQueuedAt(Instant queuedAt) {
		this.queuedAt = queuedAt;
	}

	public Instant getClosedAt() {
		return this.closedAt;
	}

	public void setClosedAt(Instant closedAt) {
		this.closedAt = closedAt;
	}

	public Long getClosedBy() {
		return this.closedBy;
	}

	public void setClosedBy(Long closedBy) {
		this.closedBy = closedBy;
	}

	public String getCloseReason() {
		return this.closeReason;
	}

	public void setCloseReason(String closeReason) {
		this.closeReason = closeReason;
	}

}
