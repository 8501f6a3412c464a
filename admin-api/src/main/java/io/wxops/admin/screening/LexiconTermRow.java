package io.wxops.admin.screening;

import java.time.Instant;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

/** Row of {@code art_lexicon_term}: a prohibited term in force. */
@TableName("art_lexicon_term")
public class LexiconTermRow {

	@TableId(type = IdType.AUTO)
	private Long id;

	private String term;

	private String category;

	private Integer addedIn;

	private Long createdBy;

	private Instant createdAt;

	public Long getId() {
		return this.id;
	}

	public void setId(Long id) {
		this.id = id;
	}

	public String getTerm() {
		return this.term;
	}

	public void setTerm(String term) {
		this.term = term;
	}

	public String getCategory() {
		return this.category;
	}

	public void setCategory(String category) {
		this.category = category;
	}

	public Integer getAddedIn() {
		return this.addedIn;
	}

	public void setAddedIn(Integer addedIn) {
		this.addedIn = addedIn;
	}

	public Long getCreatedBy() {
		return this.createdBy;
	}

	public void setCreatedBy(Long createdBy) {
		this.createdBy = createdBy;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public void setCreatedAt(Instant createdAt) {
		this.createdAt = createdAt;
	}

}
