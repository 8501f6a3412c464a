package io.wxops.admin.menu;

import java.time.Instant;

import com.baomidou.mybatisplus.annotation.TableName;

/**
 * Row of {@code acc_content_set}: an account's working menu or reply-rule set and its
 * review.
 */
@TableName("acc_content_set")
public class ContentSet {

	private Long accountId;

	private String kind;

	private String document;

	private String contentHash;

	private Integer contentVersion;

	private String status;

	private Integer reviewRound;

	private String levels;

	private String submittedHash;

	private Long submittedBy;

	private Instant submittedAt;

	private String approvedHash;

	private String approvedDocument;

	private Long updatedBy;

	private Instant updatedAt;

	private Integer version;

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

	public String getDocument() {
		return this.document;
	}

	public void setDocument(String document) {
		this.document = document;
	}

	public String getContentHash() {
		return this.contentHash;
	}

	public void setContentHash(String contentHash) {
		this.contentHash = contentHash;
	}

	public Integer getContentVersion() {
		return this.contentVersion;
	}

	public void setContentVersion(Integer contentVersion) {
		this.contentVersion = contentVersion;
	}

	public String getStatus() {
		return this.status;
	}

	public void setStatus(String status) {
		this.status = status;
	}

	public Integer getReviewRound() {
		return this.reviewRound;
	}

	public void setReviewRound(Integer reviewRound) {
		this.reviewRound = reviewRound;
	}

	public String getLevels() {
		return this.levels;
	}

	public void setLevels(String levels) {
		this.levels = levels;
	}

	public String getSubmittedHash() {
		return this.submittedHash;
	}

	public void setSubmittedHash(String submittedHash) {
		this.submittedHash = submittedHash;
	}

	public Long getSubmittedBy() {
		return this.submittedBy;
	}

	public void setSubmittedBy(Long submittedBy) {
		this.submittedBy = submittedBy;
	}

	public Instant getSubmittedAt() {
		return this.submittedAt;
	}

	public void setSubmittedAt(Instant submittedAt) {
		this.submittedAt = submittedAt;
	}

	public String getApprovedHash() {
		return this.approvedHash;
	}

	public void setApprovedHash(String approvedHash) {
		this.approvedHash = approvedHash;
	}

	public String getApprovedDocument() {
		return this.approvedDocument;
	}

	public void setApprovedDocument(String approvedDocument) {
		this.approvedDocument = approvedDocument;
	}

	public Long getUpdatedBy() {
		return this.updatedBy;
	}

	public void setUpdatedBy(Long updatedBy) {
		this.updatedBy = updatedBy;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

	public void setUpdatedAt(Instant updatedAt) {
		this.updatedAt = updatedAt;
	}

	public Integer getVersion() {
		return this.version;
	}

	public void setVersion(Integer version) {
		this.version = version;
	}

}
