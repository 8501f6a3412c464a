package io.wxops.admin.web;

import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * Every kind of problem admin-api answers with, in one place: the {@code type} slug a
 * client switches on (the console maps it to a message), the HTTP status, and what the
 * caller can do about it. The {@code detail} of each answer says what happened in this
 * case; the advice here says what to do about any case of the kind. WeChat's own refusals
 * are catalogued in wx-core's {@code WeChatError}.
 */
public enum Problem {

	INVALID_REQUEST(HttpStatus.BAD_REQUEST, "invalid-request",
			"Correct the fields listed in 'errors' and send the request again."),

	UNAUTHENTICATED(HttpStatus.UNAUTHORIZED, "unauthenticated",
			"Sign in with POST /api/session and send the token as 'Authorization: Bearer <token>'."),

	BAD_CREDENTIALS(HttpStatus.UNAUTHORIZED, "bad-credentials",
			"Check the username and password; repeated failures lock sign-in for a while."),

	SESSION_EXPIRED(HttpStatus.UNAUTHORIZED, "session-expired",
			"Sign in again: the session ended after the idle timeout or at the end of its lifetime."),

	PASSWORD_CHANGE_REQUIRED(HttpStatus.FORBIDDEN, "password-change-required",
			"Change your password with PUT /api/session/password, then sign in again."),

	PERSON_DISABLED(HttpStatus.FORBIDDEN, "person-disabled", "Ask an administrator to enable the person again."),

	CROSS_SITE_REQUEST(HttpStatus.FORBIDDEN, "cross-site-request",
			"Send the request from the console's own pages, or as an API client with 'Authorization: Bearer <token>'."),

	FORBIDDEN(HttpStatus.FORBIDDEN, "forbidden", "Ask an administrator for a grant that allows this."),

	OWN_ARTICLE(HttpStatus.FORBIDDEN, "own-article",
			"Ask another reviewer of this level: nobody reviews their own article."),

	OWN_SEND(HttpStatus.FORBIDDEN, "own-send",
			"Ask another reviewer of this level: nobody reviews a send they composed."),

	OWN_PREVIEW(HttpStatus.FORBIDDEN, "own-preview",
			"Ask another authorised publisher to confirm: the person who previewed a send does not confirm it."),

	SECOND_LEVEL(HttpStatus.FORBIDDEN, "second-level",
			"Ask another reviewer: one person decides at one level of a chain only."),

	NOT_FOUND(HttpStatus.NOT_FOUND, "not-found",
			"Check the id, and that it belongs to an account and department you may see."),

	LOGIN_LOCKED(HttpStatus.LOCKED, "login-locked",
			"Wait until the lock ends (see 'detail') or ask an administrator to unlock the person."),

	BODY_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, "body-too-large",
			"Send a smaller body, or split a bulk request into several."),

	SCREENING_FAILED(HttpStatus.UNPROCESSABLE_CONTENT, "screening-failed",
			"Change the text at the positions listed in 'findings' and save again."),

	STORAGE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "storage-unavailable",
			"Nothing was changed; try again in a few seconds."),

	TAG_LIMIT(HttpStatus.CONFLICT, "tag-limit",
			"Delete a tag the account no longer uses: WeChat allows at most 100 tags per account."),

	TAG_NAME_TAKEN(HttpStatus.CONFLICT, "tag-name-taken", "Choose another name: tag names are unique per account."),

	RESERVED_TAG(HttpStatus.UNPROCESSABLE_CONTENT, "reserved-tag",
			"Leave WeChat's own tags (ids 0, 1 and 2) as they are; create a tag of your own instead."),

	STALE_VERSION(HttpStatus.CONFLICT, "stale-version",
			"Load the record again, re-apply your change and send it with the new version."),

	ACCOUNT_NOT_OPERATING(HttpStatus.CONFLICT, "account-not-operating",
			"Bring the account back to OPERATING (see its standing) before sending or replying."),

	ALREADY_DECIDED(HttpStatus.CONFLICT, "already-decided",
			"Load the review again to see the decision someone else made."),

	ARTICLE_SENT(HttpStatus.CONFLICT, "article-sent",
			"A sent article is part of the record; write a new article instead of changing it."),

	AUDIT_CHAIN_BROKEN(HttpStatus.CONFLICT, "audit-chain-broken",
			"Stop and report it: verify the chain (GET /api/audit/verify) and compare with the last export."),

	CHAIN_COMPLETE(HttpStatus.CONFLICT, "chain-complete",
			"Load the review again to see its outcome; no level is left to decide."),

	COVER_MISSING(HttpStatus.CONFLICT, "cover-missing",
			"Upload a cover image for the article and save it before queueing or sending."),

	DAY_TAKEN(HttpStatus.CONFLICT, "day-taken",
			"Pick the free day given in 'nextFreeDay', or cancel the other send of that day."),

	MENU_BUSY(HttpStatus.CONFLICT, "menu-busy",
			"Someone is publishing or deleting the account's menu; load it again in a moment."),

	MENU_DRIFT(HttpStatus.CONFLICT, "menu-drift",
			"Compare the live menu with yours, then publish again with acknowledgeDrift to replace it."),

	MENU_NOT_APPROVED(HttpStatus.CONFLICT, "menu-not-approved",
			"Submit the menu and wait until its review approves its current content."),

	MENU_PARTIAL(HttpStatus.BAD_GATEWAY, "menu-partial",
			"WeChat took only part of the menu; fix what it refused if needed and publish again (as a whole)."),

	MONTHLY_QUOTA(HttpStatus.CONFLICT, "monthly-quota",
			"Pick a day from 'nextFreeDay' on, or cancel another send of this month."),

	CREDENTIALS_MISSING(HttpStatus.CONFLICT, "credentials-missing",
			"An administrator sets the account's AppSecret first (PUT /api/accounts/{id}/credentials)."),

	GRANT_EXISTS(HttpStatus.CONFLICT, "grant-exists", "Nothing to do: the person already holds this grant."),

	MSG_ID_UNKNOWN(HttpStatus.CONFLICT, "msg-id-unknown", "Wait for WeChat's answer to the send, then try again."),

	NO_TEST_FOLLOWERS(HttpStatus.CONFLICT, "no-test-followers",
			"An administrator adds test followers to the account before anyone previews."),

	NOT_APPROVED(HttpStatus.CONFLICT, "not-approved",
			"Submit the article and wait until its review chain approves it."),

	NOT_CANCELLABLE(HttpStatus.CONFLICT, "not-cancellable",
			"Only a send that has not reached WeChat can be cancelled; delete a sent one instead."),

	NOT_IN_REVIEW(HttpStatus.CONFLICT, "not-in-review",
			"Only content awaiting review can be decided; load it again to see where it stands."),

	NOT_MALICIOUS(HttpStatus.CONFLICT, "not-malicious",
			"Only messages classified as malicious are flagged for removal."),

	NOT_PREVIEWABLE(HttpStatus.CONFLICT, "not-previewable",
			"Preview a send while it is composed and approved; compose a new one otherwise."),

	NOT_PREVIEWED(HttpStatus.CONFLICT, "not-previewed",
			"Preview the send to the test followers first, then confirm that preview."),

	NOT_QUEUED(HttpStatus.CONFLICT, "not-queued", "Queue the approved article first."),

	NOT_RESOLVED(HttpStatus.CONFLICT, "not-resolved", "Resolve the ticket (answer the follower) before closing it."),

	NOT_REVIEWED_HERE(HttpStatus.CONFLICT, "not-reviewed-here",
			"Review the send's articles through their own reviews."),

	NOT_SENT(HttpStatus.CONFLICT, "not-sent", "Only a send WeChat has accepted can be deleted."),

	NOT_SUBMITTABLE(HttpStatus.CONFLICT, "not-submittable",
			"Change the article (or wait for its review) before submitting it again."),

	OUTSIDE_SERVICE_WINDOW(HttpStatus.CONFLICT, "outside-service-window",
			"The follower must write again before anyone can reply (WeChat's 48-hour window)."),

	OWN_ADMIN_GRANT(HttpStatus.CONFLICT, "own-admin-grant", "Ask another administrator to remove it."),

	PREVIEW_VOIDED(HttpStatus.CONFLICT, "preview-voided", "Preview the send again and confirm the new preview."),

	REPORT_MISSING(HttpStatus.CONFLICT, "report-missing", "Wait for WeChat's report of the send, then try again."),

	REVIEW_DECIDED(HttpStatus.CONFLICT, "review-decided", "Load the review again; its outcome is final."),

	REVIEW_EXISTS(HttpStatus.CONFLICT, "review-exists", "Nothing to do: the review already exists; load it."),

	SEND_NOT_APPROVED(HttpStatus.CONFLICT, "send-not-approved",
			"Wait for the send's review to approve it, or cancel it and compose again."),

	SERVICE_WINDOW_QUOTA(HttpStatus.CONFLICT, "service-window-quota",
			"Wait until the follower writes again; the window's messages are used."),

	STALE_CONTENT(HttpStatus.CONFLICT, "stale-content", "Load the content again and review what is there now."),

	STALE_PREVIEW(HttpStatus.CONFLICT, "stale-preview", "Confirm the latest preview of this send (load it again)."),

	TICKET_CLOSED(HttpStatus.CONFLICT, "ticket-closed",
			"A closed ticket takes no more changes; load it again to see how it ended."),

	MEDIA_EXPIRED(HttpStatus.GONE, "media-expired",
			"Nothing to fetch: WeChat keeps a follower's media 3 days and no copy was kept; the thread keeps its text.");

	private final HttpStatus status;

	private final String slug;

	private final String advice;

	Problem(HttpStatus status, String slug, String advice) {
		this.status = status;
		this.slug = slug;
		this.advice = advice;
	}

	public HttpStatus status() {
		return this.status;
	}

	/** The last segment of the problem's {@code type} URI. */
	public String slug() {
		return this.slug;
	}

	/** What a caller can do about a problem of this kind. */
	public String advice() {
		return this.advice;
	}

	/** A problem of this kind, with a title and a detail about this case. */
	public ApiException exception(String title, String detail) {
		return new ApiException(this, title, detail, Map.of());
	}

	/** A problem of this kind, with field errors. */
	public ApiException exception(String title, String detail, Map<String, String> fieldErrors) {
		return new ApiException(this, title, detail, fieldErrors);
	}

}
