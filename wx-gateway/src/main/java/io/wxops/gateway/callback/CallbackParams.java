package io.wxops.gateway.callback;

/** The query parameters WeChat puts on a callback URL. */
public record CallbackParams(String signature, String timestamp, String nonce, String openid, String encryptType,
		String msgSignature) {

	public boolean encrypted() {
		return "aes".equalsIgnoreCase(this.encryptType);
	}

}
