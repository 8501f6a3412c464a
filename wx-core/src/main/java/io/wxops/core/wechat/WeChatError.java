package io.wxops.core.wechat;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/**
 * What a WeChat failure means for our API and for the operator who sees it: the one place
 * where WeChat's errcodes are translated. Each entry gives the HTTP status our API
 * answers with, a short title, and a detail saying what happened and what to do next. The
 * problem {@code type} is {@code https://wxops.io/problems/wechat/<errcode>} for an
 * errcode and {@code https://wxops.io/problems/wechat/unreachable} when WeChat could not
 * be reached.
 */
public enum WeChatError {

	SYSTEM_BUSY(503, "WeChat is busy",
			"WeChat reported a temporary system error, and still did after wxops retried. Try again in a few seconds.",
			-1),

	ACCESS_TOKEN_REJECTED(502, "WeChat rejected the access token",
			"WeChat refused the account's access token even after wxops fetched a fresh one and retried once. "
					+ "The AppSecret was most likely reset in the WeChat console: "
					+ "enter the current AppSecret in the account's settings.",
			40001, 40014, 42001),

	INVALID_APP_ID(422, "Invalid AppID",
			"WeChat does not recognise this AppID. Copy the AppID from the WeChat console "
					+ "(Settings and development, Basic configuration) and enter it again.",
			40013),

	INVALID_APP_SECRET(422, "Invalid AppSecret",
			"WeChat refused the AppSecret for this AppID. Copy or reset the AppSecret in the WeChat console "
					+ "(Settings and development, Basic configuration) and enter it again.",
			40125),

	IP_NOT_WHITELISTED(502, "Server IP not in the account's whitelist",
			"WeChat refused the call because this server's public IP address is not in the account's IP whitelist. "
					+ "Add the address WeChat reports below to the IP whitelist in the WeChat console "
					+ "(Settings and development, Basic configuration), then try again.",
			40164),

	MISSING_CREDENTIALS(500, "Call to WeChat without credentials",
			"wxops called WeChat without an access token, AppID or AppSecret. Check that the account's AppID "
					+ "and AppSecret are filled in; if they are, this is a wxops defect: report it.",
			41001, 41002, 41004),

	API_QUOTA_REACHED(429, "Daily API quota reached",
			"The account has used up today's quota for this WeChat API. The quota renews daily: try again tomorrow. "
					+ "An administrator can clear it early in the WeChat console, a limited number of times per month.",
			45009),

	OUTSIDE_SERVICE_WINDOW(409, "Follower outside the 48-hour window",
			"WeChat only accepts customer-service messages within 48 hours of the follower's last message, "
					+ "and never after they unfollowed. The follower has to write to the account again "
					+ "before anyone can reply.",
			45015),

	MASS_SEND_QUOTA_USED(429, "No mass-send quota left",
			"The account has no mass-send quota left (a subscription account may mass-send once a day, "
					+ "sends from the WeChat web console included). Try again when the quota renews.",
			45028),

	SERVICE_MESSAGE_LIMIT(429, "Customer-service message limit reached",
			"WeChat allows only a few customer-service messages per follower message in its 48-hour window, "
					+ "and this follower has received them all. Wait until the follower writes again.",
			45047),

	DUPLICATE_MASS_SEND(409, "Mass send already accepted",
			"WeChat already accepted a mass send with the same clientmsgid, so nothing was sent again. "
					+ "Check the status of the earlier send instead of repeating it.",
			45065),

	INVALID_OPENID(422, "Not a follower of this account",
			"WeChat does not know this openid as a follower of the account (it may have unfollowed). "
					+ "Sync the followers again and retry with current followers only.",
			40003),

	TAG_NAME_TAKEN(409, "Tag name already used", "The account already has a tag with this name. Choose another name.",
			45157),

	TAG_NAME_TOO_LONG(422, "Tag name too long", "WeChat takes tag names of at most 30 characters. Shorten it.", 45158),

	INVALID_TAG(404, "No such tag",
			"WeChat does not know this tag on the account (it may have been deleted elsewhere). Load the tags again.",
			45159),

	RESERVED_TAG(422, "Reserved tag", "WeChat's own tags (ids 0, 1 and 2) cannot be renamed or deleted.", 45058),

	TOO_MANY_TAGS(409, "Tag limit reached",
			"An account may have at most 100 tags. Delete a tag that is no longer used first.", 45056),

	TAG_TOO_LARGE(409, "Tag too large to delete",
			"WeChat does not delete a tag with more than 100,000 followers. Untag followers first.", 45057),

	TOO_MANY_TAGS_ON_FOLLOWER(409, "Follower has too many tags",
			"A follower may carry at most 20 tags. Remove a tag from the follower first.", 45059),

	API_NOT_AUTHORISED(403, "API not available to this account",
			"This WeChat account is not authorised for this API, usually because of its type "
					+ "(subscription or service account) or because it is not verified. "
					+ "Check the account's interface permissions in the WeChat console.",
			48001),

	ACCOUNT_NOT_AUTHORISED(403, "Not authorised by WeChat",
			"WeChat refused the call: the user has not authorised this API, or the account is restricted "
					+ "(for example blocked after a violation). Check the account's status and notices "
					+ "in the WeChat console.",
			50001, 50002),

	MENU_REFUSED(422, "WeChat refused the menu",
			"WeChat refused a button of the custom menu (its count, name, key or URL size, type or domain, a mini "
					+ "program page) or a conditional menu (no default menu, no match rule, too many menus, a retired "
					+ "gender/region/language rule). wxops checks the documented limits first; correct the button the "
					+ "errcode names and publish again.",
			40016, 40017, 40018, 40019, 40020, 40023, 40024, 40025, 40026, 40027, 40054, 40055, 40165, 65301, 65303,
			65304, 65305, 65320),

	UNKNOWN(502, "WeChat refused the call",
			"WeChat answered with an error wxops does not translate. Look the errcode up in WeChat's "
					+ "global return codes; the call did not succeed."),

	UNREACHABLE(502, "WeChat could not be reached",
			"WeChat could not be reached; nothing was changed by this call, try again."),

	TIMEOUT(504, "WeChat did not answer in time",
			"WeChat did not answer within the configured time, so wxops cannot tell whether the call took effect. "
					+ "Read calls can simply be tried again; before repeating anything that sends messages, "
					+ "check whether the first attempt arrived."),

	TOKEN_BUSY(503, "Access token refresh in progress",
			"Another wxops instance was refreshing this account's access token and did not finish in time. "
					+ "Try again in a few seconds.");

	/** Prefix of every problem type URI. */
	public static final String TYPE_BASE = "https://wxops.io/problems/wechat/";

	private static final Map<Integer, WeChatError> BY_CODE = new HashMap<>();

	static {
		for (WeChatError error : values()) {
			for (int code : error.codes) {
				BY_CODE.put(code, error);
			}
		}
	}

	private final int status;

	private final String title;

	private final String detail;

	private final int[] codes;

	WeChatError(int status, String title, String detail, int... codes) {
		this.status = status;
		this.title = title;
		this.detail = detail;
		this.codes = codes;
	}

	/**
	 * The translation of a WeChat errcode, {@link #UNKNOWN} for a code not listed here.
	 * @param errcode WeChat's errcode (not 0)
	 * @return the translation
	 */
	public static WeChatError forErrcode(int errcode) {
		return BY_CODE.getOrDefault(errcode, UNKNOWN);
	}

	/** The HTTP status our API answers with. */
	public int status() {
		return this.status;
	}

	/** A short, stable summary. */
	public String title() {
		return this.title;
	}

	/** What happened and what the operator should do, without WeChat's own words. */
	public String detail() {
		return this.detail;
	}

	/** Whether WeChat never answered (nothing to report but the failure itself). */
	public boolean isTransport() {
		return this == UNREACHABLE || this == TIMEOUT;
	}

	/**
	 * The problem type for this error as raised with a given errcode.
	 * @param errcode WeChat's errcode, ignored for transport failures and
	 * {@link #TOKEN_BUSY}
	 * @return the type URI
	 */
	public URI type(int errcode) {
		if (isTransport()) {
			return URI.create(TYPE_BASE + "unreachable");
		}
		if (this == TOKEN_BUSY) {
			return URI.create(TYPE_BASE + "token-busy");
		}
		return URI.create(TYPE_BASE + errcode);
	}

}
