package io.wxops.core.text;

import java.text.Normalizer;

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
	void ideographsAndHangulSyllablesAreTheirOwnNfkcForm() {
		// the table takes these ranges as stable without asking the normaliser
		int[][] ranges = { { 0x3400, 0x4DBF }, { 0x4E00, 0x9FFF }, { 0xAC00, 0xD7A3 } };
		for (int[] range : ranges) {
			for (int cp = range[0]; cp <= range[1]; cp++) {
				String c = String.valueOf((char) cp);
				assertThat(Normalizer.normalize(c, Normalizer.Form.NFKC)).isEqualTo(c);
				assertThat(TextNormaliser.normaliseTerm(c)).isEqualTo(c);
			}
		}
	}

	@Test
	void compatibilityIdeographsBecomeUnifiedIdeographs() {
		// U+F900 CJK COMPATIBILITY IDEOGRAPH is U+8C48 once normalised
		assertThat(TextNormaliser.normaliseTerm("\uF900")).isEqualTo("\u8C48");
	}

	@Test
	void emojiBetweenCharactersAreDropped() {
		assertThat(TextNormaliser.normaliseTerm("内\uD83D\uDE00部")).isEqualTo("内部");
	}

}
