package io.wxops.core.account;

/**
 * A change to an account; {@code null} leaves a field as it is. A new {@code aesKey}
 * rotates the key: the current one is kept as the previous key so callbacks sealed with
 * it still open.
 */
public record AccountUpdate(String name, MessageMode mode, AccountStatus status, String token, String aesKey,
		String appSecret) {

	public static AccountUpdate status(AccountStatus status) {
		return new AccountUpdate(null, null, status, null, null, null);
	}

	@Override
	public String toString() {
		return "AccountUpdate[name=" + this.name + ", mode=" + this.mode + ", status=" + this.status + ", token="
				+ ((this.token != null) ? "******" : null) + ", aesKey=" + ((this.aesKey != null) ? "******" : null)
				+ ", appSecret=" + ((this.appSecret != null) ? "******" : null) + "]";
	}

}
