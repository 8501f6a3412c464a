package io.wxops.admin.inbox;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.baomidou.mybatisplus.core.toolkit.Wrappers;
import io.wxops.admin.account.AccountAccess;
import io.wxops.admin.audit.AuditTrail;
import io.wxops.admin.people.DepartmentMapper;
import io.wxops.admin.security.Caller;
import io.wxops.admin.security.Role;
import io.wxops.admin.web.ApiException;
import io.wxops.admin.web.HasText;
import io.wxops.admin.web.PageRequest;
import io.wxops.admin.web.PageResult;
import io.wxops.admin.web.Present;
import io.wxops.admin.web.TrimmedLength;
import io.wxops.core.account.Account;
import io.wxops.core.account.AccountChangeNotifier;
import io.wxops.core.account.AccountMapper;
import io.wxops.core.inbox.Category;
import io.wxops.core.inbox.InboxRule;
import io.wxops.core.inbox.InboxRuleMapper;
import io.wxops.core.inbox.RuleSet;
import io.wxops.core.text.TextNormaliser;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Per account: where each category goes and its SLA, the acknowledgement text, the
 * central office, and the classification rules (keywords, menu keys, malicious terms).
 * Every change is audited.
 */
@Service
public class InboxSettingsService {

	private final AccountMapper accounts;

	private final RouteMapper routes;

	private final InboxRuleMapper rules;

	private final DepartmentMapper departments;

	private final AuditTrail audit;

	private final AccountAccess accountAccess;

	private final Clock clock;

	private final AccountChangeNotifier notifier;

	InboxSettingsService(AccountMapper accounts, RouteMapper routes, InboxRuleMapper rules,
			DepartmentMapper departments, AuditTrail audit, AccountAccess accountAccess, Clock clock,
			AccountChangeNotifier notifier) {
		this.notifier = notifier;
		this.accountAccess = accountAccess;
		this.accounts = accounts;
		this.routes = routes;
		this.rules = rules;
		this.departments = departments;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Where a category goes (department null: the central office) and its days to a
	 * result.
	 */
	public record RouteView(Long departmentId, int slaDays) {
	}

	/**
	 * @param routedAckOnly whether a message an inbox rule routes to a category gets only
	 * the ticket's acknowledgement and no passive reply from the gateway (false: the
	 * gateway's keyword or default reply answers it too)
	 */
	public record Settings(
			@HasText(whenSent = true, message = ACK_TEXT) @Size(max = 600, message = ACK_TEXT) String ackText,
			Long centralOfficeDepartmentId, Map<Category, RouteView> routes, Boolean routedAckOnly) {
	}

	public record RuleRequest(
			@Present(message = KIND) @Pattern(regexp = "KEYWORD|MENU_KEY", message = KIND) String kind,
			@HasText(message = PATTERN) @TrimmedLength(max = MAX_PATTERN, message = PATTERN) String pattern,
			@Present(message = CATEGORY) Category category, Long departmentId, Integer priority) {
	}

	public Settings settings(Caller caller, long accountId) {
		Account account = account(caller, accountId);
		Map<Category, RouteView> byCategory = new EnumMap<>(Category.class);
		for (Category c : Category.values()) {
			byCategory.put(c, new RouteView(null, c.defaultSlaDays()));
		}
		for (Route r : this.routes.forAccount(accountId)) {
			byCategory.put(Category.valueOf(r.getCategory()), new RouteView(r.getDepartmentId(), r.getSlaDays()));
		}
		return new Settings(account.getAckText(), account.getCentralOfficeDepartmentId(), byCategory,
				Boolean.TRUE.equals(account.getRoutedAckOnly()));
	}

	@Transactional
	public Settings update(Caller caller, long accountId, Settings change) {
		Account account = account(caller, accountId);
		caller.require(accountId, Role.ADMIN);
		Settings before = settings(caller, accountId);
		Map<String, String> errors = new LinkedHashMap<>();
		if (change.centralOfficeDepartmentId() != null
				&& this.departments.selectById(change.centralOfficeDepartmentId()) == null) {
			errors.put("centralOfficeDepartmentId", "there is no such department");
		}
		if (change.routes() != null) {
			change.routes().forEach((category, route) -> {
				if (route == null || route.slaDays() < 1 || route.slaDays() > 90) {
					errors.put("routes." + category + ".slaDays", "1 to 90 days");
				}
				else if (route.departmentId() != null && this.departments.selectById(route.departmentId()) == null) {
					errors.put("routes." + category + ".departmentId", "there is no such department");
				}
			});
		}
		if (!errors.isEmpty()) {
			throw ApiException.invalid(errors);
		}
		this.accounts.update(null,
				Wrappers.<Account>lambdaUpdate()
					.eq(Account::getId, accountId)
					.set(change.ackText() != null, Account::getAckText,
							(change.ackText() != null) ? change.ackText().trim() : null)
					.set(change.centralOfficeDepartmentId() != null, Account::getCentralOfficeDepartmentId,
							change.centralOfficeDepartmentId())
					.set(change.routedAckOnly() != null, Account::getRoutedAckOnly, change.routedAckOnly()));
		if (change.routes() != null) {
			change.routes().forEach((category, route) -> {
				this.routes.delete(Wrappers.<Route>lambdaQuery()
					.eq(Route::getAccountId, accountId)
					.eq(Route::getCategory, category.name()));
				Route r = new Route();
				r.setAccountId(accountId);
				r.setCategory(category.name());
				r.setDepartmentId(route.departmentId());
				r.setSlaDays(route.slaDays());
				this.routes.insert(r);
			});
		}
		Settings after = settings(caller, accountId);
		this.audit.record(caller, "INBOX_SETTINGS_CHANGED", "ACCOUNT", accountId, accountId, before, after);
		announce(account);
		return after;
	}

	/**
	 * The account's rules in the order they apply (highest priority, then oldest), one
	 * page, optionally only one category or kind, or those whose pattern contains
	 * {@code query}.
	 */
	public PageResult<InboxRule> rules(Caller caller, long accountId, Category category, String kind, String query,
			PageRequest page) {
		account(caller, accountId);
		if (kind != null && !RULE_KINDS.contains(kind)) {
			throw ApiException.invalid("kind", "KEYWORD or MENU_KEY");
		}
		var where = Wrappers.<InboxRule>lambdaQuery()
			.eq(InboxRule::getAccountId, accountId)
			.eq(category != null, InboxRule::getCategory, (category != null) ? category.name() : null)
			.eq(kind != null, InboxRule::getKind, kind)
			.like(query != null && !query.isBlank(), InboxRule::getPattern, (query != null) ? query.trim() : null);
		where.orderByDesc(InboxRule::getPriority).orderByAsc(InboxRule::getId);
		var found = this.rules.selectPage(
				com.baomidou.mybatisplus.extension.plugins.pagination.Page.<InboxRule>of(page.page() + 1L, page.size()),
				where);
		return new PageResult<>(found.getRecords(), page.page(), page.size(), found.getTotal());
	}

	@Transactional
	public InboxRule addRule(Caller caller, long accountId, RuleRequest req) {
		account(caller, accountId);
		caller.require(accountId, Role.ADMIN);
		Map<String, String> errors = departmentErrors(req.departmentId());
		if (tooShortKeyword(req.kind(), req.pattern())) {
			errors.put("pattern", TOO_SHORT);
		}
		if (!errors.isEmpty()) {
			throw ApiException.invalid(errors);
		}
		InboxRule r = newRule(accountId, req.kind(), req.pattern().trim(), req.category(), req.departmentId(),
				req.priority());
		this.rules.insert(r);
		this.audit.record(caller, "INBOX_RULE_ADDED", "ACCOUNT", accountId, accountId, null, r);
		announce(this.accounts.selectById(accountId));
		return r;
	}

	static final int MAX_PATTERN = 64;

	static final String ACK_TEXT = "the acknowledgement is 1 to 600 characters";

	static final String KIND = "KEYWORD (the message contains it) or MENU_KEY (a menu button's key)";

	static final String CATEGORY = "CONSULTATION, COMPLAINT, REPORT_PETITION, SUGGESTION or MALICIOUS";

	static final String PATTERN = "1 to " + MAX_PATTERN + " characters";

	/**
	 * KEYWORD (the message contains it) and MENU_KEY (a menu button's key), as
	 * {@link RuleSet} applies them.
	 */
	static final java.util.Set<String> RULE_KINDS = java.util.Set.of("KEYWORD", "MENU_KEY");

	/** Most patterns one bulk request may add. */
	public static final int MAX_BULK = 5_000;

	static final String PATTERNS = "1 to " + MAX_BULK + " patterns";

	/**
	 * Many rules of one kind and category at once, such as a malicious-term list: every
	 * pattern is checked before any is added.
	 */
	public record BulkRuleRequest(
			@Present(message = KIND) @Pattern(regexp = "KEYWORD|MENU_KEY", message = KIND) String kind,
			@Present(message = CATEGORY) Category category, Long departmentId, Integer priority,
			@Present(message = PATTERNS) @Size(min = 1, max = MAX_BULK,
					message = PATTERNS) List<@HasText(message = PATTERN) @TrimmedLength(max = MAX_PATTERN,
							message = PATTERN) String> patterns) {
	}

	/**
	 * What a bulk request did: rules added, and patterns skipped because the account
	 * already has the same rule or the list repeats them.
	 */
	public record BulkResult(int added, int skipped) {
	}

	@Transactional
	public BulkResult addRules(Caller caller, long accountId, BulkRuleRequest req) {
		account(caller, accountId);
		caller.require(accountId, Role.ADMIN);
		Map<String, String> errors = departmentErrors(req.departmentId());
		List<String> patterns = (req.patterns() != null) ? req.patterns() : List.of();
		// Count, blank and length are constraints on the request; a keyword's normalised
		// length depends on the kind.
		for (int i = 0; i < patterns.size(); i++) {
			String pattern = patterns.get(i);
			if (tooShortKeyword(req.kind(), pattern)) {
				errors.put("patterns[" + i + "]", TOO_SHORT);
			}
		}
		if (!errors.isEmpty()) {
			throw ApiException.invalid(errors);
		}
		// The same rule is the same kind, category, unit and pattern; a keyword is the
		// same
		// when it normalises alike, as it would match the same messages.
		java.util.Set<String> present = new java.util.HashSet<>();
		for (InboxRule r : this.rules.forAccount(accountId)) {
			present.add(sameRuleKey(r.getKind(), r.getCategory(), r.getDepartmentId(), r.getPattern()));
		}
		List<String> added = new ArrayList<>();
		List<InboxRule> rows = new ArrayList<>();
		for (String pattern : patterns) {
			String trimmed = pattern.trim();
			if (present.add(sameRuleKey(req.kind(), req.category().name(), req.departmentId(), trimmed))) {
				rows.add(newRule(accountId, req.kind(), trimmed, req.category(), req.departmentId(), req.priority()));
				added.add(trimmed);
			}
		}
		if (!rows.isEmpty()) {
			// One JDBC batch rather than a statement per pattern.
			this.rules.insert(rows);
		}
		BulkResult result = new BulkResult(added.size(), patterns.size() - added.size());
		if (!added.isEmpty()) {
			Map<String, Object> change = new LinkedHashMap<>();
			change.put("kind", req.kind());
			change.put("category", req.category());
			change.put("departmentId", req.departmentId());
			change.put("priority", (req.priority() != null) ? req.priority() : 0);
			change.put("patterns", added);
			this.audit.record(caller, "INBOX_RULES_ADDED", "ACCOUNT", accountId, accountId, null, change);
			announce(this.accounts.selectById(accountId));
		}
		return result;
	}

	static final String TOO_SHORT = "a keyword must keep at least " + TextNormaliser.MIN_KEYWORD_LENGTH
			+ " characters once spacing, punctuation, width and case are normalised";

	/**
	 * A KEYWORD pattern that normalises to nothing or one character (it would match
	 * almost every message); wx-core's normaliser decides, as when the rules are matched.
	 */
	private static boolean tooShortKeyword(String kind, String pattern) {
		return "KEYWORD".equals(kind) && TextNormaliser.keyword(pattern) == null;
	}

	private static String sameRuleKey(String kind, String category, Long departmentId, String pattern) {
		String p = "KEYWORD".equals(kind) ? TextNormaliser.normaliseTerm(pattern) : pattern;
		return kind + "\u0000" + category + "\u0000" + departmentId + "\u0000" + p;
	}

	private Map<String, String> departmentErrors(Long departmentId) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (departmentId != null && this.departments.selectById(departmentId) == null) {
			errors.put("departmentId", "there is no such department");
		}
		return errors;
	}

	private InboxRule newRule(long accountId, String kind, String pattern, Category category, Long departmentId,
			Integer priority) {
		InboxRule r = new InboxRule();
		r.setAccountId(accountId);
		r.setKind(kind);
		r.setPattern(pattern);
		r.setCategory(category.name());
		r.setDepartmentId(departmentId);
		r.setPriority((priority != null) ? priority : 0);
		r.setCreatedAt(this.clock.instant().truncatedTo(ChronoUnit.MILLIS));
		return r;
	}

	@Transactional
	public void removeRule(Caller caller, long accountId, long ruleId) {
		account(caller, accountId);
		caller.require(accountId, Role.ADMIN);
		InboxRule r = this.rules.selectById(ruleId);
		if (r == null || r.getAccountId() != accountId) {
			throw ApiException.notFound("Rule", ruleId);
		}
		this.rules.deleteById(ruleId);
		this.audit.record(caller, "INBOX_RULE_REMOVED", "ACCOUNT", accountId, accountId, r, null);
		announce(this.accounts.selectById(accountId));
	}

	/**
	 * Tells the gateways (after the commit) that the account's rules or settings changed:
	 * they match the same rules before a passive reply and drop what they hold.
	 */
	private void announce(Account account) {
		this.notifier.accountChanged(account.getAppId());
	}

	private Account account(Caller caller, long accountId) {
		return this.accountAccess.visible(caller, accountId);
	}

}
