package io.wxops.admin.account;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;
import io.wxops.admin.web.EmailAddress;
import io.wxops.admin.web.HasText;
import io.wxops.admin.web.Present;
import io.wxops.admin.web.TimeZoneId;
import io.wxops.core.account.Account;
import io.wxops.core.account.AccountStatus;
import io.wxops.core.account.AccountType;
import io.wxops.core.account.MessageMode;
import io.wxops.core.account.ReviewLevel;
import io.wxops.core.account.ReviewPolicy;
import io.wxops.core.account.Sensitivity;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What the registry API sends and receives. Secrets only ever travel inwards. */
final class AccountViews {

	static final String CONTACT_NAME = "the name is required (at most 64 characters)";

	/**
	 * Blank clears the number; otherwise digits, spaces, '(', ')', '-' and a leading '+'.
	 */
	static final String PHONE = HasText.BLANK + "|\\+?[0-9 ()-]{3,20}";

	static final String ACCOUNT_NAME = "name must not be blank (at most 128 characters)";

	static final String VERSION = "send the version you loaded, so a concurrent change is not overwritten";

	static final String WECHAT_ID = "WeChat ID may have at most 64 characters";

	static final String APP_SECRET = "AppSecret is required; it is checked with WeChat before anything is stored";

	static final String MAX_CHARS = "between 1 and 20,000 characters (WeChat's own limit)";

	static final String REASON = "a reason is required (at most 512 characters); it is kept in the record";

	static final String REPORT = "the report text is required (at most 60,000 characters)";

	private AccountViews() {
	}

	@Schema(description = "A responsible person or administrator as on the registration form.")
	record Contact(@HasText(message = CONTACT_NAME) @Size(max = 64, message = CONTACT_NAME) String name,
			@Pattern(regexp = PHONE, message = "not a phone number") String officePhone,
			@Pattern(regexp = PHONE, message = "not a phone number") String mobile,
			@Size(max = EmailAddress.MAX, message = "at most 128 characters") @EmailAddress String email,
			@Size(max = 64, message = "at most 64 characters") String wechatId) {

		static Contact responsibleOf(Account a) {
			return new Contact(a.getResponsibleName(), a.getResponsibleOfficePhone(), a.getResponsibleMobile(),
					a.getResponsibleEmail(), a.getResponsibleWechatId());
		}

		static Contact administratorOf(Account a) {
			return new Contact(a.getAdminName(), a.getAdminOfficePhone(), a.getAdminMobile(), a.getAdminEmail(),
					a.getAdminWechatId());
		}

	}

	@Schema(description = "Account policies: local time zone (decides 'today'), maximum characters per item, "
			+ "review levels required per sensitivity, whether commercial marketing is forbidden, and whether the "
			+ "person who previewed a mass send may also confirm it.")
	record Policies(@TimeZoneId String timeZone,
			@Min(value = 1, message = MAX_CHARS) @Max(value = 20_000, message = MAX_CHARS) Integer maxChars,
			Map<Sensitivity, List<ReviewLevel>> reviewLevels, Boolean marketingForbidden, Boolean selfConfirmAllowed) {

		static Policies of(Account a) {
			return new Policies(a.getTimeZone(), a.getMaxChars(), ReviewPolicy.parse(a.getReviewPolicy()).levels(),
					a.getMarketingForbidden(), a.getSelfConfirmAllowed());
		}

	}

	@Schema(description = "Whether a secret is set and when; the secret itself is never returned.")
	record SecretState(boolean set, Instant setAt) {

		static SecretState of(String encrypted, Instant setAt) {
			return new SecretState(encrypted != null, (encrypted != null) ? setAt : null);
		}

	}

	record CredentialStates(SecretState appSecret, SecretState token, SecretState aesKey) {
	}

	// Named apart from the sign-in's Credentials: with one name for both, the OpenAPI
	// description (and the console's generated client) gave registration the sign-in's
	// shape.
	@Schema(name = "AccountCredentials",
			description = "Credentials, write-only. AppSecret is checked by fetching an access token from WeChat "
					+ "before anything is stored.")
	record Credentials(@HasText(message = APP_SECRET) String appSecret, String token, String aesKey) {

		@Override
		public String toString() {
			return "Credentials[******]";
		}

	}

	@Schema(description = "A registered account as the registry shows it.")
	record AccountView(long id, String appId, String originalId, String name, String wechatId, AccountType type,
			MessageMode mode, AccountStatus status, String statusReason, Instant statusChangedAt,
			Long owningDepartmentId, boolean verified, LocalDate verifiedOn, Contact responsible, Contact administrator,
			Policies policies, CredentialStates credentials, int version, Instant createdAt, Instant updatedAt) {

		static AccountView of(Account a) {
			return new AccountView(a.getId(), a.getAppId(), a.getOriginalId(), a.getName(), a.getWechatId(),
					a.getAccountType(), a.getMessageMode(), a.getStatus(), a.getStatusReason(), a.getStatusChangedAt(),
					a.getOwningDepartmentId(), Boolean.TRUE.equals(a.getVerified()), a.getVerifiedOn(),
					Contact.responsibleOf(a), Contact.administratorOf(a), Policies.of(a),
					new CredentialStates(SecretState.of(a.getAppSecretEnc(), a.getAppSecretSetAt()),
							SecretState.of(a.getTokenEnc(), a.getTokenSetAt()),
							SecretState.of(a.getAesKeyEnc(), a.getAesKeySetAt())),
					a.getVersion(), a.getCreatedAt(), a.getUpdatedAt());
		}

	}

	record NewAccountRequest(String appId, String originalId, String name,
			@Size(max = 64, message = WECHAT_ID) String wechatId, AccountType type, MessageMode mode,
			Long owningDepartmentId, Boolean verified, LocalDate verifiedOn, @Valid Contact responsible,
			@Valid Contact administrator, @Valid Policies policies, @Valid Credentials credentials) {
	}

	@Schema(description = "Only the fields sent change. A changed responsible person or administrator is recorded "
			+ "as a re-filing dated refiledOn (default: today in the account's time zone).")
	record AccountChange(
			@HasText(whenSent = true, message = ACCOUNT_NAME) @Size(max = 128, message = ACCOUNT_NAME) String name,
			@Size(max = 64, message = WECHAT_ID) String wechatId, MessageMode mode, Long owningDepartmentId,
			Boolean verified, LocalDate verifiedOn, @Valid Contact responsible, @Valid Contact administrator,
			@Valid Policies policies, LocalDate refiledOn, @Present(message = VERSION) Integer version) {
	}

	record CredentialRotation(String appSecret, String token, String aesKey,
			@Present(message = VERSION) Integer version) {

		@Override
		public String toString() {
			return "CredentialRotation[******, version=" + this.version + "]";
		}

	}

	record StatusChangeRequest(
			@Present(message = "status is required: APPLIED, ACTIVE, SUSPENDED or CLOSED") AccountStatus status,
			@HasText(message = REASON) @Size(max = 512, message = REASON) String reason,
			@Present(message = VERSION) Integer version) {
	}

	record StatusChangeView(long id, AccountStatus fromStatus, AccountStatus toStatus, String reason, Long personId,
			Instant changedAt) {

		static StatusChangeView of(StatusChange c) {
			return new StatusChangeView(c.getId(),
					(c.getFromStatus() != null) ? AccountStatus.valueOf(c.getFromStatus()) : null,
					AccountStatus.valueOf(c.getToStatus()), c.getReason(), c.getPersonId(), c.getChangedAt());
		}

	}

	record RefilingView(long id, String contact, Contact before, Contact after, LocalDate filedOn, Long personId,
			Instant recordedAt) {
	}

	record AnnualReportRequest(Integer cycle,
			@HasText(message = REPORT) @Size(max = 60_000, message = REPORT) String report) {
	}

	record AnnualDecisionRequest(
			@Present(message = "result is PASS or FAIL") @Pattern(regexp = "PASS|FAIL",
					message = "result is PASS or FAIL") String result,
			@Size(max = 1024, message = "the note may have at most 1024 characters") String note) {
	}

	record AnnualReviewView(long id, int cycle, String report, Long submittedBy, Instant submittedAt, String result,
			String note, Long decidedBy, Instant decidedAt) {
	}

	record TestFollowerEntry(String openid, String label) {
	}

}
