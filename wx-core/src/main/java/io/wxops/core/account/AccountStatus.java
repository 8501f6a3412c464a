package io.wxops.core.account;

/**
 * Lifecycle of a registered account: APPLIED (registered, not yet operating) → ACTIVE →
 * SUSPENDED (and back) → CLOSED (final). Every change is recorded with its reason.
 */
public enum AccountStatus {

	APPLIED, ACTIVE, SUSPENDED, CLOSED;

	/** Whether an account in this status may be moved to {@code next}. */
	public boolean canBecome(AccountStatus next) {
		return switch (this) {
			case APPLIED -> next == ACTIVE || next == CLOSED;
			case ACTIVE -> next == SUSPENDED || next == CLOSED;
			case SUSPENDED -> next == ACTIVE || next == CLOSED;
			case CLOSED -> false;
		};
	}

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
