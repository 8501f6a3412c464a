package io.wxops.admin.account;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

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
		if (Boolean.TRUE.equals(verified) && verifiedOn == null) {
			errors.put("verifiedOn", "a verified account needs its verification date");
		}
		if (verifiedOn != null && verifiedOn.isAfter(LocalDate.now(this.clock))) {
			errors.put("verifiedOn", "the verification date cannot be in the future");
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
		// The time zone and maxChars are constraints on Policies; the levels are the
		// core's rule.
		String zone = (change.timeZone() != null) ? change.timeZone() : base.timeZone();
		Integer maxChars = (change.maxChars() != null) ? change.maxChars() : base.maxChars();
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

	LocalDate today(Account row) {
		return LocalDate.now(this.clock.withZone(ZoneId.of(row.getTimeZone())));
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.trim();
	}

}
