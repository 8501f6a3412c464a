package io.wxops.admin.article;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;
import io.wxops.core.account.Sensitivity;

/** What the article API sends and receives. */
final class ArticleViews {

	private ArticleViews() {
	}

	@Schema(description = "A new draft or a change to one. For a change send the version you loaded; a stale "
			+ "version gets 409. Any change to a submitted or approved article voids its review.")
	record ArticleRequest(Long accountId, Long departmentId, String title, String author, String digest, String body,
			String source, Sensitivity sensitivity, Long coverImageId, Integer version) {
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

	record Withdrawal(String reason) {
	}

}
