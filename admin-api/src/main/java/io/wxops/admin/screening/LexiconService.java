package io.wxops.admin.screening;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.toolkit.Wrappers;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.wxops.admin.audit.AuditTrail;
import io.wxops.admin.security.Caller;
import io.wxops.admin.security.Role;
import io.wxops.admin.web.ApiException;
import io.wxops.admin.web.PageRequest;
import io.wxops.admin.web.PageResult;
import io.wxops.core.text.TextNormaliser;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The lexicon of prohibited terms: managed by administrators, versioned (every change
 * makes a new version, with the terms added or removed kept), audited, and compiled once
 * per version for screening.
 */
@Service
public class LexiconService {

	private final LexiconTermMapper terms;

	private final LexiconChangeMapper changes;

	private final AuditTrail audit;

	private final Clock clock;

	/**
	 * Compiled lexicons by version: the one in force and, while a change spreads, the one
	 * before it. Never expires on a timer: the version decides.
	 */
	private final Cache<Integer, CompiledLexicon> compiled = Caffeine.newBuilder().maximumSize(2).build();

	LexiconService(LexiconTermMapper terms, LexiconChangeMapper changes, AuditTrail audit, Clock clock) {
		this.terms = terms;
		this.changes = changes;
		this.audit = audit;
		this.clock = clock;
	}

	/** A term as the API shows it. */
	public record TermView(long id, String term, Category category, String categoryLabel, int addedIn) {

		static TermView of(LexiconTermRow r) {
			Category c = Category.valueOf(r.getCategory());
			return new TermView(r.getId(), r.getTerm(), c, c.label(), r.getAddedIn());
		}

	}

	/** What one change did. */
	public record ChangeResult(int version, int added, int skipped, int removed) {
	}

	/**
	 * The lexicon in force, compiled. The version is read on every call, so a change made
	 * on another instance applies at once; each version is compiled once (concurrent
	 * callers wait for the one compiling it).
	 */
	public CompiledLexicon current() {
		return this.compiled.get(this.terms.currentVersion(), this::compile);
	}

	private CompiledLexicon compile(int version) {
		List<LexiconTerm> all = new ArrayList<>();
		for (LexiconTermRow r : this.terms.all()) {
			all.add(new LexiconTerm(r.getTerm(), Category.valueOf(r.getCategory())));
		}
		return CompiledLexicon.compile(version, all);
	}

	public PageResult<TermView> list(Category category, String query, PageRequest page) {
		LambdaQueryWrapper<LexiconTermRow> where = Wrappers.<LexiconTermRow>lambdaQuery()
			.eq(category != null, LexiconTermRow::getCategory, (category != null) ? category.name() : null)
			.like(query != null && !query.isBlank(), LexiconTermRow::getTerm, (query != null) ? query.trim() : null);
		return page.result(this.terms.selectPage(page.toPage(), where.orderByAsc(LexiconTermRow::getId)))
			.map(TermView::of);
	}

	public PageResult<LexiconChange> changes(Integer version, PageRequest page) {
		LambdaQueryWrapper<LexiconChange> where = Wrappers.<LexiconChange>lambdaQuery()
			.eq(version != null, LexiconChange::getVersion, version);
		return page.result(this.changes.selectPage(page.toPage(), where.orderByDesc(LexiconChange::getId)));
	}

	/**
	 * Adds terms as one new version; terms already in force for the same category are
	 * skipped. Loading an operator's full lexicon is one call with many terms.
	 */
	@Transactional
	public ChangeResult add(Caller caller, List<LexiconTerm> additions) {
		caller.requireEverywhere(Role.ADMIN);
		// 1 to 50,000 terms: a constraint on the request
		// (ScreeningController.TermsToAdd).
		Map<String, String> errors = new LinkedHashMap<>();
		for (int i = 0; i < additions.size(); i++) {
			LexiconTerm t = additions.get(i);
			if (t == null || t.category() == null) {
				errors.put("terms[" + i + "].category", "a category is required");
			}
			else if (t.term() == null || t.term().isBlank() || t.term().length() > 64) {
				errors.put("terms[" + i + "].term", "a term of 1 to 64 characters is required");
			}
			else if (TextNormaliser.normaliseTerm(t.term()).isEmpty()) {
				errors.put("terms[" + i + "].term", "the term has no letters or digits to match");
			}
			if (errors.size() >= 20) {
				break;
			}
		}
		if (!errors.isEmpty()) {
			throw ApiException.invalid(errors);
		}
		int version = this.terms.lockVersion() + 1;
		Instant now = now();
		java.util.Set<String> inForce = new java.util.HashSet<>();
		this.terms.all().forEach((r) -> inForce.add(r.getCategory() + "|" + r.getTerm()));
		List<LexiconTermRow> rows = new ArrayList<>();
		List<LexiconChange> changeRows = new ArrayList<>();
		for (LexiconTerm t : additions) {
			String term = t.term().trim();
			if (!inForce.add(t.category().name() + "|" + term)) {
				continue;
			}
			LexiconTermRow row = new LexiconTermRow();
			row.setTerm(term);
			row.setCategory(t.category().name());
			row.setAddedIn(version);
			row.setCreatedBy(caller.isSystem() ? null : caller.personId());
			row.setCreatedAt(now);
			rows.add(row);
			changeRows.add(change(caller, version, ChangeType.ADD, term, t.category(), now));
		}
		int added = rows.size();
		int skipped = additions.size() - added;
		if (added > 0) {
			// Batched inserts: an operator's full lexicon is tens of thousands of terms.
			this.terms.insert(rows);
			this.changes.insert(changeRows);
		}
		if (added == 0) {
			return new ChangeResult(version - 1, 0, skipped, 0);
		}
		this.terms.setVersion(version);
		// The chained entry names what changed, not only how much: up to 50,000 terms do
		// not
		// fit an entry, so it holds their digest, checkable against GET
		// /api/lexicon/changes?version=.
		this.audit.record(caller, "LEXICON_CHANGED", "LEXICON", version, null, Map.of("version", version - 1), Map
			.of("version", version, "added", added, "skipped", skipped, "addedTermsSha256", addedTermsDigest(rows)));
		return new ChangeResult(version, added, skipped, 0);
	}

	@Transactional
	public ChangeResult remove(Caller caller, long id) {
		caller.requireEverywhere(Role.ADMIN);
		LexiconTermRow row = this.terms.selectById(id);
		if (row == null) {
			throw ApiException.notFound("Term", id);
		}
		int version = this.terms.lockVersion() + 1;
		this.terms.deleteById(id);
		recordChange(caller, version, ChangeType.REMOVE, row.getTerm(), Category.valueOf(row.getCategory()), now());
		this.terms.setVersion(version);
		this.audit.record(caller, "LEXICON_CHANGED", "LEXICON", version, null,
				Map.of("version", version - 1, "term", row.getTerm(), "category", row.getCategory()),
				Map.of("version", version, "removed", 1));
		return new ChangeResult(version, 0, 0, 1);
	}

	/**
	 * SHA-256 of the added terms in the order added, each as category and term
	 * length-prefixed (see {@link io.wxops.admin.web.Sha256#appendField}).
	 */
	static String addedTermsDigest(List<LexiconTermRow> rows) {
		StringBuilder text = new StringBuilder();
		for (LexiconTermRow r : rows) {
			io.wxops.admin.web.Sha256.appendField(text, r.getCategory());
			io.wxops.admin.web.Sha256.appendField(text, r.getTerm());
		}
		return io.wxops.admin.web.Sha256.hex(text.toString());
	}

	/** The version in force, as this transaction sees it. */
	public int version() {
		return this.terms.currentVersion();
	}

	private void recordChange(Caller caller, int version, ChangeType type, String term, Category category,
			Instant now) {
		this.changes.insert(change(caller, version, type, term, category, now));
	}

	private static LexiconChange change(Caller caller, int version, ChangeType type, String term, Category category,
			Instant now) {
		LexiconChange c = new LexiconChange();
		c.setVersion(version);
		c.setChangeType(type.name());
		c.setTerm(term);
		c.setCategory(category.name());
		c.setPersonId(caller.isSystem() ? null : caller.personId());
		c.setChangedAt(now);
		return c;
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

}
