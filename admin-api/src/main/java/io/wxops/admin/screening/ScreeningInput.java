package io.wxops.admin.screening;

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
 */
public record ScreeningInput(String title, String author, String digest, String bodyHtml, String source, int maxChars,
		boolean marketingForbidden) {

	public ScreeningInput {
		if (maxChars <= 0) {
			throw new IllegalArgumentException("maxChars must be positive, was " + maxChars);
		}
	}

}
