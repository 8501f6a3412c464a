package io.wxops.admin.screening;

/** One entry of a lexicon: a prohibited term as the lexicon's maintainers wrote it. */
public record LexiconTerm(String term, Category category) {

	public LexiconTerm {
		if (term == null || category == null) {
			throw new IllegalArgumentException("a lexicon term needs its text and category");
		}
	}

}
