package io.wxops.admin.screening;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.wxops.core.text.TextNormaliser;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CompiledLexiconTests {

	@Test
	void termsEmptyAfterNormalisationAreDropped() {
		CompiledLexicon lexicon = CompiledLexicon.compile(3, List.of(new LexiconTerm("内部文件", Category.INTERNAL_OFFICE),
				new LexiconTerm("，。", Category.OTHER_PROHIBITED), new LexiconTerm(" ", Category.OTHER_PROHIBITED)));
		assertThat(lexicon.version()).isEqualTo(3);
		assertThat(lexicon.size()).isEqualTo(1);
	}

	@Test
	void sameNormalisedTermInTwoCategoriesKeepsBoth() {
		CompiledLexicon lexicon = CompiledLexicon.compile(1,
				List.of(new LexiconTerm("VPN翻墙", Category.STATE_SECURITY),
						new LexiconTerm("vpn 翻墙", Category.OTHER_PROHIBITED),
						new LexiconTerm("ｖｐｎ翻墙", Category.STATE_SECURITY)));
		assertThat(lexicon.size()).isEqualTo(2);
		List<CompiledLexicon.Match> matches = lexicon.find(TextNormaliser.normalise("用VPN翻墙"));
		assertThat(matches).hasSize(1);
		assertThat(matches.get(0).terms()).extracting(LexiconTerm::category)
			.containsExactlyInAnyOrder(Category.STATE_SECURITY, Category.OTHER_PROHIBITED);
	}

	@Test
	void emptyLexiconFindsNothing() {
		CompiledLexicon lexicon = CompiledLexicon.compile(0, List.of());
		assertThat(lexicon.size()).isZero();
		assertThat(lexicon.find(TextNormaliser.normalise("任何文字"))).isEmpty();
	}

	@Test
	void overlappingAndNestedTermsAreAllFound() {
		CompiledLexicon lexicon = CompiledLexicon.compile(1, List.of(new LexiconTerm("内部文件", Category.INTERNAL_OFFICE),
				new LexiconTerm("部文", Category.OTHER_PROHIBITED), new LexiconTerm("文件柜", Category.OTHER_PROHIBITED)));
		assertThat(lexicon.find(TextNormaliser.normalise("内部文件柜"))).extracting(CompiledLexicon.Match::start)
			.containsExactlyInAnyOrder(1, 0, 2);
	}

	@Test
	void twentyThousandTermsCompileWellUnderASecond() {
		Random random = new Random(42);
		List<LexiconTerm> terms = new ArrayList<>();
		Category[] categories = Category.values();
		for (int i = 0; i < 20_000; i++) {
			StringBuilder term = new StringBuilder();
			for (int k = 2 + random.nextInt(5); k > 0; k--) {
				term.append((char) (0x4E00 + random.nextInt(0x5000)));
			}
			terms.add(new LexiconTerm(term.toString(), categories[i % categories.length]));
		}
		CompiledLexicon.compile(0, terms.subList(0, 1000)); // warm up
		// The fastest of three compiles: what the code costs, not how long another
		// process
		// on a shared machine held the core during one of them.
		long millis = Long.MAX_VALUE;
		for (int run = 1; run <= 3; run++) {
			long started = System.nanoTime();
			CompiledLexicon lexicon = CompiledLexicon.compile(run, terms);
			millis = Math.min(millis, (System.nanoTime() - started) / 1_000_000);
			assertThat(lexicon.size()).isEqualTo(20_000);
		}
		assertThat(millis).isLessThan(1000);
	}

}
