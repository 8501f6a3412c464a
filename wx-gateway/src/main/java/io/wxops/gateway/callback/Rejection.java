package io.wxops.gateway.callback;

import org.springframework.http.HttpStatus;

/**
 * Why a callback was refused before anything was stored; each reason has a stable problem
 * type.
 */
public enum Rejection {

	BAD_SIGNATURE(HttpStatus.FORBIDDEN, "Signature check failed",
			"The signature (or msg_signature in safe mode) does not match the account's Token."),
	UNKNOWN_ACCOUNT(HttpStatus.NOT_FOUND, "Unknown account", "No active account is registered with this AppID."),
	BODY_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, "Body too large", "The callback body exceeds the configured limit."),
	MALFORMED_XML(HttpStatus.BAD_REQUEST, "Malformed XML", "The body is not a well-formed WeChat XML message."),
	FORBIDDEN_XML(HttpStatus.BAD_REQUEST, "DOCTYPE not allowed",
			"DOCTYPE declarations, external entities and entity expansion are refused."),
	UNDECRYPTABLE(HttpStatus.BAD_REQUEST, "Payload cannot be decrypted",
			"The Encrypt element does not decrypt with the account's EncodingAESKey."),
	APPID_MISMATCH(HttpStatus.BAD_REQUEST, "AppID mismatch",
			"The AppID sealed inside the ciphertext is not this account's AppID."),
	WRONG_RECIPIENT(HttpStatus.BAD_REQUEST, "Wrong recipient",
			"ToUserName is not this account's original id (gh_...)."),
	MODE_MISMATCH(HttpStatus.BAD_REQUEST, "Encryption mode mismatch",
			"The request's encryption does not match the account's message mode."),
	INCOMPLETE(HttpStatus.BAD_REQUEST, "Incomplete message",
			"A field WeChat always sends (FromUserName, CreateTime, MsgType) is missing or invalid.");

	private final HttpStatus status;

	private final String title;

	private final String detail;

	Rejection(HttpStatus status, String title, String detail) {
		this.status = status;
		this.title = title;
		this.detail = detail;
	}

	public HttpStatus status() {
		return this.status;
	}

	public String title() {
		return this.title;
	}

	public String detail() {
		return this.detail;
	}

	/** The metric tag and the last segment of the problem type. */
	public String code() {
		return name().toLowerCase().replace('_', '-');
	}

}
