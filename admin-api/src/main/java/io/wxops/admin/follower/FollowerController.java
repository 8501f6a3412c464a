package io.wxops.admin.follower;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wxops.admin.account.AccountAccess;
import io.wxops.admin.follower.FollowerService.FollowerView;
import io.wxops.admin.security.Allow;
import io.wxops.admin.security.AllowAnyPerson;
import io.wxops.admin.security.Caller;
import io.wxops.admin.security.Role;
import io.wxops.admin.web.ApiException;
import io.wxops.admin.web.HasText;
import io.wxops.admin.web.PageRequest;
import io.wxops.admin.web.PageResult;
import io.wxops.admin.web.Present;
import io.wxops.core.account.Account;
import io.wxops.core.account.AccountRegistry;
import io.wxops.core.account.AccountSnapshot;
import io.wxops.core.text.TextNormaliser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Followers and tags",
		description = "粉丝与标签: the followers synced from WeChat (user/get, user/info/batchget; resumable, on demand "
				+ "and nightly), remarks, the blacklist, and the account's tags (also the audiences of mass sends). "
				+ "Anyone with a grant on the account reads; ADMIN or PUBLISHER on it syncs, manages tags and the "
				+ "blacklist; HANDLER may also edit remarks.")
class FollowerController {

	static final Role[] MANAGE = { Role.ADMIN, Role.PUBLISHER };

	static final Role[] REMARK = { Role.ADMIN, Role.PUBLISHER, Role.HANDLER };

	/** WeChat's openids: letters, digits, '-' and '_'. */
	static final String OPENID = "[A-Za-z0-9_-]{1,64}";

	static final String OPENIDS = "1 to 1000 openids (letters, digits, - and _; at most 64 each)";

	private final FollowerService followers;

	private final FollowerSync sync;

	private final TagService tags;

	private final AccountAccess access;

	private final AccountRegistry registry;

	FollowerController(FollowerService followers, FollowerSync sync, TagService tags, AccountAccess access,
			AccountRegistry registry) {
		this.followers = followers;
		this.sync = sync;
		this.tags = tags;
		this.access = access;
		this.registry = registry;
	}

	@Schema(description = "A remark (备注) of at most 30 characters (WeChat's limit), empty to remove it; the "
			+ "follower's version as loaded.")
	record RemarkRequest(String remark, @Present(message = "the version you loaded") Integer version) {
	}

	@Schema(description = "Followers (openids) and why: the reason is kept in the audit record.")
	record BlacklistRequest(
			@Present(message = OPENIDS) @Size(min = 1, max = 1000,
					message = OPENIDS) List<@Present(message = OPENIDS) @Pattern(regexp = OPENID,
							message = OPENIDS) String> openids,
			@HasText(message = "a reason is required") @Size(max = 200,
					message = "at most 200 characters") String reason) {
	}

	@Schema(description = "Followers (openids) to tag or untag; sent to WeChat in batches "
			+ "(wxops.admin.followers.tag-batch-size, 20 by default).")
	record MembersRequest(@Present(message = OPENIDS) @Size(min = 1, max = 1000,
			message = OPENIDS) List<@Present(message = OPENIDS) @Pattern(regexp = OPENID,
					message = OPENIDS) String> openids) {
	}

	@Schema(description = "A tag name: 1 to 30 characters, unique on the account.")
	record TagRequest(@HasText(message = "a tag name is required") String name) {
	}

	@Schema(description = "How many followers the request changed.")
	record Changed(int changed) {
	}

	// ---- followers ----

	@GetMapping("/api/accounts/{id}/followers")
	@AllowAnyPerson
	@Operation(summary = "An account's followers",
			description = "Paginated (page from 0, size 1 to 200), newest subscription first. Filters: subscribed "
					+ "(default true; false lists those who left, erased), tagId, subscribedFrom/subscribedTo "
					+ "(ISO instants, from inclusive, to exclusive), scene (WeChat's subscribe_scene such as "
					+ "ADD_SCENE_QR_CODE), qrSceneStr, blacklisted, openid.")
	PageResult<FollowerView> list(Caller caller, @PathVariable long id,
			@RequestParam(required = false) Boolean subscribed, @RequestParam(required = false) Long tagId,
			@RequestParam(required = false) Instant subscribedFrom,
			@RequestParam(required = false) Instant subscribedTo,
			@RequestParam(required = false) @Size(max = 64, message = "at most 64 characters") String scene,
			@RequestParam(required = false) @Size(max = 64, message = "at most 64 characters") String qrSceneStr,
			@RequestParam(required = false) Boolean blacklisted,
			@RequestParam(required = false) @Pattern(regexp = OPENID, message = "an openid") String openid,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		this.access.visible(caller, id);
		if (subscribedFrom != null && subscribedTo != null && !subscribedFrom.isBefore(subscribedTo)) {
			throw ApiException.invalid("subscribedTo", "must be after subscribedFrom");
		}
		return this.followers.list(id, new FollowerService.Filter(subscribed, tagId, subscribedFrom, subscribedTo,
				blankToNull(scene), blankToNull(qrSceneStr), blacklisted, openid), PageRequest.of(page, size));
	}

	@GetMapping("/api/accounts/{id}/followers/{openid}")
	@AllowAnyPerson
	@Operation(summary = "One follower")
	FollowerView get(Caller caller, @PathVariable long id,
			@PathVariable @Pattern(regexp = OPENID, message = "an openid") String openid) {
		this.access.visible(caller, id);
		return this.followers.get(id, openid);
	}

	@PutMapping("/api/accounts/{id}/followers/{openid}/remark")
	@Allow({ Role.ADMIN, Role.PUBLISHER, Role.HANDLER })
	@Operation(summary = "Set a follower's remark (备注)",
			description = "user/info/updateremark; at most 30 characters, no control or invisible characters, empty "
					+ "removes it. Send the version you loaded: 409 stale-version when someone changed the "
					+ "follower since. Audited.")
	FollowerView remark(Caller caller, @PathVariable long id,
			@PathVariable @Pattern(regexp = OPENID, message = "an openid") String openid,
			@Valid @RequestBody RemarkRequest body) {
		AccountSnapshot account = account(caller, id, REMARK);
		String remark = (body.remark() != null) ? body.remark().strip() : "";
		checkText("remark", remark, 30, true);
		return this.followers.remark(caller, account, openid, remark, body.version());
	}

	@PostMapping("/api/accounts/{id}/followers/blacklist")
	@Allow({ Role.ADMIN, Role.PUBLISHER })
	@Operation(summary = "Blacklist followers",
			description = "members/batchblacklist, in batches of 20: blacklisted followers cannot message the "
					+ "account. The reason is required and kept in the audit record.")
	Changed blacklist(Caller caller, @PathVariable long id, @Valid @RequestBody BlacklistRequest body) {
		AccountSnapshot account = account(caller, id, MANAGE);
		checkText("reason", body.reason().strip(), 200, false);
		return new Changed(this.followers.blacklist(caller, account, body.openids(), body.reason().strip(), true));
	}

	@PostMapping("/api/accounts/{id}/followers/unblacklist")
	@Allow({ Role.ADMIN, Role.PUBLISHER })
	@Operation(summary = "Take followers off the blacklist",
			description = "members/batchunblacklist, in batches of 20; the reason is required and audited.")
	Changed unblacklist(Caller caller, @PathVariable long id, @Valid @RequestBody BlacklistRequest body) {
		AccountSnapshot account = account(caller, id, MANAGE);
		checkText("reason", body.reason().strip(), 200, false);
		return new Changed(this.followers.blacklist(caller, account, body.openids(), body.reason().strip(), false));
	}

	// ---- sync ----

	@PostMapping("/api/accounts/{id}/followers/sync")
	@Allow({ Role.ADMIN, Role.PUBLISHER })
	@Operation(summary = "Start or resume the follower sync",
			description = "Starts a full sync (202), or resumes a PAUSED or FAILED one where it stopped; a running "
					+ "sync is left as it is. The sync runs in the background, one instance at a time; follow it "
					+ "with GET.")
	ResponseEntity<FollowerSync.Progress> startSync(Caller caller, @PathVariable long id) {
		account(caller, id, MANAGE);
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(this.sync.start(caller, id));
	}

	@GetMapping("/api/accounts/{id}/followers/sync")
	@AllowAnyPerson
	@Operation(summary = "The follower sync's progress",
			description = "done/total, rate, ETA and state; 404 when the account was never synced.")
	FollowerSync.Progress syncProgress(Caller caller, @PathVariable long id) {
		this.access.visible(caller, id);
		FollowerSync.Progress progress = this.sync.progress(id);
		if (progress == null) {
			throw ApiException.notFound("Follower sync", id);
		}
		return progress;
	}

	// ---- tags ----

	@GetMapping("/api/accounts/{id}/tags")
	@AllowAnyPerson
	@Operation(summary = "Follower tags",
			description = "WeChat's tags (tags/get) with their follower counts, cached for 10 minutes; sync=true "
					+ "reads them again. Ids 0, 1 and 2 are WeChat's own.")
	List<TagService.Tag> tags(Caller caller, @PathVariable long id,
			@RequestParam(defaultValue = "false") boolean sync) {
		Account account = this.access.visible(caller, id);
		return this.tags.tags(this.registry.find(account.getAppId()).orElseThrow(), sync);
	}

	@PostMapping("/api/accounts/{id}/tags")
	@Allow({ Role.ADMIN, Role.PUBLISHER })
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create a tag",
			description = "tags/create: 1 to 30 characters, unique (409 tag-name-taken), at most 100 per account "
					+ "(409 tag-limit). Audited.")
	TagService.Tag createTag(Caller caller, @PathVariable long id, @Valid @RequestBody TagRequest body) {
		AccountSnapshot account = account(caller, id, MANAGE);
		String name = body.name().strip();
		checkText("name", name, TagService.MAX_NAME, false);
		return this.tags.create(caller, account, name);
	}

	@PutMapping("/api/accounts/{id}/tags/{tagId}")
	@Allow({ Role.ADMIN, Role.PUBLISHER })
	@Operation(summary = "Rename a tag",
			description = "tags/update; WeChat's tags 0, 1 and 2 cannot be renamed (422 reserved-tag). Audited.")
	TagService.Tag renameTag(Caller caller, @PathVariable long id, @PathVariable long tagId,
			@Valid @RequestBody TagRequest body) {
		AccountSnapshot account = account(caller, id, MANAGE);
		String name = body.name().strip();
		checkText("name", name, TagService.MAX_NAME, false);
		return this.tags.rename(caller, account, tagId, name);
	}

	@DeleteMapping("/api/accounts/{id}/tags/{tagId}")
	@Allow({ Role.ADMIN, Role.PUBLISHER })
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Delete a tag",
			description = "tags/delete; WeChat's tags 0, 1 and 2 cannot be deleted (422 reserved-tag). Audited.")
	void deleteTag(Caller caller, @PathVariable long id, @PathVariable long tagId) {
		this.tags.delete(caller, account(caller, id, MANAGE), tagId);
	}

	@PostMapping("/api/accounts/{id}/tags/{tagId}/members")
	@Allow({ Role.ADMIN, Role.PUBLISHER })
	@Operation(summary = "Tag followers",
			description = "members/batchtagging in batches (wxops.admin.followers.tag-batch-size); a follower may "
					+ "carry at most 20 tags (WeChat's 45059). Audited per batch.")
	Changed tag(Caller caller, @PathVariable long id, @PathVariable long tagId,
			@Valid @RequestBody MembersRequest body) {
		return new Changed(this.tags.members(caller, account(caller, id, MANAGE), tagId, body.openids(), true));
	}

	@PostMapping("/api/accounts/{id}/tags/{tagId}/members/remove")
	@Allow({ Role.ADMIN, Role.PUBLISHER })
	@Operation(summary = "Untag followers",
			description = "members/batchuntagging in batches (wxops.admin.followers.tag-batch-size). Audited per "
					+ "batch.")
	Changed untag(Caller caller, @PathVariable long id, @PathVariable long tagId,
			@Valid @RequestBody MembersRequest body) {
		return new Changed(this.tags.members(caller, account(caller, id, MANAGE), tagId, body.openids(), false));
	}

	private AccountSnapshot account(Caller caller, long id, Role... roles) {
		Account account = this.access.withRole(caller, id, roles);
		return this.registry.find(account.getAppId()).orElseThrow(() -> ApiException.notFound("Account", id));
	}

	/**
	 * At most {@code max} characters (code points, as WeChat counts), no control or
	 * invisible characters (they would make two names look alike).
	 */
	static void checkText(String field, String value, int max, boolean emptyAllowed) {
		if (value.isEmpty() && !emptyAllowed) {
			throw ApiException.invalid(field, "must not be empty");
		}
		if (value.codePointCount(0, value.length()) > max) {
			throw ApiException.invalid(field, "at most " + max + " characters");
		}
		boolean bad = value.codePoints()
			.anyMatch((cp) -> Character.isISOControl(cp) || TextNormaliser.isIgnorable(cp)
					|| Character.getType(cp) == Character.SURROGATE || Character.getType(cp) == Character.PRIVATE_USE
					|| Character.getType(cp) == Character.UNASSIGNED);
		if (bad) {
			throw ApiException.invalid(Map.of(field, "control, invisible or unassigned characters are not allowed"));
		}
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
