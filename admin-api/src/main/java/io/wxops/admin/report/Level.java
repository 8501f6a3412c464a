package io.wxops.admin.report;

/** How an indicator of the self-inspection stands. */
public enum Level {

	PASS, WARNING, VETO;

	Level worst(Level other) {
		return (other.ordinal() > ordinal()) ? other : this;
	}

}
