package io.wxops.admin.menu;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wxops.admin.menu.MenuDocument.ConditionalMenu;
import io.wxops.admin.menu.MenuDocument.MenuButton;
import io.wxops.admin.security.Allow;
import io.wxops.admin.security.AllowAnyPerson;
import io.wxops.admin.security.Caller;
import io.wxops.admin.security.Role;
import io.wxops.admin.web.HasText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Custom menus",
		description = "The account's custom menu (自定义菜单): a versioned draft, reviewed like an article (the "
				+ "account's GENERAL chain, bound to the content hash), published as a whole by an authorised "
				+ "publisher, and compared with the live menu WeChat shows (drift).")
class MenuController {

	private final MenuService menus;

	private final ContentSets sets;

	private final ReplyRulesService replies;

	MenuController(MenuService menus, ContentSets sets, ReplyRulesService replies) {
		this.menus = menus;
		this.sets = sets;
		this.replies = replies;
	}

	@Schema(description = "The whole rule set to save. version: the one you loaded (0 or absent for the first "
			+ "save); a stale one answers 409.")
	record ReplySave(@Schema(nullable = true) Integer version, List<ReplyDocument.ReplyRule> rules) {
	}

	@Schema(description = "The whole menu to save. version: the one you loaded (0 or absent for the first save); "
			+ "a stale one answers 409.")
	record MenuSave(@Schema(nullable = true) Integer version, List<MenuButton> buttons,
			@Schema(nullable = true) List<ConditionalMenu> conditionals) {
	}

	@Schema(description = "APPROVE or REJECT the content you reviewed (its contentHash); a rejection needs a comment.")
	record MenuDecision(
			@NotNull(message = DECISION) @Pattern(regexp = "APPROVE|REJECT", message = DECISION) String decision,
			@Size(max = 1024, message = "at most 1024 characters") String comment,
			@HasText(message = "send the contentHash of the content you reviewed") String contentHash) {

		static final String DECISION = "decision is APPROVE or REJECT";

	}

	@Schema(description = "Publish the approved menu: its contentHash, and acknowledgeDrift true to replace a live "
			+ "menu that was changed elsewhere.")
	record MenuPublishRequest(@HasText(message = "send the contentHash of the approved menu") String contentHash,
			@Schema(nullable = true) Boolean acknowledgeDrift) {
	}

	@GetMapping("/api/accounts/{id}/menu")
	@AllowAnyPerson
	@Operation(summary = "The working menu",
			description = "The draft with its review and what was last published; an account without a menu answers "
					+ "an empty draft of version 0.")
	MenuService.MenuView menu(Caller caller, @PathVariable long id) {
		return this.menus.view(caller, id);
	}

	@PutMapping("/api/accounts/{id}/menu")
	@Allow({ Role.EDITOR, Role.PUBLISHER })
	@Operation(summary = "Save the menu",
			description = "The whole menu. WeChat's limits are checked first (3 top-level buttons, 5 sub-buttons each, "
					+ "names of at most 16/60 bytes of UTF-8, keys ≤ 128 bytes, http(s) URLs ≤ 1024 bytes, a mini "
					+ "program's appId, pagePath and url; conditional menus need the default menu): each problem is keyed "
					+ "by the button's path, e.g. buttons[1].subButtons[3].name. A change voids a review in progress or "
					+ "an approval.")
	MenuService.MenuView saveMenu(Caller caller, @PathVariable long id, @RequestBody MenuSave body) {
		return this.menus.save(caller, id, body.version(), new MenuDocument(body.buttons(), body.conditionals()));
	}

	@PostMapping("/api/accounts/{id}/menu/submit")
	@Allow({ Role.EDITOR, Role.PUBLISHER })
	@Operation(summary = "Submit the menu for review",
			description = "Screens every button's name (422 with findings keyed by the button's path), then starts the "
					+ "account's GENERAL review chain, fixed now.")
	MenuService.MenuView submitMenu(Caller caller, @PathVariable long id) {
		return this.menus.submit(caller, id);
	}

	@PostMapping("/api/accounts/{id}/menu/decision")
	@Allow({ Role.DEPT_REVIEWER, Role.OFFICE_REVIEWER, Role.LEADER })
	@Operation(summary = "Approve or reject the menu",
			description = "At the level the chain awaits. Send the contentHash you reviewed: a menu changed since "
					+ "answers 409. Nobody decides a menu they submitted or last changed.")
	MenuService.MenuView decideMenu(Caller caller, @PathVariable long id, @Valid @RequestBody MenuDecision body) {
		return this.menus.decide(caller, id, "APPROVE".equals(body.decision()), body.comment(), body.contentHash());
	}

	@GetMapping("/api/accounts/{id}/menu/live")
	@AllowAnyPerson
	@Operation(summary = "The live menu",
			description = "What WeChat shows now (menu/get), and whether it is what wxops left there: drift is "
					+ "CHANGED_ELSEWHERE when someone changed it in the MP website or another tool, PARTIAL when the "
					+ "last publish stopped midway.")
	MenuService.LiveView liveMenu(Caller caller, @PathVariable long id) {
		return this.menus.live(caller, id);
	}

	@PostMapping("/api/accounts/{id}/menu/publish")
	@Allow(Role.PUBLISHER)
	@Operation(summary = "Publish the approved menu",
			description = "Only a PUBLISHER of the account, only the content the review approved (409 otherwise), "
					+ "screened again. A live menu changed elsewhere is never overwritten silently (409 menu-drift, with "
					+ "the live menu) unless acknowledgeDrift is true. Publishes as a whole: menu/delete when conditional "
					+ "menus are involved, menu/create, then menu/addconditional for each; a refusal after menu/create is "
					+ "recorded as PARTIAL (502 menu-partial) and the next publish retries the whole menu. Audited.")
	MenuService.MenuView publishMenu(Caller caller, @PathVariable long id,
			@Valid @RequestBody MenuPublishRequest body) {
		return this.menus.publish(caller, id, body.contentHash(), Boolean.TRUE.equals(body.acknowledgeDrift()));
	}

	@DeleteMapping("/api/accounts/{id}/menu/live")
	@Allow(Role.PUBLISHER)
	@Operation(summary = "Delete the live menu",
			description = "menu/delete: the default and every conditional menu. Only a PUBLISHER; audited. The draft "
					+ "is kept. A live menu changed elsewhere is never deleted silently (409 menu-drift, with the live "
					+ "menu) unless acknowledgeDrift is true.")
	MenuService.MenuView deleteLiveMenu(Caller caller, @PathVariable long id, @Parameter(
			description = "true to delete a live menu that was changed elsewhere (drift CHANGED_ELSEWHERE).") @RequestParam(
					defaultValue = "false") boolean acknowledgeDrift) {
		return this.menus.delete(caller, id, acknowledgeDrift);
	}

	@GetMapping("/api/accounts/{id}/menu/keys")
	@AllowAnyPerson
	@Operation(summary = "Keys a button may send",
			description = "The keys something already answers: approved click replies (REPLY_RULE) and the inbox's "
					+ "MENU_KEY rules (INBOX_RULE, e.g. a button that opens a complaint).")
	List<MenuService.MenuKey> menuKeys(Caller caller, @PathVariable long id) {
		return this.menus.keys(caller, id);
	}

	@GetMapping("/api/accounts/{id}/replies")
	@AllowAnyPerson
	@Operation(summary = "The reply rules (自动回复)",
			description = "The working set with its review, and live: the rules the gateway answers with now (the last "
					+ "approved). Before the first save the working set is the rules in force.")
	ReplyRulesService.ReplySetView replyRules(Caller caller, @PathVariable long id) {
		return this.replies.view(caller, id);
	}

	@PutMapping("/api/accounts/{id}/replies")
	@Allow({ Role.EDITOR, Role.PUBLISHER })
	@Operation(summary = "Save the reply rules",
			description = "The whole set of text rules: KEYWORD (EXACT or CONTAINS), SUBSCRIBE (one), DEFAULT (one) and "
					+ "CLICK (a menu key, one rule a key). Problems are keyed by path, e.g. rules[2].replyText. Nothing "
					+ "changes for followers until the set is approved.")
	ReplyRulesService.ReplySetView saveReplies(Caller caller, @PathVariable long id, @RequestBody ReplySave body) {
		return this.replies.save(caller, id, body.version(), body.rules());
	}

	@PostMapping("/api/accounts/{id}/replies/submit")
	@Allow({ Role.EDITOR, Role.PUBLISHER })
	@Operation(summary = "Submit the reply rules for review",
			description = "Screens every reply (422 with findings keyed by path), then starts the account's GENERAL "
					+ "review chain.")
	ReplyRulesService.ReplySetView submitReplies(Caller caller, @PathVariable long id) {
		return this.replies.submit(caller, id);
	}

	@PostMapping("/api/accounts/{id}/replies/decision")
	@Allow({ Role.DEPT_REVIEWER, Role.OFFICE_REVIEWER, Role.LEADER })
	@Operation(summary = "Approve or reject the reply rules",
			description = "The last approval makes the set the one the gateway answers with (its text rules replace the "
					+ "account's; image and news rules stay) and is audited.")
	ReplyRulesService.ReplySetView decideReplies(Caller caller, @PathVariable long id,
			@Valid @RequestBody MenuDecision body) {
		return this.replies.decide(caller, id, "APPROVE".equals(body.decision()), body.comment(), body.contentHash());
	}

	@GetMapping("/api/reviews/pending-menus")
	@Allow({ Role.DEPT_REVIEWER, Role.OFFICE_REVIEWER, Role.LEADER })
	@Operation(summary = "Menus and reply-rule sets awaiting my review",
			description = "kind MENU or REPLIES; decide with POST /api/accounts/{id}/menu/decision or "
					+ "/api/accounts/{id}/replies/decision.")
	List<ContentSets.PendingSet> pendingSets(Caller caller) {
		return this.sets.pending(caller);
	}

}
