package io.wxops.admin.masssend;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/** What the mass-send API sends and receives. */
final class MassSendViews {

	private MassSendViews() {
	}

	@Schema(description = "A send to compose. kind MPNEWS takes articleIds: 1 to 8 approved articles exactly as they "
			+ "stand at the head of the account's queue; TEXT takes text; IMAGE takes imageMediaId (permanent "
			+ "material). audience is ALL (everyone: only when chosen), TAG (tagId from WeChat's tags) or OPENIDS "
			+ "(2 to 10,000). sendIgnoreReprint must be chosen explicitly. slotAt is when it goes out (omit for "
			+ "now); its day in the account's time zone is the send's day. It is kept to the millisecond, "
			+ "rounded up, and the send never leaves before it.")
	record ComposeRequest(Long accountId, String kind, List<Long> articleIds, String text, String imageMediaId,
			String audience, Long tagId, List<String> openids, Boolean sendIgnoreReprint, Instant slotAt) {
	}

	record ConfirmRequest(String previewHash) {
	}

	record DeleteRequest(Integer articleIdx) {
	}

	record SendArticle(int position, long articleId, String title, String approvedHash, String articleUrl) {
	}

	record SendView(long id, long accountId, String kind, String text, String imageMediaId, String audience, Long tagId,
			Integer openidCount, boolean sendIgnoreReprint, Instant slotAt, LocalDate localDay, String status,
			String contentHash, String previewHash, Long previewedBy, Instant previewedAt, Long confirmedBy,
			Instant confirmedAt, String clientMsgId, Long msgId, int attempts, Integer errorCode, String errorMessage,
			String wechatStatus, Integer totalCount, Integer filterCount, Integer sentCount, Integer errorCount,
			Instant acceptedAt, Instant finishedAt, long composedBy, List<SendArticle> articles, int version) {
	}

}
