package io.wxops.core.account;

/** A level of the graded review (分级审核), in the order they sign. */
public enum ReviewLevel {

	/** 部门负责人. */
	DEPT_REVIEWER,
	/** 归口管理部门. */
	OFFICE_REVIEWER,
	/** 主管领导. */
	LEADER

}
