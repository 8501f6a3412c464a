package io.wxops.admin.article;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wxops.admin.security.AllowAnyPerson;
import io.wxops.admin.security.Caller;
import io.wxops.admin.screening.ScreeningResult;
import io.wxops.admin.screening.ScreeningService;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
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

}
