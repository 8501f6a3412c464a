package io.wxops.core.account;

import java.util.Map;

/**
 * Account input that breaks WeChat's format rules; carries one message per offending
 * field.
 */
public class InvalidAccountException extends IllegalArgumentException {

	private final Map<String, String> fieldErrors;

	public InvalidAccountException(Map<String, String> fieldErrors) {
		super("Invalid account: " + String.join("; ", fieldErrors.values()));
		this.fieldErrors = Map.copyOf(fieldErrors);
	}

	public Map<String, String> fieldErrors() {
		return this.fieldErrors;
	}

}
