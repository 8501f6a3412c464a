package io.wxops.core.account;

/** No account is registered under the AppID. */
public class AccountNotFoundException extends RuntimeException {

	public AccountNotFoundException(String appId) {
		super("No account is registered with AppID " + appId);
	}

}
