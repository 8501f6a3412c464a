package io.wxops.admin.review;

import java.util.Optional;

/** Finds the sends the send review decides on; implemented by the mass-send module. */
public interface ReviewedSends {

	Optional<ReviewedSend> find(long sendId);

}
