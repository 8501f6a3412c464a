package io.wxops.admin.menu;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import io.wxops.admin.review.LevelDecision;

/**
 * Row of {@code acc_content_set_decision}: one reviewer's decision at one level of a
 * round.
 */
@TableName("acc_content_set_decision")
public class ContentSetDecision extends LevelDecision {

	@TableId(type = IdType.AUTO)
	private Long id;

	private Long accountId;

	private String kind;

	private Integer reviewRound;

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

	public String getKind() {
		return this.kind;
	}

	public void setKind(String kind) {
		this.kind = kind;
	}

	public Integer getReviewRound() {
		return this.reviewRound;
	}

	public void setReviewRound(Integer reviewRound) {
		this.reviewRound = reviewRound;
	}

}
