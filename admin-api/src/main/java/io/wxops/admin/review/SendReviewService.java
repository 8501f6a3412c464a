package io.wxops.admin.review;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.baomidou.mybatisplus.core.toolkit.Wrappers;
import io.wxops.admin.audit.AuditTrail;
import io.wxops.admin.security.Caller;
import io.wxops.admin.security.Role;
import io.wxops.admin.web.ApiException;
import io.wxops.admin.web.Problem;
import io.wxops.core.account.Account;
import io.wxops.core.account.ReviewLevel;
import io.wxops.core.account.ReviewPolicy;
import io.wxops.core.account.Sensitivity;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The graded review of TEXT and IMAGE mass sends (先审后发: nothing unapproved is sent). An
 * MPNEWS send carries articles their own review approved; a TEXT or IMAGE send is
 * reviewed itself: composing it starts the chain its sensitivity needs under the
 * account's policy (fixed then), each level decides the exact content composed (its
 * hash), and it can be previewed, confirmed and sent only once the last level approved
 * that hash. Nobody decides a send they composed, nor one send at two levels.
 */
@Service
public class SendReviewService {

	private static final Role[] REVIEWERS = { Role.DEPT_REVIEWER, Role.OFFICE_REVIEWER, Role.LEADER };

	private final SendReviewMapper reviews;

	private final SendReviewDecisionMapper decisions;

	private final ReviewedSends sends;

	private final AuditTrail audit;

	private final Clock clock;

	SendReviewService(SendReviewMapper reviews, SendReviewDecisionMapper decisions, ReviewedSends sends,
			AuditTrail audit, Clock clock) {
		this.reviews = reviews;
		this.decisions = decisions;
		this.sends = sends;
		this.audit = audit;
		this.clock = clock;
	}

	/** A send's review: its chain as it stands and every decision. */
	public record SendReviewState(long sendId, String status, Long departmentId, Sensitivity sensitivity,
			String submittedHash, String approvedHash, List<ReviewService.Step> chain,
			List<SendReviewDecision> history) {
	}

	/** A send awaiting the caller's decision, with what it would send. */
	public record PendingSend(long sendId, long accountId, Long departmentId, String kind, String text,
			String imageMediaId, String imageUrl, String audience, Sensitivity sensitivity, ReviewLevel awaiting,
			String contentHash, Instant slotAt, Instant submittedAt) {
	}

	// ---- hooks for composing and sending

	/**
	 * What is wrong with the review fields of a TEXT or IMAGE send being composed, by
	 * field; empty when nothing.
	 */
	public Map<String, String> problems(Long departmentId, String sensitivity) {
		Map<String, String> errors = new java.util.LinkedHashMap<>();
		if (departmentId == null) {
			errors.put("departmentId", "the department whose head reviews the send is required");
		}
		else if (this.reviews.departmentCount(departmentId) == 0) {
			errors.put("departmentId", "there is no department " + departmentId);
		}
		if (sensitivity == null
				|| java.util.Arrays.stream(Sensitivity.values()).noneMatch((s) -> s.name().equals(sensitivity))) {
			errors.put("sensitivity", "sensitivity is GENERAL, SENSITIVE or MAJOR: it decides the review levels");
		}
		return errors;
	}

	/**
	 * The URL of the image to send, which must be one uploaded through wxops to the
	 * account (so the reviewers see what they approve); null when it is not.
	 */
	public String imageUrl(long accountId, String mediaId) {
		return this.reviews.imageUrl(accountId, mediaId);
	}

	/**
	 * Starts the review of a TEXT or IMAGE send just composed, in its transaction.
	 * @param contentHash the hash of the content composed, which the chain decides on
	 */
	@Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
	public void start(Caller caller, long sendId, String contentHash, Account account, Long departmentId,
			Sensitivity sensitivity) {
		List<ReviewLevel> chain = ReviewPolicy.parse(account.getReviewPolicy()).levelsFor(sensitivity);
		SendReview r = new SendReview();
		r.setSendId(sendId);
		r.setDepartmentId(departmentId);
		r.setSensitivity(sensitivity.name());
		r.setLevels(Levels.format(chain));
		r.setStatus(SendReviewStatus.IN_REVIEW.name());
		r.setSubmittedHash(contentHash);
		r.setSubmittedAt(now());
		r.setVersion(1);
		this.reviews.insert(r);
		this.audit.record(caller, "SEND_SUBMITTED", "MASS_SEND", sendId, account.getId(), null,
				Map.of("status", SendReviewStatus.IN_REVIEW.name(), "sensitivity", sensitivity.name(), "chain", chain,
						"contentHash", contentHash));
	}

	/**
	 * Throws unless the chain of a TEXT or IMAGE send approved exactly its current
	 * content (an MPNEWS send has no chain: its articles are checked against their
	 * approvals).
	 * @param kind the send's kind, as the problem names it
	 */
	public void requireApproved(long sendId, String kind, String contentHash) {
		SendReview r = this.reviews.selectById(sendId);
		if (r == null || !SendReviewStatus.APPROVED.name().equals(r.getStatus())) {
			String state = (r == null) ? "has not been reviewed" : "is " + r.getStatus();
			throw Problem.SEND_NOT_APPROVED.exception("The send is not approved",
					"A " + kind + " send is reviewed before it is previewed or sent (先审后发); this one " + state
							+ ". See GET /api/sends/" + sendId + "/review"
							+ ((r != null && SendReviewStatus.REJECTED.name().equals(r.getStatus()))
									? "; cancel it and compose again." : "."));
		}
		if (!contentHash.equals(r.getApprovedHash())) {
			throw Problem.SEND_NOT_APPROVED.exception("The send is not what was approved",
					"Its content changed after the review approved it (hash " + r.getApprovedHash()
							+ "); cancel it and compose again.");
		}
	}

	/** The review of a send, or null when it has none (MPNEWS). */
	public SendReview find(long sendId) {
		return this.reviews.selectById(sendId);
	}

	// ---- reviewing

	public SendReviewState review(Caller caller, long sendId) {
		ReviewedSend s = visible(caller, sendId);
		return state(s, reviewOf(s));
	}

	/**
	 * Records one reviewer's decision on the content they saw ({@code contentHash}).
	 * @param approve true to approve, false to reject (a comment is then required)
	 */
	@Transactional
	public SendReviewState decide(Caller caller, long sendId, boolean approve, String comment, String contentHash) {
		ReviewedSend s = visible(caller, sendId);
		DecisionInput.check(approve, comment, contentHash, "the publisher can compose it again");
		SendReview r = reviewOf(s);
		if (!SendReviewStatus.IN_REVIEW.name().equals(r.getStatus()) || !s.awaitingReview()) {
			throw Problem.NOT_IN_REVIEW.exception("The send's review is " + r.getStatus(),
					"Only a composed send awaiting review can be approved or rejected (the send is " + s.status()
							+ ").");
		}
		if (!contentHash.equals(r.getSubmittedHash()) || !contentHash.equals(s.contentHash())) {
			throw Problem.STALE_CONTENT.exception("The content changed",
					"The send is not the content you reviewed (hash " + contentHash
							+ "). Load it again and review what is there now.");
		}
		List<ReviewLevel> chain = Levels.parse(r.getLevels());
		List<SendReviewDecision> made = this.decisions.findBySend(sendId);
		int next = approvedLevels(made);
		if (next >= chain.size()) {
			throw Problem.CHAIN_COMPLETE.exception("Every level of this review has decided",
					"Load the review again to see its outcome.");
		}
		ReviewLevel level = chain.get(next);
		if (!may(caller, s, r, level)) {
			throw ApiException.forbidden("The send awaits " + level
					+ ((level == ReviewLevel.DEPT_REVIEWER && r.getDepartmentId() != null)
							? " of department " + r.getDepartmentId() : "")
					+ " on this account; your grants do not include that.");
		}
		if (s.composedBy() == caller.personId()) {
			throw Problem.OWN_SEND.exception("You composed this send",
					"Nobody reviews a send they composed; another reviewer must decide.");
		}
		if (made.stream().anyMatch((d) -> d.getReviewerId() == caller.personId())) {
			throw Problem.SECOND_LEVEL.exception("You already decided at another level",
					"The same person may not review one send at two levels; another reviewer must decide.");
		}
		SendReviewDecision d = new SendReviewDecision();
		d.setSendId(sendId);
		d.setLevelIndex(next);
		d.setLevel(level.name());
		SendReviewStatus decision = approve ? SendReviewStatus.APPROVED : SendReviewStatus.REJECTED;
		d.setDecision(decision.name());
		d.setContentHash(contentHash);
		d.setReviewerId(caller.personId());
		d.setComment((comment != null) ? comment.trim() : null);
		d.setDecidedAt(now());
		try {
			this.decisions.insert(d);
		}
		catch (DuplicateKeyException ex) {
			throw alreadyDecided();
		}
		boolean last = approve && next == chain.size() - 1;
		SendReviewStatus status = (!approve || last) ? decision : SendReviewStatus.IN_REVIEW;
		// Conditional on the version read: of two reviewers deciding at once, one counts.
		int updated = this.reviews.update(null,
				Wrappers.<SendReview>lambdaUpdate()
					.eq(SendReview::getSendId, sendId)
					.eq(SendReview::getVersion, r.getVersion())
					.eq(SendReview::getStatus, SendReviewStatus.IN_REVIEW.name())
					.set(SendReview::getStatus, status.name())
					.set(last, SendReview::getApprovedHash, contentHash)
					.set(status != SendReviewStatus.IN_REVIEW, SendReview::getDecidedAt, d.getDecidedAt())
					.set(SendReview::getVersion, r.getVersion() + 1));
		if (updated != 1) {
			throw alreadyDecided();
		}
		this.audit.record(caller, approve ? "SEND_REVIEW_APPROVED" : "SEND_REVIEW_REJECTED", "MASS_SEND", sendId,
				s.accountId(), Map.of("review", SendReviewStatus.IN_REVIEW.name()),
				Map.of("review", status.name(), "level", level.name(), "contentHash", contentHash, "comment",
						(d.getComment() != null) ? d.getComment() : ""));
		return state(s, this.reviews.selectById(sendId));
	}

	/** Sends whose next level the caller may decide, oldest first. */
	public List<PendingSend> pending(Caller caller) {
		Optional<Set<Long>> scope = caller.accountScope(REVIEWERS);
		List<PendingSend> mine = new ArrayList<>();
		for (SendReview r : this.reviews.open()) {
			ReviewedSend s = this.sends.find(r.getSendId()).orElse(null);
			if (s == null || (scope.isPresent() && !scope.get().contains(s.accountId()))) {
				continue;
			}
			List<ReviewLevel> chain = Levels.parse(r.getLevels());
			List<SendReviewDecision> made = this.decisions.findBySend(r.getSendId());
			int next = approvedLevels(made);
			if (next >= chain.size()) {
				continue;
			}
			ReviewLevel level = chain.get(next);
			if (may(caller, s, r, level) && s.composedBy() != caller.personId()
					&& made.stream().noneMatch((d) -> d.getReviewerId() == caller.personId())) {
				String imageUrl = (s.imageMediaId() != null) ? this.reviews.imageUrl(s.accountId(), s.imageMediaId())
						: null;
				mine.add(new PendingSend(s.id(), s.accountId(), r.getDepartmentId(), s.kind(), s.text(),
						s.imageMediaId(), imageUrl, s.audience(), Sensitivity.valueOf(r.getSensitivity()), level,
						s.contentHash(), s.slotAt(), r.getSubmittedAt()));
			}
		}
		return mine;
	}

	// ---- helpers

	/**
	 * Whether the caller holds the level on the send's account; the department level also
	 * needs the send's department (any department for a send composed before sends were
	 * reviewed, which names none).
	 */
	private static boolean may(Caller caller, ReviewedSend s, SendReview r, ReviewLevel level) {
		Role needed = Role.valueOf(level.name());
		return (level == ReviewLevel.DEPT_REVIEWER && r.getDepartmentId() != null)
				? caller.can(s.accountId(), r.getDepartmentId(), needed) : caller.can(s.accountId(), needed);
	}

	private ReviewedSend visible(Caller caller, long sendId) {
		ReviewedSend s = this.sends.find(sendId).orElse(null);
		if (s == null || !caller.can(s.accountId(), Role.values())) {
			throw ApiException.notFound("Send", sendId);
		}
		return s;
	}

	private SendReview reviewOf(ReviewedSend s) {
		SendReview r = this.reviews.selectById(s.id());
		if (r == null) {
			throw Problem.NOT_REVIEWED_HERE.exception("A " + s.kind() + " send has no review of its own",
					"An MPNEWS send carries articles approved by their own review (GET /api/articles/{id}/review).");
		}
		return r;
	}

	private SendReviewState state(ReviewedSend s, SendReview r) {
		List<ReviewLevel> chain = Levels.parse(r.getLevels());
		List<SendReviewDecision> all = this.decisions.findBySend(s.id());
		List<ReviewService.Step> steps = new ArrayList<>();
		for (int i = 0; i < chain.size(); i++) {
			int index = i;
			Optional<SendReviewDecision> d = all.stream().filter((x) -> x.getLevelIndex() == index).findFirst();
			steps.add(new ReviewService.Step(i, chain.get(i), d.map(SendReviewDecision::getDecision).orElse(null),
					d.map(SendReviewDecision::getReviewerId).orElse(null),
					d.map(SendReviewDecision::getComment).orElse(null),
					d.map(SendReviewDecision::getDecidedAt).orElse(null)));
		}
		return new SendReviewState(s.id(), r.getStatus(), r.getDepartmentId(), Sensitivity.valueOf(r.getSensitivity()),
				r.getSubmittedHash(), r.getApprovedHash(), steps, all);
	}

	/** How many levels approved so far: the index of the level that decides next. */
	private static int approvedLevels(List<SendReviewDecision> made) {
		return (int) made.stream().filter((d) -> SendReviewStatus.APPROVED.name().equals(d.getDecision())).count();
	}

	private static ApiException alreadyDecided() {
		return Problem.ALREADY_DECIDED.exception("Someone decided this level a moment ago",
				"Load the review again to see the decision.");
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

}
