package io.wxops.admin.article;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wxops.admin.article.ArticleViews.ArticleRequest;
import io.wxops.admin.article.ArticleViews.ArticleSummary;
import io.wxops.admin.article.ArticleViews.ArticleView;
import io.wxops.admin.article.ArticleViews.Comparison;
import io.wxops.admin.article.ArticleViews.QueueItem;
import io.wxops.admin.article.ArticleViews.QueueOrder;
import io.wxops.admin.article.ArticleViews.VersionSummary;
import io.wxops.admin.article.ArticleViews.VersionView;
import io.wxops.admin.article.ArticleViews.Withdrawal;
import io.wxops.admin.security.Allow;
import io.wxops.admin.security.AllowAnyPerson;
import io.wxops.admin.security.Caller;
import io.wxops.admin.security.Role;
import io.wxops.admin.web.PageRequest;
import io.wxops.admin.web.PageResult;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Articles",
		description = "Drafts with every saved version, and each account's publishing queue of " + "approved articles.")
class ArticleController {

	private final ArticleService service;

	private final ArticleDrafts drafts;

	private final ArticleVersions versions;

	private final PublishingQueue queue;

	ArticleController(ArticleService service, ArticleDrafts drafts, ArticleVersions versions, PublishingQueue queue) {
		this.service = service;
		this.drafts = drafts;
		this.versions = versions;
		this.queue = queue;
	}

	@GetMapping("/api/articles")
	@AllowAnyPerson
	@Operation(summary = "List articles",
			description = "Articles of the accounts and departments your grants cover, newest change first; filter "
					+ "by account and status; paginated.")
	PageResult<ArticleSummary> list(Caller caller, @RequestParam(required = false) Long accountId,
			@RequestParam(required = false) ArticleStatus status, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return this.service.list(caller, accountId, status, PageRequest.of(page, size));
	}

	@PostMapping("/api/articles")
	@Allow(Role.EDITOR)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Write a draft",
			description = "For an account and department your EDITOR grant covers (department defaults to yours). "
					+ "Saved as version 1.")
	ArticleView create(Caller caller, @Valid @RequestBody ArticleRequest body) {
		return this.drafts.create(caller, body);
	}

	@GetMapping("/api/articles/{id}")
	@AllowAnyPerson
	@Operation(summary = "Get an article", description = "With its contentHash, which reviewers send back.")
	ArticleView get(Caller caller, @PathVariable long id) {
		return this.service.get(caller, id);
	}

	@PutMapping("/api/articles/{id}")
	@Allow(Role.EDITOR)
	@Operation(summary = "Save a change",
			description = "Saved as a new version. A change to a submitted or approved article voids its review and "
					+ "takes it out of the queue; submit it again. Sent articles never change (409).")
	ArticleView update(Caller caller, @PathVariable long id, @Valid @RequestBody ArticleRequest body) {
		return this.drafts.update(caller, id, body);
	}

	@GetMapping("/api/articles/{id}/versions")
	@AllowAnyPerson
	@Operation(summary = "List saved versions")
	List<VersionSummary> versions(Caller caller, @PathVariable long id) {
		return this.versions.versions(caller, id);
	}

	@GetMapping("/api/articles/{id}/versions/{versionNo}")
	@AllowAnyPerson
	@Operation(summary = "Get one saved version")
	VersionView version(Caller caller, @PathVariable long id, @PathVariable int versionNo) {
		return this.versions.version(caller, id, versionNo);
	}

	@GetMapping("/api/articles/{id}/compare")
	@AllowAnyPerson
	@Operation(summary = "Compare two versions", description = "Field by field, with a line diff of the body.")
	Comparison compare(Caller caller, @PathVariable long id, @RequestParam int from, @RequestParam int to) {
		return this.versions.compare(caller, id, from, to);
	}

	@PostMapping("/api/articles/{id}/withdraw")
	@Allow(Role.PUBLISHER)
	@Operation(summary = "Withdraw from the queue", description = "With a reason, which is kept.")
	ArticleView withdraw(Caller caller, @PathVariable long id, @Valid @RequestBody Withdrawal body) {
		return this.queue.withdraw(caller, id, body.reason());
	}

	@GetMapping("/api/accounts/{id}/queue")
	@AllowAnyPerson
	@Operation(summary = "The publishing queue", description = "Approved articles in the order they will be sent.")
	List<QueueItem> queue(Caller caller, @PathVariable long id) {
		return this.queue.queue(caller, id);
	}

	@PutMapping("/api/accounts/{id}/queue")
	@Allow(Role.PUBLISHER)
	@Operation(summary = "Reorder the publishing queue",
			description = "Send every queued article id exactly once, in the new order.")
	List<QueueItem> reorder(Caller caller, @PathVariable long id, @RequestBody QueueOrder body) {
		return this.queue.reorder(caller, id, body.articleIds());
	}

}
