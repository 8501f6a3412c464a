package io.wxops.core.account;

import java.time.Instant;
import java.time.LocalDate;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

/**
 * Row of {@code wx_account}: what the gateway needs to serve callbacks and the registry
 * (登记表) details; secrets only in their encrypted form.
 */
@TableName("wx_account")
public class Account {

	@TableId(type = IdType.AUTO)
	private Long id;

	private String appId;

	private String originalId;

	private String name;

	private AccountType accountType;

	private MessageMode messageMode;

	private AccountStatus status;

	private String tokenEnc;

	private String aesKeyEnc;

	private String previousAesKeyEnc;

	private String appSecretEnc;

	private Instant secretsUpdatedAt;

	private Integer version;

	private Instant createdAt;

	private Instant updatedAt;

	private Long owningDepartmentId;

	private String wechatId;

	private Boolean verified;

	private LocalDate verifiedOn;

	private String responsibleName;

	private String responsibleOfficePhone;

	private String responsibleMobile;

	private String responsibleEmail;

	private String responsibleWechatId;

	private String adminName;

	private String adminOfficePhone;

	private String adminMobile;

	private String adminEmail;

	private String adminWechatId;

	private String timeZone;

	private Integer maxChars;

	private String reviewPolicy;

	private Boolean marketingForbidden;

	private Boolean selfConfirmAllowed;

	private String ackText;

	private Long centralOfficeDepartmentId;

	private Boolean routedAckOnly;

	private String statusReason;

	private Instant statusChangedAt;

	private Instant appSecretSetAt;

	private Instant tokenSetAt;

	private Instant aesKeySetAt;

	public Long getId() {
		return this.id;
	}

	public void setId(Long id) {
		this.id = id;
	}

	public String getAppId() {
		return this.appId;
	}

	public void setAppId(String appId) {
		this.appId = appId;
	}

	public String getOriginalId() {
		return this.originalId;
	}

	public void setOriginalId(String originalId) {
		this.originalId = originalId;
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public AccountType getAccountType() {
		return this.accountType;
	}

	public void setAccountType(AccountType accountType) {
		this.accountType = accountType;
	}

	public MessageMode getMessageMode() {
		return this.messageMode;
	}

	public void setMessageMode(MessageMode messageMode) {
		this.messageMode = messageMode;
	}

	public AccountStatus getStatus() {
		return this.status;
	}

	public void setStatus(AccountStatus status) {
		this.status = status;
	}

	public String getTokenEnc() {
		return this.tokenEnc;
	}

	public void setTokenEnc(String tokenEnc) {
		this.tokenEnc = tokenEnc;
	}

	public String getAesKeyEnc() {
		return this.aesKeyEnc;
	}

	public void setAesKeyEnc(String aesKeyEnc) {
		this.aesKeyEnc = aesKeyEnc;
	}

	public String getPreviousAesKeyEnc() {
		return this.previousAesKeyEnc;
	}

	public void setPreviousAesKeyEnc(String previousAesKeyEnc) {
		this.previousAesKeyEnc = previousAesKeyEnc;
	}

	public String getAppSecretEnc() {
		return this.appSecretEnc;
	}

	public void setAppSecretEnc(String appSecretEnc) {
		this.appSecretEnc = appSecretEnc;
	}

	public Instant getSecretsUpdatedAt() {
		return this.secretsUpdatedAt;
	}

	public void setSecretsUpdatedAt(Instant secretsUpdatedAt) {
		this.secretsUpdatedAt = secretsUpdatedAt;
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

	@Override
	public String toString() {
		return "Account[id=" + this.id + ", appId=" + this.appId + ", name=" + this.name + ", mode=" + this.messageMode
				+ ", status=" + this.status + ", version=" + this.version + "]";
	}

	public Long getOwningDepartmentId() {
		return this.owningDepartmentId;
	}

	public void setOwningDepartmentId(Long owningDepartmentId) {
		this.owningDepartmentId = owningDepartmentId;
	}

	public String getWechatId() {
		return this.wechatId;
	}

	public void setWechatId(String wechatId) {
		this.wechatId = wechatId;
	}

	public Boolean getVerified() {
		return this.verified;
	}

	public void setVerified(Boolean verified) {
		this.verified = verified;
	}

	public LocalDate getVerifiedOn() {
		return this.verifiedOn;
	}

	public void setVerifiedOn(LocalDate verifiedOn) {
		this.verifiedOn = verifiedOn;
	}

	public String getResponsibleName() {
		return this.responsibleName;
	}

	public void setResponsibleName(String responsibleName) {
		this.responsibleName = responsibleName;
	}

	public String getResponsibleOfficePhone() {
		return this.responsibleOfficePhone;
	}

	public void setResponsibleOfficePhone(String responsibleOfficePhone) {
		this.responsibleOfficePhone = responsibleOfficePhone;
	}

	public String getResponsibleMobile() {
		return this.responsibleMobile;
	}

	public void setResponsibleMobile(String responsibleMobile) {
		this.responsibleMobile = responsibleMobile;
	}

	public String getResponsibleEmail() {
		return this.responsibleEmail;
	}

	public void setResponsibleEmail(String responsibleEmail) {
		this.responsibleEmail = responsibleEmail;
	}

	public String getResponsibleWechatId() {
		return this.responsibleWechatId;
	}

	public void setResponsibleWechatId(String responsibleWechatId) {
		this.responsibleWechatId = responsibleWechatId;
	}

	public String getAdminName() {
		return this.adminName;
	}

	public void setAdminName(String adminName) {
		this.adminName = adminName;
	}

	public String getAdminOfficePhone() {
		return this.adminOfficePhone;
	}

	public void setAdminOfficePhone(String adminOfficePhone) {
		this.adminOfficePhone = adminOfficePhone;
	}

	public String getAdminMobile() {
		return this.adminMobile;
	}

	public void setAdminMobile(String adminMobile) {
		this.adminMobile = adminMobile;
	}

	public String getAdminEmail() {
		return this.adminEmail;
	}

	public void setAdminEmail(String adminEmail) {
		this.adminEmail = adminEmail;
	}

	public String getAdminWechatId() {
		return this.adminWechatId;
	}

	public void setAdminWechatId(String adminWechatId) {
		this.adminWechatId = adminWechatId;
	}

	public String getTimeZone() {
		return this.timeZone;
	}

	public void setTimeZone(String timeZone) {
		this.timeZone = timeZone;
	}

	public Integer getMaxChars() {
		return this.maxChars;
	}

	public void setMaxChars(Integer maxChars) {
		this.maxChars = maxChars;
	}

	public String getReviewPolicy() {
		return this.reviewPolicy;
	}

	public void setReviewPolicy(String reviewPolicy) {
		this.reviewPolicy = reviewPolicy;
	}

	public Boolean getMarketingForbidden() {
		return this.marketingForbidden;
	}

	public void setMarketingForbidden(Boolean marketingForbidden) {
		this.marketingForbidden = marketingForbidden;
	}

	public String getStatusReason() {
		return this.statusReason;
	}

	public void setStatusReason(String statusReason) {
		this.statusReason = statusReason;
	}

	public Instant getStatusChangedAt() {
		return this.statusChangedAt;
	}

	public void setStatusChangedAt(Instant statusChangedAt) {
		this.statusChangedAt = statusChangedAt;
	}

	public Instant getAppSecretSetAt() {
		return this.appSecretSetAt;
	}

	public void setAppSecretSetAt(Instant appSecretSetAt) {
		this.appSecretSetAt = appSecretSetAt;
	}

	public Instant getTokenSetAt() {
		return this.tokenSetAt;
	}

	public void setTokenSetAt(Instant tokenSetAt) {
		this.tokenSetAt = tokenSetAt;
	}

	public Instant getAesKeySetAt() {
		return this.aesKeySetAt;
	}

	public void setAesKeySetAt(Instant aesKeySetAt) {
		this.aesKeySetAt = aesKeySetAt;
	}

	public Boolean getSelfConfirmAllowed() {
		return this.selfConfirmAllowed;
	}

	public void setSelfConfirmAllowed(Boolean selfConfirmAllowed) {
		this.selfConfirmAllowed = selfConfirmAllowed;
	}

	public String getAckText() {
		return this.ackText;
	}

	public void setAckText(String ackText) {
		this.ackText = ackText;
	}

	public Long getCentralOfficeDepartmentId() {
		return this.centralOfficeDepartmentId;
	}

	public void setCentralOfficeDepartmentId(Long centralOfficeDepartmentId) {
		this.centralOfficeDepartmentId = centralOfficeDepartmentId;
	}

	/**
	 * Whether a message an inbox rule routes to a category gets only the ticket's
	 * acknowledgement, not also the gateway's keyword or default reply.
	 */
	public Boolean getRoutedAckOnly() {
		return this.routedAckOnly;
	}

	public void setRoutedAckOnly(Boolean routedAckOnly) {
		this.routedAckOnly = routedAckOnly;
	}

}
