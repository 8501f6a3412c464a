package io.wxops.core.text;

import java.text.Normalizer;
import java.util.Arrays;

/**
 * The one normalisation that lexicon terms and article text both go through, so that a
 * term still matches when an author disguises it: full-width or other compatibility forms
 * (NFKC), upper case, and whitespace, punctuation, symbols or invisible characters put
 * between its characters.
 *
 * <p>
 * Each char maps to its canonical form on its own, never to a form that depends on its
 * neighbours, so every normalised char can name the one original char it came from. A hit
 * in the normalised text maps back to the original with {@link Normalised#originStart}
 * and {@link Normalised#originEnd}.
 *
 * <p>
 * Screening runs on every save of every draft, so the work for a BMP char is one table
 * lookup, computed once per JVM: no regex, no allocation per char. Supplementary chars
 * (rare in articles) take a slower path.
 */
public final class TextNormaliser {

	/** Table value for a char that is dropped. NUL is a control char, always dropped. */
	private static final char DROP = 0;

	/**
	 * Table value for a char whose canonical form is more than one char (ligatures, "㎏",
	 * "Ⅻ"); the form is in {@link #EXPANSIONS}. U+FFFF is a noncharacter and is itself
	 * dropped, so the value is free.
	 */
	private static final char EXPANDS = 0xFFFF;

	private static final char[] CANONICAL = new char[0x10000];

	private static final String[] EXPANSIONS = new String[0x10000];

	static {
		for (int c = 0; c < 0x10000; c++) {
			if (Character.isSurrogate((char) c)) {
				continue; // handled as pairs at run time
			}
			String form = canonicalForm(c);
			if (form.isEmpty() || c == 0xFFFF) {
				CANONICAL[c] = DROP;
			}
			else if (form.length() == 1) {
				CANONICAL[c] = form.charAt(0);
			}
			else {
				CANONICAL[c] = EXPANDS;
				EXPANSIONS[c] = form;
			}
		}
	}

	private TextNormaliser() {
	}

	/**
	 * The normalised form of a lexicon term: what the term must equal in normalised
	 * article text. Empty when nothing of the term survives normalisation.
	 */
	public static String normaliseTerm(String term) {
		Normalised n = normalise(term);
		return new String(n.chars, 0, n.length);
	}

	/** Normalises {@code text}, keeping for every kept char the index it came from. */
	public static Normalised normalise(String text) {
		int n = text.length();
		char[] out = new char[n + 8];
		int[] origin = new int[n + 8];
		int len = 0;
		for (int i = 0; i < n; i++) {
			char c = text.charAt(i);
			char mapped = CANONICAL[c];
			if (mapped == DROP) {
				if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
					String form = canonicalForm(Character.toCodePoint(c, text.charAt(i + 1)));
					if (len + form.length() > out.length) {
						out = Arrays.copyOf(out, out.length * 2 + form.length());
						origin = Arrays.copyOf(origin, out.length);
					}
					for (int k = 0; k < form.length(); k++) {
						out[len] = form.charAt(k);
						origin[len++] = i;
					}
					i++;
				}
				continue;
			}
			if (mapped == EXPANDS) {
				String form = EXPANSIONS[c];
				if (len + form.length() > out.length) {
					out = Arrays.copyOf(out, out.length * 2 + form.length());
					origin = Arrays.copyOf(origin, out.length);
				}
				for (int k = 0; k < form.length(); k++) {
					out[len] = form.charAt(k);
					origin[len++] = i;
				}
				continue;
			}
			if (len == out.length) {
				out = Arrays.copyOf(out, out.length * 2);
				origin = Arrays.copyOf(origin, out.length);
			}
			out[len] = mapped;
			origin[len++] = i;
		}
		return new Normalised(text, out, origin, len);
	}

	/**
	 * True for what is dropped: whitespace, punctuation, symbols, control and format
	 * chars (which include the zero-width space, joiners and the BOM), and the invisible
	 * chars of other categories that can be slipped between a term's characters.
	 */
	static boolean isDropped(int cp) {
		switch (Character.getType(cp)) {
			case Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
					Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
					Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
					Character.OTHER_PUNCTUATION, Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL,
					Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL, Character.CONTROL, Character.FORMAT:
				return true;
			default:
				return isInvisible(cp);
		}
	}

	/**
	 * Chars that render as nothing although they are letters or marks: variation
	 * selectors, the combining grapheme joiner, Hangul fillers, Khmer inherent vowels.
	 */
	private static boolean isInvisible(int cp) {
		return (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF) || cp == 0x034F || cp == 0x115F
				|| cp == 0x1160 || cp == 0x3164 || cp == 0xFFA0 || cp == 0x17B4 || cp == 0x17B5 || cp == 0x200B
				|| cp == 0x200C || cp == 0x200D || cp == 0x2060 || cp == 0xFEFF;
	}

	/**
	 * The canonical form of one code point: empty if it is dropped, else its NFKC form
	 * lower-cased, less anything in that form that is itself dropped (NFKC turns "㈠" into
	 * "(一)", of which "一" is kept).
	 */
	private static String canonicalForm(int cp) {
		if (isStable(cp)) {
			return String.valueOf((char) cp);
		}
		if (isDropped(cp)) {
			return "";
		}
		String nfkc = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKC);
		StringBuilder form = new StringBuilder(nfkc.length());
		for (int i = 0; i < nfkc.length(); i += Character.charCount(nfkc.codePointAt(i))) {
			int k = nfkc.codePointAt(i);
			if (!isDropped(k)) {
				form.appendCodePoint(Character.toLowerCase(k));
			}
		}
		return form.toString();
	}

	/**
	 * CJK unified ideographs and Hangul syllables, two thirds of the BMP, are their own
	 * canonical form: answering without the normaliser keeps the table's start-up short.
	 */
	private static boolean isStable(int cp) {
		return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0xAC00 && cp <= 0xD7A3);
	}

	/**
	 * Normalised text: {@code length} chars of {@code chars}, each knowing the index of
	 * the char in the original text it came from. A {@link CharSequence}, so a matcher
	 * can scan it without a copy.
	 */
	public static final class Normalised implements CharSequence {

		private final String original;

		private final char[] chars;

		private final int[] origin;

		private final int length;

		private Normalised(String original, char[] chars, int[] origin, int length) {
			this.original = original;
			this.chars = chars;
			this.origin = origin;
			this.length = length;
		}

		/**
		 * The index in the original text of the char that normalised char {@code i} came
		 * from.
		 */
		public int originStart(int i) {
			return this.origin[i];
		}

		/**
		 * One past the original index of the char that normalised char {@code end - 1}
		 * came from, so that normalised {@code [start, end)} maps to original
		 * {@code [originStart(start), originEnd(end))}, which includes any dropped chars
		 * in between.
		 */
		public int originEnd(int end) {
			int last = this.origin[end - 1];
			return Character.isHighSurrogate(this.original.charAt(last)) ? last + 2 : last + 1;
		}

		@Override
		public int length() {
			return this.length;
		}

		@Override
		public char charAt(int index) {
			return this.chars[index];
		}

		@Override
		public CharSequence subSequence(int start, int end) {
			return new String(this.chars, start, end - start);
		}

		@Override
		public String toString() {
			return new String(this.chars, 0, this.length);
		}

	}

}
