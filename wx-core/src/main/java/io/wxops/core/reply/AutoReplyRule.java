package io.wxops.core.reply;

import java.time.Instant;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

/**
 * A passive-reply rule of one account: a keyword, the welcome on subscribe, the default,
 * or the answer to a menu button's key (CLICK). The rows are the approved set the gateway
 * answers with; admin-api rewrites them when a reply-rule set is approved.
 */
@TableName("wx_auto_reply_rule")
public class AutoReplyRule {

	@TableId(type = IdType.AUTO)
	private Long id;

	private Long accountId;

	private TriggerType triggerType;

	private MatchMode matchMode;

	private String keyword;

	private ReplyType replyType;

	private String replyText;

	private String mediaId;

	private String newsTitle;

	private String newsDescription;

	private String newsPicUrl;

	private String newsUrl;

	private Integer priority;

	private Boolean enabled;

	private Long hitCount;

	private Instant createdAt;

	private Instant updatedAt;

	/** What fires a rule. */
	public enum TriggerType {

		KEYWORD, SUBSCRIBE, DEFAULT,
		/** A menu button's CLICK event; {@code keyword} holds the button's key. */
		CLICK

	}

	/** How a keyword is compared with a text message. */
	public enum MatchMode {

		/** The whole message, trimmed, equals the keyword (ignoring case). */
		EXACT,
		/**
		 * The message contains the keyword (ignoring case) - never the other way round.
		 */
		CONTAINS

	}

	/** The kind of passive reply. */
	public enum ReplyType {

		TEXT, IMAGE, NEWS

	}

	public static AutoReplyRule keyword(long accountId, MatchMode mode, String keyword, String text) {
		AutoReplyRule rule = text(accountId, TriggerType.KEYWORD, text);
		rule.setMatchMode(mode);
		rule.setKeyword(keyword);
		return rule;
	}

	public static AutoReplyRule text(long accountId, TriggerType trigger, String text) {
		AutoReplyRule rule = new AutoReplyRule();
		rule.setAccountId(accountId);
		rule.setTriggerType(trigger);
		rule.setReplyType(ReplyType.TEXT);
		rule.setReplyText(text);
		rule.setPriority(0);
		rule.setEnabled(true);
		rule.setHitCount(0L);
		Instant now = Instant.now();
		rule.setCreatedAt(now);
		rule.setUpdatedAt(now);
		return rule;
	}

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

	public TriggerType getTriggerType() {
		return this.triggerType;
	}

	public void setTriggerType(TriggerType triggerType) {
		this.triggerType = triggerType;
	}

	public MatchMode getMatchMode() {
		return this.matchMode;
	}

	public void setMatchMode(MatchMode matchMode) {
		this.matchMode = matchMode;
	}

	public String getKeyword() {
		return this.keyword;
	}

	public void setKeyword(String keyword) {
		this.keyword = keyword;
	}

	public ReplyType getReplyType() {
		return this.replyType;
	}

	public void setReplyType(ReplyType replyType) {
		this.replyType = replyType;
	}

	public String getReplyText() {
		return this.replyText;
	}

	public void setReplyText(String replyText) {
		this.replyText = replyText;
	}

	public String getMediaId() {
		return this.mediaId;
	}

	public void setMediaId(String mediaId) {
		this.mediaId = mediaId;
	}

	public String getNewsTitle() {
		return this.newsTitle;
	}

	public void setNewsTitle(String newsTitle) {
		this.newsTitle = newsTitle;
	}

	public String getNewsDescription() {
		return this.newsDescription;
	}

	public void setNewsDescription(String newsDescription) {
		this.newsDescription = newsDescription;
	}

	public String getNewsPicUrl() {
		return this.newsPicUrl;
	}

	public void setNewsPicUrl(String newsPicUrl) {
		this.newsPicUrl = newsPicUrl;
	}

	public String getNewsUrl() {
		return this.newsUrl;
	}

	public void setNewsUrl(String newsUrl) {
		this.newsUrl = newsUrl;
	}

	public Integer getPriority() {
		return this.priority;
	}

	public void setPriority(Integer priority) {
		this.priority = priority;
	}

	public Boolean getEnabled() {
		return this.enabled;
	}

	public void setEnabled(Boolean enabled) {
		this.enabled = enabled;
	}

	public Long getHitCount() {
		return this.hitCount;
	}

	public void setHitCount(Long hitCount) {
		this.hitCount = hitCount;
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
