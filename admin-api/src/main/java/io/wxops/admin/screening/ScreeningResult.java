package io.wxops.admin.screening;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The outcome of screening one article.
 *
 * @param passed true if and only if there are no findings
 * @param lexiconVersion the version of the lexicon screened against
 * @param countedChars the characters of title and body that count against the account's
 * limit: code points other than whitespace, punctuation included
 * @param maxChars the account's limit
 * @param findings everything to fix, by field (title, author, digest, body, source) and
 * then position
 */
@Schema(description = "Outcome of screening one article: passed is true iff findings is empty.")
public record ScreeningResult(boolean passed, int lexiconVersion, int countedChars, int maxChars,
		List<Finding> findings) {

}
