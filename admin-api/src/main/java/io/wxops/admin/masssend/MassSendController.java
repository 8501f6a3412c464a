package io.wxops.admin.masssend;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wxops.admin.account.AccountAccess;
import io.wxops.admin.masssend.MassSendViews.ComposeRequest;
import io.wxops.admin.masssend.MassSendViews.ConfirmRequest;
import io.wxops.admin.masssend.MassSendViews.DeleteRequest;
import io.wxops.admin.masssend.MassSendViews.SendView;
import io.wxops.admin.security.Allow;
import io.wxops.admin.security.AllowAnyPerson;
import io.wxops.admin.security.Caller;
import io.wxops.admin.security.Role;
import io.wxops.core.account.Account;
import io.wxops.core.account.AccountRegistry;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Mass sends", description = "群发: compose from the head of the publishing queue, preview to the test "
		+ "followers, confirm, and it goes out at its slot, exactly once, at most once per account per local day.")
class MassSendController {

	private final MassSendService sends;

	private final SendComposer composer;

	private final SendPreviews previews;

	private final SendRemovals removals;

	private final AccountAccess accountAccess;

	private final AccountRegistry registry;

	MassSendController(MassSendService sends, SendComposer composer, SendPreviews previews, SendRemovals removals,
			AccountAccess accountAccess, AccountRegistry registry) {
		this.sends = sends;
		this.composer = composer;
		this.previews = previews;
		this.removals = removals;
		this.accountAccess = accountAccess;
		this.registry = registry;
	}

	@PostMapping("/api/sends")
	@Allow(Role.PUBLISHER)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Compose a send",
			description = "Screening and approval hashes are checked now and again before sending. A TEXT or IMAGE "
					+ "send starts its own review (departmentId, sensitivity): preview and confirm answer 409 "
					+ "send-not-approved until its chain approves it. A second send on the same local day gets 409 "
					+ "with nextFreeDay; so does a service account's fifth send of a month (monthly-quota). The "
					+ "account must be operating (ACTIVE, annual review in order).")
	SendView compose(Caller caller, @Valid @RequestBody ComposeRequest body) {
		return this.composer.compose(caller, body);
	}

	@GetMapping("/api/sends")
	@AllowAnyPerson
	@Operation(summary = "An account's sends", description = "Newest slot first; filter by status.")
	List<SendView> list(Caller caller, @RequestParam long accountId, @RequestParam(required = false) String status) {
		return this.sends.list(caller, accountId, status);
	}

	@GetMapping("/api/sends/{id}")
	@AllowAnyPerson
	@Operation(summary = "Get a send",
			description = "With WeChat's msg_id, counts and article URLs once known. A SENT send may have no msgId "
					+ "yet: WeChat answered 45065 (already accepted) without it; its job-finish event supplies it.")
	SendView get(Caller caller, @PathVariable long id) {
		return this.sends.get(caller, id);
	}

	@PostMapping("/api/sends/{id}/preview")
	@Allow(Role.PUBLISHER)
	@Operation(summary = "Preview to the test followers",
			description = "Sends the message to each of the account's test followers (message/mass/preview). A TEXT "
					+ "or IMAGE send must be approved first (409 send-not-approved).")
	SendView preview(Caller caller, @PathVariable long id) {
		return this.previews.preview(caller, id);
	}

	@PostMapping("/api/sends/{id}/confirm")
	@Allow(Role.PUBLISHER)
	@Operation(summary = "Confirm the preview",
			description = "Send the previewHash you saw. Whoever previewed may confirm only if the account allows it.")
	SendView confirm(Caller caller, @PathVariable long id, @RequestBody ConfirmRequest body) {
		return this.previews.confirm(caller, id, body.previewHash());
	}

	@PostMapping("/api/sends/{id}/cancel")
	@Allow(Role.PUBLISHER)
	@Operation(summary = "Cancel a send that has not started", description = "Frees its day.")
	SendView cancel(Caller caller, @PathVariable long id) {
		return this.removals.cancel(caller, id);
	}

	@PostMapping("/api/sends/{id}/delete")
	@Allow(Role.PUBLISHER)
	@Operation(summary = "Delete a sent message",
			description = "message/mass/delete: articleIdx 0 (or none) deletes the whole message, 1-8 one article. "
					+ "409 msg-id-unknown while WeChat has not named the send's msg_id.")
	SendView delete(Caller caller, @PathVariable long id, @Valid @RequestBody(required = false) DeleteRequest body) {
		return this.removals.delete(caller, id, (body != null) ? body.articleIdx() : null);
	}

}
