package io.wxops.admin.screening;

/**
 * What a prohibited term is prohibited as: the seven categories of the account management
 * rules, internal office information, and commercial marketing, which only some accounts
 * (procuratorates) must not carry.
 */
public enum Category {

	STATE_SECURITY("危害国家安全、泄露国家秘密"),

	ETHNIC_CULT_SUPERSTITION("民族仇恨、邪教、封建迷信"),

	RUMOUR_INSULT_DEFAMATION("谣言、侮辱、诽谤"),

	OBSCENITY_VIOLENCE_CRIME("淫秽、暴力、凶杀、恐怖、教唆犯罪"),

	ILLEGAL_ASSEMBLY("非法集会、结社、游行"),

	UNVERIFIED_OR_UNAPPROVED("未经核实的信息、未经批准的行政事项"),

	OTHER_PROHIBITED("其他法律法规禁止的内容"),

	INTERNAL_OFFICE("内部办公信息"),

	/** Applied only to accounts whose policy forbids marketing. */
	COMMERCIAL_MARKETING("商业营销");

	private final String label;

	Category(String label) {
		this.label = label;
	}

	/** The category's name as the rules write it, for messages to editors. */
	public String label() {
		return this.label;
	}

}
