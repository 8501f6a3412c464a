package io.wxops.admin.article;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wxops.admin.security.AllowAnyPerson;
import io.wxops.admin.security.Caller;
import io.wxops.admin.screening.ScreenedArticle;
import io.wxops.admin.screening.ScreeningResult;
import io.wxops.admin.screening.ScreeningService;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Screening of a stored article: the article feature's use of screening. */
@RestController
@Tag(name = "Screening")
class ArticleScreeningController {

	private final ArticleService articles;

	private final ScreeningService screening;

	ArticleScreeningController(ArticleService articles, ScreeningService screening) {
		this.articles = articles;
		this.screening = screening;
	}

	@PostMapping("/api/articles/{id}/screening")
	@AllowAnyPerson
	@Operation(operationId = "screenArticle", summary = "Screen an article's current content",
			description = "As it would ship: the sanitised body, its alt/title texts and the source; every image "
					+ "the body refers to must have been uploaded for the article. Changes nothing.")
	ScreeningResult screenArticle(Caller caller, @PathVariable long id) {
		Article article = this.articles.visible(caller, id);
		return this.screening.screen(article, this.articles.accountOf(article));
	}

	/**
	 * Content typed in the editor and not saved yet, screened as the article's: under its
	 * account's policies and with its body's images checked against those uploaded for
	 * it.
	 */
	record Unsaved(Long id, String title, String author, String digest, String body,
			String source) implements ScreenedArticle {

		@Override
		public Long getId() {
			return this.id;
		}

		@Override
		public String getTitle() {
			return this.title;
		}

		@Override
		public String getAuthor() {
			return this.author;
		}

		@Override
		public String getDigest() {
			return this.digest;
		}

		@Override
		public String getBody() {
			return this.body;
		}

		@Override
		public String getSource() {
			return this.source;
		}

	}

	@Schema(description = "Unsaved content of an article, as the editor holds it.")
	record UnsavedContent(String title, String author, String digest, String body, String source) {
	}

	@PostMapping("/api/articles/{id}/screening/draft")
	@AllowAnyPerson
	@Operation(operationId = "screenArticleDraft", summary = "Screen an article's unsaved content",
			description = "The content sent (as the editor holds it, before saving) screened as this article's: "
					+ "its account's policies, and every image the body refers to must have been uploaded for the "
					+ "article (IMAGE_NOT_UPLOADED otherwise), as on submit. For screening while typing. Changes "
					+ "nothing.")
	ScreeningResult screenArticleDraft(Caller caller, @PathVariable long id, @RequestBody UnsavedContent body) {
		Article article = this.articles.visible(caller, id);
		Unsaved unsaved = new Unsaved(article.getId(), body.title(), body.author(), body.digest(), body.body(),
				body.source());
		return this.screening.screen(unsaved, this.articles.accountOf(article));
	}

}
