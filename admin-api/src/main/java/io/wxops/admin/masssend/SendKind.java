package io.wxops.admin.masssend;

import me.chanjar.weixin.common.api.WxConsts;

/** What a mass send carries; stored by name in {@code ms_send.kind}. */
public enum SendKind {

	/** 1 to 8 articles from the head of the queue, as a WeChat draft. */
	MPNEWS(WxConsts.MassMsgType.MPNEWS, false),
	/** A text, reviewed as the send itself. */
	TEXT(WxConsts.MassMsgType.TEXT, true),
	/**
	 * An image uploaded to one of the account's articles, reviewed as the send itself.
	 */
	IMAGE(WxConsts.MassMsgType.IMAGE, true);

	private final String msgType;

	private final boolean reviewed;

	SendKind(String msgType, boolean reviewed) {
		this.msgType = msgType;
		this.reviewed = reviewed;
	}

	/** WeChat's msgtype for it. */
	public String msgType() {
		return this.msgType;
	}

	/**
	 * Whether the send goes through a review of its own; MPNEWS carries articles their
	 * own review approved.
	 */
	public boolean reviewed() {
		return this.reviewed;
	}

	/** The kind named {@code name}, or null when there is none. */
	static SendKind parse(String name) {
		for (SendKind k : values()) {
			if (k.name().equals(name)) {
				return k;
			}
		}
		return null;
	}

}
