package io.wxops.admin.masssend;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** What the mass-send API sends and receives. */
final class MassSendViews {

	private MassSendViews() {
	}

	@Schema(description = "A send to compose. kind MPNEWS takes articleIds: 1 to 8 approved articles exactly as they "
			+ "stand at the head of the account's queue; TEXT takes text; IMAGE takes imageMediaId (the mediaId of "
			+ "an image uploaded to one of the account's articles). TEXT and IMAGE also take departmentId (whose "
			+ "head reviews it) and sensitivity (GENERAL, SENSITIVE or MAJOR): they go through the account's review "
			+ "chain for that sensitivity and cannot be previewed or sent before it approves. audience is ALL (everyone: only when chosen), TAG (tagId from WeChat's tags) or OPENIDS "
			+ "(2 to 10,000). sendIgnoreReprint must be chosen explicitly. slotAt is when it goes out (omit for "
			+ "now); its day in the account's time zone is the send's day. It is kept to the millisecond, "
			+ "rounded up, and the send never leaves before it.")
	record ComposeRequest(@NotNull(message = "the account to send from is required") Long accountId, String kind,
			List<Long> articleIds, String text, String imageMediaId, String audience, Long tagId, List<String> openids,
			Boolean sendIgnoreReprint, Instant slotAt, Long departmentId, String sensitivity) {
	}

	record ConfirmRequest(String previewHash) {
	}

	record DeleteRequest(@Min(value = 0, message = ARTICLE_IDX) @Max(value = MpnewsDrafts.MAX_ARTICLES,
			message = ARTICLE_IDX) Integer articleIdx) {

		static final String ARTICLE_IDX = "0 deletes the whole message, 1 to 8 one article";

	}

	record SendArticle(int position, long articleId, String title, String approvedHash, String articleUrl) {
	}

	@Schema(description = "A send. For TEXT and IMAGE, departmentId and sensitivity as composed and reviewStatus "
			+ "(IN_REVIEW, APPROVED or REJECTED; GET /api/sends/{id}/review has the chain); null for MPNEWS, whose "
			+ "articles were reviewed.")
	record SendView(long id, long accountId, String kind, String text, String imageMediaId, String audience, Long tagId,
			Integer openidCount, boolean sendIgnoreReprint, Instant slotAt, LocalDate localDay, String status,
			String contentHash, String previewHash, Long previewedBy, Instant previewedAt, Long confirmedBy,
			Instant confirmedAt, String clientMsgId, Long msgId, int attempts, Integer errorCode, String errorMessage,
			String wechatStatus, Integer totalCount, Integer filterCount, Integer sentCount, Integer errorCount,
			Instant acceptedAt, Instant finishedAt, long composedBy, List<SendArticle> articles, int version,
			Long departmentId, String sensitivity, String reviewStatus) {
	}

}
