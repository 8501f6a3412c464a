package io.wxops.admin.inbox;

import java.time.Instant;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

/** Row of {@code inb_followup}: the follow-up (回访) recorded on closing. */
@TableName("inb_followup")
public class Followup {

	@TableId(type = IdType.INPUT)
	private Long ticketId;

	private String method;

	private String result;

	private Boolean satisfied;

	private Long recordedBy;

	private Instant recordedAt;

	public Long getTicketId() {
		return this.ticketId;
	}

	public void setTicketId(Long ticketId) {
		this.ticketId = ticketId;
	}

	public String getMethod() {
		return this.method;
	}

	public void setMethod(String method) {
		this.method = method;
	}

	public String getResult() {
		return this.result;
	}

	public void setResult(String result) {
		this.result = result;
	}

	public Boolean getSatisfied() {
		return this.satisfied;
	}

	public void setSatisfied(Boolean satisfied) {
		this.satisfied = satisfied;
	}

	public Long getRecordedBy() {
		return this.recordedBy;
	}

	public void setRecordedBy(Long recordedBy) {
		this.recordedBy = recordedBy;
	}

	public Instant getRecordedAt() {
		return this.recordedAt;
	}

	public void setRecordedAt(Instant recordedAt) {
		this.recordedAt = recordedAt;
	}

}
