package io.wxops.admin.review;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wxops.admin.security.Allow;
import io.wxops.admin.security.AllowAnyPerson;
import io.wxops.admin.security.Caller;
import io.wxops.admin.security.Role;
import io.wxops.admin.web.HasText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Review", description = "Graded review (分级审核, 先审后发): GENERAL → department head; SENSITIVE → also "
		+ "the central office; MAJOR → also the supervising leader, or as the account's policy says.")
class ReviewController {

	private final ReviewService service;

	ReviewController(ReviewService service) {
		this.service = service;
	}

	/**
	 * A reviewer's decision. Its own rules (decision, contentHash, the comment's length)
	 * are checked before the article or send is looked up; that a rejection needs a
	 * comment is checked by the service, after it has answered 404/403 for articles the
	 * caller may not see.
	 */
	record Decision(
			@NotNull(message = DECISION) @Pattern(regexp = "APPROVE|REJECT", message = DECISION) String decision,
			@Size(max = DecisionInput.COMMENT_MAX,
					message = "at most " + DecisionInput.COMMENT_MAX + " characters") String comment,
			@HasText(message = "send the contentHash of the content you reviewed") String contentHash) {

		static final String DECISION = "decision is APPROVE or REJECT";

		/**
		 * True for APPROVE; {@code @Valid} has refused anything but APPROVE or REJECT.
		 */
		boolean approves() {
			return "APPROVE".equals(this.decision);
		}

	}

	@PostMapping("/api/articles/{id}/submit")
	@Allow(Role.EDITOR)
	@Operation(summary = "Submit for review",
			description = "Screens the content first: any finding refuses the submission (422, every finding listed "
					+ "with its position). Then starts the chain the article's sensitivity requires; its levels are fixed "
					+ "now, so a later change of the account's policy does not apply to this submission.")
	ReviewService.ReviewState submit(Caller caller, @PathVariable long id) {
		return this.service.submit(caller, id);
	}

	@GetMapping("/api/articles/{id}/review")
	@AllowAnyPerson
	@Operation(summary = "The article's review", description = "The current chain and every decision ever made.")
	ReviewService.ReviewState review(Caller caller, @PathVariable long id) {
		return this.service.review(caller, id);
	}

	@PostMapping("/api/articles/{id}/decision")
	@Allow({ Role.DEPT_REVIEWER, Role.OFFICE_REVIEWER, Role.LEADER })
	@Operation(summary = "Approve or reject",
			description = "decision is APPROVE or REJECT (a comment is then required). Send the contentHash you "
					+ "reviewed: if the article changed since, 409. You may not decide an article you wrote or at a "
					+ "second level.")
	ReviewService.ReviewState decide(Caller caller, @PathVariable long id, @Valid @RequestBody Decision body) {
		return this.service.decide(caller, id, body.approves(), body.comment(), body.contentHash());
	}

	@GetMapping("/api/reviews/pending")
	@Allow({ Role.DEPT_REVIEWER, Role.OFFICE_REVIEWER, Role.LEADER })
	@Operation(summary = "Awaiting my review",
			description = "Articles whose next level you may decide, in your accounts and departments. TEXT and "
					+ "IMAGE sends awaiting you are in GET /api/reviews/pending-sends.")
	List<ReviewService.Pending> pending(Caller caller) {
		return this.service.pending(caller);
	}

}
