package io.wxops.admin.menu;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.baomidou.mybatisplus.core.toolkit.Wrappers;
import io.swagger.v3.oas.annotations.media.Schema;
import io.wxops.admin.audit.AuditTrail;
import io.wxops.admin.menu.ReplyDocument.ReplyRule;
import io.wxops.admin.screening.Finding;
import io.wxops.admin.screening.ScreeningService;
import io.wxops.admin.security.Caller;
import io.wxops.admin.web.ApiException;
import io.wxops.core.account.Account;
import io.wxops.core.account.AccountChangeNotifier;
import io.wxops.core.reply.AutoReplyRule;
import io.wxops.core.reply.AutoReplyRule.MatchMode;
import io.wxops.core.reply.AutoReplyRule.ReplyType;
import io.wxops.core.reply.AutoReplyRule.TriggerType;
import io.wxops.core.reply.AutoReplyRuleMapper;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The account's passive-reply rules as one reviewed set. A change is only a draft: the
 * gateway keeps answering with the rules last approved, which approval copies into
 * {@code wx_auto_reply_rule} (the gateway's snapshot, read into its cache) and announces,
 * in the decision's transaction.
 */
@Service
class ReplyRulesService {

	private final ContentSets sets;

	private final AutoReplyRuleMapper rules;

	private final ScreeningService screening;

	private final AccountChangeNotifier notifier;

	private final AuditTrail audit;

	private final JsonMapper json;

	private final TransactionTemplate tx;

	ReplyRulesService(ContentSets sets, AutoReplyRuleMapper rules, ScreeningService screening,
			AccountChangeNotifier notifier, AuditTrail audit, JsonMapper json, TransactionTemplate tx) {
		this.sets = sets;
		this.rules = rules;
		this.screening = screening;
		this.notifier = notifier;
		this.audit = audit;
		this.json = json;
		this.tx = tx;
	}

	@Schema(description = "The account's working reply rules, their review, and the rules the gateway answers with "
			+ "now (the last approved).")
	record ReplySetView(long accountId,
			@Schema(description = "Send it back with the next save; 0 while nothing was saved.") int version,
			String contentHash, @Schema(description = "DRAFT, IN_REVIEW, APPROVED or REJECTED.") String status,
			int reviewRound, List<io.wxops.admin.review.ReviewService.Step> chain, List<ReplyRule> rules,
			@Schema(description = "What the gateway answers with now.") List<ReplyRule> live,
			@Schema(nullable = true) Instant updatedAt) {
	}

	ReplySetView view(Caller caller, long accountId) {
		Account account = this.sets.account(caller, accountId);
		return view(account, this.sets.find(accountId, ContentSets.REPLIES));
	}

	ReplySetView save(Caller caller, long accountId, Integer version, List<ReplyRule> body) {
		Account account = this.sets.account(caller, accountId);
		ReplyDocument doc = new ReplyDocument(body).normalised();
		Map<String, String> problems = doc.problems();
		if (!problems.isEmpty()) {
			throw ApiException.invalid(problems);
		}
		String hash = doc.hash();
		ContentSet saved = this.tx.execute((status) -> this.sets.save(caller, account, ContentSets.REPLIES, version,
				this.json.writeValueAsString(doc), hash, Map.of("contentHash", hash, "rules", doc.rules().size())));
		return view(account, saved);
	}

	ReplySetView submit(Caller caller, long accountId) {
		Account account = this.sets.account(caller, accountId);
		return view(account,
				this.tx.execute((status) -> this.sets.submit(caller, account, ContentSets.REPLIES, this::findings)));
	}

	ReplySetView decide(Caller caller, long accountId, boolean approve, String comment, String contentHash) {
		Account account = this.sets.account(caller, accountId);
		ContentSet row = this.tx.execute((status) -> this.sets.decide(caller, account, ContentSets.REPLIES, approve,
				comment, contentHash, this::apply));
		return view(account, row);
	}

	/**
	 * Makes the approved set the one the gateway answers with: its text rules replace the
	 * account's text rules (image and news rules stay), and the gateways drop their
	 * cached copy once this commits. A rule that is still there (same trigger, match mode
	 * and keyword) is updated in place, so it keeps its id, its hit count and the inbound
	 * messages answered by it; only rules the set no longer has are deleted.
	 */
	private void apply(ContentSet set, Account account) {
		ReplyDocument doc = this.json.readValue(set.getApprovedDocument(), ReplyDocument.class);
		Map<List<String>, Deque<AutoReplyRule>> existing = new HashMap<>();
		int before = 0;
		for (AutoReplyRule row : this.rules.selectList(Wrappers.<AutoReplyRule>lambdaQuery()
			.eq(AutoReplyRule::getAccountId, account.getId())
			.eq(AutoReplyRule::getReplyType, ReplyType.TEXT)
			.orderByAsc(AutoReplyRule::getId))) {
			existing
				.computeIfAbsent(
						identity(row.getTriggerType().name(),
								(row.getMatchMode() != null) ? row.getMatchMode().name() : null, row.getKeyword()),
						(k) -> new ArrayDeque<>())
				.add(row);
			before++;
		}
		Instant now = this.sets.now();
		int kept = 0;
		for (ReplyRule r : doc.rules()) {
			Deque<AutoReplyRule> same = existing.get(identity(r.trigger(), r.matchMode(), r.keyword()));
			AutoReplyRule row = (same != null) ? same.pollFirst() : null;
			if (row != null) {
				// Only what the set says: hit_count is the gateway's, counting on
				// meanwhile.
				this.rules.update(null,
						Wrappers.<AutoReplyRule>lambdaUpdate()
							.eq(AutoReplyRule::getId, row.getId())
							.set(AutoReplyRule::getReplyText, r.replyText())
							.set(AutoReplyRule::getPriority, r.priority())
							.set(AutoReplyRule::getEnabled, r.enabled())
							.set(AutoReplyRule::getUpdatedAt, now));
				kept++;
				continue;
			}
			row = AutoReplyRule.text(account.getId(), TriggerType.valueOf(r.trigger()), r.replyText());
			row.setMatchMode((r.matchMode() != null) ? MatchMode.valueOf(r.matchMode()) : null);
			row.setKeyword(r.keyword());
			row.setPriority(r.priority());
			row.setEnabled(r.enabled());
			row.setCreatedAt(now);
			row.setUpdatedAt(now);
			this.rules.insert(row);
		}
		List<Long> gone = existing.values().stream().flatMap(Deque::stream).map(AutoReplyRule::getId).toList();
		if (!gone.isEmpty()) {
			this.rules.delete(Wrappers.<AutoReplyRule>lambdaQuery().in(AutoReplyRule::getId, gone));
		}
		this.audit.record(io.wxops.admin.security.Caller.system("reply-set approval"), "REPLIES_APPLIED", "REPLIES",
				account.getId(), account.getId(), Map.of("textRules", before), Map.of("textRules", doc.rules().size(),
						"kept", kept, "removed", gone.size(), "contentHash", set.getApprovedHash()));
		this.notifier.accountChanged(account.getAppId());
	}

	/** What makes two text rules the same rule: trigger, match mode and keyword. */
	private static List<String> identity(String trigger, String matchMode, String keyword) {
		return Arrays.asList(trigger, matchMode, keyword);
	}

	private List<Finding> findings(String document, Account account) {
		ReplyDocument doc = this.json.readValue(document, ReplyDocument.class);
		List<Finding> findings = new ArrayList<>();
		for (int i = 0; i < doc.rules().size(); i++) {
			String path = "rules[" + i + "].replyText";
			for (Finding f : this.screening.prohibitedTerms(doc.rules().get(i).replyText(), account)) {
				findings.add(new Finding(f.rule(), f.category(), f.term(), path, f.start(), f.end(), f.excerpt(),
						f.message()));
			}
		}
		return findings;
	}

	private List<ReplyRule> live(long accountId) {
		List<ReplyRule> out = new ArrayList<>();
		for (AutoReplyRule r : this.rules.selectList(Wrappers.<AutoReplyRule>lambdaQuery()
			.eq(AutoReplyRule::getAccountId, accountId)
			.eq(AutoReplyRule::getReplyType, ReplyType.TEXT)
			.orderByAsc(AutoReplyRule::getId))) {
			out.add(new ReplyRule(r.getTriggerType().name(),
					(r.getMatchMode() != null) ? r.getMatchMode().name() : null, r.getKeyword(), r.getReplyText(),
					r.getPriority(), r.getEnabled()));
		}
		return out;
	}

	private ReplySetView view(Account account, ContentSet row) {
		List<ReplyRule> live = live(account.getId());
		if (row == null) {
			// Nothing saved yet: the draft starts from the rules in force (e.g. seeded).
			ReplyDocument current = new ReplyDocument(live);
			return new ReplySetView(account.getId(), 0, current.hash(), ContentSets.Status.DRAFT.name(), 0, List.of(),
					live, live, null);
		}
		ReplyDocument doc = this.json.readValue(row.getDocument(), ReplyDocument.class);
		return new ReplySetView(account.getId(), row.getVersion(), row.getContentHash(), row.getStatus(),
				row.getReviewRound(), this.sets.steps(row, account), doc.rules(), live, row.getUpdatedAt());
	}

}
