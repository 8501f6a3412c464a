package io.wxops.admin.screening;

import io.wxops.admin.screening.TextNormaliser.Normalised;
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
	void emojiBetweenCharactersAreDropped() {
		assertThat(TextNormaliser.normaliseTerm("内\uD83D\uDE00部")).isEqualTo("内部");
	}

}
