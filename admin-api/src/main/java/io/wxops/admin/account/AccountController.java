package io.wxops.admin.account;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wxops.admin.account.AccountViews.AccountChange;
import io.wxops.admin.account.AccountViews.AccountView;
import io.wxops.admin.account.AccountViews.AnnualDecisionRequest;
import io.wxops.admin.account.AccountViews.AnnualReportRequest;
import io.wxops.admin.account.AccountViews.AnnualReviewView;
import io.wxops.admin.account.AccountViews.CredentialRotation;
import io.wxops.admin.account.AccountViews.NewAccountRequest;
import io.wxops.admin.account.AccountViews.RefilingView;
import io.wxops.admin.account.AccountViews.StatusChangeRequest;
import io.wxops.admin.account.AccountViews.StatusChangeView;
import io.wxops.admin.account.AccountViews.TestFollowerEntry;
import io.wxops.admin.security.Allow;
import io.wxops.admin.security.AllowAnyPerson;
import io.wxops.admin.security.Caller;
import io.wxops.admin.security.Role;
import io.wxops.admin.web.Csv;
import io.wxops.admin.web.PageRequest;
import io.wxops.admin.web.PageResult;
import io.wxops.core.account.Account;
import io.wxops.core.account.AccountStanding;
import io.wxops.core.account.AccountStatus;
import io.wxops.core.account.AccountType;
import jakarta.validation.Valid;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/accounts")
@Tag(name = "Accounts", description = "The account registry (登记表): registration, details and policies, "
		+ "write-only credentials, lifecycle, re-filings, annual review, test followers and export.")
class AccountController {

	private final RegistryReads reads;

	private final AccountRegistration registration;

	private final AccountDetails details;

	private final AccountCredentials credentials;

	private final AccountLifecycle lifecycle;

	private final AccountHistory history;

	private final AnnualReviews annualReviews;

	private final TestFollowerService testFollowers;

	AccountController(RegistryReads reads, AccountRegistration registration, AccountDetails details,
			AccountCredentials credentials, AccountLifecycle lifecycle, AccountHistory history,
			AnnualReviews annualReviews, TestFollowerService testFollowers) {
		this.reads = reads;
		this.registration = registration;
		this.details = details;
		this.credentials = credentials;
		this.lifecycle = lifecycle;
		this.history = history;
		this.annualReviews = annualReviews;
		this.testFollowers = testFollowers;
	}

	@GetMapping
	@AllowAnyPerson
	@Operation(summary = "List accounts",
			description = "The accounts your grants cover; filter by status, type, owning department and text (name, "
					+ "AppID or WeChat ID); paginated.")
	PageResult<AccountView> list(Caller caller, @RequestParam(required = false) AccountStatus status,
			@RequestParam(required = false) AccountType type, @RequestParam(required = false) Long departmentId,
			@RequestParam(required = false) String q, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return this.reads.list(caller, status, type, departmentId, q, PageRequest.of(page, size));
	}

	@GetMapping("/export.csv")
	@Allow({ Role.ADMIN, Role.AUDITOR })
	@Operation(summary = "Export the registry as CSV",
			description = "The registration form's columns (序号, 设立单位, 微信名称, 微信号, 公众号性质, 认证情况, 认证时间, 负责人 and "
					+ "管理员 contacts), UTF-8 with a byte-order mark, for the accounts your grants cover.")
	ResponseEntity<String> export(Caller caller, @RequestParam(required = false) AccountStatus status) {
		List<Account> rows = this.reads.all(caller, status, null, null, null);
		Map<Long, String> departments = this.reads.departmentNames();
		StringBuilder out = new StringBuilder(Csv.BOM);
		out.append(Csv.row(List.of("序号", "设立单位", "微信名称", "微信号", "公众号性质", "认证情况", "认证时间", "负责人姓名", "负责人办公室电话", "负责人手机",
				"管理员姓名", "管理员办公室电话", "管理员手机", "管理员邮箱", "管理员微信号")));
		int n = 0;
		for (Account a : rows) {
			List<Object> fields = new ArrayList<>();
			fields.add(++n);
			fields.add(departments.get(a.getOwningDepartmentId()));
			fields.add(a.getName());
			fields.add(a.getWechatId());
			fields.add((a.getAccountType() == AccountType.SERVICE) ? "服务号" : "订阅号");
			fields.add(Boolean.TRUE.equals(a.getVerified()) ? "是" : "否");
			fields.add((a.getVerifiedOn() != null) ? a.getVerifiedOn().toString() : null);
			fields.add(a.getResponsibleName());
			fields.add(a.getResponsibleOfficePhone());
			fields.add(a.getResponsibleMobile());
			fields.add(a.getAdminName());
			fields.add(a.getAdminOfficePhone());
			fields.add(a.getAdminMobile());
			fields.add(a.getAdminEmail());
			fields.add(a.getAdminWechatId());
			out.append(Csv.row(fields));
		}
		String filename = "registry-" + LocalDate.now().format(DateTimeFormatter.BASIC_ISO_DATE) + ".csv";
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=" + filename)
			.contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
			.body(out.toString());
	}

	@GetMapping("/{id}")
	@AllowAnyPerson
	@Operation(summary = "Get an account",
			description = "Credentials show only whether they are set and when. 404 when your grants do not cover it.")
	AccountView get(Caller caller, @PathVariable long id) {
		return this.reads.get(caller, id);
	}

	@PostMapping
	@Allow(Role.ADMIN)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Register an account",
			description = "Needs ADMIN on every account. The AppSecret is checked by fetching an access token from "
					+ "WeChat first; if WeChat refuses it nothing is stored. The account starts APPLIED.")
	AccountView create(Caller caller, @RequestBody NewAccountRequest body) {
		return this.registration.create(caller, body);
	}

	@PatchMapping("/{id}")
	@Allow(Role.ADMIN)
	@Operation(summary = "Change registry details or policies",
			description = "Only the fields sent change; send the version you loaded (stale → 409). A new responsible "
					+ "person or administrator is recorded as a re-filing.")
	AccountView update(Caller caller, @PathVariable long id, @Valid @RequestBody AccountChange body) {
		return this.details.update(caller, id, body);
	}

	@PutMapping("/{id}/credentials")
	@Allow(Role.ADMIN)
	@Operation(summary = "Rotate credentials",
			description = "Any of appSecret, token, aesKey. A new AppSecret is checked with WeChat before it is "
					+ "stored; a new EncodingAESKey keeps the previous one for callbacks in flight. Nothing is echoed.")
	AccountView rotateCredentials(Caller caller, @PathVariable long id, @Valid @RequestBody CredentialRotation body) {
		return this.credentials.rotateCredentials(caller, id, body);
	}

	@PostMapping("/{id}/status")
	@Allow(Role.ADMIN)
	@Operation(summary = "Change the lifecycle status",
			description = "APPLIED→ACTIVE→SUSPENDED→CLOSED (SUSPENDED may return to ACTIVE; CLOSED is final), with a "
					+ "reason that is kept.")
	AccountView changeStatus(Caller caller, @PathVariable long id, @Valid @RequestBody StatusChangeRequest body) {
		return this.lifecycle.changeStatus(caller, id, body.status(), body.reason(), body.version());
	}

	@GetMapping("/{id}/status-history")
	@AllowAnyPerson
	@Operation(summary = "Lifecycle history with reasons")
	List<StatusChangeView> statusHistory(Caller caller, @PathVariable long id) {
		return this.history.statusHistory(caller, id);
	}

	@GetMapping("/{id}/refilings")
	@AllowAnyPerson
	@Operation(summary = "Re-filings of responsible person and administrator")
	List<RefilingView> refilings(Caller caller, @PathVariable long id) {
		return this.history.refilings(caller, id);
	}

	@GetMapping("/{id}/annual-reviews")
	@AllowAnyPerson
	@Operation(summary = "Annual reviews, newest cycle first")
	List<AnnualReviewView> annualReviews(Caller caller, @PathVariable long id) {
		return this.annualReviews.annualReviews(caller, id);
	}

	@PostMapping("/{id}/annual-reviews")
	@Allow(Role.ADMIN)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Record the annual report",
			description = "The review of cycle Y is due in November of Y. Until decided, the report can be replaced.")
	AnnualReviewView submitAnnualReport(Caller caller, @PathVariable long id,
			@Valid @RequestBody AnnualReportRequest body) {
		return this.annualReviews.submitAnnualReport(caller, id, body.cycle(), body.report());
	}

	@PostMapping("/{id}/annual-reviews/{cycle}/decision")
	@Allow(Role.ADMIN)
	@Operation(summary = "Record the annual review's result",
			description = "PASS or FAIL. A FAIL stops the account from mass sending and replying at once.")
	AnnualReviewView decideAnnualReview(Caller caller, @PathVariable long id, @PathVariable int cycle,
			@Valid @RequestBody AnnualDecisionRequest body) {
		return this.annualReviews.decideAnnualReview(caller, id, cycle, body.result(), body.note());
	}

	@GetMapping("/{id}/standing")
	@AllowAnyPerson
	@Operation(summary = "May the account mass send and reply now?",
			description = "The check mass sends and replies use: ACTIVE and the annual review in order.")
	AccountStanding.Standing standing(Caller caller, @PathVariable long id) {
		return this.annualReviews.standing(caller, id);
	}

	@GetMapping("/{id}/test-followers")
	@AllowAnyPerson
	@Operation(summary = "Test followers who receive previews")
	List<TestFollowerEntry> testFollowers(Caller caller, @PathVariable long id) {
		return this.testFollowers.testFollowers(caller, id);
	}

	@PutMapping("/{id}/test-followers")
	@Allow(Role.ADMIN)
	@Operation(summary = "Replace the test followers", description = "At most 20, each an openid with a label.")
	List<TestFollowerEntry> replaceTestFollowers(Caller caller, @PathVariable long id,
			@RequestBody List<TestFollowerEntry> body) {
		return this.testFollowers.replaceTestFollowers(caller, id, body);
	}

	@PostMapping("/{id}/wechat-check")
	@Allow(Role.ADMIN)
	@Operation(summary = "Check the connection to WeChat",
			description = "Fetches an access token with the stored credentials and calls WeChat once. WeChat's errors "
					+ "come back as problem details saying what to do (IP whitelist, AppSecret changed, …).")
	Map<String, Object> checkWeChat(Caller caller, @PathVariable long id) {
		return this.credentials.checkWeChat(caller, id);
	}

}
