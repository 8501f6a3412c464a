package io.wxops.admin.menu;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;
import io.wxops.admin.audit.AuditTrail;
import io.wxops.admin.menu.MenuDocument.ConditionalMenu;
import io.wxops.admin.screening.Finding;
import io.wxops.admin.screening.ScreeningService;
import io.wxops.admin.security.Caller;
import io.wxops.admin.security.Role;
import io.wxops.admin.web.ApiException;
import io.wxops.admin.web.Problem;
import io.wxops.core.account.Account;
import io.wxops.core.account.AccountRegistry;
import io.wxops.core.account.AccountSnapshot;
import io.wxops.core.inbox.InboxRule;
import io.wxops.core.inbox.InboxRuleMapper;
import io.wxops.core.wechat.WeChatCallException;
import io.wxops.core.wechat.WeChatCalls;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An account's custom menu: the working draft and its review (through
 * {@link ContentSets}), the live menu read back from WeChat and compared with what wxops
 * last left there (drift), and publishing the approved menu as a whole: menu/create, then
 * each conditional menu; a publish refused after menu/create went through is recorded as
 * PARTIAL, and the next publish starts over from menu/delete.
 */
@Service
class MenuService {

	/** How long one publish may hold an account before another may start. */
	private static final Duration HOLD = Duration.ofMinutes(2);

	private final ContentSets sets;

	private final MenuPublishMapper publishes;

	private final ScreeningService screening;

	private final AccountRegistry registry;

	private final WeChatCalls wechat;

	private final AuditTrail audit;

	private final InboxRuleMapper inboxRules;

	private final ReplyKeys replyKeys;

	private final JsonMapper json;

	private final TransactionTemplate tx;

	MenuService(ContentSets sets, MenuPublishMapper publishes, ScreeningService screening, AccountRegistry registry,
			WeChatCalls wechat, AuditTrail audit, InboxRuleMapper inboxRules, ReplyKeys replyKeys, JsonMapper json,
			TransactionTemplate tx) {
		this.sets = sets;
		this.publishes = publishes;
		this.screening = screening;
		this.registry = registry;
		this.wechat = wechat;
		this.audit = audit;
		this.inboxRules = inboxRules;
		this.replyKeys = replyKeys;
		this.json = json;
		this.tx = tx;
	}

	/** Why the live menu is not what wxops left there. */
	enum Drift {

		/** The live menu is what wxops last published (or deleted). */
		NONE,
		/** Someone changed the live menu elsewhere (the MP website, another tool). */
		CHANGED_ELSEWHERE,
		/** The last publish stopped midway: the live menu is only part of it. */
		PARTIAL

	}

	@Schema(description = "The account's working menu, its review and what was last published.")
	record MenuView(long accountId,
			@Schema(description = "Send it back with the next save; 0 while nothing was saved.") int version,
			int contentVersion, @Schema(description = "Reviewers send it back with their decision.") String contentHash,
			@Schema(description = "DRAFT, IN_REVIEW, APPROVED or REJECTED.") String status, int reviewRound,
			List<io.wxops.admin.review.ReviewService.Step> chain, MenuDocument menu,
			@Schema(nullable = true, description = "The content the review approved.") String approvedHash,
			@Schema(description = "NONE, PUBLISHED, PARTIAL or DELETED.") String publishState,
			@Schema(nullable = true) String publishedHash,
			@Schema(nullable = true, description = "For PARTIAL: the call WeChat refused.") String publishDetail,
			@Schema(nullable = true) Instant updatedAt) {
	}

	@Schema(description = "The menu WeChat shows now (menu/get), beside ours.")
	record LiveView(long accountId, MenuDocument live, String liveHash,
			@Schema(description = "True when the live menu is not what wxops left there (changed elsewhere, or a "
					+ "publish stopped midway): publishing over a menu changed elsewhere needs acknowledgeDrift.") boolean drift,
			@Schema(description = "NONE, CHANGED_ELSEWHERE or PARTIAL.") Drift driftReason,
			@Schema(description = "Whether the live menu is exactly the working draft.") boolean matchesDraft) {
	}

	@Schema(description = "A key buttons may send back, and what answers it.")
	record MenuKey(String key,
			@Schema(description = "REPLY_RULE (a click reply) or INBOX_RULE (routes to the "
					+ "inbox, e.g. opens a complaint).") String source,
			@Schema(description = "The reply text or the inbox " + "category.") String description) {
	}

	// ---- the draft

	MenuView view(Caller caller, long accountId) {
		Account account = this.sets.account(caller, accountId);
		return view(account, this.sets.find(accountId, ContentSets.MENU));
	}

	MenuView save(Caller caller, long accountId, Integer version, MenuDocument body) {
		Account account = this.sets.account(caller, accountId);
		MenuDocument doc = MenuRules.normalised(body);
		Map<String, String> problems = MenuRules.problems(doc);
		if (!problems.isEmpty()) {
			throw ApiException.invalid(problems);
		}
		String hash = doc.hash();
		ContentSet saved = this.tx.execute((status) -> this.sets.save(caller, account, ContentSets.MENU, version,
				this.json.writeValueAsString(doc), hash, summary(doc, hash)));
		return view(account, saved);
	}

	MenuView submit(Caller caller, long accountId) {
		Account account = this.sets.account(caller, accountId);
		ContentSet row = this.tx
			.execute((status) -> this.sets.submit(caller, account, ContentSets.MENU, this::findings));
		return view(account, row);
	}

	MenuView decide(Caller caller, long accountId, boolean approve, String comment, String contentHash) {
		Account account = this.sets.account(caller, accountId);
		ContentSet row = this.tx.execute((status) -> this.sets.decide(caller, account, ContentSets.MENU, approve,
				comment, contentHash, (set, a) -> {
				}));
		return view(account, row);
	}

	/** Keys buttons may use: click replies and the inbox's MENU_KEY rules. */
	List<MenuKey> keys(Caller caller, long accountId) {
		this.sets.account(caller, accountId);
		List<MenuKey> keys = new ArrayList<>();
		this.replyKeys.clickReplies(accountId).forEach((key, text) -> keys.add(new MenuKey(key, "REPLY_RULE", text)));
		for (InboxRule rule : this.inboxRules.forAccount(accountId)) {
			if ("MENU_KEY".equals(rule.getKind())) {
				keys.add(new MenuKey(rule.getPattern(), "INBOX_RULE", rule.getCategory()));
			}
		}
		return keys;
	}

	// ---- the live menu

	LiveView live(Caller caller, long accountId) {
		Account account = this.sets.account(caller, accountId);
		MenuDocument live = readLive(account);
		ContentSet draft = this.sets.find(accountId, ContentSets.MENU);
		String liveHash = live.hash();
		Drift drift = drift(this.publishes.selectById(accountId), liveHash);
		return new LiveView(accountId, live, liveHash, drift != Drift.NONE, drift,
				draft != null && draft.getContentHash().equals(liveHash));
	}

	private static Drift drift(MenuPublish last, String liveHash) {
		String expected = (last != null) ? last.getLiveHash() : MenuDocument.EMPTY.hash();
		if (!expected.equals(liveHash)) {
			return Drift.CHANGED_ELSEWHERE;
		}
		return (last != null && "PARTIAL".equals(last.getState())) ? Drift.PARTIAL : Drift.NONE;
	}

	/**
	 * Publishes the approved menu as a whole. Not one transaction: what WeChat did is
	 * recorded even when a later call fails.
	 */
	MenuView publish(Caller caller, long accountId, String contentHash, boolean acknowledgeDrift) {
		Account account = this.sets.account(caller, accountId);
		requirePublisher(caller, accountId);
		ContentSet set = this.sets.find(accountId, ContentSets.MENU);
		if (set == null || !ContentSets.Status.APPROVED.name().equals(set.getStatus())
				|| !set.getContentHash().equals(set.getApprovedHash())) {
			String state = (set == null) ? "there is no menu" : "the menu is " + set.getStatus();
			throw Problem.MENU_NOT_APPROVED.exception("The menu is not approved",
					"Only a menu whose review approved its current content is published; " + state
							+ ". Submit it and wait for the approval.");
		}
		if (contentHash == null || !contentHash.equals(set.getApprovedHash())) {
			throw Problem.STALE_CONTENT.exception("The menu changed",
					"The approved menu is not the content you meant to publish (hash " + contentHash
							+ "). Load it again.");
		}
		MenuDocument doc = this.json.readValue(set.getApprovedDocument(), MenuDocument.class);
		List<Finding> findings = findings(set.getApprovedDocument(), account);
		if (!findings.isEmpty()) {
			throw ContentSets.screeningFailed(findings);
		}
		AccountSnapshot snapshot = snapshot(account);
		hold(caller, accountId);
		try {
			MenuDocument live = readLive(account);
			MenuPublish last = this.publishes.selectById(accountId);
			Drift drift = drift(last, live.hash());
			if (drift == Drift.CHANGED_ELSEWHERE && !acknowledgeDrift) {
				throw driftProblem(accountId, live, "publish again with acknowledgeDrift to replace it");
			}
			boolean wholeSet = !live.conditionals().isEmpty() || !doc.conditionals().isEmpty()
					|| drift == Drift.PARTIAL;
			List<String> calls = new ArrayList<>();
			String current = null;
			try {
				if (wholeSet) {
					current = "menu/delete";
					this.wechat.call(snapshot, (s) -> {
						s.getMenuService().menuDelete();
						return null;
					});
					calls.add(current);
				}
				current = "menu/create";
				this.wechat.call(snapshot, (s) -> s.getMenuService().menuCreate(doc.defaultMenu()));
				calls.add(current);
				for (ConditionalMenu c : doc.conditionals()) {
					current = "menu/addconditional (tag " + c.tagId() + ")";
					this.wechat.call(snapshot, (s) -> s.getMenuService().menuCreate(MenuDocument.conditionalMenu(c)));
					calls.add(current);
				}
			}
			catch (WeChatCallException ex) {
				if (calls.isEmpty()) {
					throw ex;
				}
				String detail = current + " refused (" + ex.errcode() + " " + ex.errmsg() + ") after "
						+ String.join(", ", calls);
				String liveHash = readLiveQuietly(account);
				this.tx.executeWithoutResult((status) -> record(caller, accountId, "PARTIAL", set.getApprovedHash(),
						liveHash, detail, last, acknowledgeDrift, drift, calls));
				throw Problem.MENU_PARTIAL
					.exception("The menu was published only in part",
							detail + ". The live menu is only part of the approved one; publish again to retry it "
									+ "as a whole.")
					.with("errcode", ex.errcode());
			}
			String liveHash = readLiveQuietly(account);
			this.tx.executeWithoutResult((status) -> record(caller, accountId, "PUBLISHED", set.getApprovedHash(),
					liveHash, null, last, acknowledgeDrift, drift, calls));
		}
		finally {
			this.publishes.release(accountId);
		}
		return view(account, this.sets.find(accountId, ContentSets.MENU));
	}

	private static ApiException driftProblem(long accountId, MenuDocument live, String then) {
		return Problem.MENU_DRIFT
			.exception("The live menu was changed elsewhere",
					"The menu WeChat shows now is not what wxops last published (someone changed it in the MP "
							+ "website or another tool). Compare it (GET /api/accounts/" + accountId
							+ "/menu/live) and " + then + ".")
			.with("live", live);
	}

	/**
	 * Deletes the live menu, the conditional menus with it (menu/delete). A live menu
	 * changed elsewhere is deleted only with acknowledgeDrift, as publish replaces it.
	 */
	MenuView delete(Caller caller, long accountId, boolean acknowledgeDrift) {
		Account account = this.sets.account(caller, accountId);
		requirePublisher(caller, accountId);
		AccountSnapshot snapshot = snapshot(account);
		hold(caller, accountId);
		try {
			MenuPublish last = this.publishes.selectById(accountId);
			MenuDocument live = readLive(account);
			Drift drift = drift(last, live.hash());
			if (drift == Drift.CHANGED_ELSEWHERE && !acknowledgeDrift) {
				throw driftProblem(accountId, live, "delete again with acknowledgeDrift=true to delete it");
			}
			this.wechat.call(snapshot, (s) -> {
				s.getMenuService().menuDelete();
				return null;
			});
			String liveHash = readLiveQuietly(account);
			this.tx.executeWithoutResult((status) -> {
				update(caller, accountId, "DELETED", null, liveHash, null);
				this.audit.record(caller, "MENU_DELETED", "MENU", accountId, accountId,
						Map.of("state", (last != null) ? last.getState() : "NONE", "liveHash", live.hash(), "drift",
								drift.name()),
						Map.of("state", "DELETED", "liveHash", liveHash, "acknowledgedDrift", acknowledgeDrift));
			});
		}
		finally {
			this.publishes.release(accountId);
		}
		return view(account, this.sets.find(accountId, ContentSets.MENU));
	}

	private void record(Caller caller, long accountId, String state, String contentHash, String liveHash, String detail,
			MenuPublish last, boolean acknowledgeDrift, Drift drift, List<String> calls) {
		update(caller, accountId, state, contentHash, liveHash, detail);
		Map<String, Object> before = new LinkedHashMap<>();
		before.put("state", (last != null) ? last.getState() : "NONE");
		before.put("contentHash", (last != null && last.getContentHash() != null) ? last.getContentHash() : "");
		before.put("drift", drift.name());
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("state", state);
		after.put("contentHash", contentHash);
		after.put("liveHash", liveHash);
		after.put("calls", calls);
		after.put("acknowledgedDrift", acknowledgeDrift);
		if (detail != null) {
			after.put("detail", detail);
		}
		this.audit.record(caller, "PARTIAL".equals(state) ? "MENU_PUBLISH_PARTIAL" : "MENU_PUBLISHED", "MENU",
				accountId, accountId, before, after);
	}

	private void update(Caller caller, long accountId, String state, String contentHash, String liveHash,
			String detail) {
		this.publishes.update(null,
				com.baomidou.mybatisplus.core.toolkit.Wrappers.<MenuPublish>lambdaUpdate()
					.eq(MenuPublish::getAccountId, accountId)
					.set(MenuPublish::getState, state)
					.set(MenuPublish::getContentHash, contentHash)
					.set(MenuPublish::getLiveHash, liveHash)
					.set(MenuPublish::getDetail,
							(detail != null && detail.length() > 1000) ? detail.substring(0, 1000) : detail)
					.set(MenuPublish::getChangedBy, caller.personId())
					.set(MenuPublish::getChangedAt, this.sets.now()));
	}

	private void hold(Caller caller, long accountId) {
		Instant now = this.sets.now();
		this.publishes.ensure(accountId, MenuDocument.EMPTY.hash(), caller.personId(), now);
		if (this.publishes.hold(accountId, now, now.plus(HOLD)) != 1) {
			throw Problem.MENU_BUSY.exception("The menu is being published",
					"Someone is publishing or deleting this account's menu right now; load it again in a moment.");
		}
	}

	private static void requirePublisher(Caller caller, long accountId) {
		if (!caller.can(accountId, Role.PUBLISHER)) {
			throw ApiException.forbidden(
					"Only an authorised publisher (PUBLISHER) of this account publishes or " + "deletes its menu.");
		}
	}

	private MenuDocument readLive(Account account) {
		return MenuDocument.of(this.wechat.call(snapshot(account), (s) -> s.getMenuService().menuGet()));
	}

	/**
	 * The live menu's hash after a change, or a hash no menu has when WeChat could not be
	 * read (so the next look reports drift rather than trusting a guess).
	 */
	private String readLiveQuietly(Account account) {
		try {
			return readLive(account).hash();
		}
		catch (WeChatCallException ex) {
			return "0".repeat(64);
		}
	}

	private AccountSnapshot snapshot(Account account) {
		return this.registry.find(account.getAppId())
			.orElseThrow(() -> ApiException.notFound("Account", account.getId()));
	}

	/** The prohibited terms in the button names, each keyed by the button's path. */
	private List<Finding> findings(String document, Account account) {
		MenuDocument doc = this.json.readValue(document, MenuDocument.class);
		List<Finding> findings = new ArrayList<>();
		MenuRules.names(doc).forEach((path, name) -> {
			for (Finding f : this.screening.prohibitedTerms(name, account)) {
				findings.add(new Finding(f.rule(), f.category(), f.term(), path, f.start(), f.end(), f.excerpt(),
						f.message()));
			}
		});
		return findings;
	}

	private static Map<String, Object> summary(MenuDocument doc, String hash) {
		Map<String, Object> summary = new LinkedHashMap<>();
		summary.put("contentHash", hash);
		summary.put("buttons", doc.buttons().size());
		summary.put("conditionals", doc.conditionals().size());
		return summary;
	}

	private MenuView view(Account account, ContentSet row) {
		MenuPublish last = this.publishes.selectById(account.getId());
		String state = (last != null) ? last.getState() : "NONE";
		if (row == null) {
			return new MenuView(account.getId(), 0, 0, MenuDocument.EMPTY.hash(), ContentSets.Status.DRAFT.name(), 0,
					List.of(), MenuDocument.EMPTY, null, state, null, null, null);
		}
		MenuDocument doc = this.json.readValue(row.getDocument(), MenuDocument.class);
		return new MenuView(account.getId(), row.getVersion(), row.getContentVersion(), row.getContentHash(),
				row.getStatus(), row.getReviewRound(), this.sets.steps(row, account), doc, row.getApprovedHash(), state,
				(last != null) ? last.getContentHash() : null, (last != null) ? last.getDetail() : null,
				row.getUpdatedAt());
	}

}
