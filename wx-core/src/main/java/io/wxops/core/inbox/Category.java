package io.wxops.core.inbox;

/** What a follower message is about, which decides who handles it (回复制度). */
public enum Category {

	/** 咨询: answered by the responsible unit (by rule, else the central office). */
	CONSULTATION(3),
	/** 投诉: the customer-service department. */
	COMPLAINT(3),
	/** 举报、信访: the general office. */
	REPORT_PETITION(7),
	/** 建议: the relevant unit. */
	SUGGESTION(7),
	/** 恶意: kept, hidden from queues, may be flagged for removal; no acknowledgement. */
	MALICIOUS(0);

	private final int defaultSlaDays;

	Category(int defaultSlaDays) {
		this.defaultSlaDays = defaultSlaDays;
	}

	/** Days to a result when the account sets none. */
	public int defaultSlaDays() {
		return this.defaultSlaDays;
	}

}
