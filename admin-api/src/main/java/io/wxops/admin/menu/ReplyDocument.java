package io.wxops.admin.menu;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.swagger.v3.oas.annotations.media.Schema;
import io.wxops.admin.screening.VisibleText;
import io.wxops.admin.web.Sha256;
import io.wxops.core.text.TextNormaliser;

/**
 * An account's passive-reply rules (自动回复) as one reviewed set: keyword replies, the
 * welcome on subscribe, the default, and answers to menu buttons (CLICK, by key). Text
 * replies only; image and news rules are kept as they are.
 */
@Schema(description = "The account's text reply rules, reviewed and applied as a whole.")
record ReplyDocument(@Schema(description = "At most 200 rules.") List<ReplyRule> rules) {

	static final int MAX_RULES = 200;

	static final int MAX_KEYWORD_CHARS = 64;

	/** WeChat's limit on a passive text reply, in bytes of UTF-8. */
	static final int MAX_REPLY_BYTES = 2048;

	static final Set<String> TRIGGERS = Set.of("KEYWORD", "SUBSCRIBE", "DEFAULT", "CLICK");

	ReplyDocument {
		rules = (rules != null) ? rules : List.of();
	}

	@Schema(description = "One rule.")
	record ReplyRule(
			@Schema(description = "KEYWORD (a text message), SUBSCRIBE (the welcome), DEFAULT (any other text) or "
					+ "CLICK (a menu button's key).") String trigger,
			@Schema(description = "For KEYWORD: EXACT (the whole message) or CONTAINS (the message contains the "
					+ "keyword).", nullable = true) String matchMode,
			@Schema(description = "For KEYWORD: the keyword (2 to 64 characters that count); for CLICK: the button's "
					+ "key (at most 128 bytes).", nullable = true) String keyword,
			@Schema(description = "The reply, at most 2048 bytes of UTF-8; screened.") String replyText,
			@Schema(description = "Among matching rules of a kind, higher wins; 0 to 1000, default 0.",
					nullable = true) Integer priority,
			@Schema(description = "Default true.", nullable = true) Boolean enabled) {
	}

	ReplyDocument normalised() {
		List<ReplyRule> out = new ArrayList<>();
		for (ReplyRule r : this.rules) {
			if (r == null) {
				out.add(null);
				continue;
			}
			String text = (r.replyText() != null) ? r.replyText().strip() : null;
			out.add(new ReplyRule(clean(r.trigger()), clean(r.matchMode()), clean(r.keyword()),
					(text == null || VisibleText.trim(text).isEmpty()) ? null : text,
					(r.priority() != null) ? r.priority() : 0, r.enabled() == null || r.enabled()));
		}
		return new ReplyDocument(out);
	}

	private static String clean(String value) {
		String trimmed = VisibleText.trim(value);
		return (trimmed == null || trimmed.isEmpty()) ? null : trimmed;
	}

	/** Everything wrong, by the path of the field. */
	Map<String, String> problems() {
		Map<String, String> errors = new LinkedHashMap<>();
		if (this.rules.size() > MAX_RULES) {
			errors.put("rules", "at most " + MAX_RULES + " rules");
			return errors;
		}
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < this.rules.size(); i++) {
			String at = "rules[" + i + "]";
			ReplyRule r = this.rules.get(i);
			if (r == null) {
				errors.put(at, "a rule is required here");
				continue;
			}
			if (r.trigger() == null || !TRIGGERS.contains(r.trigger())) {
				errors.put(at + ".trigger", "KEYWORD, SUBSCRIBE, DEFAULT or CLICK");
				continue;
			}
			switch (r.trigger()) {
				case "KEYWORD" -> {
					if (!"EXACT".equals(r.matchMode()) && !"CONTAINS".equals(r.matchMode())) {
						errors.put(at + ".matchMode", "EXACT or CONTAINS");
					}
					String key = (r.keyword() != null) ? TextNormaliser.keyword(r.keyword()) : null;
					if (r.keyword() == null || r.keyword().length() > MAX_KEYWORD_CHARS) {
						errors.put(at + ".keyword", "a keyword of at most " + MAX_KEYWORD_CHARS + " characters");
					}
					else if (key == null) {
						errors.put(at + ".keyword", "at least " + TextNormaliser.MIN_KEYWORD_LENGTH
								+ " characters that count (spacing and punctuation do not)");
					}
					else if (r.enabled() && !seen.add("KEYWORD:" + r.matchMode() + ":" + key)) {
						errors.put(at + ".keyword", "another enabled rule has this keyword and match mode");
					}
				}
				case "CLICK" -> {
					if (r.keyword() == null || r.keyword().getBytes(StandardCharsets.UTF_8).length > 128) {
						errors.put(at + ".keyword", "the menu button's key (at most 128 bytes)");
					}
					else if (r.enabled() && !seen.add("CLICK:" + r.keyword())) {
						errors.put(at + ".keyword", "another enabled rule answers this key");
					}
				}
				default -> {
					if (r.keyword() != null || r.matchMode() != null) {
						errors.put(at + ".keyword", "a " + r.trigger() + " rule has no keyword or match mode");
					}
					if (r.enabled() && !seen.add(r.trigger())) {
						errors.put(at + ".trigger", "only one enabled " + r.trigger() + " rule");
					}
				}
			}
			if (r.replyText() == null) {
				errors.put(at + ".replyText", "the reply is required");
			}
			else if (r.replyText().getBytes(StandardCharsets.UTF_8).length > MAX_REPLY_BYTES) {
				errors.put(at + ".replyText", "at most " + MAX_REPLY_BYTES + " bytes of UTF-8 (this one is "
						+ r.replyText().getBytes(StandardCharsets.UTF_8).length + ")");
			}
			if (r.priority() < 0 || r.priority() > 1000) {
				errors.put(at + ".priority", "0 to 1000");
			}
		}
		return errors;
	}

	String hash() {
		StringBuilder text = new StringBuilder();
		Sha256.appendField(text, "rules:" + this.rules.size());
		for (ReplyRule r : this.rules) {
			for (Object field : new Object[] { r.trigger(), r.matchMode(), r.keyword(), r.replyText(), r.priority(),
					r.enabled() }) {
				Sha256.appendField(text, Objects.toString(field, "\u0000"));
			}
		}
		return Sha256.hex(text.toString());
	}

}
