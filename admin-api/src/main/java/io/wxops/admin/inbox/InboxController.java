package io.wxops.admin.inbox;

import java.io.IOException;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wxops.admin.security.Allow;
import io.wxops.admin.security.AllowAnyPerson;
import io.wxops.admin.security.Caller;
import io.wxops.admin.security.Role;
import io.wxops.admin.web.ApiException;
import io.wxops.admin.web.HasText;
import io.wxops.admin.web.PageRequest;
import io.wxops.admin.web.PageResult;
import io.wxops.core.inbox.Category;
import io.wxops.core.inbox.InboxRule;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@Tag(name = "Inbox", description = "Follower messages routed to departments as tickets (回复制度): queues, "
		+ "replies through WeChat's customer-service API inside its 48-hour window, transfer, notes, follow-up, "
		+ "SLA escalation and the duty view.")
class InboxController {

	private final TicketQueue queue;

	private final TicketAssignment assignment;

	private final TicketProgress progress;

	private final TicketReplies replies;

	private final InboxSettingsService settings;

	InboxController(TicketQueue queue, TicketAssignment assignment, TicketProgress progress, TicketReplies replies,
			InboxSettingsService settings) {
		this.queue = queue;
		this.assignment = assignment;
		this.progress = progress;
		this.replies = replies;
		this.settings = settings;
	}

	static final String TRANSFER_REASON = "a reason is required (at most 512 characters); it is kept";

	static final String NOTE = "a note of 1 to 4,000 characters is required";

	static final String METHOD = "how the follower was followed up (e.g. WECHAT, PHONE)";

	static final String RESULT = "what the follow-up found (at most 1024 characters)";

	static final String FLAG_REASON = "why the message should be removed (1 to 500 characters)";

	record Assignment(Long personId) {
	}

	record Transfer(Long departmentId,
			@HasText(message = TRANSFER_REASON) @Size(max = 512, message = TRANSFER_REASON) String reason) {
	}

	record Note(@HasText(message = NOTE) @Size(max = 4000, message = NOTE) String text) {
	}

	record StatusChange(@jakarta.validation.constraints.NotBlank String status) {
	}

	record Closing(@HasText(message = METHOD) @Size(max = 32, message = METHOD) String method,
			@HasText(message = RESULT) @Size(max = 1024, message = RESULT) String result, Boolean satisfied) {
	}

	/**
	 * msgType is checked here; which of content or mediaId is needed depends on it
	 * (TicketReplies).
	 */
	record ReplyRequest(@Pattern(regexp = "(?i)text|image", message = "text or image") String msgType, String content,
			String mediaId) {
	}

	record Flag(@HasText(message = FLAG_REASON) @Size(max = 500, message = FLAG_REASON) String reason) {
	}

	@GetMapping("/api/tickets")
	@Allow({ Role.HANDLER, Role.ADMIN, Role.AUDITOR })
	@Operation(summary = "Ticket queue",
			description = "Open tickets of your departments (and, for the central office, escalated ones), soonest "
					+ "due first, one page at a time; filter by account, status (NEW, ACKNOWLEDGED, IN_PROGRESS, "
					+ "RESOLVED, CLOSED; without it every status but CLOSED), category (CONSULTATION, COMPLAINT, "
					+ "REPORT_PETITION, SUGGESTION, MALICIOUS), mine (assigned to you) and unassigned (no "
					+ "assignee yet). Malicious ones only with "
					+ "includeHidden. An ADMIN or AUDITOR of an account sees all its tickets. Each row carries overdue "
					+ "and latestMessage (the follower's latest message: msgType, excerpt, at). Carries an ETag: send "
					+ "it as If-None-Match to get 304 while nothing changed.")
	PageResult<TicketViews.TicketView> queue(Caller caller, @RequestParam(required = false) Long accountId,
			@RequestParam(required = false) String status, @RequestParam(required = false) String category,
			@RequestParam(defaultValue = "false") boolean mine,
			@Parameter(description = "Only tickets nobody is assigned to yet (default false).") @RequestParam(
					defaultValue = "false") boolean unassigned,
			@RequestParam(defaultValue = "false") boolean includeHidden,
			@Parameter(description = "Zero-based page number (default 0).") @RequestParam(
					required = false) Integer page,
			@Parameter(description = "Page size, 1 to 200 (default 20).") @RequestParam(
					required = false) Integer size) {
		return this.queue.queue(caller, accountId, status, category, mine, unassigned, includeHidden,
				PageRequest.of(page, size));
	}

	@GetMapping("/api/inbox/duty")
	@Allow({ Role.HANDLER, Role.ADMIN })
	@Operation(summary = "Duty view (值班)",
			description = "Tickets not yet acknowledged (status NEW, oldest first), and overdue or escalated ones "
					+ "(soonest due first), of your departments; at most " + TicketQueue.DUTY_LIMIT
					+ " of each, with their totals.")
	TicketViews.DutyView duty(Caller caller, @RequestParam(required = false) Long accountId) {
		return this.queue.duty(caller, accountId);
	}

	@GetMapping("/api/tickets/{id}")
	@Allow({ Role.HANDLER, Role.ADMIN, Role.AUDITOR })
	@Operation(summary = "A ticket with its thread",
			description = "Both directions in order, notes and events; window: WeChat's customer-service window "
					+ "(open, closesAt, messagesLeft of the " + ReplyWindow.MESSAGES_PER_WINDOW + " per window, "
					+ "serverTime, accountZone); media: each image, voice or video of the thread with its state "
					+ "(AVAILABLE with its url until availableUntil, EXPIRED after WeChat's 3 days as no copy is kept, "
					+ "REMOVED by retention) and a voice's recognition text. Carries an ETag (serverTime left out): "
					+ "send it as If-None-Match to get 304 while nothing changed.")
	TicketViews.TicketDetail get(Caller caller, @PathVariable long id) {
		return this.queue.detail(caller, id);
	}

	@GetMapping("/api/accounts/{id}/followers/{openid}/thread")
	@Allow({ Role.HANDLER, Role.ADMIN, Role.AUDITOR })
	@Operation(summary = "A follower's whole thread",
			description = "Both directions in time order across the follower's tickets you may read.")
	List<TicketViews.FollowerEntry> followerThread(Caller caller, @PathVariable long id, @PathVariable String openid) {
		return this.queue.followerThread(caller, id, openid);
	}

	@GetMapping("/api/tickets/{id}/entries/{entryId}/media")
	@Allow({ Role.HANDLER, Role.ADMIN, Role.AUDITOR })
	@Operation(summary = "An image or voice the follower sent",
			description = "Fetched from WeChat's media API (no copy is kept here). WeChat keeps it 3 days: after "
					+ "that the answer is 410 media-expired, as the ticket's media list says in advance.")
	ResponseEntity<byte[]> media(Caller caller, @PathVariable long id, @PathVariable long entryId) {
		TicketViews.Media media = this.queue.media(caller, id, entryId);
		return ResponseEntity.ok().contentType(MediaType.parseMediaType(media.contentType())).body(media.bytes());
	}

	@PostMapping("/api/tickets/{id}/claim")
	@Allow(Role.HANDLER)
	@Operation(summary = "Take the ticket yourself")
	TicketViews.TicketView claim(Caller caller, @PathVariable long id) {
		return this.assignment.claim(caller, id);
	}

	@PostMapping("/api/tickets/{id}/assign")
	@Allow(Role.HANDLER)
	@Operation(summary = "Assign the ticket",
			description = "To an enabled person who may handle it: a HANDLER of its department on this account (or "
					+ "of the central office, once escalated). Anyone else is a 400; transfer the ticket instead.")
	TicketViews.TicketView assign(Caller caller, @PathVariable long id, @RequestBody Assignment body) {
		return this.assignment.assign(caller, id, body.personId());
	}

	@GetMapping("/api/tickets/{id}/assignees")
	@Allow(Role.HANDLER)
	@Operation(summary = "Who the ticket can be assigned to",
			description = "The enabled people who may handle it, as assigning checks: a HANDLER of its department "
					+ "on this account (or of the central office, once escalated); each with personId, username and "
					+ "displayName, by display name. Only for a handler of the ticket.")
	List<TicketAssignment.Assignee> assignees(Caller caller, @PathVariable long id) {
		return this.assignment.assignees(caller, id);
	}

	@PostMapping("/api/tickets/{id}/transfer")
	@Allow(Role.HANDLER)
	@Operation(summary = "Transfer to another department", description = "With a reason, which is kept.")
	TicketViews.TicketView transfer(Caller caller, @PathVariable long id, @Valid @RequestBody Transfer body) {
		return this.assignment.transfer(caller, id, body.departmentId(), body.reason());
	}

	@PostMapping("/api/tickets/{id}/notes")
	@Allow(Role.HANDLER)
	@Operation(summary = "Add an internal note")
	TicketViews.TicketView note(Caller caller, @PathVariable long id, @Valid @RequestBody Note body) {
		return this.progress.note(caller, id, body.text());
	}

	@PostMapping("/api/tickets/{id}/status")
	@Allow(Role.HANDLER)
	@Operation(summary = "Move the ticket on", description = "NEW → ACKNOWLEDGED → IN_PROGRESS → RESOLVED.")
	TicketViews.TicketView status(Caller caller, @PathVariable long id,
			@jakarta.validation.Valid @RequestBody StatusChange body) {
		return this.progress.changeStatus(caller, id, body.status());
	}

	@PostMapping("/api/tickets/{id}/close")
	@Allow(Role.HANDLER)
	@Operation(summary = "Close with the follow-up (回访)",
			description = "Only a resolved ticket. When the follower has unsubscribed, the closed ticket's openid "
					+ "becomes the follower's pseudonym (anon_...), as in the gateway's stored messages.")
	TicketViews.TicketView close(Caller caller, @PathVariable long id, @Valid @RequestBody Closing body) {
		return this.progress.close(caller, id, body.method(), body.result(), body.satisfied());
	}

	@PostMapping("/api/tickets/{id}/replies")
	@Allow(Role.HANDLER)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Reply to the follower",
			description = "Through message/custom/send, screened first. Outside WeChat's window (48 hours after the "
					+ "follower's last message, 5 messages) the reply is kept as undelivered and the answer is 409: "
					+ "the follower must write again. Inside it, the reply is kept as SENDING before WeChat is called "
					+ "and then marked DELIVERED or UNDELIVERED (with WeChat's error translated).")
	TicketViews.Reply reply(Caller caller, @PathVariable long id, @Valid @RequestBody ReplyRequest body) {
		return this.replies.reply(caller, id, body.msgType(), body.content(), body.mediaId());
	}

	@PostMapping("/api/tickets/{id}/replies/image")
	@Allow(Role.HANDLER)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Reply with an image",
			description = "multipart/form-data, part 'file' (any other body is a 400 naming 'file'): a JPEG or PNG "
					+ "of at most 10 MB, decoded in full: one that does not decode whole or carries data after the "
					+ "image is a 400 (file). It is uploaded to WeChat as temporary "
					+ "media, then sent like an image reply: inside the window only (409 outside it, the reply "
					+ "kept as undelivered with its media id).")
	TicketViews.Reply replyImage(Caller caller, @PathVariable long id, @RequestPart("file") MultipartFile file) {
		try {
			return this.replies.replyImage(caller, id, file.getBytes());
		}
		catch (IOException ex) {
			throw ApiException.invalid("file", "the upload could not be read");
		}
	}

	@PostMapping("/api/tickets/{id}/flag-removal")
	@Allow(Role.HANDLER)
	@Operation(summary = "Flag a malicious message for removal",
			description = "Only a MALICIOUS ticket that is not closed; the reason (1 to 500 characters) is required.")
	TicketViews.TicketView flag(Caller caller, @PathVariable long id, @Valid @RequestBody Flag body) {
		return this.progress.flagForRemoval(caller, id, body.reason());
	}

	@GetMapping("/api/accounts/{id}/inbox-settings")
	@AllowAnyPerson
	@Operation(summary = "Routing, SLA and acknowledgement of an account")
	InboxSettingsService.Settings settings(Caller caller, @PathVariable long id) {
		return this.settings.settings(caller, id);
	}

	@PutMapping("/api/accounts/{id}/inbox-settings")
	@Allow(Role.ADMIN)
	@Operation(summary = "Change routing, SLA or acknowledgement",
			description = "Only the parts sent change. routedAckOnly true: a message an inbox rule routes to a "
					+ "category gets only the ticket's acknowledgement, no passive keyword or default reply from the "
					+ "gateway (MALICIOUS messages never get one). Rule and setting changes reach the gateways at once.")
	InboxSettingsService.Settings updateSettings(Caller caller, @PathVariable long id,
			@Valid @RequestBody InboxSettingsService.Settings body) {
		return this.settings.update(caller, id, body);
	}

	@GetMapping("/api/accounts/{id}/inbox-rules")
	@AllowAnyPerson
	@Operation(summary = "Classification rules (routing and the gateway's passive reply)",
			description = "In the order they apply: highest priority first, then the oldest; the first match decides. "
					+ "One page at a time; filter by category, kind (KEYWORD or MENU_KEY) or q (the pattern contains it).")
	PageResult<InboxRule> rules(Caller caller, @PathVariable long id, @RequestParam(required = false) Category category,
			@RequestParam(required = false) String kind, @RequestParam(required = false) String q,
			@Parameter(description = "Zero-based page number (default 0).") @RequestParam(
					required = false) Integer page,
			@Parameter(description = "Page size, 1 to 200 (default 20).") @RequestParam(
					required = false) Integer size) {
		return this.settings.rules(caller, id, category, kind, q, PageRequest.of(page, size));
	}

	@PostMapping("/api/accounts/{id}/inbox-rules")
	@Allow(Role.ADMIN)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Add a classification rule",
			description = "KEYWORD (text contains it, robust to spacing and full-width) or MENU_KEY (a menu button).")
	InboxRule addRule(Caller caller, @PathVariable long id, @Valid @RequestBody InboxSettingsService.RuleRequest body) {
		return this.settings.addRule(caller, id, body);
	}

	@PostMapping("/api/accounts/{id}/inbox-rules/bulk")
	@Allow(Role.ADMIN)
	@Operation(summary = "Add many classification rules at once",
			description = "Up to " + InboxSettingsService.MAX_BULK + " patterns of one kind and category, such as a "
					+ "malicious-term list (category MALICIOUS). Every pattern is checked before any is added; a "
					+ "pattern the account already has as the same rule (for keywords: the same once normalised), "
					+ "or repeated in the list, is skipped. One audit entry lists the patterns added.")
	InboxSettingsService.BulkResult addRules(Caller caller, @PathVariable long id,
			@Valid @RequestBody InboxSettingsService.BulkRuleRequest body) {
		return this.settings.addRules(caller, id, body);
	}

	@DeleteMapping("/api/accounts/{id}/inbox-rules/{ruleId}")
	@Allow(Role.ADMIN)
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Remove a classification rule")
	void removeRule(Caller caller, @PathVariable long id, @PathVariable long ruleId) {
		this.settings.removeRule(caller, id, ruleId);
	}

}
