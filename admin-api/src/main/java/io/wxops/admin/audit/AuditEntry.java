package io.wxops.admin.audit;

import java.time.Instant;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableField;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import io.wxops.core.db.UtcInstantTypeHandler;

/** Row of {@code adm_audit_entry}. */
@TableName(value = "adm_audit_entry", autoResultMap = true)
public class AuditEntry {

	@TableId(type = IdType.INPUT)
	private Long seq;

	// The entry's hash covers its time to the millisecond: what is read must be what was
	// written.
	@TableField(typeHandler = UtcInstantTypeHandler.class)
	private Instant occurredAt;

	private Long personId;

	private String username;

	private String roles;

	private String clientIp;

	private String action;

	private String targetType;

	private String targetId;

	private Long accountId;

	private String beforeState;

	private String afterState;

	private String prevHash;

	private String hash;

	private String keyId;

	public Long getSeq() {
		return this.seq;
	}

	public void setSeq(Long seq) {
		this.seq = seq;
	}

	public Instant getOccurredAt() {
		return this.occurredAt;
	}

	public void setOccurredAt(Instant occurredAt) {
		this.occurredAt = occurredAt;
	}

	public Long getPersonId() {
		return this.personId;
	}

	public void setPersonId(Long personId) {
		this.personId = personId;
	}

	public String getUsername() {
		return this.username;
	}

	public void setUsername(String username) {
		this.username = username;
	}

	public String getRoles() {
		return this.roles;
	}

	public void setRoles(String roles) {
		this.roles = roles;
	}

	public String getClientIp() {
		return this.clientIp;
	}

	public void setClientIp(String clientIp) {
		this.clientIp = clientIp;
	}

	public String getAction() {
		return this.action;
	}

	public void setAction(String action) {
		this.action = action;
	}

	public String getTargetType() {
		return this.targetType;
	}

	public void setTargetType(String targetType) {
		this.targetType = targetType;
	}

	public String getTargetId() {
		return this.targetId;
	}

	public void setTargetId(String targetId) {
		this.targetId = targetId;
	}

	public Long getAccountId() {
		return this.accountId;
	}

	public void setAccountId(Long accountId) {
		this.accountId = accountId;
	}

	public String getBeforeState() {
		return this.beforeState;
	}

	public void setBeforeState(String beforeState) {
		this.beforeState = beforeState;
	}

	public String getAfterState() {
		return this.afterState;
	}

	public void setAfterState(String afterState) {
		this.afterState = afterState;
	}

	public String getPrevHash() {
		return this.prevHash;
	}

	public void setPrevHash(String prevHash) {
		this.prevHash = prevHash;
	}

	public String getHash() {
		return this.hash;
	}

	public void setHash(String hash) {
		this.hash = hash;
	}

	/** The id of the HMAC key of {@link #getHash()}; null for a plain SHA-256 entry. */
	public String getKeyId() {
		return this.keyId;
	}

	public void setKeyId(String keyId) {
		this.keyId = keyId;
	}

}
