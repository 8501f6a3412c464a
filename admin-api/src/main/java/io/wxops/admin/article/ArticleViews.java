package io.wxops.admin.article;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;
import io.wxops.admin.screening.HasVisibleText;
import io.wxops.admin.web.HasText;
import io.wxops.admin.web.Present;
import io.wxops.core.account.Sensitivity;
import jakarta.validation.constraints.Size;

/** What the article API sends and receives. */
final class ArticleViews {

	static final String TITLE = "a title is required (at most 128 characters here; WeChat allows 32)";

	static final String REASON = "a reason is required (at most 512 characters); it is kept";

	private ArticleViews() {
	}

	@Schema(description = "A new draft or a change to one. For a change send the version you loaded; a stale "
			+ "version gets 409. Any change to a submitted or approved article voids its review.")
	record ArticleRequest(Long accountId, Long departmentId,
			@HasVisibleText(message = TITLE) @Size(max = 128, message = TITLE) String title,
			@Size(max = 64, message = "at most 64 characters (WeChat allows 16)") String author,
			@Size(max = 512, message = "at most 512 characters (WeChat allows 128)") String digest,
			@Present(message = "the body is required (HTML)") @Size(max = 1_000_000,
					message = "the body is over 1,000,000 characters") String body,
			@Size(max = 512, message = "at most 512 characters") String source,
			@Present(
					message = "required: GENERAL, SENSITIVE or MAJOR (major news, emergencies, hot topics)") Sensitivity sensitivity,
			Long coverImageId, Integer version) {
	}

	record ArticleView(long id, long accountId, long departmentId, long createdBy, String title, String author,
			String digest, String body, String source, Sensitivity sensitivity, Long coverImageId, String coverUrl,
			ArticleStatus status, int contentVersion, String contentHash, int reviewRound, Instant submittedAt,
			int version, Instant createdAt, Instant updatedAt) {
	}

	record ArticleSummary(long id, long accountId, long departmentId, String title, Sensitivity sensitivity,
			ArticleStatus status, int contentVersion, Instant updatedAt) {
	}

	record VersionSummary(int versionNo, String title, String contentHash, long savedBy, Instant savedAt) {
	}

	record VersionView(int versionNo, String title, String author, String digest, String body, String source,
			Sensitivity sensitivity, Long coverImageId, String contentHash, long savedBy, Instant savedAt) {
	}

	@Schema(description = "Two versions compared: each field with whether it changed, and the body as a line diff "
			+ "(lines starting with '-' were removed, '+' added, ' ' kept).")
	record Comparison(int from, int to, Map<String, FieldChange> fields, List<String> bodyDiff) {
	}

	record FieldChange(boolean changed, Object from, Object to) {
	}

	record QueueItem(long articleId, String title, Sensitivity sensitivity, long position, String approvedHash,
			Instant queuedAt) {
	}

	record QueueOrder(List<Long> articleIds) {
	}

	record Withdrawal(@HasText(message = REASON) @Size(max = 512, message = REASON) String reason) {
	}

}
