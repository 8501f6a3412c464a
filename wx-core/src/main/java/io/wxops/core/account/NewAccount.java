package io.wxops.core.account;

/**
 * What it takes to register an account. Secrets arrive here in plaintext and are sealed
 * at once.
 */
public record NewAccount(String appId, String originalId, String name, AccountType type, MessageMode mode, String token,
		String aesKey, String appSecret) {

	@Override
	public String toString() {
		return "NewAccount[appId=" + this.appId + ", originalId=" + this.originalId + ", name=" + this.name + ", type="
				+ this.type + ", mode=" + this.mode + ", secrets=******]";
	}

}
