package io.wxops.core.account;

import java.time.Instant;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import com.baomidou.mybatisplus.annotation.Version;

/**
 * Row of {@code wx_account_annual_review}: the report for one November cycle and its
 * decision.
 */
@TableName("wx_account_annual_review")
public class AnnualReview {

	@TableId(type = IdType.AUTO)
	private Long id;

	private Long accountId;

	private Integer cycleYear;

	private String report;

	private Long submittedBy;

	private Instant submittedAt;

	private String result;

	private String decisionNote;

	private Long decidedBy;

	private Instant decidedAt;

	/**
	 * Checked and advanced by MyBatis-Plus's optimistic-lock interceptor on updates with
	 * this entity (admin-api registers it; nothing else updates reviews).
	 */
	@Version
	private Integer version;

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

	public Integer getCycleYear() {
		return this.cycleYear;
	}

	public void setCycleYear(Integer cycleYear) {
		this.cycleYear = cycleYear;
	}

	public String getReport() {
		return this.report;
	}

	public void setReport(String report) {
		this.report = report;
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

	public String getResult() {
		return this.result;
	}

	public void setResult(String result) {
		this.result = result;
	}

	public String getDecisionNote() {
		return this.decisionNote;
	}

	public void setDecisionNote(String decisionNote) {
		this.decisionNote = decisionNote;
	}

	public Long getDecidedBy() {
		return this.decidedBy;
	}

	public void setDecidedBy(Long decidedBy) {
		this.decidedBy = decidedBy;
	}

	public Instant getDecidedAt() {
		return this.decidedAt;
	}

	public void setDecidedAt(Instant decidedAt) {
		this.decidedAt = decidedAt;
	}

	public Integer getVersion() {
		return this.version;
	}

	public void setVersion(Integer version) {
		this.version = version;
	}

}
