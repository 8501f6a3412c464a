package io.wxops.admin.people;

import io.wxops.admin.security.Grant;
import io.wxops.admin.security.Role;
import java.time.Instant;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

/** Row of {@code adm_grant}. */
@TableName("adm_grant")
public class GrantRow {

	@TableId(type = IdType.AUTO)
	private Long id;

	private Long personId;

	private Role role;

	private Long accountId;

	private Long departmentId;

	private Instant createdAt;

	public Long getId() {
		return this.id;
	}

	public void setId(Long id) {
		this.id = id;
	}

	public Long getPersonId() {
		return this.personId;
	}

	public void setPersonId(Long personId) {
		this.personId = personId;
	}

	public Role getRole() {
		return this.role;
	}

	public void setRole(Role role) {
		this.role = role;
	}

	public Long getAccountId() {
		return this.accountId;
	}

	public void setAccountId(Long accountId) {
		this.accountId = accountId;
	}

	public Long getDepartmentId() {
		return this.departmentId;
	}

	public void setDepartmentId(Long departmentId) {
		this.departmentId = departmentId;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public void setCreatedAt(Instant createdAt) {
		this.createdAt = createdAt;
	}

	/** The grant this row holds, as access checks use it. */
	public Grant toGrant() {
		return new Grant(this.role, this.accountId, this.departmentId);
	}

}
