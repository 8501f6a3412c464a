package io.wxops.admin.inbox;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

/** Row of {@code inb_route}: where a category goes and its SLA. */
@TableName("inb_route")
public class Route {

	@TableId(type = IdType.INPUT)
	private Long accountId;

	private String category;

	private Long departmentId;

	private Integer slaDays;

	public Long getAccountId() {
		return this.accountId;
	}

	public void setAccountId(Long accountId) {
		this.accountId = accountId;
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

	public Integer getSlaDays() {
		return this.slaDays;
	}

	public void setSlaDays(Integer slaDays) {
		this.slaDays = slaDays;
	}

}
