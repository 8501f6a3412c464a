package io.wxops.admin.review;

import java.time.Instant;

/**
 * What the review of a TEXT or IMAGE mass send reads of the send: the mass-send module
 * supplies it ({@link ReviewedSends}), so review does not depend on how sends are kept.
 *
 * @param awaitingReview whether the send is still composed (not yet previewed, cancelled
 * or sent), the only state in which it is decided on
 * @param status the send's status, as shown to a reviewer told it cannot be decided
 */
public record ReviewedSend(long id, long accountId, String kind, String status, boolean awaitingReview,
		String contentHash, long composedBy, String text, String imageMediaId, String audience, Instant slotAt) {
}
