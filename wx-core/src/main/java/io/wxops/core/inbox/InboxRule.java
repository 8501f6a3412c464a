package io.wxops.core.inbox;

import java.time.Instant;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

/** Row of {@code inb_rule}: a classification rule of an account. */
@TableName("inb_rule")
public class InboxRule {

	@TableId(type = IdType.AUTO)
	private Long id;

	private Long accountId;

	private String kind;

	private String pattern;

	private String category;

	private Long departmentId;

	private Integer priority;

	private Instant createdAt;

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

	public String getKind() {
		return this.kind;
	}

	public void setKind(String kind) {
		this.kind = kind;
	}

	public String getPattern() {
		return this.pattern;
	}

	public void setPattern(String pattern) {
		this.pattern = pattern;
	}

	public String getCategory() {
		return this.category;
	}

	public void setCategory(String category) {
		this.category = category;
	}

	public Long getDepartmentId() {
		return this.departmentId;
	}

	public void setDepartmentId(Long departmentId) {
		this.departmentId = departmentId;
	}

	public Integer getPriority() {
		return this.priority;
	}

	public void setPriority(Integer priority) {
		this.priority = priority;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public void setCreatedAt(Instant createdAt) {
		this.createdAt = createdAt;
	}

	/**
	 * Whether this is a KEYWORD rule whose pattern normalises to fewer than
	 * {@link io.wxops.core.text.TextNormaliser#MIN_KEYWORD_LENGTH} characters: it never
	 * matches (such rules are refused from now on; older ones are reported). Not a
	 * column.
	 */
	public boolean isUnusableKeyword() {
		return "KEYWORD".equals(this.kind) && io.wxops.core.text.TextNormaliser.keyword(this.pattern) == null;
	}

}
