package io.wxops.core.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UCharacterCategory;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.text.Normalizer2;

/**
 * The one normalisation that lexicon terms and article text both go through, so that a
 * term still matches when an author disguises it: compatibility forms (full-width
 * letters, circled letters and ideographs, Kangxi radicals, ligatures: NFKC), CJK
 * radicals and strokes that NFKC leaves alone (Unicode's EquivalentUnifiedIdeograph
 * data), traditional forms of simplified characters (OpenCC's TSCharacters data), case
 * (Unicode case folding), and whitespace, punctuation, symbols or invisible characters
 * put between its characters.
 *
 * <p>
 * Each code point is folded first and only then is anything dropped: "㊙" is a symbol
 * whose NFKC form is the ideograph "秘", which is kept. What is dropped is the separators,
 * punctuation, symbols, control and format characters that remain, and every
 * Default_Ignorable_Code_Point (ICU's property: zero-width spaces and joiners, variation
 * selectors, Mongolian free variation selectors, Hangul fillers, tags, ...).
 *
 * <p>
 * Each char maps to its canonical form on its own, never to a form that depends on its
 * neighbours, so every normalised char can name the one original char it came from. A hit
 * in the normalised text maps back to the original with {@link Normalised#originStart}
 * and {@link Normalised#originEnd}. The traditional-to-simplified fold is character by
 * character for the same reason (OpenCC's phrase tables would map several chars to
 * several).
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
	 * "㍿", a supplementary simplified form); the form is in {@link #EXPANSIONS}. U+FFFF
	 * is a noncharacter and is itself dropped, so the value is free.
	 */
	private static final char EXPANDS = 0xFFFF;

	/** NFKC with Unicode case folding: one table for width, compatibility and case. */
	private static final Normalizer2 NFKC_CASEFOLD = Normalizer2.getNFKCCasefoldInstance();

	/**
	 * CJK radicals and strokes to the unified ideograph they look like, from Unicode's
	 * EquivalentUnifiedIdeograph.txt (shipped beside this class with its licence header):
	 * NFKC maps the Kangxi radicals but not the CJK Radicals Supplement (U+2E80–U+2EFF)
	 * nor the strokes.
	 */
	private static final Map<Integer, Integer> EQUIVALENT_IDEOGRAPH = equivalentIdeographs();

	/**
	 * Traditional to simplified, character by character: OpenCC's TSCharacters.txt as the
	 * opencc4j artifact ships it (Apache-2.0), its first candidate for each character.
	 */
	private static final Map<Integer, Integer> SIMPLIFIED = simplifiedForms();

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

	/**
	 * Fewest characters (code points) a keyword must keep once normalised: a keyword that
	 * normalises to nothing or to one character (a lone "好", "?", a space) would match
	 * almost every message.
	 */
	public static final int MIN_KEYWORD_LENGTH = 2;

	/**
	 * A matching keyword (an auto-reply keyword, an inbox KEYWORD rule) normalised as
	 * {@link #normaliseTerm} does, or null when too little of it survives
	 * ({@link #MIN_KEYWORD_LENGTH}): such a keyword is refused and never matched.
	 */
	public static String keyword(String raw) {
		if (raw == null) {
			return null;
		}
		String key = normaliseTerm(raw);
		return (key.codePointCount(0, key.length()) >= MIN_KEYWORD_LENGTH) ? key : null;
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
			String form;
			int from = i;
			if (mapped == DROP) {
				if (!Character.isHighSurrogate(c) || i + 1 >= n || !Character.isLowSurrogate(text.charAt(i + 1))) {
					continue;
				}
				form = canonicalForm(Character.toCodePoint(c, text.charAt(i + 1)));
				i++;
			}
			else if (mapped == EXPANDS) {
				form = EXPANSIONS[c];
			}
			else {
				if (len == out.length) {
					out = Arrays.copyOf(out, out.length * 2);
					origin = Arrays.copyOf(origin, out.length);
				}
				out[len] = mapped;
				origin[len++] = i;
				continue;
			}
			if (len + form.length() > out.length) {
				out = Arrays.copyOf(out, out.length * 2 + form.length());
				origin = Arrays.copyOf(origin, out.length);
			}
			for (int k = 0; k < form.length(); k++) {
				out[len] = form.charAt(k);
				origin[len++] = from;
			}
		}
		return new Normalised(text, out, origin, len);
	}

	/**
	 * True for a code point that a reader does not see as a character of its own, and
	 * that is dropped once folded: whitespace, punctuation, symbols, control and format
	 * chars, and every Default_Ignorable_Code_Point.
	 */
	static boolean isDropped(int cp) {
		switch (UCharacter.getType(cp)) {
			case UCharacterCategory.SPACE_SEPARATOR, UCharacterCategory.LINE_SEPARATOR,
					UCharacterCategory.PARAGRAPH_SEPARATOR, UCharacterCategory.CONNECTOR_PUNCTUATION,
					UCharacterCategory.DASH_PUNCTUATION, UCharacterCategory.START_PUNCTUATION,
					UCharacterCategory.END_PUNCTUATION, UCharacterCategory.INITIAL_PUNCTUATION,
					UCharacterCategory.FINAL_PUNCTUATION, UCharacterCategory.OTHER_PUNCTUATION,
					UCharacterCategory.MATH_SYMBOL, UCharacterCategory.CURRENCY_SYMBOL,
					UCharacterCategory.MODIFIER_SYMBOL, UCharacterCategory.OTHER_SYMBOL, UCharacterCategory.CONTROL,
					UCharacterCategory.FORMAT:
				return true;
			default:
				return isIgnorable(cp);
		}
	}

	/**
	 * Unicode's Default_Ignorable_Code_Point: what renders as nothing unless a font
	 * chooses otherwise, so it may sit between a term's characters unseen.
	 */
	public static boolean isIgnorable(int cp) {
		return UCharacter.hasBinaryProperty(cp, UProperty.DEFAULT_IGNORABLE_CODE_POINT);
	}

	/**
	 * The canonical form of one code point: empty if it is ignorable; else its NFKC form,
	 * case-folded, each resulting code point mapped to its equivalent unified ideograph
	 * and its simplified form, less whatever of that is dropped (NFKC turns "㈠" into
	 * "(一)", of which "一" is kept; "㊙" into "秘", which is kept).
	 */
	private static String canonicalForm(int cp) {
		if (isStable(cp)) {
			return UCharacter.toString(SIMPLIFIED.getOrDefault(cp, cp));
		}
		if (isIgnorable(cp)) {
			return "";
		}
		String folded = NFKC_CASEFOLD.normalize(UCharacter.toString(cp));
		StringBuilder form = new StringBuilder(folded.length());
		for (int i = 0; i < folded.length(); i += Character.charCount(folded.codePointAt(i))) {
			int k = folded.codePointAt(i);
			k = EQUIVALENT_IDEOGRAPH.getOrDefault(k, k);
			k = SIMPLIFIED.getOrDefault(k, k);
			if (!isDropped(k)) {
				form.appendCodePoint(k);
			}
		}
		return form.toString();
	}

	/**
	 * CJK unified ideographs and Hangul syllables, two thirds of the BMP, are their own
	 * NFKC form: answering without the normaliser keeps the table's start-up short.
	 */
	private static boolean isStable(int cp) {
		return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0xAC00 && cp <= 0xD7A3);
	}

	private static Map<Integer, Integer> equivalentIdeographs() {
		Map<Integer, Integer> map = new HashMap<>(512);
		try (BufferedReader in = reader(TextNormaliser.class.getResourceAsStream("EquivalentUnifiedIdeograph.txt"),
				"EquivalentUnifiedIdeograph.txt")) {
			for (String line = in.readLine(); line != null; line = in.readLine()) {
				int hash = line.indexOf('#');
				String entry = ((hash >= 0) ? line.substring(0, hash) : line).trim();
				if (entry.isEmpty()) {
					continue;
				}
				String[] fields = entry.split(";");
				String[] range = fields[0].trim().split("\\.\\.");
				int first = Integer.parseInt(range[0], 16);
				int last = Integer.parseInt(range[range.length - 1], 16);
				int target = Integer.parseInt(fields[1].trim(), 16);
				for (int cp = first; cp <= last; cp++) {
					map.put(cp, target);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return map;
	}

	private static Map<Integer, Integer> simplifiedForms() {
		Map<Integer, Integer> map = new HashMap<>(8192);
		try (BufferedReader in = reader(TextNormaliser.class.getResourceAsStream("/data/dictionary/TSCharacters.txt"),
				"OpenCC's TSCharacters.txt (opencc4j)")) {
			for (String line = in.readLine(); line != null; line = in.readLine()) {
				int tab = line.indexOf('\t');
				if (tab <= 0 || line.startsWith("#")) {
					continue;
				}
				String key = line.substring(0, tab);
				String value = line.substring(tab + 1).trim();
				if (key.codePointCount(0, key.length()) != 1 || value.isEmpty()) {
					continue;
				}
				map.put(key.codePointAt(0), value.codePointAt(0));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		// A few simplified forms are themselves listed (薴 → 苧 → 苎): follow them to the
		// end, so that folding twice gives what folding once does.
		for (Map.Entry<Integer, Integer> e : map.entrySet()) {
			int target = e.getValue();
			for (int hops = 0; hops < 8 && map.containsKey(target) && map.get(target) != target; hops++) {
				target = map.get(target);
			}
			e.setValue(target);
		}
		// Where a BMP traditional char has a supplementary simplified form (㑮 → 𫝈), both
		// fold to the BMP one instead: matching stays the same (the two meet in one form)
		// and terms stay in the BMP, where the automaton is compact.
		Map<Integer, Integer> bmpFor = new HashMap<>();
		map.forEach((k, t) -> {
			if (k < 0x10000 && t >= 0x10000) {
				bmpFor.merge(t, k, Math::min);
			}
		});
		map.replaceAll((k, t) -> bmpFor.getOrDefault(t, t));
		map.putAll(bmpFor);
		map.entrySet().removeIf((e) -> e.getKey().equals(e.getValue()));
		return map;
	}

	private static BufferedReader reader(InputStream in, String what) {
		if (in == null) {
			throw new IllegalStateException(what + " is not on the class path");
		}
		return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
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
