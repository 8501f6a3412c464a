package io.wxops.core.account;

/** The account's message encryption mode as configured on the WeChat console. */
public enum MessageMode {

	/** 明文: plaintext bodies only. */
	PLAINTEXT,
	/**
	 * 兼容: plaintext and ciphertext in the same body; either kind of reply is accepted.
	 */
	COMPATIBLE,
	/** 安全: ciphertext only, replies must be encrypted. */
	SAFE;

	public boolean needsAesKey() {
		return this != PLAINTEXT;
	}

}
