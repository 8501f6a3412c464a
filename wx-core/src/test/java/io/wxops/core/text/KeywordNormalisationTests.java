package io.wxops.core.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which keywords are long enough to match with once normalised. */
class KeywordNormalisationTests {

	@Test
	void aKeywordIsNormalisedAsALexiconTerm() {
		assertThat(TextNormaliser.keyword(" Ｗｉ－Ｆｉ ")).isEqualTo(TextNormaliser.normaliseTerm(" Ｗｉ－Ｆｉ "));
		assertThat(TextNormaliser.keyword("投 诉")).isEqualTo("投诉");
	}

	@Test
	void keywordsThatNormaliseToOneCharacterOrNothingAreRefused() {
		assertThat(TextNormaliser.keyword(null)).isNull();
		assertThat(TextNormaliser.keyword("")).isNull();
		assertThat(TextNormaliser.keyword("  ")).isNull();
		assertThat(TextNormaliser.keyword("？！。")).isNull();
		assertThat(TextNormaliser.keyword("好")).isNull();
		assertThat(TextNormaliser.keyword(" 好！")).isNull();
		assertThat(TextNormaliser.keyword("Ａ")).isNull();
		assertThat(TextNormaliser.keyword("𠀀")).as("one code point outside the BMP").isNull();
		assertThat(TextNormaliser.keyword("好人")).isEqualTo("好人");
	}

	@Test
	void anUnusableRuleIsReportedAsSkipped() {
		assertThat(UnusableKeywords.check("test_rule", 1L, "好")).isFalse();
		assertThat(UnusableKeywords.check("test_rule", 1L, "好")).as("reported once, still skipped").isFalse();
		assertThat(UnusableKeywords.check("test_rule", 2L, "投诉")).isTrue();
	}

}
