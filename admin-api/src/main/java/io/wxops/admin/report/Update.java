package io.wxops.admin.report;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One update of an account (更新): something followers received. Today only mass sends
 * FINISHED with a sentCount above 0 ({@link MassSendUpdates}); free publishes and items
 * the data cube lists are further {@link UpdateSource}s once they exist.
 *
 * @param accountId the account
 * @param source where it comes from, e.g. {@code MASS_SEND}
 * @param refId the record's id in that source (the send's id)
 * @param day the account's local day of the update
 * @param at when it went out
 * @param items how many items (articles) it carried
 */
public record Update(long accountId, String source, long refId, LocalDate day, Instant at, int items) {

}
