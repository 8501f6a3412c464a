package io.wxops.admin.account;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.toolkit.Wrappers;
import io.wxops.admin.account.AccountViews.AccountChange;
import io.wxops.admin.account.AccountViews.AccountView;
import io.wxops.admin.account.AccountViews.AnnualReviewView;
import io.wxops.admin.account.AccountViews.Contact;
import io.wxops.admin.account.AccountViews.CredentialRotation;
import io.wxops.admin.account.AccountViews.NewAccountRequest;
import io.wxops.admin.account.AccountViews.Policies;
import io.wxops.admin.account.AccountViews.RefilingView;
import io.wxops.admin.account.AccountViews.StatusChangeView;
import io.wxops.admin.account.AccountViews.TestFollowerEntry;
import io.wxops.admin.audit.AuditTrail;
import io.wxops.admin.people.DepartmentMapper;
import io.wxops.admin.security.Caller;
import io.wxops.admin.security.Role;
import io.wxops.admin.web.ApiException;
import io.wxops.admin.web.Problem;
import io.wxops.admin.web.PageRequest;
import io.wxops.admin.web.PageResult;
import io.wxops.core.account.Account;
import io.wxops.core.account.AccountChangeNotifier;
import io.wxops.core.account.AccountMapper;
import io.wxops.core.account.AccountRegistry;
import io.wxops.core.account.AccountSnapshot;
import io.wxops.core.account.AccountStanding;
import io.wxops.core.account.AccountStatus;
import io.wxops.core.account.AccountType;
import io.wxops.core.account.AccountUpdate;
import io.wxops.core.account.AnnualReview;
import io.wxops.core.account.AnnualReviewMapper;
import io.wxops.core.account.NewAccount;
import io.wxops.core.account.ReviewPolicy;
import io.wxops.core.wechat.CredentialCheck;
import io.wxops.core.wechat.WeChatCallException;
import io.wxops.core.wechat.WeChatCalls;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The account registry (登记表): registration with validated credentials, registry details
 * and policies, the lifecycle with reasons, re-filings, the annual review and test
 * followers. Every change is in the audit record, in the same transaction.
 */
@Service
public class RegistryService {

	static final Role[] ANY_ROLE = Role.values();

	private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()-]{3,20}");

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	private static final Pattern OPENID = Pattern.compile("[0-9a-zA-Z_-]{6,64}");

	private final AccountMapper accounts;

	private final AccountRegistry registry;

	private final AccountStanding standing;

	private final AnnualReviewMapper reviews;

	private final StatusChangeMapper statusChanges;

	private final RefilingMapper refilings;

	private final TestFollowerMapper testFollowers;

	private final DepartmentMapper departments;

	private final CredentialCheck credentialCheck;

	private final WeChatCalls wechat;

	private final AccountChangeNotifier notifier;

	private final AuditTrail audit;

	private final JsonMapper json;

	private final Clock clock;

	RegistryService(AccountMapper accounts, AccountRegistry registry, AccountStanding standing,
			AnnualReviewMapper reviews, StatusChangeMapper statusChanges, RefilingMapper refilings,
			TestFollowerMapper testFollowers, DepartmentMapper departments, CredentialCheck credentialCheck,
			WeChatCalls wechat, AccountChangeNotifier notifier, AuditTrail audit, JsonMapper json, Clock clock) {
		this.accounts = accounts;
		this.registry = registry;
		this.standing = standing;
		this.reviews = reviews;
		this.statusChanges = statusChanges;
		this.refilings = refilings;
		this.testFollowers = testFollowers;
		this.departments = departments;
		this.credentialCheck = credentialCheck;
		this.wechat = wechat;
		this.notifier = notifier;
		this.audit = audit;
		this.json = json;
		this.clock = clock;
	}

	// ---- reading

	public PageResult<AccountView> list(Caller caller, AccountStatus status, AccountType type, Long departmentId,
			String query, PageRequest page) {
		LambdaQueryWrapper<Account> where = scoped(caller, status, type, departmentId, query);
		long total = this.accounts.selectCount(where);
		List<AccountView> items = this.accounts.selectList(where.orderByAsc(Account::getId).last(page.limitClause()))
			.stream()
			.map(AccountView::of)
			.toList();
		return new PageResult<>(items, page.page(), page.size(), total);
	}

	/** Every account the caller may see that matches, in id order, for exports. */
	public List<Account> all(Caller caller, AccountStatus status, AccountType type, Long departmentId, String query) {
		return this.accounts.selectList(
				scoped(caller, status, type, departmentId, query).orderByAsc(Account::getId).last("LIMIT 10000"));
	}

	private LambdaQueryWrapper<Account> scoped(Caller caller, AccountStatus status, AccountType type, Long departmentId,
			String query) {
		Optional<Set<Long>> scope = caller.accountScope(ANY_ROLE);
		LambdaQueryWrapper<Account> where = Wrappers.<Account>lambdaQuery()
			.eq(status != null, Account::getStatus, status)
			.eq(type != null, Account::getAccountType, type)
			.eq(departmentId != null, Account::getOwningDepartmentId, departmentId)
			.and(query != null && !query.isBlank(),
					(w) -> w.like(Account::getName, query.trim())
						.or()
						.eq(Account::getAppId, query.trim())
						.or()
						.eq(Account::getWechatId, query.trim()));
		if (scope.isPresent()) {
			Set<Long> ids = scope.get();
			where.in(Account::getId, ids.isEmpty() ? Set.of(-1L) : ids);
		}
		return where;
	}

	public AccountView get(Caller caller, long id) {
		return AccountView.of(visible(caller, id));
	}

	/**
	 * The account if the caller's grants cover it; 404 otherwise, so ids reveal nothing.
	 */
	public Account visible(Caller caller, long id) {
		Account a = this.accounts.selectById(id);
		if (a == null || !caller.can(id, ANY_ROLE)) {
			throw ApiException.notFound("Account", id);
		}
		return a;
	}

	private Account administered(Caller caller, long id) {
		Account a = visible(caller, id);
		caller.require(id, Role.ADMIN);
		return a;
	}

	// ---- registration and changes

	@Transactional
	public AccountView create(Caller caller, NewAccountRequest req) {
		caller.requireEverywhere(Role.ADMIN);
		Map<String, String> errors = new LinkedHashMap<>();
		AccountViews.Credentials credentials = (req.credentials() != null) ? req.credentials()
				: new AccountViews.Credentials(null, null, null);
		if (credentials.appSecret() == null || credentials.appSecret().isBlank()) {
			errors.put("credentials.appSecret",
					"AppSecret is required; it is checked with WeChat before anything is stored");
		}
		checkDetails(errors, req.owningDepartmentId(), req.wechatId(), req.verified(), req.verifiedOn(),
				req.responsible(), req.administrator());
		Policies policies = checkPolicies(errors, req.policies(), null);
		// The core registry checks identity, mode and secret formats; its errors are
		// merged
		// so one answer lists everything to fix.
		NewAccount cmd = new NewAccount(req.appId(), req.originalId(), req.name(), req.type(), req.mode(),
				credentials.token(), credentials.aesKey(), credentials.appSecret());
		Map<String, String> coreErrors = this.registry.validate(cmd);
		coreErrors.forEach((field, message) -> errors.putIfAbsent(credentialField(field), message));
		if (!errors.isEmpty()) {
			throw ApiException.invalid(errors);
		}
		try {
			this.credentialCheck.verify(req.appId(), credentials.appSecret());
		}
		catch (WeChatCallException ex) {
			throw (ex.field() == null) ? ex : new WeChatCallException(ex.error(), ex.errcode(), ex.errmsg(),
					"appSecret".equals(ex.field()) ? "credentials.appSecret" : ex.field(), ex);
		}
		AccountSnapshot created = this.registry.register(cmd, AccountStatus.APPLIED, (row) -> {
			applyDetails(row, req.owningDepartmentId(), req.wechatId(), req.verified(), req.verifiedOn(),
					req.responsible(), req.administrator());
			applyPolicies(row, policies);
		});
		Account row = this.accounts.selectById(created.id());
		recordStatusChange(caller, row.getId(), null, AccountStatus.APPLIED, "registered");
		AccountView view = AccountView.of(row);
		this.audit.record(caller, "ACCOUNT_REGISTERED", "ACCOUNT", row.getId(), row.getId(), null, view);
		return view;
	}

	@Transactional
	public AccountView update(Caller caller, long id, AccountChange req) {
		Account row = administered(caller, id);
		AccountView before = AccountView.of(row);
		Map<String, String> errors = new LinkedHashMap<>();
		requireVersion(errors, req.version());
		if (req.name() != null && (req.name().isBlank() || req.name().length() > 128)) {
			errors.put("name", "name must not be blank (at most 128 characters)");
		}
		if (req.mode() != null && req.mode().needsAesKey() && row.getAesKeyEnc() == null) {
			errors.put("mode", "mode " + req.mode() + " needs an EncodingAESKey: set one with the credentials first");
		}
		checkDetails(errors, req.owningDepartmentId(), req.wechatId(), req.verified(), req.verifiedOn(),
				req.responsible(), req.administrator());
		Policies policies = checkPolicies(errors, req.policies(), row);
		if (req.refiledOn() != null && req.refiledOn().isAfter(today(row))) {
			errors.put("refiledOn", "a re-filing cannot be dated in the future");
		}
		if (!errors.isEmpty()) {
			throw ApiException.invalid(errors);
		}
		Contact responsibleBefore = Contact.responsibleOf(row);
		Contact administratorBefore = Contact.administratorOf(row);
		if (req.name() != null) {
			row.setName(req.name().trim());
		}
		if (req.mode() != null) {
			row.setMessageMode(req.mode());
		}
		applyDetails(row, req.owningDepartmentId(), req.wechatId(), req.verified(), req.verifiedOn(), req.responsible(),
				req.administrator());
		if (req.policies() != null) {
			applyPolicies(row, policies);
		}
		saveVersioned(row, req.version());
		LocalDate filedOn = (req.refiledOn() != null) ? req.refiledOn() : today(row);
		refileIfChanged(caller, row, "RESPONSIBLE", responsibleBefore, Contact.responsibleOf(row), filedOn);
		refileIfChanged(caller, row, "ADMINISTRATOR", administratorBefore, Contact.administratorOf(row), filedOn);
		AccountView after = AccountView.of(row);
		this.audit.record(caller, "ACCOUNT_UPDATED", "ACCOUNT", id, id, before, after);
		return after;
	}

	@Transactional
	public AccountView rotateCredentials(Caller caller, long id, CredentialRotation req) {
		Account row = administered(caller, id);
		Map<String, String> errors = new LinkedHashMap<>();
		requireVersion(errors, req.version());
		if (req.appSecret() == null && req.token() == null && req.aesKey() == null) {
			errors.put("credentials", "send at least one of appSecret, token, aesKey");
		}
		if (!errors.isEmpty()) {
			throw ApiException.invalid(errors);
		}
		if (!req.version().equals(row.getVersion())) {
			throw ApiException.staleVersion("account");
		}
		AccountView before = AccountView.of(row);
		AccountUpdate change = new AccountUpdate(null, null, null, req.token(), req.aesKey(), req.appSecret());
		Map<String, String> formatErrors = this.registry.validate(row.getAppId(), change);
		if (!formatErrors.isEmpty()) {
			throw ApiException.invalid(formatErrors);
		}
		if (req.appSecret() != null) {
			this.credentialCheck.verify(row.getAppId(), req.appSecret());
		}
		this.registry.update(row.getAppId(), change);
		Account after = this.accounts.selectById(id);
		Map<String, Object> summary = new LinkedHashMap<>();
		summary.put("appSecret", (req.appSecret() != null) ? "replaced" : "unchanged");
		summary.put("token", (req.token() != null) ? "replaced" : "unchanged");
		summary.put("aesKey",
				(req.aesKey() != null) ? "replaced (previous key kept for callbacks in flight)" : "unchanged");
		this.audit.record(caller, "ACCOUNT_CREDENTIALS_ROTATED", "ACCOUNT", id, id, before.credentials(), summary);
		return AccountView.of(after);
	}

	@Transactional
	public AccountView changeStatus(Caller caller, long id, AccountStatus next, String reason, Integer version) {
		Account row = administered(caller, id);
		Map<String, String> errors = new LinkedHashMap<>();
		requireVersion(errors, version);
		if (next == null) {
			errors.put("status", "status is required: APPLIED, ACTIVE, SUSPENDED or CLOSED");
		}
		if (reason == null || reason.isBlank() || reason.length() > 512) {
			errors.put("reason", "a reason is required (at most 512 characters); it is kept in the record");
		}
		if (next != null && (next == row.getStatus() || !row.getStatus().canBecome(next))) {
			errors.put("status", "an account that is " + row.getStatus() + " cannot become " + next
					+ "; allowed: APPLIED→ACTIVE/CLOSED, ACTIVE→SUSPENDED/CLOSED, SUSPENDED→ACTIVE/CLOSED");
		}
		if (!errors.isEmpty()) {
			throw ApiException.invalid(errors);
		}
		if (!version.equals(row.getVersion())) {
			throw ApiException.staleVersion("account");
		}
		if (next == AccountStatus.ACTIVE && row.getAppSecretEnc() == null) {
			throw Problem.CREDENTIALS_MISSING.exception("The account has no AppSecret",
					"Set the AppSecret (it is checked with WeChat) before activating the account.");
		}
		AccountView before = AccountView.of(row);
		this.registry.update(row.getAppId(), AccountUpdate.status(next));
		this.accounts.update(null,
				Wrappers.<Account>lambdaUpdate().eq(Account::getId, id).set(Account::getStatusReason, reason.trim()));
		recordStatusChange(caller, id, row.getStatus(), next, reason.trim());
		AccountView after = AccountView.of(this.accounts.selectById(id));
		this.audit.record(caller, "ACCOUNT_STATUS_CHANGED", "ACCOUNT", id, id, before, after);
		return after;
	}

	public List<StatusChangeView> statusHistory(Caller caller, long id) {
		visible(caller, id);
		return this.statusChanges.findByAccount(id).stream().map(StatusChangeView::of).toList();
	}

	public List<RefilingView> refilings(Caller caller, long id) {
		visible(caller, id);
		return this.refilings.findByAccount(id)
			.stream()
			.map((r) -> new RefilingView(r.getId(), r.getContact(), readContact(r.getBeforeState()),
					readContact(r.getAfterState()), r.getFiledOn(), r.getPersonId(), r.getRecordedAt()))
			.toList();
	}

	// ---- annual review

	public List<AnnualReviewView> annualReviews(Caller caller, long id) {
		visible(caller, id);
		return this.reviews.findByAccount(id).stream().map(RegistryService::reviewView).toList();
	}

	@Transactional
	public AnnualReviewView submitAnnualReport(Caller caller, long id, Integer cycle, String report) {
		Account row = administered(caller, id);
		int thisYear = today(row).getYear();
		Map<String, String> errors = new LinkedHashMap<>();
		if (cycle == null || cycle < 2000 || cycle > thisYear) {
			errors.put("cycle", "cycle is the year whose November review this is, at most " + thisYear);
		}
		if (report == null || report.isBlank() || report.length() > 60_000) {
			errors.put("report", "the report text is required (at most 60,000 characters)");
		}
		if (!errors.isEmpty()) {
			throw ApiException.invalid(errors);
		}
		AnnualReview existing = this.reviews.find(id, cycle);
		if (existing != null && existing.getResult() != null) {
			throw Problem.REVIEW_DECIDED.exception("The " + cycle + " review is already decided",
					"A decided review is not changed. Record the next cycle's report instead.");
		}
		Instant now = now();
		AnnualReview review = (existing != null) ? existing : new AnnualReview();
		AnnualReviewView before = (existing != null) ? reviewView(existing) : null;
		review.setAccountId(id);
		review.setCycleYear(cycle);
		review.setReport(report.trim());
		review.setSubmittedBy(caller.personId());
		review.setSubmittedAt(now);
		if (existing == null) {
			review.setVersion(1);
			try {
				this.reviews.insert(review);
			}
			catch (org.springframework.dao.DuplicateKeyException ex) {
				throw Problem.REVIEW_EXISTS.exception("The " + cycle + " report was just submitted",
						"Someone else submitted it at the same moment. Load the reviews again.");
			}
		}
		else {
			int expected = review.getVersion();
			review.setVersion(expected + 1);
			if (this.reviews.update(review,
					Wrappers.<AnnualReview>lambdaUpdate()
						.eq(AnnualReview::getId, review.getId())
						.eq(AnnualReview::getVersion, expected)) != 1) {
				throw ApiException.staleVersion("annual review");
			}
		}
		AnnualReviewView after = reviewView(review);
		this.audit.record(caller, "ANNUAL_REPORT_SUBMITTED", "ACCOUNT", id, id, before, after);
		return after;
	}

	@Transactional
	public AnnualReviewView decideAnnualReview(Caller caller, long id, int cycle, String result, String note) {
		Account account = administered(caller, id);
		if (!"PASS".equals(result) && !"FAIL".equals(result)) {
			throw ApiException.invalid("result", "result is PASS or FAIL");
		}
		if (note != null && note.length() > 1024) {
			throw ApiException.invalid("note", "the note may have at most 1024 characters");
		}
		AnnualReview review = this.reviews.find(id, cycle);
		if (review == null) {
			throw Problem.REPORT_MISSING.exception("No report for " + cycle,
					"Submit the " + cycle + " annual report before recording the decision.");
		}
		if (review.getResult() != null) {
			throw Problem.REVIEW_DECIDED.exception("The " + cycle + " review is already decided",
					"It was decided " + review.getResult() + " at " + review.getDecidedAt() + ".");
		}
		AnnualReviewView before = reviewView(review);
		int expected = review.getVersion();
		review.setResult(result);
		review.setDecisionNote((note != null) ? note.trim() : null);
		review.setDecidedBy(caller.personId());
		review.setDecidedAt(now());
		review.setVersion(expected + 1);
		if (this.reviews.update(review,
				Wrappers.<AnnualReview>lambdaUpdate()
					.eq(AnnualReview::getId, review.getId())
					.eq(AnnualReview::getVersion, expected)
					.isNull(AnnualReview::getResult)) != 1) {
			throw ApiException.staleVersion("annual review");
		}
		AnnualReviewView after = reviewView(review);
		this.audit.record(caller, "ANNUAL_REVIEW_DECIDED", "ACCOUNT", id, id, before, after);
		// Gateways remember whether an account may reply; tell them to check again.
		this.notifier.accountChanged(account.getAppId());
		return after;
	}

	public AccountStanding.Standing standing(Caller caller, long id) {
		visible(caller, id);
		return this.standing.of(id);
	}

	// ---- test followers

	public List<TestFollowerEntry> testFollowers(Caller caller, long id) {
		visible(caller, id);
		return this.testFollowers.findByAccount(id)
			.stream()
			.map((t) -> new TestFollowerEntry(t.getOpenid(), t.getLabel()))
			.toList();
	}

	@Transactional
	public List<TestFollowerEntry> replaceTestFollowers(Caller caller, long id, List<TestFollowerEntry> entries) {
		administered(caller, id);
		Map<String, String> errors = new LinkedHashMap<>();
		if (entries == null || entries.size() > 20) {
			errors.put("testFollowers", "send a list of at most 20 test followers");
		}
		else {
			Set<String> seen = new LinkedHashSet<>();
			for (int i = 0; i < entries.size(); i++) {
				TestFollowerEntry e = entries.get(i);
				if (e == null || e.openid() == null || !OPENID.matcher(e.openid()).matches()) {
					errors.put("testFollowers[" + i + "].openid", "an openid is 6 to 64 letters, digits, '_' or '-'");
				}
				else if (!seen.add(e.openid())) {
					errors.put("testFollowers[" + i + "].openid", "listed twice");
				}
				if (e != null && (e.label() == null || e.label().isBlank() || e.label().length() > 64)) {
					errors.put("testFollowers[" + i + "].label", "a label saying who this is is required (at most 64)");
				}
			}
		}
		if (!errors.isEmpty()) {
			throw ApiException.invalid(errors);
		}
		List<TestFollowerEntry> before = testFollowers(caller, id);
		this.testFollowers.deleteByAccount(id);
		Instant now = now();
		for (TestFollowerEntry e : entries) {
			TestFollower row = new TestFollower();
			row.setAccountId(id);
			row.setOpenid(e.openid());
			row.setLabel(e.label().trim());
			row.setCreatedAt(now);
			this.testFollowers.insert(row);
		}
		List<TestFollowerEntry> after = testFollowers(caller, id);
		this.audit.record(caller, "TEST_FOLLOWERS_REPLACED", "ACCOUNT", id, id, before, after);
		return after;
	}

	/** Department names by id, for exports. */
	public Map<Long, String> departmentNames() {
		Map<Long, String> names = new LinkedHashMap<>();
		this.departments.selectList(null).forEach((d) -> names.put(d.getId(), d.getName()));
		return names;
	}

	// ---- WeChat

	/** Fetches a token and calls WeChat once with the stored credentials. */
	public Map<String, Object> checkWeChat(Caller caller, long id) {
		Account row = administered(caller, id);
		AccountSnapshot account = this.registry.find(row.getAppId()).orElseThrow();
		String[] ips = this.wechat.call(account, (service) -> service.getCallbackIP());
		return Map.of("reachable", true, "callbackIps", List.of(ips), "checkedAt", now());
	}

	// ---- helpers

	private void checkDetails(Map<String, String> errors, Long departmentId, String wechatId, Boolean verified,
			LocalDate verifiedOn, Contact responsible, Contact administrator) {
		if (departmentId != null && this.departments.selectById(departmentId) == null) {
			errors.put("owningDepartmentId", "there is no department " + departmentId);
		}
		if (wechatId != null && wechatId.length() > 64) {
			errors.put("wechatId", "WeChat ID may have at most 64 characters");
		}
		if (Boolean.TRUE.equals(verified) && verifiedOn == null) {
			errors.put("verifiedOn", "a verified account needs its verification date");
		}
		if (verifiedOn != null && verifiedOn.isAfter(LocalDate.now(this.clock))) {
			errors.put("verifiedOn", "the verification date cannot be in the future");
		}
		checkContact(errors, "responsible", responsible);
		checkContact(errors, "administrator", administrator);
	}

	private static void checkContact(Map<String, String> errors, String prefix, Contact c) {
		if (c == null) {
			return;
		}
		if (c.name() == null || c.name().isBlank() || c.name().length() > 64) {
			errors.put(prefix + ".name", "the name is required (at most 64 characters)");
		}
		if (c.officePhone() != null && !c.officePhone().isBlank() && !PHONE.matcher(c.officePhone()).matches()) {
			errors.put(prefix + ".officePhone", "not a phone number");
		}
		if (c.mobile() != null && !c.mobile().isBlank() && !PHONE.matcher(c.mobile()).matches()) {
			errors.put(prefix + ".mobile", "not a phone number");
		}
		if (c.email() != null && c.email().length() > 128) {
			// The column's length: longer would fail in the database, not here.
			errors.put(prefix + ".email", "at most 128 characters");
		}
		else if (c.email() != null && !c.email().isBlank() && !EMAIL.matcher(c.email()).matches()) {
			errors.put(prefix + ".email", "not an e-mail address");
		}
		if (c.wechatId() != null && c.wechatId().length() > 64) {
			errors.put(prefix + ".wechatId", "at most 64 characters");
		}
	}

	/**
	 * The policies after applying a partial change; field errors go into {@code errors}.
	 */
	private static Policies checkPolicies(Map<String, String> errors, Policies change, Account current) {
		Policies base = (current != null) ? Policies.of(current)
				: new Policies("Asia/Shanghai", 680, ReviewPolicy.DEFAULT.levels(), false, false);
		if (change == null) {
			return base;
		}
		String zone = (change.timeZone() != null) ? change.timeZone() : base.timeZone();
		try {
			ZoneId.of(zone);
		}
		catch (DateTimeException ex) {
			errors.put("policies.timeZone", "not a time zone id such as Asia/Shanghai");
		}
		Integer maxChars = (change.maxChars() != null) ? change.maxChars() : base.maxChars();
		if (maxChars < 1 || maxChars > 20_000) {
			errors.put("policies.maxChars", "between 1 and 20,000 characters (WeChat's own limit)");
		}
		var levels = (change.reviewLevels() != null) ? change.reviewLevels() : base.reviewLevels();
		String levelProblem = ReviewPolicy.problemWith(levels);
		if (levelProblem != null) {
			errors.put("policies.reviewLevels", levelProblem);
		}
		Boolean marketing = (change.marketingForbidden() != null) ? change.marketingForbidden()
				: base.marketingForbidden();
		Boolean selfConfirm = (change.selfConfirmAllowed() != null) ? change.selfConfirmAllowed()
				: base.selfConfirmAllowed();
		return new Policies(zone, maxChars, levels, marketing, selfConfirm);
	}

	private static void applyPolicies(Account row, Policies p) {
		row.setTimeZone(p.timeZone());
		row.setMaxChars(p.maxChars());
		row.setReviewPolicy(new ReviewPolicy(p.reviewLevels()).format());
		row.setMarketingForbidden(p.marketingForbidden());
		row.setSelfConfirmAllowed(Boolean.TRUE.equals(p.selfConfirmAllowed()));
	}

	private static void applyDetails(Account row, Long departmentId, String wechatId, Boolean verified,
			LocalDate verifiedOn, Contact responsible, Contact administrator) {
		if (departmentId != null) {
			row.setOwningDepartmentId(departmentId);
		}
		if (wechatId != null) {
			row.setWechatId(blankToNull(wechatId));
		}
		if (verified != null) {
			row.setVerified(verified);
			row.setVerifiedOn(verified ? verifiedOn : null);
		}
		else if (verifiedOn != null) {
			row.setVerifiedOn(verifiedOn);
		}
		if (responsible != null) {
			row.setResponsibleName(responsible.name().trim());
			row.setResponsibleOfficePhone(blankToNull(responsible.officePhone()));
			row.setResponsibleMobile(blankToNull(responsible.mobile()));
			row.setResponsibleEmail(blankToNull(responsible.email()));
			row.setResponsibleWechatId(blankToNull(responsible.wechatId()));
		}
		if (administrator != null) {
			row.setAdminName(administrator.name().trim());
			row.setAdminOfficePhone(blankToNull(administrator.officePhone()));
			row.setAdminMobile(blankToNull(administrator.mobile()));
			row.setAdminEmail(blankToNull(administrator.email()));
			row.setAdminWechatId(blankToNull(administrator.wechatId()));
		}
	}

	private void saveVersioned(Account row, int expected) {
		row.setVersion(expected + 1);
		row.setUpdatedAt(now());
		// updateById skips nulls; contact fields and the verification date may be
		// cleared.
		int updated = this.accounts.update(row,
				Wrappers.<Account>lambdaUpdate()
					.eq(Account::getId, row.getId())
					.eq(Account::getVersion, expected)
					.set(Account::getWechatId, row.getWechatId())
					.set(Account::getVerifiedOn, row.getVerifiedOn())
					.set(Account::getResponsibleOfficePhone, row.getResponsibleOfficePhone())
					.set(Account::getResponsibleMobile, row.getResponsibleMobile())
					.set(Account::getResponsibleEmail, row.getResponsibleEmail())
					.set(Account::getResponsibleWechatId, row.getResponsibleWechatId())
					.set(Account::getAdminOfficePhone, row.getAdminOfficePhone())
					.set(Account::getAdminMobile, row.getAdminMobile())
					.set(Account::getAdminEmail, row.getAdminEmail())
					.set(Account::getAdminWechatId, row.getAdminWechatId()));
		if (updated != 1) {
			throw ApiException.staleVersion("account");
		}
		this.notifier.accountChanged(row.getAppId());
	}

	private void refileIfChanged(Caller caller, Account row, String contact, Contact before, Contact after,
			LocalDate filedOn) {
		if (Objects.equals(before, after)) {
			return;
		}
		Refiling r = new Refiling();
		r.setAccountId(row.getId());
		r.setContact(contact);
		r.setBeforeState((before.name() != null) ? this.json.writeValueAsString(before) : null);
		r.setAfterState(this.json.writeValueAsString(after));
		r.setFiledOn(filedOn);
		r.setPersonId(caller.isSystem() ? null : caller.personId());
		r.setRecordedAt(now());
		this.refilings.insert(r);
		this.audit.record(caller, "ACCOUNT_REFILED", "ACCOUNT", row.getId(), row.getId(), before,
				Map.of("contact", contact, "filedOn", filedOn.toString(), "after", after));
	}

	private void recordStatusChange(Caller caller, long accountId, AccountStatus from, AccountStatus to,
			String reason) {
		StatusChange c = new StatusChange();
		c.setAccountId(accountId);
		c.setFromStatus((from != null) ? from.name() : null);
		c.setToStatus(to.name());
		c.setReason(reason);
		c.setPersonId(caller.isSystem() ? null : caller.personId());
		c.setChangedAt(now());
		this.statusChanges.insert(c);
	}

	private Contact readContact(String stored) {
		return (stored != null) ? this.json.readValue(stored, Contact.class) : null;
	}

	private static AnnualReviewView reviewView(AnnualReview r) {
		return new AnnualReviewView(r.getId(), r.getCycleYear(), r.getReport(), r.getSubmittedBy(), r.getSubmittedAt(),
				r.getResult(), r.getDecisionNote(), r.getDecidedBy(), r.getDecidedAt());
	}

	private static String credentialField(String field) {
		return switch (field) {
			case "token", "aesKey", "appSecret" -> "credentials." + field;
			default -> field;
		};
	}

	private static void requireVersion(Map<String, String> errors, Integer version) {
		if (version == null) {
			errors.put("version", "send the version you loaded, so a concurrent change is not overwritten");
		}
	}

	private LocalDate today(Account row) {
		return LocalDate.now(this.clock.withZone(ZoneId.of(row.getTimeZone())));
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.trim();
	}

}
