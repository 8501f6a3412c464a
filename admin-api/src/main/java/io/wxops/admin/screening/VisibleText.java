package io.wxops.admin.screening;

import java.util.Set;

import io.wxops.core.text.TextNormaliser;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;

/**
 * The text a reader sees in an article's HTML body. Screening reports positions in the
 * body as indices into this text, so an editor UI that shows it with highlights must
 * build it with {@link #of(String)}; the same HTML always gives the same text.
 *
 * <p>
 * Built from text nodes only, with entities decoded: tags, attribute values and comments
 * are not text, nor is the content of {@code script}, {@code style}, {@code head},
 * {@code template}, {@code noscript} and {@code iframe}. Each run of spaces, tabs and
 * line breaks in the source becomes one space, as a browser shows it; block elements
 * ({@code p}, {@code div}, {@code br}, {@code li}, {@code h1}, {@code tr}, ...) are
 * separated by one newline so that the words of two paragraphs are not glued together.
 * The text has no leading or trailing whitespace.
 */
public final class VisibleText {

	/** What a browser does not show as text; {@link BodyHtml} drops the same, whole. */
	static final Set<String> SKIPPED = Set.of("script", "style", "head", "template", "noscript", "iframe", "title",
			"object", "embed");

	private static final Set<String> BLOCKS = Set.of("address", "article", "aside", "blockquote", "br", "caption",
			"center", "dd", "details", "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer",
			"form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "legend", "li", "main", "nav", "ol",
			"p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul");

	private VisibleText() {
	}

	/**
	 * {@code text} without the leading and trailing code points a reader does not see
	 * (whitespace, control and format chars, Default_Ignorable_Code_Points such as the
	 * zero-width space or a variation selector); empty when nothing visible is left, null
	 * for null. A required field that is empty once trimmed is missing.
	 */
	public static String trim(String text) {
		if (text == null) {
			return null;
		}
		int start = 0;
		int end = text.length();
		while (start < end && !isSeen(text.codePointAt(start))) {
			start += Character.charCount(text.codePointAt(start));
		}
		while (end > start && !isSeen(text.codePointBefore(end))) {
			end -= Character.charCount(text.codePointBefore(end));
		}
		return text.substring(start, end);
	}

	/**
	 * Whether a reader sees the code point as (part of) a character: not whitespace, a
	 * control or format char, nor a Default_Ignorable_Code_Point.
	 */
	public static boolean isSeen(int cp) {
		return !(Character.isWhitespace(cp) || Character.isSpaceChar(cp) || Character.isISOControl(cp)
				|| Character.getType(cp) == Character.FORMAT || TextNormaliser.isIgnorable(cp));
	}

	/**
	 * The visible text of {@code html}: exactly the text of the sanitised body that ships
	 * ({@link BodyHtml}), since the sanitiser keeps every text node outside the elements
	 * skipped here and drops comments; empty for null or blank HTML.
	 */
	public static String of(String html) {
		if (html == null || html.isBlank()) {
			return "";
		}
		return read(Jsoup.parse(html), html.length()).body();
	}

	/**
	 * The visible text and the alt/title texts (one a line) of a parsed body, in one
	 * pass: both ship, so both are screened.
	 */
	static Parts read(Document raw, int capacity) {
		Collector text = new Collector(capacity);
		text.traverse(raw);
		return new Parts(text.finish(), text.attributes.toString());
	}

	record Parts(String body, String attributes) {
	}

	private static final class Collector implements NodeFilter {

		private final StringBuilder text;

		private final StringBuilder attributes = new StringBuilder();

		Collector(int capacity) {
			this.text = new StringBuilder(capacity);
		}

		private void attribute(Element element, String name) {
			String value = element.attr(name);
			if (!value.isBlank()) {
				if (!this.attributes.isEmpty()) {
					this.attributes.append('\n');
				}
				this.attributes.append(value);
			}
		}

		@Override
		public FilterResult head(Node node, int depth) {
			if (node instanceof TextNode textNode) {
				append(textNode.getWholeText());
			}
			else if (node instanceof Element element) {
				String name = element.normalName();
				if (SKIPPED.contains(name)) {
					return FilterResult.SKIP_ENTIRELY;
				}
				if (element.attributesSize() > 0) {
					attribute(element, "alt");
					attribute(element, "title");
				}
				if (BLOCKS.contains(name)) {
					breakLine();
				}
			}
			return FilterResult.CONTINUE;
		}

		@Override
		public FilterResult tail(Node node, int depth) {
			if (node instanceof Element element && BLOCKS.contains(element.normalName())) {
				breakLine();
			}
			return FilterResult.CONTINUE;
		}

		private void append(String s) {
			StringBuilder text = this.text;
			for (int i = 0, n = s.length(); i < n; i++) {
				char c = s.charAt(i);
				if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
					int last = text.length() - 1;
					if (last >= 0 && text.charAt(last) != ' ' && text.charAt(last) != '\n') {
						text.append(' ');
					}
				}
				else {
					text.append(c);
				}
			}
		}

		private void breakLine() {
			StringBuilder text = this.text;
			int last = text.length() - 1;
			if (last < 0 || text.charAt(last) == '\n') {
				return;
			}
			if (text.charAt(last) == ' ') {
				text.setCharAt(last, '\n');
			}
			else {
				text.append('\n');
			}
		}

		String finish() {
			int end = this.text.length();
			while (end > 0 && (this.text.charAt(end - 1) == ' ' || this.text.charAt(end - 1) == '\n')) {
				end--;
			}
			return this.text.substring(0, end);
		}

	}

}
