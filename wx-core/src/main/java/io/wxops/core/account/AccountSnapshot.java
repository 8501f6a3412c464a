package io.wxops.core.account;

/**
 * An account with its secrets decrypted, as the gateway and the WeChat API facade need
 * it. Immutable and replaced whole on change, so no request ever sees half an update. Its
 * {@code toString} never shows a secret.
 */
public record AccountSnapshot(long id, String appId, String originalId, String name, AccountType type, MessageMode mode,
		AccountStatus status, String token, String aesKey, String previousAesKey, String appSecret, int version) {

	@Override
	public String toString() {
		return "AccountSnapshot[id=" + this.id + ", appId=" + this.appId + ", originalId=" + this.originalId + ", mode="
				+ this.mode + ", status=" + this.status + ", version=" + this.version + ", secrets=******]";
	}

}
