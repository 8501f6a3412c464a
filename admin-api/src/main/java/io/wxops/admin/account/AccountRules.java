package io.wxops.admin.account;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.regex.Pattern;

import io.wxops.admin.account.AccountViews.Contact;
import io.wxops.admin.account.AccountViews.Policies;
import io.wxops.admin.people.DepartmentMapper;
import io.wxops.core.account.Account;
import io.wxops.core.account.ReviewPolicy;

import org.springframework.stereotype.Service;

/**
 * The registry form's checks that need more than one field or the database (the owning
 * department exists, a verified account has its date, contacts, policies), and applying
 * checked details and policies to an account row.
 */
@Service
class AccountRules {

	private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()-]{3,20}");

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	private final DepartmentMapper departments;

	private final Clock clock;

	AccountRules(DepartmentMapper departments, Clock clock) {
		this.departments = departments;
		this.clock = clock;
	}

	void checkDetails(Map<String, String> errors, Long departmentId, String wechatId, Boolean verified,
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
	static Policies checkPolicies(Map<String, String> errors, Policies change, Account current) {
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

	static void applyPolicies(Account row, Policies p) {
		row.setTimeZone(p.timeZone());
		row.setMaxChars(p.maxChars());
		row.setReviewPolicy(new ReviewPolicy(p.reviewLevels()).format());
		row.setMarketingForbidden(p.marketingForbidden());
		row.setSelfConfirmAllowed(Boolean.TRUE.equals(p.selfConfirmAllowed()));
	}

	static void applyDetails(Account row, Long departmentId, String wechatId, Boolean verified, LocalDate verifiedOn,
			Contact responsible, Contact administrator) {
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

	static String credentialField(String field) {
		return switch (field) {
			case "token", "aesKey", "appSecret" -> "credentials." + field;
			default -> field;
		};
	}

	static void requireVersion(Map<String, String> errors, Integer version) {
		if (version == null) {
			errors.put("version", "send the version you loaded, so a concurrent change is not overwritten");
		}
	}

	LocalDate today(Account row) {
		return LocalDate.now(this.clock.withZone(ZoneId.of(row.getTimeZone())));
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.trim();
	}

}
