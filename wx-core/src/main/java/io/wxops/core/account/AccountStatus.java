package io.wxops.core.account;

/**
 * Lifecycle of a registered account (the recorded procedure comes with the registry
 * issue).
 */
public enum AccountStatus {

	APPLIED, ACTIVE, SUSPENDED, CLOSED;

	/** Whether the gateway still accepts (stores) callbacks for the account. */
	public boolean acceptsCallbacks() {
		return this != CLOSED;
	}

	/**
	 * Whether the account may answer followers (passive replies, later customer-service
	 * replies).
	 */
	public boolean mayReply() {
		return this == ACTIVE;
	}

}
