package io.wxops.admin.review;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.wxops.admin.article.ArticleStatus;
import io.wxops.admin.audit.AuditTrail;
import io.wxops.admin.security.Caller;
import io.wxops.core.account.ReviewLevel;
import io.wxops.core.account.ReviewPolicy;
import io.wxops.core.account.Sensitivity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Brings data written before sends were reviewed and review levels were fixed at
 * submission under those rules, at every start-up of admin-api.
 *
 * <ul>
 * <li>A TEXT or IMAGE send not yet SENDING that has no review goes back to COMPOSED with
 * a review of its own (its preview and confirmation void), as MAJOR (the whole chain:
 * nobody said how sensitive it was) and naming no department (any department head of the
 * account decides the first level).</li>
 * <li>An article IN_REVIEW whose submission has no fixed levels gets the account's
 * current ones; where its decisions do not fit them (levels were changed under it, which
 * left it stuck), its chain restarts as a new round with those levels.</li>
 * </ul>
 *
 * <p>
 * It is a start-up step, not a Flyway migration: each change has an entry in the audit
 * record, whose hash chain only {@link AuditTrail} writes. It is idempotent (what it did
 * leaves nothing for it to find again) and safe on several instances at once: every item
 * is one transaction with a conditional update or a key that only one instance can take.
 */
@Component
public class ReviewUpgrade implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(ReviewUpgrade.class);

	private static final Caller SYSTEM = Caller.system("review-upgrade");

	private final JdbcTemplate jdbc;

	private final TransactionTemplate tx;

	private final ReviewChainMapper chains;

	private final SendReviewMapper sendReviews;

	private final AuditTrail audit;

	private final Clock clock;

	ReviewUpgrade(JdbcTemplate jdbc, TransactionTemplate tx, ReviewChainMapper chains, SendReviewMapper sendReviews,
			AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.tx = tx;
		this.chains = chains;
		this.sendReviews = sendReviews;
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		upgrade();
	}

	/** Runs the step; returns how many sends and articles it changed. */
	public int upgrade() {
		int changed = 0;
		for (Map<String, Object> row : this.jdbc.queryForList("""
				SELECT s.id, s.account_id, s.status, s.version, s.content_hash, a.review_policy
				  FROM ms_send s JOIN wx_account a ON a.id = s.account_id
				 WHERE s.kind IN ('TEXT', 'IMAGE') AND s.status IN ('COMPOSED', 'PREVIEWED', 'CONFIRMED')
				   AND NOT EXISTS (SELECT 1 FROM ms_send_review r WHERE r.send_id = s.id)""")) {
			if (Boolean.TRUE.equals(this.tx.execute((status) -> {
				boolean done = sendBackToReview(row);
				if (!done) {
					status.setRollbackOnly();
				}
				return done;
			}))) {
				changed++;
			}
		}
		for (Map<String, Object> row : this.jdbc.queryForList("""
				SELECT a.id, a.account_id, a.sensitivity, a.review_round, a.version, w.review_policy
				  FROM art_article a JOIN wx_account w ON w.id = a.account_id
				 WHERE a.status = ? AND a.review_round > 0
				   AND NOT EXISTS (SELECT 1 FROM art_review_chain c
				                    WHERE c.article_id = a.id AND c.review_round = a.review_round)""",
				ArticleStatus.IN_REVIEW.name())) {
			if (Boolean.TRUE.equals(this.tx.execute((status) -> {
				Boolean restarted = fixChain(row);
				if (restarted == null) {
					status.setRollbackOnly();
				}
				return restarted;
			}))) {
				changed++;
			}
		}
		if (changed > 0) {
			log.info("Review upgrade: {} send(s) and article(s) went back to review", changed);
		}
		return changed;
	}

	/** Whether this instance sent the send back (false: another did, or it moved on). */
	private boolean sendBackToReview(Map<String, Object> row) {
		long id = ((Number) row.get("id")).longValue();
		String before = (String) row.get("status");
		List<ReviewLevel> chain = ReviewPolicy.parse((String) row.get("review_policy")).levelsFor(Sensitivity.MAJOR);
		SendReview r = new SendReview();
		r.setSendId(id);
		r.setSensitivity(Sensitivity.MAJOR.name());
		r.setLevels(Levels.format(chain));
		r.setStatus("IN_REVIEW");
		r.setSubmittedHash((String) row.get("content_hash"));
		r.setSubmittedAt(now());
		r.setVersion(1);
		try {
			this.sendReviews.insert(r);
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
		int updated = this.jdbc.update("""
				UPDATE ms_send SET status = 'COMPOSED', preview_hash = NULL, previewed_by = NULL, previewed_at = NULL,
				       confirmed_by = NULL, confirmed_at = NULL, version = version + 1, updated_at = ?
				 WHERE id = ? AND status = ? AND version = ?""", Timestamp.from(now()), id, before, row.get("version"));
		if (updated != 1) {
			return false;
		}
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("status", "COMPOSED");
		after.put("review", "IN_REVIEW");
		after.put("sensitivity", Sensitivity.MAJOR.name());
		after.put("chain", chain);
		after.put("contentHash", row.get("content_hash"));
		after.put("reason", "TEXT and IMAGE sends are reviewed before they are previewed or sent");
		this.audit.record(SYSTEM, "SEND_REVIEW_REQUIRED", "MASS_SEND", id, ((Number) row.get("account_id")).longValue(),
				Map.of("status", before), after);
		return true;
	}

	/**
	 * Fixes the levels of an article's submission in flight: true when its chain
	 * restarted, false when its decisions fit the current levels, null when another
	 * instance did it first.
	 */
	private Boolean fixChain(Map<String, Object> row) {
		long id = ((Number) row.get("id")).longValue();
		int round = ((Number) row.get("review_round")).intValue();
		List<ReviewLevel> chain = ReviewPolicy.parse((String) row.get("review_policy"))
			.levelsFor(Sensitivity.valueOf((String) row.get("sensitivity")));
		List<String> approved = this.jdbc.queryForList("""
				SELECT level FROM art_review_decision
				 WHERE article_id = ? AND review_round = ? AND decision = ? ORDER BY level_index""", String.class, id,
				round, Verdict.APPROVED.name());
		boolean fits = approved.size() < chain.size();
		for (int i = 0; fits && i < approved.size(); i++) {
			fits = approved.get(i).equals(chain.get(i).name());
		}
		if (fits) {
			try {
				this.chains.insert(id, round, Levels.format(chain), now());
				return false;
			}
			catch (DuplicateKeyException ex) {
				return null;
			}
		}
		int updated = this.jdbc.update("""
				UPDATE art_article SET review_round = review_round + 1, submitted_at = ?, version = version + 1,
				       updated_at = ?
				 WHERE id = ? AND status = ? AND review_round = ? AND version = ?""", Timestamp.from(now()),
				Timestamp.from(now()), id, ArticleStatus.IN_REVIEW.name(), round, row.get("version"));
		if (updated != 1) {
			return null;
		}
		this.chains.insert(id, round + 1, Levels.format(chain), now());
		this.audit.record(SYSTEM, "REVIEW_RESTARTED", "ARTICLE", id, ((Number) row.get("account_id")).longValue(),
				Map.of("status", ArticleStatus.IN_REVIEW.name(), "round", round, "approvedLevels", approved),
				Map.of("status", ArticleStatus.IN_REVIEW.name(), "round", round + 1, "chain", chain, "reason",
						"the account's review levels changed while it was in review; its chain restarts with the "
								+ "current levels"));
		return true;
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

}
