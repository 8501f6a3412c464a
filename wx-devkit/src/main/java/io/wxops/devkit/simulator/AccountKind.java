package io.wxops.devkit.simulator;

/**
 * The kind of official account, which decides its mass-send quota on the simulated
 * platform (see {@link WeChatApiSimulator#setAccountKind(String, AccountKind)}).
 */
public enum AccountKind {

	/**
	 * 公众号 (formerly 订阅号): one successful mass send per calendar day in Asia/Shanghai. The
	 * default for every AppID.
	 */
	SUBSCRIPTION,

	/** 服务号: four successful mass sends per calendar month in Asia/Shanghai. */
	SERVICE

}
