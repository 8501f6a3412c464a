package io.wxops.admin.masssend;

/** Who receives a mass send; stored by name in {@code ms_send.audience}. */
public enum Audience {

	/** Every follower (sendall with is_to_all); only when chosen explicitly. */
	ALL,
	/** The followers WeChat holds under one tag (sendall with tag_id). */
	TAG,
	/** A list of 2 to 10,000 openids (mass/send). */
	OPENIDS;

	/** The audience named {@code name}, or null when there is none. */
	static Audience parse(String name) {
		for (Audience a : values()) {
			if (a.name().equals(name)) {
				return a;
			}
		}
		return null;
	}

}
