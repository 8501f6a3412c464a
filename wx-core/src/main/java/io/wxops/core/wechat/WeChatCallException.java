package io.wxops.core.wechat;

import java.net.URI;
import java.util.regex.Pattern;

/**
 * A call to WeChat failed. Carries the {@link WeChatError translation} and, for errors
 * WeChat answered, its errcode and errmsg. Neither the message nor any field ever holds
 * an access token or an AppSecret: they are masked if WeChat or WxJava put one into a
 * text.
 */
public class WeChatCallException extends RuntimeException {

	/** The errcode reported for failures without one (WeChat unreachable, lock busy). */
	public static final int NO_ERRCODE = -99;

	private static final Pattern SECRET_QUERY = Pattern.compile("(?i)(access_token|secret|appsecret)=[^&\\s\"',;)]*");

	private static final Pattern SECRET_JSON = Pattern
		.compile("(?i)(\"(?:access_token|secret|appsecret)\"\\s*:\\s*\")[^\"]*");

	private final WeChatError error;

	private final int errcode;

	private final String errmsg;

	private final String field;

	private Long msgId;

	/**
	 * @param error the translation
	 * @param errcode WeChat's errcode, or {@link #NO_ERRCODE}
	 * @param errmsg WeChat's errmsg or a description of the failure; masked here
	 * @param field the input field the error is about, or null
	 * @param cause the transport failure behind it, or null
	 */
	public WeChatCallException(WeChatError error, int errcode, String errmsg, String field, Throwable cause) {
		super(error.title() + " (errcode " + errcode + ": " + redact(errmsg) + ")", cause);
		this.error = error;
		this.errcode = errcode;
		this.errmsg = redact(errmsg);
		this.field = field;
	}

	/**
	 * The {@code msg_id} WeChat put in the error answer, if any: a 45065 (clientmsgid
	 * already used) names the mass send that was already accepted.
	 */
	public Long msgId() {
		return this.msgId;
	}

	WeChatCallException withMsgId(Long msgId) {
		this.msgId = msgId;
		return this;
	}

	/** The translation: status, title, detail. */
	public WeChatError error() {
		return this.error;
	}

	/** WeChat's errcode, or {@link #NO_ERRCODE} when WeChat gave none. */
	public int errcode() {
		return this.errcode;
	}

	/** WeChat's errmsg, or a description of the failure; never holds a secret. */
	public String errmsg() {
		return this.errmsg;
	}

	/**
	 * The input field this error is about ({@code appId}, {@code appSecret}), or null
	 * when it is not about one field.
	 */
	public String field() {
		return this.field;
	}

	/** The HTTP status our API answers with. */
	public int status() {
		return this.error.status();
	}

	/** The problem type. */
	public URI type() {
		return this.error.type(this.errcode);
	}

	/** The problem title. */
	public String title() {
		return this.error.title();
	}

	/**
	 * The problem detail: what happened and what to do, then what WeChat said (for errors
	 * WeChat answered), so an operator can quote it to support.
	 */
	public String detail() {
		if (this.error.isTransport() || this.error == WeChatError.TOKEN_BUSY) {
			return this.error.detail();
		}
		return this.error.detail() + " WeChat said: errcode " + this.errcode + ", " + this.errmsg + ".";
	}

	/** Masks access tokens and secrets in a text WeChat or WxJava produced. */
	static String redact(String text) {
		if (text == null) {
			return "";
		}
		String masked = SECRET_QUERY.matcher(text).replaceAll("$1=***");
		return SECRET_JSON.matcher(masked).replaceAll("$1***");
	}

}
