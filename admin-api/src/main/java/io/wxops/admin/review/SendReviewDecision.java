package io.wxops.admin.review;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

/**
 * Row of {@code ms_send_review_decision}: one reviewer's decision at one level of a send.
 */
@TableName("ms_send_review_decision")
public class SendReviewDecision extends LevelDecision {

	@TableId(type = IdType.AUTO)
	private Long id;

	private Long sendId;

	public Long getId() {
		return this.id;
	}

	public void setId(Long id) {
		this.id = id;
	}

	public Long getSendId() {
		return this.sendId;
	}

	public void setSendId(Long sendId) {
		this.sendId = sendId;
	}

}
