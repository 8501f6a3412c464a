package io.wxops.admin.menu;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.baomidou.mybatisplus.core.toolkit.Wrappers;
import io.swagger.v3.oas.annotations.media.Schema;
import io.wxops.admin.audit.AuditTrail;
import io.wxops.admin.review.ReviewService.Step;
import io.wxops.admin.screening.Finding;
import io.wxops.admin.security.Caller;
import io.wxops.admin.security.Role;
import io.wxops.admin.web.ApiException;
import io.wxops.admin.web.Problem;
import io.wxops.core.account.Account;
import io.wxops.core.account.AccountMapper;
import io.wxops.core.account.ReviewLevel;
import io.wxops.core.account.ReviewPolicy;
import io.wxops.core.account.Sensitivity;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * An account's working menu and reply-rule set (a "content set" each): saved with an
 * optimistic version, submitted, and decided level by level on the exact content
 * submitted (its hash), under the account's GENERAL chain, fixed when submitted. A change
 * after submission or approval voids the review. Nobody decides a set they submitted or
 * last changed, nor one round at two levels.
 */
@Service
class ContentSets {

	static final String MENU = "MENU";

	static final String REPLIES = "REPLIES";

	private static final Role[] REVIEWERS = { Role.DEPT_REVIEWER, Role.OFFICE_REVIEWER, Role.LEADER };

	private final ContentSetMapper sets;

	private final ContentSetDecisionMapper decisions;

	private final AccountMapper accounts;

	private final AuditTrail audit;

	private final Clock clock;

	ContentSets(ContentSetMapper sets, ContentSetDecisionMapper decisions, AccountMapper accounts, AuditTrail audit,
			Clock clock) {
		this.sets = sets;
		this.decisions = decisions;
		this.accounts = accounts;
		this.audit = audit;
		this.clock = clock;
	}

	/** The status of a set's review. */
	enum Status {

		DRAFT, IN_REVIEW, APPROVED, REJECTED

	}

	/** A set awaiting the caller's decision. */
	@Schema(description = "A menu or reply-rule set awaiting your decision.")
	record PendingSet(long accountId, String kind, ReviewLevel awaiting, String contentHash, Instant submittedAt) {
	}

	/** Implemented by each kind: how its content is screened. */
	interface Screening {

		/** The findings of the set's texts, each keyed by its path; empty when clean. */
		List<Finding> findings(String document, Account account);

	}

	Account account(Caller caller, long accountId) {
		Account account = this.accounts.selectById(accountId);
		if (account == null || !caller.can(accountId, Role.values())) {
			throw ApiException.notFound("Account", accountId);
		}
		return account;
	}

	ContentSet find(long accountId, String kind) {
		return this.sets.selectOne(Wrappers.<ContentSet>lambdaQuery()
			.eq(ContentSet::getAccountId, accountId)
			.eq(ContentSet::getKind, kind));
	}

	/**
	 * Saves the working document. Without a row yet, {@code version} must be absent or 0;
	 * otherwise the version loaded. A change of content voids a review in progress or an
	 * approval.
	 * @return the row as saved
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	ContentSet save(Caller caller, Account account, String kind, Integer version, String document, String hash,
			Map<String, Object> summary) {
		requireEditor(caller, account.getId());
		ContentSet row = find(account.getId(), kind);
		Instant now = now();
		if (row == null) {
			if (version != null && version != 0) {
				throw ApiException.staleVersion(kind.toLowerCase());
			}
			row = new ContentSet();
			row.setAccountId(account.getId());
			row.setKind(kind);
			row.setDocument(document);
			row.setContentHash(hash);
			row.setContentVersion(1);
			row.setStatus(Status.DRAFT.name());
			row.setReviewRound(0);
			row.setUpdatedBy(caller.personId());
			row.setUpdatedAt(now);
			row.setVersion(1);
			try {
				this.sets.insert(row);
			}
			catch (DuplicateKeyException ex) {
				throw ApiException.staleVersion(kind.toLowerCase());
			}
			this.audit.record(caller, kind + "_SAVED", kind, account.getId(), account.getId(), null, summary);
			return row;
		}
		if (version == null) {
			throw ApiException.invalid("version",
					"send the version you loaded, so a concurrent change is not overwritten");
		}
		if (!version.equals(row.getVersion())) {
			throw ApiException.staleVersion(kind.toLowerCase());
		}
		if (hash.equals(row.getContentHash())) {
			return row;
		}
		Status before = Status.valueOf(row.getStatus());
		boolean voided = before == Status.IN_REVIEW || before == Status.APPROVED;
		Status after = voided ? Status.DRAFT : before;
		int updated = this.sets.update(null,
				Wrappers.<ContentSet>lambdaUpdate()
					.eq(ContentSet::getAccountId, account.getId())
					.eq(ContentSet::getKind, kind)
					.eq(ContentSet::getVersion, version)
					.set(ContentSet::getDocument, document)
					.set(ContentSet::getContentHash, hash)
					.set(ContentSet::getContentVersion, row.getContentVersion() + 1)
					.set(ContentSet::getStatus, after.name())
					.set(ContentSet::getUpdatedBy, caller.personId())
					.set(ContentSet::getUpdatedAt, now)
					.set(ContentSet::getVersion, version + 1));
		if (updated != 1) {
			throw ApiException.staleVersion(kind.toLowerCase());
		}
		this.audit.record(caller, kind + "_SAVED", kind, account.getId(), account.getId(),
				Map.of("contentHash", row.getContentHash(), "status", before.name()), summary);
		if (voided) {
			this.audit.record(caller, kind + "_REVIEW_VOIDED", kind, account.getId(), account.getId(),
					Map.of("status", before.name(), "round", row.getReviewRound()),
					Map.of("status", after.name(), "reason", "content changed"));
		}
		return find(account.getId(), kind);
	}

	@Transactional(propagation = Propagation.MANDATORY)
	ContentSet submit(Caller caller, Account account, String kind, Screening screening) {
		requireEditor(caller, account.getId());
		ContentSet row = existing(account.getId(), kind);
		Status status = Status.valueOf(row.getStatus());
		if (status != Status.DRAFT && status != Status.REJECTED) {
			throw Problem.NOT_SUBMITTABLE.exception("The " + kind.toLowerCase() + " is " + status,
					"Only a draft or a rejected " + kind.toLowerCase() + " can be submitted; change it first.");
		}
		List<Finding> findings = screening.findings(row.getDocument(), account);
		if (!findings.isEmpty()) {
			throw screeningFailed(findings);
		}
		List<ReviewLevel> chain = ReviewPolicy.parse(account.getReviewPolicy()).levelsFor(Sensitivity.GENERAL);
		int round = row.getReviewRound() + 1;
		int updated = this.sets.update(null,
				Wrappers.<ContentSet>lambdaUpdate()
					.eq(ContentSet::getAccountId, account.getId())
					.eq(ContentSet::getKind, kind)
					.eq(ContentSet::getVersion, row.getVersion())
					.set(ContentSet::getStatus, Status.IN_REVIEW.name())
					.set(ContentSet::getReviewRound, round)
					.set(ContentSet::getLevels, String.join(",", chain.stream().map(Enum::name).toList()))
					.set(ContentSet::getSubmittedHash, row.getContentHash())
					.set(ContentSet::getSubmittedBy, caller.personId())
					.set(ContentSet::getSubmittedAt, now())
					.set(ContentSet::getVersion, row.getVersion() + 1));
		if (updated != 1) {
			throw ApiException.staleVersion(kind.toLowerCase());
		}
		this.audit.record(caller, kind + "_SUBMITTED", kind, account.getId(), account.getId(),
				Map.of("status", status.name()), Map.of("status", Status.IN_REVIEW.name(), "round", round, "chain",
						chain, "contentHash", row.getContentHash()));
		return find(account.getId(), kind);
	}

	/** Called in the decision's transaction when the last level approved. */
	interface OnApproved {

		void approved(ContentSet set, Account account);

	}

	@Transactional(propagation = Propagation.MANDATORY)
	ContentSet decide(Caller caller, Account account, String kind, boolean approve, String comment, String contentHash,
			OnApproved onApproved) {
		if (!approve && (comment == null || comment.isBlank())) {
			throw ApiException.invalid("comment", "say why it is rejected, so the editor can fix it");
		}
		ContentSet row = existing(account.getId(), kind);
		if (Status.valueOf(row.getStatus()) != Status.IN_REVIEW) {
			throw Problem.NOT_IN_REVIEW.exception("The " + kind.toLowerCase() + " is " + row.getStatus(),
					"Only a submitted " + kind.toLowerCase() + " awaiting review can be approved or rejected.");
		}
		if (!contentHash.equals(row.getSubmittedHash()) || !contentHash.equals(row.getContentHash())) {
			throw Problem.STALE_CONTENT.exception("The content changed", "The " + kind.toLowerCase()
					+ " is not the content you reviewed (hash " + contentHash + "). Load it again.");
		}
		List<ReviewLevel> chain = levels(row);
		List<ContentSetDecision> round = this.decisions.findByRound(account.getId(), kind, row.getReviewRound());
		int next = approvedCount(round);
		if (next >= chain.size()) {
			throw Problem.CHAIN_COMPLETE.exception("Every level of this review has decided",
					"Load the review again to see its outcome.");
		}
		ReviewLevel level = chain.get(next);
		if (!caller.can(account.getId(), Role.valueOf(level.name()))) {
			throw ApiException.forbidden("The " + kind.toLowerCase() + " awaits " + level
					+ " on this account; your grants do not include that.");
		}
		if (caller.personId() == row.getSubmittedBy() || caller.personId() == row.getUpdatedBy()) {
			throw Problem.OWN_ARTICLE.exception("You submitted or changed this " + kind.toLowerCase(),
					"Nobody reviews what they wrote or submitted; another reviewer must decide.");
		}
		if (round.stream().anyMatch((d) -> d.getReviewerId() == caller.personId())) {
			throw Problem.SECOND_LEVEL.exception("You already decided at another level",
					"The same person may not decide at two levels; another reviewer must decide.");
		}
		ContentSetDecision d = new ContentSetDecision();
		d.setAccountId(account.getId());
		d.setKind(kind);
		d.setReviewRound(row.getReviewRound());
		d.setLevelIndex(next);
		d.setLevel(level.name());
		d.setDecision(approve ? Status.APPROVED.name() : Status.REJECTED.name());
		d.setContentHash(contentHash);
		d.setReviewerId(caller.personId());
		d.setComment((comment != null) ? comment.trim() : null);
		d.setDecidedAt(now());
		try {
			this.decisions.insert(d);
		}
		catch (DuplicateKeyException ex) {
			throw Problem.ALREADY_DECIDED.exception("Someone decided this level a moment ago",
					"Load the review again to see the decision.");
		}
		boolean last = approve && next == chain.size() - 1;
		Status status = !approve ? Status.REJECTED : (last ? Status.APPROVED : Status.IN_REVIEW);
		int updated = this.sets.update(null,
				Wrappers.<ContentSet>lambdaUpdate()
					.eq(ContentSet::getAccountId, account.getId())
					.eq(ContentSet::getKind, kind)
					.eq(ContentSet::getVersion, row.getVersion())
					.set(ContentSet::getStatus, status.name())
					.set(last, ContentSet::getApprovedHash, contentHash)
					.set(last, ContentSet::getApprovedDocument, row.getDocument())
					.set(ContentSet::getVersion, row.getVersion() + 1));
		if (updated != 1) {
			throw Problem.ALREADY_DECIDED.exception("The " + kind.toLowerCase() + " changed a moment ago",
					"Load the review again.");
		}
		this.audit.record(caller, kind + (approve ? "_REVIEW_APPROVED" : "_REVIEW_REJECTED"), kind, account.getId(),
				account.getId(), Map.of("status", Status.IN_REVIEW.name()),
				Map.of("status", status.name(), "round", row.getReviewRound(), "level", level.name(), "contentHash",
						contentHash, "comment", (d.getComment() != null) ? d.getComment() : ""));
		ContentSet decided = find(account.getId(), kind);
		if (last) {
			onApproved.approved(decided, account);
		}
		return decided;
	}

	/** The chain of the current round as it stands. */
	List<Step> steps(ContentSet row, Account account) {
		List<ReviewLevel> chain = (row.getLevels() != null) ? levels(row)
				: ReviewPolicy.parse(account.getReviewPolicy()).levelsFor(Sensitivity.GENERAL);
		List<ContentSetDecision> round = (row.getReviewRound() > 0)
				? this.decisions.findByRound(row.getAccountId(), row.getKind(), row.getReviewRound()) : List.of();
		List<Step> steps = new ArrayList<>();
		for (int i = 0; i < chain.size(); i++) {
			int index = i;
			Optional<ContentSetDecision> d = round.stream().filter((x) -> x.getLevelIndex() == index).findFirst();
			steps.add(new Step(i, chain.get(i), d.map(ContentSetDecision::getDecision).orElse(null),
					d.map(ContentSetDecision::getReviewerId).orElse(null),
					d.map(ContentSetDecision::getComment).orElse(null),
					d.map(ContentSetDecision::getDecidedAt).orElse(null)));
		}
		return steps;
	}

	/** Sets whose next level the caller may decide, oldest submission first. */
	List<PendingSet> pending(Caller caller) {
		Optional<Set<Long>> scope = caller.accountScope(REVIEWERS);
		List<ContentSet> open = this.sets.selectList(Wrappers.<ContentSet>lambdaQuery()
			.eq(ContentSet::getStatus, Status.IN_REVIEW.name())
			.in(scope.isPresent(), ContentSet::getAccountId,
					scope.map((ids) -> ids.isEmpty() ? Set.of(-1L) : ids).orElse(Set.of()))
			.orderByAsc(ContentSet::getSubmittedAt)
			.last("LIMIT 1000"));
		List<PendingSet> mine = new ArrayList<>();
		for (ContentSet row : open) {
			List<ReviewLevel> chain = levels(row);
			List<ContentSetDecision> round = this.decisions.findByRound(row.getAccountId(), row.getKind(),
					row.getReviewRound());
			int next = approvedCount(round);
			if (next < chain.size() && caller.can(row.getAccountId(), Role.valueOf(chain.get(next).name()))
					&& caller.personId() != row.getSubmittedBy() && caller.personId() != row.getUpdatedBy()
					&& round.stream().noneMatch((d) -> d.getReviewerId() == caller.personId())) {
				mine.add(new PendingSet(row.getAccountId(), row.getKind(), chain.get(next), row.getContentHash(),
						row.getSubmittedAt()));
			}
		}
		return mine;
	}

	static ApiException screeningFailed(List<Finding> findings) {
		return Problem.SCREENING_FAILED.exception("The content did not pass screening", findings.size()
				+ " finding(s): fix each one where 'findings' points (field is the path of the text) and submit again.")
			.with("findings", findings);
	}

	private static void requireEditor(Caller caller, long accountId) {
		if (!caller.can(accountId, Role.EDITOR, Role.PUBLISHER)) {
			throw ApiException
				.forbidden("You need EDITOR or PUBLISHER on this account to change its menu and replies.");
		}
	}

	private ContentSet existing(long accountId, String kind) {
		ContentSet row = find(accountId, kind);
		if (row == null) {
			throw ApiException.notFound(kind.equals(MENU) ? "Menu" : "Reply rule set", accountId);
		}
		return row;
	}

	private static List<ReviewLevel> levels(ContentSet row) {
		return java.util.Arrays.stream(row.getLevels().split(",")).map(String::trim).map(ReviewLevel::valueOf).toList();
	}

	private static int approvedCount(List<ContentSetDecision> round) {
		return (int) round.stream().filter((d) -> Status.APPROVED.name().equals(d.getDecision())).count();
	}

	Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

}
