package io.wxops.admin.article;

import java.time.Instant;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import com.baomidou.mybatisplus.annotation.Version;
import io.wxops.admin.screening.ScreenedArticle;

/**
 * Row of {@code art_article}: the current content of an article and where it is in
 * review.
 */
@TableName("art_article")
public class Article implements ScreenedArticle {

	@TableId(type = IdType.AUTO)
	private Long id;

	private Long accountId;

	private Long departmentId;

	private Long createdBy;

	private String title;

	private String author;

	private String digest;

	private String body;

	private String source;

	private String sensitivity;

	private Long coverImageId;

	private String status;

	private Integer contentVersion;

	private String contentHash;

	private Integer reviewRound;

	private String submittedHash;

	private Instant submittedAt;

	/** Optimistic lock: each update of the row checks and increments it. */
	@Version
	private Integer version;

	private Instant createdAt;

	private Instant updatedAt;

	/**
	 * Moves the article to {@code next}.
	 * @throws IllegalStateException when its state does not allow that move (callers
	 * check first and answer the person; this guards the rule itself)
	 */
	public void moveTo(ArticleStatus next) {
		ArticleStatus from = ArticleStatus.of(this);
		if (!from.canBecome(next)) {
			throw new IllegalStateException("An article " + from + " cannot become " + next);
		}
		this.status = next.name();
	}

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

	public Long getDepartmentId() {
		return this.departmentId;
	}

	public void setDepartmentId(Long departmentId) {
		this.departmentId = departmentId;
	}

	public Long getCreatedBy() {
		return this.createdBy;
	}

	public void setCreatedBy(Long createdBy) {
		this.createdBy = createdBy;
	}

	public String getTitle() {
		return this.title;
	}

	public void setTitle(String title) {
		this.title = title;
	}

	public String getAuthor() {
		return this.author;
	}

	public void setAuthor(String author) {
		this.author = author;
	}

	public String getDigest() {
		return this.digest;
	}

	public void setDigest(String digest) {
		this.digest = digest;
	}

	public String getBody() {
		return this.body;
	}

	public void setBody(String body) {
		this.body = body;
	}

	public String getSource() {
		return this.source;
	}

	public void setSource(String source) {
		this.source = source;
	}

	public String getSensitivity() {
		return this.sensitivity;
	}

	public void setSensitivity(String sensitivity) {
		this.sensitivity = sensitivity;
	}

	public Long getCoverImageId() {
		return this.coverImageId;
	}

	public void setCoverImageId(Long coverImageId) {
		this.coverImageId = coverImageId;
	}

	public String getStatus() {
		return this.status;
	}

	public void setStatus(String status) {
		this.status = status;
	}

	public Integer getContentVersion() {
		return this.contentVersion;
	}

	public void setContentVersion(Integer contentVersion) {
		this.contentVersion = contentVersion;
	}

	public String getContentHash() {
		return this.contentHash;
	}

	public void setContentHash(String contentHash) {
		this.contentHash = contentHash;
	}

	public Integer getReviewRound() {
		return this.reviewRound;
	}

	public void setReviewRound(Integer reviewRound) {
		this.reviewRound = reviewRound;
	}

	public String getSubmittedHash() {
		return this.submittedHash;
	}

	public void setSubmittedHash(String submittedHash) {
		this.submittedHash = submittedHash;
	}

	public Instant getSubmittedAt() {
		return this.submittedAt;
	}

	public void setSubmittedAt(Instant submittedAt) {
		this.submittedAt = submittedAt;
	}

	public Integer getVersion() {
		return this.version;
	}

	public void setVersion(Integer version) {
		this.version = version;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public void setCreatedAt(Instant createdAt) {
		this.createdAt = createdAt;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

	public void setUpdatedAt(Instant updatedAt) {
		this.updatedAt = updatedAt;
	}

}
