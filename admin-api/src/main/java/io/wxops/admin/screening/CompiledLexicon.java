package io.wxops.admin.screening;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.wxops.core.text.TextNormaliser;

import com.hankcs.algorithm.AhoCorasickDoubleArrayTrie;

/**
 * A lexicon ready for screening: its terms normalised by {@link TextNormaliser} and
 * compiled into one Aho-Corasick automaton, so that finding every occurrence of every
 * term costs one pass over the text however many terms there are.
 *
 * <p>
 * Immutable and safe to share between threads: compile once per lexicon version and reuse
 * it for every article.
 */
public final class CompiledLexicon {

	private final int version;

	private final int size;

	/** Null when the lexicon is empty: the automaton cannot be built without keys. */
	private final AhoCorasickDoubleArrayTrie<LexiconTerm[]> automaton;

	private CompiledLexicon(int version, int size, AhoCorasickDoubleArrayTrie<LexiconTerm[]> automaton) {
		this.version = version;
		this.size = size;
		this.automaton = automaton;
	}

	/**
	 * Compiles {@code terms}. A term that is empty once normalised (only punctuation,
	 * say) is dropped. Terms that normalise alike are one key of the automaton; a key
	 * keeps one term per category, so a term listed under two categories is reported
	 * under both.
	 */
	public static CompiledLexicon compile(int version, Collection<LexiconTerm> terms) {
		Map<String, List<LexiconTerm>> byKey = new HashMap<>(terms.size() * 2);
		int size = 0;
		for (LexiconTerm term : terms) {
			String key = TextNormaliser.normaliseTerm(term.term());
			if (key.isEmpty()) {
				continue;
			}
			List<LexiconTerm> same = byKey.computeIfAbsent(key, (k) -> new ArrayList<>(1));
			if (same.stream().noneMatch((t) -> t.category() == term.category())) {
				same.add(term);
				size++;
			}
		}
		if (byKey.isEmpty()) {
			return new CompiledLexicon(version, 0, null);
		}
		Map<String, LexiconTerm[]> keys = new HashMap<>(byKey.size() * 2);
		byKey.forEach((key, same) -> keys.put(key, same.toArray(LexiconTerm[]::new)));
		AhoCorasickDoubleArrayTrie<LexiconTerm[]> automaton = new AhoCorasickDoubleArrayTrie<>();
		automaton.build(keys);
		return new CompiledLexicon(version, size, automaton);
	}

	/**
	 * The version of the lexicon this was compiled from, recorded with each screening.
	 */
	public int version() {
		return this.version;
	}

	/** The number of (term, category) entries kept: what the lexicon can report. */
	public int size() {
		return this.size;
	}

	/**
	 * Every occurrence of every term in normalised text, overlapping ones included, in
	 * the order their ends are reached. Positions are normalised indices.
	 */
	List<Match> find(CharSequence normalised) {
		List<Match> matches = new ArrayList<>();
		if (this.automaton != null) {
			// A block body, so that the lambda is an IHit and not the boolean
			// IHitCancellable.
			this.automaton.parseText(normalised, (begin, end, found) -> {
				matches.add(new Match(begin, end, found));
			});
		}
		return matches;
	}

	/**
	 * Normalised {@code [start, end)} equals the normalised form of each of
	 * {@code terms}.
	 */
	record Match(int start, int end, LexiconTerm[] terms) {
	}

}
