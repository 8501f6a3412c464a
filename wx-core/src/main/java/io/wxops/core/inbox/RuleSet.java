package io.wxops.core.inbox;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.hankcs.algorithm.AhoCorasickDoubleArrayTrie;
import io.wxops.core.text.TextNormaliser;
import io.wxops.core.text.UnusableKeywords;

/**
 * An account's classification rules, compiled: KEYWORD patterns normalised as the
 * screening lexicon normalises terms and built into one Aho-Corasick automaton, and
 * MENU_KEY patterns in a map. Classifying a message is then one pass over its text
 * however many rules (a malicious-term list of thousands, say) the account has.
 *
 * <p>
 * The rule that decides is the matching one listed first: highest priority, then the
 * oldest. Immutable and safe to share between routing threads. Routing (admin-api) files
 * messages with it and the gateway applies the same rules before a passive reply, so both
 * match a keyword alike.
 */
public final class RuleSet {

	/**
	 * Highest priority first, then the oldest: the order rules are listed and applied.
	 */
	public static final Comparator<InboxRule> ORDER = Comparator.comparingInt(InboxRule::getPriority)
		.reversed()
		.thenComparing(InboxRule::getId);

	private final AhoCorasickDoubleArrayTrie<InboxRule> keywords;

	private final Map<String, InboxRule> menuKeys;

	/** No rules: every message is a CONSULTATION, no click is classified. */
	public static final RuleSet EMPTY = new RuleSet(null, Map.of());

	private RuleSet(AhoCorasickDoubleArrayTrie<InboxRule> keywords, Map<String, InboxRule> menuKeys) {
		this.keywords = keywords;
		this.menuKeys = menuKeys;
	}

	public static RuleSet compile(List<InboxRule> rules) {
		// Of rules with the same normalised keyword (or menu key) only the first in order
		// can ever decide.
		Map<String, InboxRule> keywords = new TreeMap<>();
		Map<String, InboxRule> menuKeys = new HashMap<>();
		for (InboxRule rule : rules.stream().sorted(ORDER).toList()) {
			switch (rule.getKind()) {
				case "KEYWORD" -> {
					// One that normalises to nothing or one character is skipped (and
					// reported once).
					if (UnusableKeywords.check("inb_rule", rule.getId(), rule.getPattern())) {
						keywords.putIfAbsent(TextNormaliser.keyword(rule.getPattern()), rule);
					}
				}
				case "MENU_KEY" -> menuKeys.putIfAbsent(rule.getPattern(), rule);
				default -> {
					// No other kind is accepted when a rule is added.
				}
			}
		}
		AhoCorasickDoubleArrayTrie<InboxRule> automaton = null;
		if (!keywords.isEmpty()) {
			automaton = new AhoCorasickDoubleArrayTrie<>();
			automaton.build(keywords);
		}
		return new RuleSet(automaton, Map.copyOf(menuKeys));
	}

	/**
	 * The category, when a rule names one the responsible unit, and the rule that decided
	 * (null when none matched: the message is a CONSULTATION by default, and a follow-up
	 * joins the follower's open ticket instead).
	 */
	public record Classification(Category category, Long department, Long ruleId) {

		public static final Classification DEFAULT = new Classification(Category.CONSULTATION, null, null);

		static Classification of(InboxRule rule) {
			return (rule != null)
					? new Classification(Category.valueOf(rule.getCategory()), rule.getDepartmentId(), rule.getId())
					: DEFAULT;
		}

		/** Whether a rule classified the message (rather than the default). */
		public boolean matched() {
			return this.ruleId != null;
		}

	}

	/**
	 * Classifies a message ({@code text}, null for media) or a menu click
	 * ({@code eventKey}). A message no rule matches is a CONSULTATION; a click no
	 * MENU_KEY rule names is null: most menu buttons (news, "about us") ask nothing.
	 */
	public Classification classify(String text, String eventKey) {
		if (eventKey != null) {
			InboxRule rule = this.menuKeys.get(eventKey);
			return (rule != null) ? Classification.of(rule) : null;
		}
		if (text == null || this.keywords == null) {
			return Classification.DEFAULT;
		}
		String normalised = TextNormaliser.normaliseTerm(text);
		InboxRule[] best = new InboxRule[1];
		this.keywords.parseText(normalised, (begin, end, rule) -> {
			if (best[0] == null || ORDER.compare(rule, best[0]) < 0) {
				best[0] = rule;
			}
		});
		return Classification.of(best[0]);
	}

}
