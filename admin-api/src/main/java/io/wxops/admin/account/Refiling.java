package io.wxops.admin.account;

import java.time.Instant;
import java.time.LocalDate;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

/**
 * Row of {@code wx_account_refiling}: a change of responsible person or administrator,
 * re-filed.
 */
@TableName("wx_account_refiling")
public class Refiling {

	@TableId(type = IdType.AUTO)
	private Long id;

	private Long accountId;

	private String contact;

	private String beforeState;

	private String afterState;

	private LocalDate filedOn;

	private Long personId;

	private Instant recordedAt;

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

	public String getContact() {
		return this.contact;
	}

	public void setContact(String contact) {
		this.contact = contact;
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

	public LocalDate getFiledOn() {
		return this.filedOn;
	}

	public void setFiledOn(LocalDate filedOn) {
		this.filedOn = filedOn;
	}

	public Long getPersonId() {
		return this.personId;
	}

	public void setPersonId(Long personId) {
		this.personId = personId;
	}

	public Instant getRecordedAt() {
		return this.recordedAt;
	}

	public void setRecordedAt(Instant recordedAt) {
		this.recordedAt = recordedAt;
	}

}
