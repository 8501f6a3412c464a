package io.wxops.admin.article;

import java.time.Instant;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

/** Row of {@code art_image}: an image checked and uploaded to WeChat. */
@TableName("art_image")
public class ArticleImage {

	@TableId(type = IdType.AUTO)
	private Long id;

	private Long articleId;

	private String kind;

	private String filename;

	private String contentType;

	private Integer sizeBytes;

	private String sha256;

	private String wechatMediaId;

	private String wechatUrl;

	private Long uploadedBy;

	private Instant uploadedAt;

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

	public String getKind() {
		return this.kind;
	}

	public void setKind(String kind) {
		this.kind = kind;
	}

	public String getFilename() {
		return this.filename;
	}

	public void setFilename(String filename) {
		this.filename = filename;
	}

	public String getContentType() {
		return this.contentType;
	}

	public void setContentType(String contentType) {
		this.contentType = contentType;
	}

	public Integer getSizeBytes() {
		return this.sizeBytes;
	}

	public void setSizeBytes(Integer sizeBytes) {
		this.sizeBytes = sizeBytes;
	}

	public String getSha256() {
		return this.sha256;
	}

	public void setSha256(String sha256) {
		this.sha256 = sha256;
	}

	public String getWechatMediaId() {
		return this.wechatMediaId;
	}

	public void setWechatMediaId(String wechatMediaId) {
		this.wechatMediaId = wechatMediaId;
	}

	public String getWechatUrl() {
		return this.wechatUrl;
	}

	public void setWechatUrl(String wechatUrl) {
		this.wechatUrl = wechatUrl;
	}

	public Long getUploadedBy() {
		return this.uploadedBy;
	}

	public void setUploadedBy(Long uploadedBy) {
		this.uploadedBy = uploadedBy;
	}

	public Instant getUploadedAt() {
		return this.uploadedAt;
	}

	public void setUploadedAt(Instant uploadedAt) {
		this.uploadedAt = uploadedAt;
	}

}
