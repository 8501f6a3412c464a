package io.wxops.admin.screening;

import java.util.List;
import java.util.Set;

import io.wxops.admin.web.Problem;
import io.wxops.core.account.Account;

import org.springframework.stereotype.Service;

/**
 * Screens content against the lexicon in force and the account's policies (maximum
 * characters, whether commercial marketing is forbidden). Runs on submit, again before
 * any send, and on request.
 */
@Service
public class ScreeningService {

	/** Limits used when no account is named: the rules' defaults. */
	public static final int DEFAULT_MAX_CHARS = 680;

	private final LexiconService lexicon;

	private final Screener screener;

	private final UploadedImages images;

	ScreeningService(LexiconService lexicon, Screener screener, UploadedImages images) {
		this.lexicon = lexicon;
		this.screener = screener;
		this.images = images;
	}

	public ScreeningResult screen(String title, String author, String digest, String bodyHtml, String source,
			Account account) {
		return screen(title, author, digest, bodyHtml, source, account, null);
	}

	private ScreeningResult screen(String title, String author, String digest, String bodyHtml, String source,
			Account account, Set<String> imageUrls) {
		int maxChars = (account != null) ? account.getMaxChars() : DEFAULT_MAX_CHARS;
		boolean marketingForbidden = account != null && Boolean.TRUE.equals(account.getMarketingForbidden());
		return this.screener.screen(
				new ScreeningInput(title, author, digest, bodyHtml, source, maxChars, marketingForbidden, imageUrls),
				this.lexicon.current());
	}

	/**
	 * Screens an article; its body may refer only to the images uploaded for it (body
	 * images and its cover).
	 */
	public ScreeningResult screen(ScreenedArticle article, Account account) {
		return screen(article.getTitle(), article.getAuthor(), article.getDigest(), article.getBody(),
				article.getSource(), account, this.images.urlsOf(article.getId()));
	}

	/**
	 * Screens a plain text message (a text mass send, a reply) for prohibited terms; the
	 * article rules (title, source, length) do not apply to it.
	 */
	public void requireCleanText(String text, Account account) {
		ScreeningResult full = screen("-", null, null, text, "-", account);
		List<Finding> terms = full.findings().stream().filter((f) -> Finding.PROHIBITED_TERM.equals(f.rule())).toList();
		reject(new ScreeningResult(terms.isEmpty(), full.lexiconVersion(), full.countedChars(), full.maxChars(),
				terms));
	}

	/**
	 * The prohibited terms in a short plain text (a menu button's name, a reply), with
	 * their positions in it; empty when it is clean.
	 */
	public List<Finding> prohibitedTerms(String text, Account account) {
		return screen("-", null, null, text, "-", account).findings()
			.stream()
			.filter((f) -> Finding.PROHIBITED_TERM.equals(f.rule()))
			.toList();
	}

	/**
	 * Screens an article's current content under its account's policies, as on submit and
	 * again before it is sent.
	 * @throws io.wxops.admin.web.ApiException 422 listing every finding when it does not
	 * pass
	 */
	public void requireClean(ScreenedArticle article, Account account) {
		reject(screen(article, account));
	}

	private static void reject(ScreeningResult result) {
		if (!result.passed()) {
			throw Problem.SCREENING_FAILED
				.exception("The content did not pass screening",
						result.findings().size()
								+ " finding(s): fix each one where 'findings' points (field, start, end) "
								+ "and submit again.")
				.with("findings", result.findings())
				.with("lexiconVersion", result.lexiconVersion())
				.with("countedChars", result.countedChars())
				.with("maxChars", result.maxChars());
		}
	}

}
