package io.wxops.admin.menu;

import java.time.Instant;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

/** Row of {@code mn_menu_publish}: what wxops last did to an account's live menu. */
@TableName("mn_menu_publish")
public class MenuPublish {

	@TableId(type = IdType.INPUT)
	private Long accountId;

	private String state;

	private String contentHash;

	private String liveHash;

	private String detail;

	private Long changedBy;

	private Instant changedAt;

	private Instant publishingUntil;

	public Long getAccountId() {
		return this.accountId;
	}

	public void setAccountId(Long accountId) {
		this.accountId = accountId;
	}

	public String getState() {
		return this.state;
	}

	public void setState(String state) {
		this.state = state;
	}

	public String getContentHash() {
		return this.contentHash;
	}

	public void setContentHash(String contentHash) {
		this.contentHash = contentHash;
	}

	public String getLiveHash() {
		return this.liveHash;
	}

	public void setLiveHash(String liveHash) {
		this.liveHash = liveHash;
	}

	public String getDetail() {
		return this.detail;
	}

	public void setDetail(String detail) {
		this.detail = detail;
	}

	public Long getChangedBy() {
		return this.changedBy;
	}

	public void setChangedBy(Long changedBy) {
		this.changedBy = changedBy;
	}

	public Instant getChangedAt() {
		return this.changedAt;
	}

	public void setChangedAt(Instant changedAt) {
		this.changedAt = changedAt;
	}

	public Instant getPublishingUntil() {
		return this.publishingUntil;
	}

	public void setPublishingUntil(Instant publishingUntil) {
		this.publishingUntil = publishingUntil;
	}

}
