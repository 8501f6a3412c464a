package io.wxops.admin.masssend;

import java.util.Optional;

import io.wxops.admin.review.ReviewedSend;
import io.wxops.admin.review.ReviewedSends;

import org.springframework.stereotype.Component;

/** The sends as the send review reads them. */
@Component
class SendsForReview implements ReviewedSends {

	private final MassSendMapper sends;

	SendsForReview(MassSendMapper sends) {
		this.sends = sends;
	}

	@Override
	public Optional<ReviewedSend> find(long sendId) {
		return Optional.ofNullable(this.sends.selectById(sendId))
			.map((s) -> new ReviewedSend(s.getId(), s.getAccountId(), s.getKind().name(), s.getStatus().name(),
					s.getStatus() == SendStatus.COMPOSED, s.getContentHash(), s.getComposedBy(), s.getTextContent(),
					s.getImageMediaId(), s.getAudience().name(), s.getSlotAt()));
	}

}
