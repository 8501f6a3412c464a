package io.wxops.core.account;

/** How sensitive an item is, which decides the review levels it needs. */
public enum Sensitivity {

	/** Routine items. */
	GENERAL,
	/** Sensitive items. */
	SENSITIVE,
	/** Major news, emergencies and hot topics. */
	MAJOR

}
