package io.wxops.admin.screening;

/**
 * An article's content as screening reads it. The article feature's row implements it, so
 * screening needs nothing of the article feature: articles depend on screening, never the
 * other way round.
 */
public interface ScreenedArticle {

	Long getId();

	String getTitle();

	String getAuthor();

	String getDigest();

	String getBody();

	String getSource();

}
