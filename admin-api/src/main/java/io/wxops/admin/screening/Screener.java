package io.wxops.admin.screening;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.wxops.admin.screening.CompiledLexicon.Match;
import io.wxops.core.text.TextNormaliser;
import io.wxops.core.text.TextNormaliser.Normalised;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.text.BreakIterator;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import org.springframework.stereotype.Component;

/**
 * Screens an article before it may be sent: prohibited terms in every field a follower
 * reads, the account's length limit, the stated source, and WeChat's own field limits.
 * Pure computation with no state, so one instance serves all threads; the caller chooses
 * the lexicon version and keeps the result.
 */
@Component
public class Screener {

	static final String TITLE = "title";

	static final String AUTHOR = "author";

	static final String DIGEST = "digest";

	static final String BODY = "body";

	static final String SOURCE = "source";

	static final String ATTRIBUTES = "attributes";

	// WeChat's draft/add limits (title 32, author 16, digest 128 characters; content
	// fewer than 20,000 characters and under 1 MB).
	static final int WECHAT_TITLE_MAX = 32;

	static final int WECHAT_AUTHOR_MAX = 16;

	static final int WECHAT_DIGEST_MAX = 128;

	static final int WECHAT_BODY_CHARS_BELOW = 20_000;

	static final int WECHAT_BODY_BYTES_BELOW = 1024 * 1024;

	private static final int EXCERPT_CONTEXT = 10;

	/**
	 * {@link #counts} for the BMP, so that counting a body is a table lookup per char.
	 */
	private static final boolean[] COUNTED = new boolean[0x10000];

	/**
	 * BMP chars that are always a grapheme cluster of their own (Grapheme_Cluster_Break
	 * Other, LF or Control: no extending, joining, Hangul or regional-indicator rule
	 * applies to them), so that a text of only these is counted char by char.
	 */
	private static final boolean[] SINGLE = new boolean[0x10000];

	static {
		for (int c = 0; c < COUNTED.length; c++) {
			COUNTED[c] = counts(c);
			int gcb = UCharacter.getIntPropertyValue(c, UProperty.GRAPHEME_CLUSTER_BREAK);
			SINGLE[c] = !Character.isSurrogate((char) c) && (gcb == UCharacter.GraphemeClusterBreak.OTHER
					|| gcb == UCharacter.GraphemeClusterBreak.LF || gcb == UCharacter.GraphemeClusterBreak.CONTROL);
		}
	}

	private static final List<String> FIELD_ORDER = List.of(TITLE, AUTHOR, DIGEST, BODY, ATTRIBUTES, SOURCE);

	private static final List<String> RULE_ORDER = List.of(Finding.PROHIBITED_TERM, Finding.LENGTH,
			Finding.SOURCE_MISSING, Finding.IMAGE_NOT_UPLOADED, Finding.WECHAT_LIMIT);

	private static final Comparator<Finding> ORDER = Comparator
		.comparingInt((Finding f) -> FIELD_ORDER.indexOf(f.field()))
		.thenComparingInt(Finding::start)
		.thenComparingInt(Finding::end)
		.thenComparingInt((f) -> RULE_ORDER.indexOf(f.rule()))
		.thenComparing(Finding::category, Comparator.nullsFirst(Comparator.naturalOrder()))
		.thenComparing(Finding::term, Comparator.nullsFirst(Comparator.naturalOrder()));

	public ScreeningResult screen(ScreeningInput input, CompiledLexicon lexicon) {
		String title = (input.title() != null) ? input.title() : "";
		String author = (input.author() != null) ? input.author() : "";
		String digest = (input.digest() != null) ? input.digest() : "";
		String html = (input.bodyHtml() != null) ? input.bodyHtml() : "";
		String source = (input.source() != null) ? input.source() : "";
		// What ships is the sanitiser's output, so its text is what is screened: read
		// from the parsed body in one pass, without building the sanitised copy (its
		// text nodes are the same).
		Document raw = Jsoup.parse(html);
		VisibleText.Parts parts = VisibleText.read(raw, html.length());
		String body = parts.body();
		String attributes = parts.attributes();

		List<Finding> findings = new ArrayList<>();
		findTerms(findings, TITLE, title, lexicon, input.marketingForbidden());
		findTerms(findings, AUTHOR, author, lexicon, input.marketingForbidden());
		findTerms(findings, DIGEST, digest, lexicon, input.marketingForbidden());
		findTerms(findings, BODY, body, lexicon, input.marketingForbidden());
		findTerms(findings, ATTRIBUTES, attributes, lexicon, input.marketingForbidden());
		// The source is rendered into the draft: screened like the body, not counted.
		findTerms(findings, SOURCE, source, lexicon, input.marketingForbidden());
		if (input.imageUrls() != null) {
			checkImages(findings, BodyHtml.imageReferences(raw), input.imageUrls());
		}
		int counted = checkLength(findings, title, body, input.maxChars());
		if (input.source() == null || VisibleText.trim(input.source()).isEmpty()) {
			findings.add(new Finding(Finding.SOURCE_MISSING, null, null, SOURCE, 0, 0, "",
					"请注明信息来源 / State the source of the information: an item without one is refused."));
		}
		checkWeChatLimits(findings, title, author, digest, html);
		findings.sort(ORDER);
		return new ScreeningResult(findings.isEmpty(), lexicon.version(), counted, input.maxChars(),
				List.copyOf(findings));
	}

	private static void findTerms(List<Finding> findings, String field, String text, CompiledLexicon lexicon,
			boolean marketingForbidden) {
		if (text.isEmpty()) {
			return;
		}
		Normalised normalised = TextNormaliser.normalise(text);
		for (Match match : lexicon.find(normalised)) {
			int start = normalised.originStart(match.start());
			int end = normalised.originEnd(match.end());
			String found = text.substring(start, end);
			for (LexiconTerm term : match.terms()) {
				if (term.category() == Category.COMMERCIAL_MARKETING && !marketingForbidden) {
					continue;
				}
				findings.add(new Finding(Finding.PROHIBITED_TERM, term.category(), term.term(), field, start, end,
						excerpt(text, start, end),
						"命中禁用词「" + term.term() + "」（" + term.category().label() + "），请删除或改写「" + found + "」 / \"" + found
								+ "\" matches the prohibited term \"" + term.term() + "\" (" + term.category()
								+ "): remove or rewrite it."));
			}
		}
	}

	/**
	 * Counts the characters of title and body that the account's limit applies to, and
	 * reports where in the body the limit is first exceeded.
	 */
	private static int checkLength(List<Finding> findings, String title, String body, int maxChars) {
		int counted = countUpTo(title, Integer.MAX_VALUE, 0)[0];
		int[] bodyCount = countUpTo(body, maxChars + 1, counted);
		counted = bodyCount[0];
		if (counted > maxChars) {
			int overflow = Math.max(bodyCount[1], 0);
			findings.add(new Finding(Finding.LENGTH, null, null, BODY, overflow, body.length(),
					excerpt(body, overflow, overflow),
					"标题和正文共 " + counted + " 字，本账号上限 " + maxChars + " 字，请删减 " + (counted - maxChars) + " 字 / " + counted
							+ " characters, the account allows " + maxChars + ": cut " + (counted - maxChars)
							+ " (title and body count together, punctuation included; the excess starts here)."));
		}
		return counted;
	}

	/**
	 * Counts the characters of {@code text} a reader sees, starting from {@code counted}:
	 * grapheme clusters (an emoji with a skin tone or a ZWJ family, a letter with
	 * combining marks, a flag is one) of which some code point {@link #counts counts}.
	 * Returns the new count and the index at which it reached {@code mark} (-1 if it
	 * never did).
	 */
	private static int[] countUpTo(String text, int mark, int counted) {
		int reached = -1;
		int n = text.length();
		int simple = 0;
		while (simple < n && SINGLE[text.charAt(simple)]) {
			simple++;
		}
		if (simple == n) {
			// every char is a cluster of its own (the common case): no break iterator
			for (int i = 0; i < n; i++) {
				if (COUNTED[text.charAt(i)] && ++counted == mark) {
					reached = i;
				}
			}
			return new int[] { counted, reached };
		}
		BreakIterator clusters = BreakIterator.getCharacterInstance();
		clusters.setText(text);
		for (int start = clusters.first(),
				end = clusters.next(); end != BreakIterator.DONE; start = end, end = clusters.next()) {
			boolean seen = false;
			for (int i = start; i < end && !seen; i += Character.charCount(text.codePointAt(i))) {
				seen = counts(text.codePointAt(i));
			}
			if (seen && ++counted == mark) {
				reached = start;
			}
		}
		return new int[] { counted, reached };
	}

	/**
	 * Whether a code point counts against the account's limit: punctuation does,
	 * whitespace (no-break and ideographic spaces included), control and format chars and
	 * every Default_Ignorable_Code_Point (zero-width spaces and joiners, the BOM,
	 * variation selectors, Mongolian free variation selectors) do not, since a reader
	 * sees no character.
	 */
	static boolean counts(int cp) {
		return VisibleText.isSeen(cp);
	}

	private static void checkImages(List<Finding> findings, List<String> references, Set<String> uploaded) {
		Set<String> reported = new HashSet<>();
		for (String url : references) {
			if (!uploaded.contains(url) && reported.add(url)) {
				String shown = (url.length() > 200) ? url.substring(0, 200) + "…" : url;
				findings.add(new Finding(Finding.IMAGE_NOT_UPLOADED, null, null, BODY, 0, 0, shown,
						"正文引用了未经本文图片上传的图片，请上传后使用其地址 / The body refers to an image that was not uploaded "
								+ "for this article (" + shown
								+ "): upload it with POST /api/articles/{id}/images?kind=BODY "
								+ "and use the URL it returns."));
			}
		}
	}

	private static void checkWeChatLimits(List<Finding> findings, String title, String author, String digest,
			String html) {
		if (VisibleText.trim(title).isEmpty()) {
			findings
				.add(new Finding(Finding.WECHAT_LIMIT, null, null, TITLE, 0, 0, "", "请填写标题 / A title is required."));
		}
		else {
			checkFieldLength(findings, TITLE, "标题", title, WECHAT_TITLE_MAX);
		}
		checkFieldLength(findings, AUTHOR, "作者", author, WECHAT_AUTHOR_MAX);
		checkFieldLength(findings, DIGEST, "摘要", digest, WECHAT_DIGEST_MAX);
		int chars = html.codePointCount(0, html.length());
		if (chars >= WECHAT_BODY_CHARS_BELOW) {
			findings.add(new Finding(Finding.WECHAT_LIMIT, null, null, BODY, 0, 0, "",
					"正文 HTML 共 " + chars + " 字符，微信要求少于 " + WECHAT_BODY_CHARS_BELOW + " 字符 / The body's HTML has "
							+ chars + " characters and WeChat takes fewer than " + WECHAT_BODY_CHARS_BELOW
							+ ": markup counts too, so simplify the formatting or shorten the text."));
		}
		long bytes = utf8Length(html);
		if (bytes >= WECHAT_BODY_BYTES_BELOW) {
			findings.add(new Finding(Finding.WECHAT_LIMIT, null, null, BODY, 0, 0, "",
					"正文 HTML 为 " + bytes + " 字节，微信要求小于 1 MB / The body's HTML is " + bytes
							+ " bytes in UTF-8 and WeChat takes less than 1 MB: shorten it."));
		}
	}

	private static void checkFieldLength(List<Finding> findings, String field, String name, String text, int max) {
		int length = text.codePointCount(0, text.length());
		if (length > max) {
			int start = text.offsetByCodePoints(0, max);
			findings.add(new Finding(Finding.WECHAT_LIMIT, null, null, field, start, text.length(),
					excerpt(text, start, start), name + " " + length + " 字，微信限 " + max + " 字，请删减 / The " + field
							+ " has " + length + " characters and WeChat allows " + max + ": shorten it."));
		}
	}

	private static long utf8Length(String s) {
		long bytes = 0;
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (c < 0x80) {
				bytes += 1;
			}
			else if (c < 0x800) {
				bytes += 2;
			}
			else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
				bytes += 4;
				i++;
			}
			else {
				bytes += 3;
			}
		}
		return bytes;
	}

	/**
	 * The hit and about ten chars of context either side, never splitting a surrogate
	 * pair.
	 */
	static String excerpt(String text, int start, int end) {
		int from = Math.max(0, start - EXCERPT_CONTEXT);
		int to = Math.min(text.length(), end + EXCERPT_CONTEXT);
		if (from > 0 && Character.isLowSurrogate(text.charAt(from))) {
			from--;
		}
		if (to < text.length() && Character.isLowSurrogate(text.charAt(to))) {
			to++;
		}
		return text.substring(from, to);
	}

}
