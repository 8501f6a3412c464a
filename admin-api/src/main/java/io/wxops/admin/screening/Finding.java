package io.wxops.admin.screening;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One thing an editor must fix before the article may be sent.
 *
 * <p>
 * {@code start} and {@code end} are a half-open range of UTF-16 indices into the field's
 * text. For {@code title}, {@code author}, {@code digest} and {@code source} that is the
 * field as submitted. For {@code body} it is the body's visible text as
 * {@link VisibleText#of(String)} builds it from the HTML (text nodes only, entities
 * decoded, blocks separated by newlines), not the HTML itself: an editor UI shows that
 * text with the hits highlighted. A finding about a field as a whole (a missing source, a
 * missing title, an oversized HTML body) has {@code start == end == 0}.
 *
 * @param rule what was broken: one of the constants of this record
 * @param category the term's category for {@link #PROHIBITED_TERM}, else null
 * @param term the lexicon term as the lexicon wrote it for {@link #PROHIBITED_TERM}, else
 * null
 * @param field title, author, digest, body, attributes (the body's alt and title texts,
 * one a line) or source
 * @param start index of the first char of the hit
 * @param end one past the index of the last char of the hit
 * @param excerpt the hit with about ten chars of the field's text either side
 * @param message what is wrong and what to do, in Chinese and English
 */
@Schema(description = "One thing to fix before sending. start/end are a half-open range of UTF-16 indices into the "
		+ "field's text: for title, author, digest and source the text as submitted; for body the body's VISIBLE "
		+ "TEXT (text nodes of the HTML only, entities decoded, tags and attribute values left out, the contents "
		+ "of script/style/head/template/noscript/iframe left out, whitespace runs shown as one space, block "
		+ "elements separated by a newline), not the HTML source, so that an editor can show that text with the "
		+ "hits highlighted; for attributes the alt and title texts of the body's elements, one a line in document "
		+ "order. start = end = 0 for a finding about the whole field, and for IMAGE_NOT_UPLOADED (the body refers "
		+ "to an image, by src, data-src, srcset, CSS url() or SVG href, not uploaded through the article's image "
		+ "upload; excerpt is its URL). category and term are set only for PROHIBITED_TERM.")
public record Finding(String rule, Category category, String term, String field, int start, int end, String excerpt,
		String message) {

	/** A lexicon term occurs in the field. */
	public static final String PROHIBITED_TERM = "PROHIBITED_TERM";

	/** Title and body together have more characters than the account allows. */
	public static final String LENGTH = "LENGTH";

	/** No source is stated (注明信息来源). */
	public static final String SOURCE_MISSING = "SOURCE_MISSING";

	/**
	 * The body refers to an image that was not uploaded through the article's image
	 * upload ({@code excerpt} is its URL).
	 */
	public static final String IMAGE_NOT_UPLOADED = "IMAGE_NOT_UPLOADED";

	/** A field breaks a limit of WeChat's draft API. */
	public static final String WECHAT_LIMIT = "WECHAT_LIMIT";

}
