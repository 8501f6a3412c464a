package io.wxops.admin.review;

import java.time.Instant;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

/**
 * Row of {@code ms_send_review}: the review of one TEXT or IMAGE send, its levels fixed
 * when it was composed.
 */
@TableName("ms_send_review")
public class SendReview {

	@TableId(type = IdType.INPUT)
	private Long sendId;

	private Long departmentId;

	private String sensitivity;

	private String levels;

	private String status;

	private String submittedHash;

	private String approvedHash;

	private Instant submittedAt;

	private Instant decidedAt;

	private Integer version;

	public Long getSendId() {
		return this.sendId;
	}

	public void setSendId(Long sendId) {
		this.sendId = sendId;
	}

	public Long getDepartmentId() {
		return this.departmentId;
	}

	public void setDepartmentId(Long departmentId) {
		this.departmentId = departmentId;
	}

	public String getSensitivity() {
		return this.sensitivity;
	}

	public void setSensitivity(String sensitivity) {
		this.sensitivity = sensitivity;
	}

	public String getLevels() {
		return this.levels;
	}

	public void setLevels(String levels) {
		this.levels = levels;
	}

	public String getStatus() {
		return this.status;
	}

	public void setStatus(String status) {
		this.status = status;
	}

	public String getSubmittedHash() {
		return this.submittedHash;
	}

	public void setSubmittedHash(String submittedHash) {
		this.submittedHash = submittedHash;
	}

	public String getApprovedHash() {
		return this.approvedHash;
	}

	public void setApprovedHash(String approvedHash) {
		this.approvedHash = approvedHash;
	}

	public Instant getSubmittedAt() {
		return this.submittedAt;
	}

	public void setSubmittedAt(Instant submittedAt) {
		this.submittedAt = submittedAt;
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
