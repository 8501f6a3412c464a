package io.wxops.core.account;

/**
 * Someone else changed the account between our read and our write; reload and try again.
 */
public class ConcurrentAccountChangeException extends RuntimeException {

	public ConcurrentAccountChangeException(String appId) {
		super("Account " + appId + " was changed by someone else at the same time; reload it and try again");
	}

}
