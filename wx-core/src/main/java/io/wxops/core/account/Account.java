package io.wxops.core.account;

import java.time.Instant;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

/** Row of {@code wx_account}; secrets only in their encrypted form. */
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

}
