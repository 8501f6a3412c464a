package io.wxops.admin.inbox;

import java.time.Instant;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import com.baomidou.mybatisplus.annotation.Version;
import io.wxops.core.inbox.Category;

/**
 * Row of {@code inb_ticket}: one follower's matter in one category, from first message to
 * follow-up.
 */
@TableName("inb_ticket")
public class Ticket {

	@TableId(type = IdType.AUTO)
	private Long id;

	private Long accountId;

	private String openid;

	private Category category;

	private Long departmentId;

	private TicketStatus status;

	private Long assigneeId;

	private Boolean hidden;

	private Boolean removalFlagged;

	private AckStatus ackStatus;

	private Instant acknowledgedAt;

	private Instant dueAt;

	/** End of the local day the ticket opened: acknowledged by then, or it is overdue. */
	private Instant ackDueAt;

	private Integer ackAttempts;

	private Instant escalatedAt;

	private Instant firstMessageAt;

	private Instant lastMessageAt;

	private Instant resolvedAt;

	private Instant closedAt;

	/**
	 * Bumped by a handler's change ({@link TicketEdits#save}) through MyBatis-Plus's
	 * optimistic lock; routing's {@code last_message_at} and the acknowledgement's
	 * outcome are written without it on purpose (they are not a handler's change).
	 */
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

	public String getOpenid() {
		return this.openid;
	}

	public void setOpenid(String openid) {
		this.openid = openid;
	}

	public Category getCategory() {
		return this.category;
	}

	public void setCategory(Category category) {
		this.category = category;
	}

	public Long getDepartmentId() {
		return this.departmentId;
	}

	public void setDepartmentId(Long departmentId) {
		this.departmentId = departmentId;
	}

	public TicketStatus getStatus() {
		return this.status;
	}

	public void setStatus(TicketStatus status) {
		this.status = status;
	}

	public Long getAssigneeId() {
		return this.assigneeId;
	}

	public void setAssigneeId(Long assigneeId) {
		this.assigneeId = assigneeId;
	}

	public Boolean getHidden() {
		return this.hidden;
	}

	public void setHidden(Boolean hidden) {
		this.hidden = hidden;
	}

	public Boolean getRemovalFlagged() {
		return this.removalFlagged;
	}

	public void setRemovalFlagged(Boolean removalFlagged) {
		this.removalFlagged = removalFlagged;
	}

	public AckStatus getAckStatus() {
		return this.ackStatus;
	}

	public void setAckStatus(AckStatus ackStatus) {
		this.ackStatus = ackStatus;
	}

	public Instant getAcknowledgedAt() {
		return this.acknowledgedAt;
	}

	public void setAcknowledgedAt(Instant acknowledgedAt) {
		this.acknowledgedAt = acknowledgedAt;
	}

	public Integer getAckAttempts() {
		return this.ackAttempts;
	}

	public void setAckAttempts(Integer ackAttempts) {
		this.ackAttempts = ackAttempts;
	}

	public Instant getAckDueAt() {
		return this.ackDueAt;
	}

	public void setAckDueAt(Instant ackDueAt) {
		this.ackDueAt = ackDueAt;
	}

	public Instant getDueAt() {
		return this.dueAt;
	}

	public void setDueAt(Instant dueAt) {
		this.dueAt = dueAt;
	}

	public Instant getEscalatedAt() {
		return this.escalatedAt;
	}

	public void setEscalatedAt(Instant escalatedAt) {
		this.escalatedAt = escalatedAt;
	}

	public Instant getFirstMessageAt() {
		return this.firstMessageAt;
	}

	public void setFirstMessageAt(Instant firstMessageAt) {
		this.firstMessageAt = firstMessageAt;
	}

	public Instant getLastMessageAt() {
		return this.lastMessageAt;
	}

	public void setLastMessageAt(Instant lastMessageAt) {
		this.lastMessageAt = lastMessageAt;
	}

	public Instant getResolvedAt() {
		return this.resolvedAt;
	}

	public void setResolvedAt(Instant resolvedAt) {
		this.resolvedAt = resolvedAt;
	}

	public Instant getClosedAt() {
		return this.closedAt;
	}

	public void setClosedAt(Instant closedAt) {
		this.closedAt = closedAt;
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
