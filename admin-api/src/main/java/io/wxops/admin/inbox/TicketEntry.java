package io.wxops.admin.inbox;

import java.time.Instant;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

/** Row of {@code inb_ticket_entry}: one item of a ticket's thread. */
@TableName("inb_ticket_entry")
public class TicketEntry {

	@TableId(type = IdType.AUTO)
	private Long id;

	private Long ticketId;

	private EntryKind kind;

	private Long inboundMessageId;

	private Long personId;

	private String msgType;

	private String content;

	private String mediaId;

	private Delivery delivery;

	private Integer errorCode;

	private String errorMessage;

	private Instant createdAt;

	public Long getId() {
		return this.id;
	}

	public void setId(Long id) {
		this.id = id;
	}

	public Long getTicketId() {
		return this.ticketId;
	}

	public void setTicketId(Long ticketId) {
		this.ticketId = ticketId;
	}

	public EntryKind getKind() {
		return this.kind;
	}

	public void setKind(EntryKind kind) {
		this.kind = kind;
	}

	public Long getInboundMessageId() {
		return this.inboundMessageId;
	}

	public void setInboundMessageId(Long inboundMessageId) {
		this.inboundMessageId = inboundMessageId;
	}

	public Long getPersonId() {
		return this.personId;
	}

	public void setPersonId(Long personId) {
		this.personId = personId;
	}

	public String getMsgType() {
		return this.msgType;
	}

	public void setMsgType(String msgType) {
		this.msgType = msgType;
	}

	public String getContent() {
		return this.content;
	}

	public void setContent(String content) {
		this.content = content;
	}

	public String getMediaId() {
		return this.mediaId;
	}

	public void setMediaId(String mediaId) {
		this.mediaId = mediaId;
	}

	public Delivery getDelivery() {
		return this.delivery;
	}

	public void setDelivery(Delivery delivery) {
		this.delivery = delivery;
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

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public void setCreatedAt(Instant createdAt) {
		this.createdAt = createdAt;
	}

}
