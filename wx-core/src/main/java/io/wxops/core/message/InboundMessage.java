package io.wxops.core.message;

import java.time.Instant;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

/**
 * A follower message or event as WeChat delivered it, stored exactly once per dedup key.
 * {@code fields} holds every field of the XML as JSON so later features can act on any of
 * them.
 */
@TableName("wx_inbound_message")
public class InboundMessage {

	@TableId(type = IdType.AUTO)
	private Long id;

	private Long accountId;

	private String dedupKey;

	private String msgId;

	private String msgType;

	private String event;

	private String eventKey;

	private String fromUser;

	private String toUser;

	private Long createTime;

	private String content;

	private String fields;

	private Boolean encrypted;

	private Instant receivedAt;

	private ReplyStatus replyStatus;

	private Long replyRuleId;

	private String replyXml;

	private Instant pseudonymisedAt;

	private Instant routedAt;

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

	public String getDedupKey() {
		return this.dedupKey;
	}

	public void setDedupKey(String dedupKey) {
		this.dedupKey = dedupKey;
	}

	public String getMsgId() {
		return this.msgId;
	}

	public void setMsgId(String msgId) {
		this.msgId = msgId;
	}

	public String getMsgType() {
		return this.msgType;
	}

	public void setMsgType(String msgType) {
		this.msgType = msgType;
	}

	public String getEvent() {
		return this.event;
	}

	public void setEvent(String event) {
		this.event = event;
	}

	public String getEventKey() {
		return this.eventKey;
	}

	public void setEventKey(String eventKey) {
		this.eventKey = eventKey;
	}

	public String getFromUser() {
		return this.fromUser;
	}

	public void setFromUser(String fromUser) {
		this.fromUser = fromUser;
	}

	public String getToUser() {
		return this.toUser;
	}

	public void setToUser(String toUser) {
		this.toUser = toUser;
	}

	public Long getCreateTime() {
		return this.createTime;
	}

	public void setCreateTime(Long createTime) {
		this.createTime = createTime;
	}

	public String getContent() {
		return this.content;
	}

	public void setContent(String content) {
		this.content = content;
	}

	public String getFields() {
		return this.fields;
	}

	public void setFields(String fields) {
		this.fields = fields;
	}

	public Boolean getEncrypted() {
		return this.encrypted;
	}

	public void setEncrypted(Boolean encrypted) {
		this.encrypted = encrypted;
	}

	public Instant getReceivedAt() {
		return this.receivedAt;
	}

	public void setReceivedAt(Instant receivedAt) {
		this.receivedAt = receivedAt;
	}

	public ReplyStatus getReplyStatus() {
		return this.replyStatus;
	}

	public void setReplyStatus(ReplyStatus replyStatus) {
		this.replyStatus = replyStatus;
	}

	public Long getReplyRuleId() {
		return this.replyRuleId;
	}

	public void setReplyRuleId(Long replyRuleId) {
		this.replyRuleId = replyRuleId;
	}

	public String getReplyXml() {
		return this.replyXml;
	}

	public void setReplyXml(String replyXml) {
		this.replyXml = replyXml;
	}

	public Instant getPseudonymisedAt() {
		return this.pseudonymisedAt;
	}

	public void setPseudonymisedAt(Instant pseudonymisedAt) {
		this.pseudonymisedAt = pseudonymisedAt;
	}

	public Instant getRoutedAt() {
		return this.routedAt;
	}

	public void setRoutedAt(Instant routedAt) {
		this.routedAt = routedAt;
	}

}
