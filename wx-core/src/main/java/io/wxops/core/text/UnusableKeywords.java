package io.wxops.core.text;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports stored keyword rules that {@link TextNormaliser#keyword} refuses (they
 * normalise to nothing or to one character), once per rule and process, when they are
 * loaded: they are skipped, and an operator should remove or lengthen them.
 */
public final class UnusableKeywords {

	private static final Logger log = LoggerFactory.getLogger(UnusableKeywords.class);

	private static final Set<String> reported = ConcurrentHashMap.newKeySet();

	private UnusableKeywords() {
	}

	/**
	 * Logs the rule once (by its table and id) if its keyword is unusable; returns
	 * whether it is usable.
	 */
	public static boolean check(String table, Long ruleId, String keyword) {
		if (TextNormaliser.keyword(keyword) != null) {
			return true;
		}
		if (reported.add(table + ":" + ruleId)) {
			log.warn("Keyword rule {} {} ({}) normalises to fewer than {} characters and is skipped; remove it or "
					+ "make it longer", table, ruleId, quoted(keyword), TextNormaliser.MIN_KEYWORD_LENGTH);
		}
		return false;
	}

	private static String quoted(String keyword) {
		return (keyword == null) ? "null" : "\"" + keyword + "\"";
	}

}
