package io.wxops.admin.masssend;

import java.time.Instant;
import java.time.LocalDate;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import com.baomidou.mybatisplus.annotation.Version;

/** Row of {@code ms_send}: one mass send from composition to WeChat's result. */
@TableName("ms_send")
public class MassSend {

	@TableId(type = IdType.AUTO)
	private Long id;

	private Long accountId;

	private SendKind kind;

	private String textContent;

	private String imageMediaId;

	private Audience audience;

	private Long tagId;

	private String openids;

	private Boolean sendIgnoreReprint;

	private Instant slotAt;

	private LocalDate localDay;

	private Integer monthSlot;

	private SendStatus status;

	private String contentHash;

	private String draftMediaId;

	private String previewHash;

	private Long previewedBy;

	private Instant previewedAt;

	private Long confirmedBy;

	private Instant confirmedAt;

	private String clientMsgId;

	private Long msgId;

	private Long msgDataId;

	private Integer attempts;

	private Instant sendingSince;

	private Integer errorCode;

	private String errorMessage;

	private String wechatStatus;

	private Integer totalCount;

	private Integer filterCount;

	private Integer sentCount;

	private Integer errorCount;

	private String copyrightResult;

	private Instant acceptedAt;

	private Instant finishedAt;

	private Long composedBy;

	/** Checked and bumped by every operator's change (optimistic locking). */
	@Version
	private Integer version;

	private Instant createdAt;

	private Instant updatedAt;

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

	public SendKind getKind() {
		return this.kind;
	}

	public void setKind(SendKind kind) {
		this.kind = kind;
	}

	public String getTextContent() {
		return this.textContent;
	}

	public void setTextContent(String textContent) {
		this.textContent = textContent;
	}

	public String getImageMediaId() {
		return this.imageMediaId;
	}

	public void setImageMediaId(String imageMediaId) {
		this.imageMediaId = imageMediaId;
	}

	public Audience getAudience() {
		return this.audience;
	}

	public void setAudience(Audience audience) {
		this.audience = audience;
	}

	public Long getTagId() {
		return this.tagId;
	}

	public void setTagId(Long tagId) {
		this.tagId = tagId;
	}

	public String getOpenids() {
		return this.openids;
	}

	public void setOpenids(String openids) {
		this.openids = openids;
	}

	public Boolean getSendIgnoreReprint() {
		return this.sendIgnoreReprint;
	}

	public void setSendIgnoreReprint(Boolean sendIgnoreReprint) {
		this.sendIgnoreReprint = sendIgnoreReprint;
	}

	public Instant getSlotAt() {
		return this.slotAt;
	}

	public void setSlotAt(Instant slotAt) {
		this.slotAt = slotAt;
	}

	public LocalDate getLocalDay() {
		return this.localDay;
	}

	public void setLocalDay(LocalDate localDay) {
		this.localDay = localDay;
	}

	public Integer getMonthSlot() {
		return this.monthSlot;
	}

	public void setMonthSlot(Integer monthSlot) {
		this.monthSlot = monthSlot;
	}

	public SendStatus getStatus() {
		return this.status;
	}

	public void setStatus(SendStatus status) {
		this.status = status;
	}

	public String getContentHash() {
		return this.contentHash;
	}

	public void setContentHash(String contentHash) {
		this.contentHash = contentHash;
	}

	public String getDraftMediaId() {
		return this.draftMediaId;
	}

	public void setDraftMediaId(String draftMediaId) {
		this.draftMediaId = draftMediaId;
	}

	public String getPreviewHash() {
		return this.previewHash;
	}

	public void setPreviewHash(String previewHash) {
		this.previewHash = previewHash;
	}

	public Long getPreviewedBy() {
		return this.previewedBy;
	}

	public void setPreviewedBy(Long previewedBy) {
		this.previewedBy = previewedBy;
	}

	public Instant getPreviewedAt() {
		return this.previewedAt;
	}

	public void setPreviewedAt(Instant previewedAt) {
		this.previewedAt = previewedAt;
	}

	public Long getConfirmedBy() {
		return this.confirmedBy;
	}

	public void setConfirmedBy(Long confirmedBy) {
		this.confirmedBy = confirmedBy;
	}

	public Instant getConfirmedAt() {
		return this.confirmedAt;
	}

	public void setConfirmedAt(Instant confirmedAt) {
		this.confirmedAt = confirmedAt;
	}

	public String getClientMsgId() {
		return this.clientMsgId;
	}

	public void setClientMsgId(String clientMsgId) {
		this.clientMsgId = clientMsgId;
	}

	public Long getMsgId() {
		return this.msgId;
	}

	public void setMsgId(Long msgId) {
		this.msgId = msgId;
	}

	public Long getMsgDataId() {
		return this.msgDataId;
	}

	public void setMsgDataId(Long msgDataId) {
		this.msgDataId = msgDataId;
	}

	public Integer getAttempts() {
		return this.attempts;
	}

	public void setAttempts(Integer attempts) {
		this.attempts = attempts;
	}

	public Instant getSendingSince() {
		return this.sendingSince;
	}

	public void setSendingSince(Instant sendingSince) {
		this.sendingSince = sendingSince;
	}

	public Integer getErrorCode() {
		return this.errorCode;
	}

	public void setErrorCode(Integer errorCode) {
		this.errorCode = errorCode;
	}

	public String getErrorMessage() {
		return this.errorMessage;
	}

	public void setErrorMessage(String errorMessage) {
		this.errorMessage = errorMessage;
	}

	public String getWechatStatus() {
		return this.wechatStatus;
	}

	public void setWechatStatus(String wechatStatus) {
		this.wechatStatus = wechatStatus;
	}

	public Integer getTotalCount() {
		return this.totalCount;
	}

	public void setTotalCount(Integer totalCount) {
		this.totalCount = totalCount;
	}

	public Integer getFilterCount() {
		return this.filterCount;
	}

	public void setFilterCount(Integer filterCount) {
		this.filterCount = filterCount;
	}

	public Integer getSentCount() {
		return this.sentCount;
	}

	public void setSentCount(Integer sentCount) {
		this.sentCount = sentCount;
	}

	public Integer getErrorCount() {
		return this.errorCount;
	}

	public void setErrorCount(Integer errorCount) {
		this.errorCount = errorCount;
	}

	public String getCopyrightResult() {
		return this.copyrightResult;
	}

	public void setCopyrightResult(String copyrightResult) {
		this.copyrightResult = copyrightResult;
	}

	public Instant getAcceptedAt() {
		return this.acceptedAt;
	}

	public void setAcceptedAt(Instant acceptedAt) {
		this.acceptedAt = acceptedAt;
	}

	public Instant getFinishedAt() {
		return this.finishedAt;
	}

	public void setFinishedAt(Instant finishedAt) {
		this.finishedAt = finishedAt;
	}

	public Long getComposedBy() {
		return this.composedBy;
	}

	public void setComposedBy(Long composedBy) {
		this.composedBy = composedBy;
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
