package io.wxops.admin.review;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

/**
 * Row of {@code art_review_decision}: one reviewer's decision at one level of one round.
 */
@TableName("art_review_decision")
public class ReviewDecision extends LevelDecision {

	@TableId(type = IdType.AUTO)
	private Long id;

	private Long articleId;

	private Integer reviewRound;

	public Long getId() {
		return this.id;
	}

	public void setId(Long id) {
		this.id = id;
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

}
