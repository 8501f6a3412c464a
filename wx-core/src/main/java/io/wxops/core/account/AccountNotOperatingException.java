package io.wxops.core.account;

/**
 * The account may not mass send or reply now: it is not ACTIVE, or its annual review
 * failed or is overdue. {@link #standing()} says which and what to do.
 */
public class AccountNotOperatingException extends RuntimeException {

	private final AccountStanding.Standing standing;

	public AccountNotOperatingException(AccountStanding.Standing standing) {
		super(standing.reason());
		this.standing = standing;
	}

	public AccountStanding.Standing standing() {
		return this.standing;
	}

}
