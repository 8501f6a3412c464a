package io.wxops.admin.screening;

import java.util.Set;

/**
 * What screening looks at: an article's fields as WeChat's draft API takes them, and the
 * account's policy.
 *
 * @param title the title
 * @param author the author, may be null
 * @param digest the digest (摘要), may be null
 * @param bodyHtml the body as HTML, may be null
 * @param source the stated source of the information (信息来源)
 * @param maxChars the account's limit on the characters of title and body together
 * (default 680)
 * @param marketingForbidden whether the account must not carry commercial marketing, so
 * that {@link Category#COMMERCIAL_MARKETING} terms apply
 * @param imageUrls the URLs of the images uploaded for the article, the only ones its
 * body may refer to; null when there is no article (ad-hoc screening), and then not
 * checked
 */
public record ScreeningInput(String title, String author, String digest, String bodyHtml, String source, int maxChars,
		boolean marketingForbidden, Set<String> imageUrls) {

	public ScreeningInput(String title, String author, String digest, String bodyHtml, String source, int maxChars,
			boolean marketingForbidden) {
		this(title, author, digest, bodyHtml, source, maxChars, marketingForbidden, null);
	}

	public ScreeningInput {
		if (maxChars <= 0) {
			throw new IllegalArgumentException("maxChars must be positive, was " + maxChars);
		}
	}

}
