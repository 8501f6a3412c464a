package io.wxops.admin.article;

import io.wxops.core.account.Account;

/**
 * The compliance screening an article must pass before it enters review and again before
 * it is sent (implemented by the screening feature).
 */
public interface ArticleScreening {

	/**
	 * Screens the article's current content under its account's policies.
	 * @throws io.wxops.admin.web.ApiException 422 listing every finding when it does not
	 * pass
	 */
	void requireClean(Article article, Account account);

}
