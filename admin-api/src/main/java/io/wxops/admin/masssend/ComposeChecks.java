package io.wxops.admin.masssend;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.wxops.admin.account.AccountAccess;
import io.wxops.admin.article.Article;
import io.wxops.admin.follower.TagService;
import io.wxops.admin.masssend.MassSendViews.ComposeRequest;
import io.wxops.admin.review.SendReviewService;
import io.wxops.admin.screening.ScreeningService;
import io.wxops.admin.security.Caller;
import io.wxops.admin.security.Role;
import io.wxops.admin.web.ApiException;
import io.wxops.core.account.Account;
import io.wxops.core.account.AccountRegistry;
import io.wxops.core.account.AccountSnapshot;
import io.wxops.core.account.AccountStanding;

import org.springframework.stereotype.Component;

/**
 * Everything checked before a send is composed: who composes, from which operating
 * account, the request's fields (all wrong ones in one 400), the tag, the head of the
 * queue and screening.
 */
@Component
class ComposeChecks {

	private final AccountAccess accountAccess;

	private final AccountStanding standing;

	private final AccountRegistry registry;

	private final SendReviewService reviews;

	private final TagService tags;

	private final MpnewsDrafts drafts;

	private final ScreeningService screening;

	private final SendClock clock;

	ComposeChecks(AccountAccess accountAccess, AccountStanding standing, AccountRegistry registry,
			SendReviewService reviews, TagService tags, MpnewsDrafts drafts, ScreeningService screening,
			SendClock clock) {
		this.accountAccess = accountAccess;
		this.standing = standing;
		this.registry = registry;
		this.reviews = reviews;
		this.tags = tags;
		this.drafts = drafts;
		this.screening = screening;
		this.clock = clock;
	}

	/**
	 * A request that passed every check, with what it resolved to.
	 *
	 * @param now when it was checked; {@code slot} is never more than a minute before
	 */
	record Composition(Account account, AccountSnapshot snapshot, SendKind kind, Audience audience, Instant now,
			Instant slot, LocalDate day, List<Article> chosen) {
	}

	Composition check(Caller caller, ComposeRequest req) {
		Account account = this.accountAccess.visible(caller, req.accountId());
		caller.require(account.getId(), Role.PUBLISHER);
		this.standing.requireOperating(account.getId());
		Map<String, String> errors = new LinkedHashMap<>();
		SendKind kind = SendKind.parse(req.kind());
		if (kind == null) {
			errors.put("kind", "kind is MPNEWS (articles), TEXT or IMAGE");
		}
		if (req.sendIgnoreReprint() == null) {
			errors.put("sendIgnoreReprint", "choose explicitly: true sends even if WeChat judges an article a reprint, "
					+ "false stops the send then");
		}
		Audience audience = checkAudience(errors, req);
		Instant now = this.clock.now();
		Instant slot = (req.slotAt() != null) ? SendClock.storedPrecision(req.slotAt()) : now;
		if (slot.isBefore(now.minus(Duration.ofMinutes(1)))) {
			errors.put("slotAt", "the time slot is in the past");
		}
		if (kind == SendKind.TEXT && (req.text() == null || req.text().isBlank() || req.text().length() > 2000)) {
			errors.put("text", "a text of 1 to 2,000 characters is required");
		}
		if (kind == SendKind.IMAGE && (req.imageMediaId() == null || req.imageMediaId().isBlank())) {
			errors.put("imageMediaId", "the permanent image material's media id is required");
		}
		if (kind == SendKind.MPNEWS && (req.articleIds() == null || req.articleIds().isEmpty()
				|| req.articleIds().size() > MpnewsDrafts.MAX_ARTICLES)) {
			errors.put("articleIds",
					"1 to " + MpnewsDrafts.MAX_ARTICLES + " article ids from the head of the queue are required");
		}
		if (kind != null && kind.reviewed()) {
			// Every kind of send carries approved content: TEXT and IMAGE are reviewed
			// themselves, so they name who reviews them and how sensitive they are.
			errors.putAll(this.reviews.problems(req.departmentId(), req.sensitivity()));
			if (kind == SendKind.IMAGE && !errors.containsKey("imageMediaId")
					&& this.reviews.imageUrl(account.getId(), req.imageMediaId().trim()) == null) {
				errors.put("imageMediaId", "an image uploaded to this account's articles (its mediaId), so the "
						+ "reviewers see what they approve");
			}
		}
		if (!errors.isEmpty()) {
			throw ApiException.invalid(errors);
		}
		AccountSnapshot snapshot = this.registry.find(account.getAppId()).orElseThrow();
		if (audience == Audience.TAG) {
			boolean known = this.tags.tags(snapshot, false).stream().anyMatch((t) -> t.id() == req.tagId())
					|| this.tags.tags(snapshot, true).stream().anyMatch((t) -> t.id() == req.tagId());
			if (!known) {
				throw ApiException.invalid("tagId", "WeChat has no tag " + req.tagId() + " for this account");
			}
		}
		LocalDate day = LocalDate.ofInstant(slot, ZoneId.of(account.getTimeZone()));
		List<Article> chosen = (kind == SendKind.MPNEWS) ? this.drafts.headOfQueue(account, req.articleIds())
				: List.of();
		for (Article a : chosen) {
			this.screening.requireClean(a, account);
		}
		if (kind == SendKind.TEXT) {
			this.screening.requireCleanText(req.text(), account);
		}
		return new Composition(account, snapshot, kind, audience, now, slot, day, chosen);
	}

	private static Audience checkAudience(Map<String, String> errors, ComposeRequest req) {
		Audience audience = Audience.parse(req.audience());
		if (audience == null) {
			errors.put("audience", "audience is required: ALL (every follower, chosen explicitly), TAG or OPENIDS");
			return null;
		}
		switch (audience) {
			case ALL -> {
				if (req.tagId() != null || (req.openids() != null && !req.openids().isEmpty())) {
					errors.put("audience", "ALL goes to every follower; leave tagId and openids empty");
				}
			}
			case TAG -> {
				if (req.tagId() == null) {
					errors.put("tagId", "the tag to send to is required");
				}
			}
			case OPENIDS -> {
				Set<String> unique = (req.openids() != null) ? new LinkedHashSet<>(req.openids()) : Set.of();
				if (unique.size() < 2 || unique.size() > 10_000) {
					errors.put("openids", "2 to 10,000 distinct openids (WeChat's limits for a list send)");
				}
				else if (unique.stream().anyMatch((o) -> o == null || !o.matches("[0-9a-zA-Z_-]{6,64}"))) {
					errors.put("openids", "every openid is 6 to 64 letters, digits, '_' or '-'");
				}
			}
		}
		return audience;
	}

}
