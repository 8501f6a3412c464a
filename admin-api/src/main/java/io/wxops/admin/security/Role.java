package io.wxops.admin.security;

/**
 * The roles of the management rules. A role is held through a grant scoped to one account
 * or all, and for departmental roles to one department or any.
 */
public enum Role {

	/** Registers accounts and people, grants roles. */
	ADMIN,
	/** 信息员: drafts articles for a department. */
	EDITOR,
	/** 部门负责人: first-level reviewer of the department's articles. */
	DEPT_REVIEWER,
	/** 归口管理部门: the central office that manages the account, second-level reviewer. */
	OFFICE_REVIEWER,
	/** 主管领导: the supervising leader, final reviewer for major items. */
	LEADER,
	/** 授权发布人员: the only people who may trigger a mass send. */
	PUBLISHER,
	/** 处理人: answers follower messages routed to the department. */
	HANDLER,
	/** Reads the audit record and the registry, changes nothing. */
	AUDITOR

}
