package io.wxops.admin.review;

import java.time.Instant;

/**
 * What a decision at one level of a review chain holds, whatever is reviewed (an
 * article's round or a mass send): the level, the decision, the content hash the reviewer
 * saw, who and when.
 */
public abstract class LevelDecision {

	private Integer levelIndex;

	private String level;

	private String decision;

	private String contentHash;

	private Long reviewerId;

	private String comment;

	private Instant decidedAt;

	public Integer getLevelIndex() {
		return this.levelIndex;
	}

	public void setLevelIndex(Integer levelIndex) {
		this.levelIndex = levelIndex;
	}

	public String getLevel() {
		return this.level;
	}

	public void setLevel(String level) {
		this.level = level;
	}

	public String getDecision() {
		return this.decision;
	}

	public void setDecision(String decision) {
		this.decision = decision;
	}

	public String getContentHash() {
		return this.contentHash;
	}

	public void setContentHash(String contentHash) {
		this.contentHash = contentHash;
	}

	public Long getReviewerId() {
		return this.reviewerId;
	}

	public void setReviewerId(Long reviewerId) {
		this.reviewerId = reviewerId;
	}

	public String getComment() {
		return this.comment;
	}

	public void setComment(String comment) {
		this.comment = comment;
	}

	public Instant getDecidedAt() {
		return this.decidedAt;
	}

	public void setDecidedAt(Instant decidedAt) {
		this.decidedAt = decidedAt;
	}

}
