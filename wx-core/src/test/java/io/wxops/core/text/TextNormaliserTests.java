package io.wxops.core.text;

import java.text.Normalizer;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import io.wxops.core.text.TextNormaliser.Normalised;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextNormaliserTests {

	@Test
	void fullWidthLettersDigitsAndSpacesBecomeAsciiLowerCase() {
		assertThat(TextNormaliser.normaliseTerm("ＶＰＮ　翻墙１２３")).isEqualTo("vpn翻墙123");
	}

	@Test
	void whitespacePunctuationSymbolsAndInvisibleCharsAreDropped() {
		assertThat(TextNormaliser.normaliseTerm(" 内·部/文-件！\t\n★\u200B\u200C\u200D\uFEFF。")).isEqualTo("内部文件");
	}

	@Test
	void upperCaseIsLowerCased() {
		assertThat(TextNormaliser.normaliseTerm("VpN")).isEqualTo("vpn");
	}

	@Test
	void compatibilityFormsThatExpandKeepOnlyTheirLettersAndDigits() {
		assertThat(TextNormaliser.normaliseTerm("ﬁ㈠")).isEqualTo("fi一");
	}

	@Test
	void termOfOnlyPunctuationNormalisesToEmpty() {
		assertThat(TextNormaliser.normaliseTerm("，。！ ")).isEmpty();
	}

	@Test
	void everyKeptCharKnowsItsOriginalIndex() {
		Normalised n = TextNormaliser.normalise("a 内·部");
		assertThat(n.toString()).isEqualTo("a内部");
		assertThat(n.originStart(0)).isEqualTo(0);
		assertThat(n.originStart(1)).isEqualTo(2);
		assertThat(n.originStart(2)).isEqualTo(4);
		assertThat(n.originEnd(3)).isEqualTo(5);
	}

	@Test
	void supplementaryLettersAreNormalisedAndEndAfterTheirLowSurrogate() {
		// U+1D400 MATHEMATICAL BOLD CAPITAL A is "a" once normalised
		Normalised n = TextNormaliser.normalise("x\uD835\uDC00");
		assertThat(n.toString()).isEqualTo("xa");
		assertThat(n.originStart(1)).isEqualTo(1);
		assertThat(n.originEnd(2)).isEqualTo(3);
	}

	@Test
	void ideographsAndHangulSyllablesAreTheirOwnNfkcFormAndFoldToOneCodePoint() {
		// the table takes these ranges as stable without asking the normaliser; only the
		// traditional-to-simplified fold applies, one code point to one
		int[][] ranges = { { 0x3400, 0x4DBF }, { 0x4E00, 0x9FFF }, { 0xAC00, 0xD7A3 } };
		for (int[] range : ranges) {
			for (int cp = range[0]; cp <= range[1]; cp++) {
				String c = String.valueOf((char) cp);
				assertThat(Normalizer.normalize(c, Normalizer.Form.NFKC)).isEqualTo(c);
				String folded = TextNormaliser.normaliseTerm(c);
				assertThat(folded.codePointCount(0, folded.length())).as("U+%04X", cp).isEqualTo(1);
			}
		}
		assertThat(TextNormaliser.normaliseTerm("音")).isEqualTo("音");
		assertThat(TextNormaliser.normaliseTerm("한국")).isEqualTo("한국");
	}

	@Test
	void compatibilityIdeographsBecomeUnifiedIdeographs() {
		// U+F900 CJK COMPATIBILITY IDEOGRAPH is U+8C48 豈 once normalised, which folds
		// further to its simplified form 岂 like U+8C48 itself
		assertThat(TextNormaliser.normaliseTerm("\uF900")).isEqualTo(TextNormaliser.normaliseTerm("\u8C48"))
			.isEqualTo("岂");
	}

	@Test
	void emojiBetweenCharactersAreDropped() {
		assertThat(TextNormaliser.normaliseTerm("内\uD83D\uDE00部")).isEqualTo("内部");
	}

	@Test
	void symbolCompatibilityFormsAreFoldedBeforeSymbolsAreDropped() {
		// Kangxi radical, circled ideographs and a circled letter: symbols whose NFKC
		// form is
		// a letter or an ideograph
		assertThat(TextNormaliser.normaliseTerm("⾳乐")).isEqualTo("音乐");
		assertThat(TextNormaliser.normaliseTerm("㊞章")).isEqualTo("印章");
		assertThat(TextNormaliser.normaliseTerm("ⒹVD")).isEqualTo("dvd");
		assertThat(TextNormaliser.normaliseTerm("⼈民")).isEqualTo("人民");
		assertThat(TextNormaliser.normaliseTerm("㊙密")).isEqualTo("秘密");
		assertThat(TextNormaliser.normaliseTerm("™")).isEqualTo("tm");
	}

	@Test
	void cjkRadicalsSupplementAndStrokesFoldToTheirEquivalentIdeograph() {
		// NFKC leaves U+2E85 CJK RADICAL PERSON and U+31D0 CJK STROKE H alone
		assertThat(Normalizer.normalize("\u2E85", Normalizer.Form.NFKC)).isEqualTo("\u2E85");
		assertThat(TextNormaliser.normaliseTerm("\u2E85")).isEqualTo("\u4EBB");
		assertThat(TextNormaliser.normaliseTerm("\u31D0")).isEqualTo("一");
		// U+2E87 CJK RADICAL TABLE is the supplementary ideograph U+20628
		assertThat(TextNormaliser.normaliseTerm("\u2E87")).isEqualTo(new String(Character.toChars(0x20628)));
		// every radical of the supplement that the data names folds to an ideograph
		for (int cp = 0x2E81; cp <= 0x2EF3; cp++) {
			if (UCharacter.isDefined(cp)) {
				String folded = TextNormaliser.normaliseTerm(new String(Character.toChars(cp)));
				assertThat(UCharacter.hasBinaryProperty(folded.codePointAt(0), UProperty.IDEOGRAPHIC)).as("U+%04X", cp)
					.isTrue();
			}
		}
	}

	@Test
	void everyDefaultIgnorableCodePointIsDropped() {
		// Mongolian free variation selectors (U+180B..U+180F) were missed by a hand list
		assertThat(TextNormaliser.normaliseTerm("内\u180B部\u180C文\u180D件\u180E\u180F")).isEqualTo("内部文件");
		assertThat(TextNormaliser.normaliseTerm("法\u00AD轮\u2064功\u3164\uFFA0")).isEqualTo("法轮功");
		StringBuilder all = new StringBuilder("内");
		for (int cp = 0; cp <= 0x10FFFF; cp++) {
			if (UCharacter.hasBinaryProperty(cp, UProperty.DEFAULT_IGNORABLE_CODE_POINT)) {
				all.appendCodePoint(cp);
			}
		}
		all.append("部");
		assertThat(TextNormaliser.normaliseTerm(all.toString())).isEqualTo("内部");
	}

	@Test
	void traditionalFormsFoldToSimplifiedOneCharForOne() {
		assertThat(TextNormaliser.normaliseTerm("法輪功")).isEqualTo("法轮功");
		assertThat(TextNormaliser.normaliseTerm("臺灣")).isEqualTo(TextNormaliser.normaliseTerm("台湾"));
		// 㑮 (U+346E) is simplified 𫝈 (U+2B748): both meet in one form
		assertThat(TextNormaliser.normaliseTerm(new String(Character.toChars(0x2B748))))
			.isEqualTo(TextNormaliser.normaliseTerm("\u346E"));
		Normalised n = TextNormaliser.normalise("看法輪功了");
		assertThat(n.toString()).isEqualTo("看法轮功了");
		assertThat(n.originStart(2)).isEqualTo(2);
		assertThat(n.originEnd(4)).isEqualTo(4);
	}

	@Test
	void expansionsMapBackToTheOneCharTheyCameFrom() {
		// ㍿ (U+337F) is 株式会社, ﬁ is fi: a hit inside either names the whole char
		Normalised n = TextNormaliser.normalise("x㍿ﬁy");
		assertThat(n.toString()).isEqualTo("x株式会社fiy");
		int at = n.toString().indexOf("会社");
		assertThat(n.originStart(at)).isEqualTo(1);
		assertThat(n.originEnd(at + 2)).isEqualTo(2);
		int fi = n.toString().indexOf("fi");
		assertThat(n.originStart(fi)).isEqualTo(2);
		assertThat(n.originEnd(fi + 2)).isEqualTo(3);
	}

	@Test
	void supplementaryIdeographsAreKeptAndCompatibilitySupplementIsFolded() {
		// U+20000 (CJK Ext. B) is its own form; U+2F800 CJK COMPATIBILITY IDEOGRAPH-2F800
		// is U+4E3D; emoji between them are dropped
		String extB = new String(Character.toChars(0x20000));
		Normalised n = TextNormaliser
			.normalise(extB + "\uD83D\uDC4D\uD83C\uDFFD" + new String(Character.toChars(0x2F800)));
		assertThat(n.toString()).isEqualTo(extB + "\u4E3D");
		assertThat(n.originStart(2)).isEqualTo(6);
		assertThat(n.originEnd(3)).isEqualTo(8);
	}

	@Test
	void foldingIsIdempotentOverTheBmp() {
		for (int cp = 0; cp < 0x10000; cp++) {
			if (Character.isSurrogate((char) cp)) {
				continue;
			}
			String once = TextNormaliser.normaliseTerm(String.valueOf((char) cp));
			assertThat(TextNormaliser.normaliseTerm(once)).as("U+%04X", cp).isEqualTo(once);
		}
	}

}
