package io.wxops.admin.review;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wxops.admin.security.Allow;
import io.wxops.admin.security.AllowAnyPerson;
import io.wxops.admin.security.Caller;
import io.wxops.admin.security.Role;
import jakarta.validation.Valid;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Review", description = "Graded review (分级审核, 先审后发): GENERAL → department head; SENSITIVE → also "
		+ "the central office; MAJOR → also the supervising leader, or as the account's policy says.")
class SendReviewController {

	private final SendReviewService service;

	SendReviewController(SendReviewService service) {
		this.service = service;
	}

	@GetMapping("/api/sends/{id}/review")
	@AllowAnyPerson
	@Operation(summary = "A TEXT or IMAGE send's review",
			description = "The chain its sensitivity needed when it was composed, and every decision. An MPNEWS send "
					+ "has none of its own (409): its articles were reviewed.")
	SendReviewService.SendReviewState review(Caller caller, @PathVariable long id) {
		return this.service.review(caller, id);
	}

	@PostMapping("/api/sends/{id}/decision")
	@Allow({ Role.DEPT_REVIEWER, Role.OFFICE_REVIEWER, Role.LEADER })
	@Operation(summary = "Approve or reject a TEXT or IMAGE send",
			description = "decision is APPROVE or REJECT (a comment is then required). Send the contentHash you "
					+ "reviewed: if it is not the send's, 409. You may not decide a send you composed or at a second "
					+ "level; of two reviewers deciding one level at once, one counts (409 for the other). Until the "
					+ "last level approves, the send cannot be previewed, confirmed or sent.")
	SendReviewService.SendReviewState decide(Caller caller, @PathVariable long id,
			@Valid @RequestBody ReviewController.Decision body) {
		return this.service.decide(caller, id, body.approves(), body.comment(), body.contentHash());
	}

	@GetMapping("/api/reviews/pending-sends")
	@Allow({ Role.DEPT_REVIEWER, Role.OFFICE_REVIEWER, Role.LEADER })
	@Operation(summary = "TEXT and IMAGE sends awaiting my review",
			description = "Composed sends whose next level you may decide, in your accounts (and department), with "
					+ "the text or the image's URL and the contentHash to decide on.")
	List<SendReviewService.PendingSend> pending(Caller caller) {
		return this.service.pending(caller);
	}

}
