package io.wxops.admin.article;

import java.time.Instant;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

/** Row of {@code art_article_version}: one saved state of an article. */
@TableName("art_article_version")
public class ArticleVersion {

	@TableId(type = IdType.AUTO)
	private Long id;

	private Long articleId;

	private Integer versionNo;

	private String title;

	private String author;

	private String digest;

	private String body;

	private String source;

	private String sensitivity;

	private Long coverImageId;

	private String contentHash;

	private Long savedBy;

	private Instant savedAt;

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

	public Integer getVersionNo() {
		return this.versionNo;
	}

	public void setVersionNo(Integer versionNo) {
		this.versionNo = versionNo;
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

	public String getContentHash() {
		return this.contentHash;
	}

	public void setContentHash(String contentHash) {
		this.contentHash = contentHash;
	}

	public Long getSavedBy() {
		return this.savedBy;
	}

	public void setSavedBy(Long savedBy) {
		this.savedBy = savedBy;
	}

	public Instant getSavedAt() {
		return this.savedAt;
	}

	public void setSavedAt(Instant savedAt) {
		this.savedAt = savedAt;
	}

}
