package io.wxops.admin.inbox;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.baomidou.mybatisplus.core.toolkit.Wrappers;
import io.wxops.admin.account.RegistryService;
import io.wxops.admin.audit.AuditTrail;
import io.wxops.admin.people.DepartmentMapper;
import io.wxops.admin.security.Caller;
import io.wxops.admin.security.Role;
import io.wxops.admin.web.ApiException;
import io.wxops.core.account.Account;
import io.wxops.core.account.AccountMapper;

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

	private final RegistryService registry;

	private final Clock clock;

	InboxSettingsService(AccountMapper accounts, RouteMapper routes, InboxRuleMapper rules,
			DepartmentMapper departments, AuditTrail audit, RegistryService registry, Clock clock) {
		this.registry = registry;
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

	public record Settings(String ackText, Long centralOfficeDepartmentId, Map<Category, RouteView> routes) {
	}

	public record RuleRequest(String kind, String pattern, Category category, Long departmentId, Integer priority) {
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
		return new Settings(account.getAckText(), account.getCentralOfficeDepartmentId(), byCategory);
	}

	@Transactional
	public Settings update(Caller caller, long accountId, Settings change) {
		Account account = account(caller, accountId);
		caller.require(accountId, Role.ADMIN);
		Settings before = settings(caller, accountId);
		Map<String, String> errors = new LinkedHashMap<>();
		if (change.ackText() != null && (change.ackText().isBlank() || change.ackText().length() > 600)) {
			errors.put("ackText", "the acknowledgement is 1 to 600 characters");
		}
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
							change.centralOfficeDepartmentId()));
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
		return after;
	}

	public List<InboxRule> rules(Caller caller, long accountId) {
		account(caller, accountId);
		return this.rules.forAccount(accountId);
	}

	@Transactional
	public InboxRule addRule(Caller caller, long accountId, RuleRequest req) {
		account(caller, accountId);
		caller.require(accountId, Role.ADMIN);
		Map<String, String> errors = new LinkedHashMap<>();
		if (!"KEYWORD".equals(req.kind()) && !"MENU_KEY".equals(req.kind())) {
			errors.put("kind", "KEYWORD (the message contains it) or MENU_KEY (a menu button's key)");
		}
		if (req.pattern() == null || req.pattern().isBlank() || req.pattern().length() > 64) {
			errors.put("pattern", "1 to 64 characters");
		}
		if (req.category() == null) {
			errors.put("category", "CONSULTATION, COMPLAINT, REPORT_PETITION, SUGGESTION or MALICIOUS");
		}
		if (req.departmentId() != null && this.departments.selectById(req.departmentId()) == null) {
			errors.put("departmentId", "there is no such department");
		}
		if (!errors.isEmpty()) {
			throw ApiException.invalid(errors);
		}
		InboxRule r = new InboxRule();
		r.setAccountId(accountId);
		r.setKind(req.kind());
		r.setPattern(req.pattern().trim());
		r.setCategory(req.category().name());
		r.setDepartmentId(req.departmentId());
		r.setPriority((req.priority() != null) ? req.priority() : 0);
		r.setCreatedAt(this.clock.instant().truncatedTo(ChronoUnit.MILLIS));
		this.rules.insert(r);
		this.audit.record(caller, "INBOX_RULE_ADDED", "ACCOUNT", accountId, accountId, null, r);
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
	}

	private Account account(Caller caller, long accountId) {
		return this.registry.visible(caller, accountId);
	}

}
