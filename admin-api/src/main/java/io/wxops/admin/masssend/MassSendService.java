package io.wxops.admin.masssend;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.baomidou.mybatisplus.core.toolkit.Wrappers;
import io.wxops.admin.account.RegistryService;
import io.wxops.admin.account.TestFollower;
import io.wxops.admin.account.TestFollowerMapper;
import io.wxops.admin.article.Article;
import io.wxops.admin.article.ArticleImage;
import io.wxops.admin.article.ArticleImageMapper;
import io.wxops.admin.article.ArticleMapper;
import io.wxops.admin.article.ArticleStatus;
import io.wxops.admin.article.QueueEntry;
import io.wxops.admin.article.QueueEntryMapper;
import io.wxops.admin.audit.AuditTrail;
import io.wxops.admin.masssend.MassSendViews.ComposeRequest;
import io.wxops.admin.masssend.MassSendViews.SendArticle;
import io.wxops.admin.masssend.MassSendViews.SendView;
import io.wxops.admin.review.SendReview;
import io.wxops.admin.review.SendReviewService;
import io.wxops.admin.screening.BodyHtml;
import io.wxops.admin.screening.ScreeningService;
import io.wxops.admin.security.Caller;
import io.wxops.admin.security.Role;
import io.wxops.admin.web.ApiException;
import io.wxops.admin.web.Sha256;
import io.wxops.core.account.Account;
import io.wxops.core.account.AccountMapper;
import io.wxops.core.account.AccountRegistry;
import io.wxops.core.account.AccountSnapshot;
import io.wxops.core.account.AccountStanding;
import io.wxops.core.account.AccountType;
import io.wxops.core.account.Sensitivity;
import io.wxops.core.wechat.WeChatCalls;
import me.chanjar.weixin.common.api.WxConsts;
import me.chanjar.weixin.mp.bean.draft.WxMpAddDraft;
import me.chanjar.weixin.mp.bean.draft.WxMpDraftArticles;
import me.chanjar.weixin.mp.bean.WxMpMassPreviewMessage;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Composing, previewing and confirming mass sends (群发前需进行测试), and what may be done with
 * them afterwards. Sending itself is {@link MassSendExecutor}'s.
 *
 * <p>
 * The rules it keeps: only a PUBLISHER of an operating account composes; at most one send
 * per account per local day (a unique key); WeChat's monthly quota for service accounts;
 * articles exactly as approved, from the head of the queue, screened again; a preview to
 * the account's test followers confirmed by someone (the previewer only where the account
 * allows it); any change after the preview voids it.
 */
@Service
public class MassSendService {

	static final int MAX_ARTICLES = 8;

	public static final int SERVICE_SENDS_PER_MONTH = 4;

	private final MassSendMapper sends;

	private final MassSendArticleMapper sendArticles;

	private final ArticleMapper articles;

	private final QueueEntryMapper queue;

	private final ArticleImageMapper images;

	private final AccountMapper accounts;

	private final AccountRegistry registry;

	private final AccountStanding standing;

	private final ScreeningService screening;

	private final TestFollowerMapper testFollowers;

	private final TagService tags;

	private final WeChatCalls wechat;

	private final AuditTrail audit;

	private final RegistryService registryService;

	private final JsonMapper json;

	private final Clock clock;

	private final SendReviewService reviews;

	MassSendService(MassSendMapper sends, MassSendArticleMapper sendArticles, ArticleMapper articles,
			QueueEntryMapper queue, ArticleImageMapper images, AccountMapper accounts, AccountRegistry registry,
			AccountStanding standing, ScreeningService screening, TestFollowerMapper testFollowers, TagService tags,
			WeChatCalls wechat, AuditTrail audit, RegistryService registryService, JsonMapper json, Clock clock,
			SendReviewService reviews) {
		this.reviews = reviews;
		this.registryService = registryService;
		this.sends = sends;
		this.sendArticles = sendArticles;
		this.articles = articles;
		this.queue = queue;
		this.images = images;
		this.accounts = accounts;
		this.registry = registry;
		this.standing = standing;
		this.screening = screening;
		this.testFollowers = testFollowers;
		this.tags = tags;
		this.wechat = wechat;
		this.audit = audit;
		this.json = json;
		this.clock = clock;
	}

	// ---- reading

	public List<SendView> list(Caller caller, long accountId, String status) {
		this.registryService.visible(caller, accountId);
		return this.sends
			.selectList(Wrappers.<MassSend>lambdaQuery()
				.eq(MassSend::getAccountId, accountId)
				.eq(status != null, MassSend::getStatus, status)
				.orderByDesc(MassSend::getSlotAt)
				.last("LIMIT 200"))
			.stream()
			.map(this::view)
			.toList();
	}

	public SendView get(Caller caller, long id) {
		return view(visible(caller, id));
	}

	MassSend visible(Caller caller, long id) {
		MassSend s = this.sends.selectById(id);
		if (s == null || !caller.can(s.getAccountId(), Role.values())) {
			throw ApiException.notFound("Send", id);
		}
		return s;
	}

	// ---- composing

	@Transactional
	public SendView compose(Caller caller, ComposeRequest req) {
		if (req.accountId() == null) {
			throw ApiException.invalid("accountId", "the account to send from is required");
		}
		Account account = this.registryService.visible(caller, req.accountId());
		caller.require(account.getId(), Role.PUBLISHER);
		this.standing.requireOperating(account.getId());
		Map<String, String> errors = new LinkedHashMap<>();
		String kind = req.kind();
		if (!List.of("MPNEWS", "TEXT", "IMAGE").contains(String.valueOf(kind))) {
			errors.put("kind", "kind is MPNEWS (articles), TEXT or IMAGE");
		}
		if (req.sendIgnoreReprint() == null) {
			errors.put("sendIgnoreReprint", "choose explicitly: true sends even if WeChat judges an article a reprint, "
					+ "false stops the send then");
		}
		checkAudience(errors, req);
		Instant now = now();
		Instant slot = (req.slotAt() != null) ? storedPrecision(req.slotAt()) : now;
		if (slot.isBefore(now.minus(Duration.ofMinutes(1)))) {
			errors.put("slotAt", "the time slot is in the past");
		}
		if ("TEXT".equals(kind) && (req.text() == null || req.text().isBlank() || req.text().length() > 2000)) {
			errors.put("text", "a text of 1 to 2,000 characters is required");
		}
		if ("IMAGE".equals(kind) && (req.imageMediaId() == null || req.imageMediaId().isBlank())) {
			errors.put("imageMediaId", "the permanent image material's media id is required");
		}
		if ("MPNEWS".equals(kind)
				&& (req.articleIds() == null || req.articleIds().isEmpty() || req.articleIds().size() > MAX_ARTICLES)) {
			errors.put("articleIds", "1 to " + MAX_ARTICLES + " article ids from the head of the queue are required");
		}
		boolean reviewed = kind != null && SendReviewService.REVIEWED_KINDS.contains(kind);
		if (reviewed) {
			// Every kind of send carries approved content: TEXT and IMAGE are reviewed
			// themselves, so they name who reviews them and how sensitive they are.
			errors.putAll(this.reviews.problems(req.departmentId(), req.sensitivity()));
			if ("IMAGE".equals(kind) && !errors.containsKey("imageMediaId")
					&& this.reviews.imageUrl(account.getId(), req.imageMediaId().trim()) == null) {
				errors.put("imageMediaId", "an image uploaded to this account's articles (its mediaId), so the "
						+ "reviewers see what they approve");
			}
		}
		if (!errors.isEmpty()) {
			throw ApiException.invalid(errors);
		}
		AccountSnapshot snapshot = this.registry.find(account.getAppId()).orElseThrow();
		if ("TAG".equals(req.audience())) {
			boolean known = this.tags.tags(snapshot, false).stream().anyMatch((t) -> t.id() == req.tagId())
					|| this.tags.tags(snapshot, true).stream().anyMatch((t) -> t.id() == req.tagId());
			if (!known) {
				throw ApiException.invalid("tagId", "WeChat has no tag " + req.tagId() + " for this account");
			}
		}
		ZoneId zone = ZoneId.of(account.getTimeZone());
		LocalDate day = LocalDate.ofInstant(slot, zone);
		List<Article> chosen = "MPNEWS".equals(kind) ? headOfQueue(account, req.articleIds()) : List.of();
		for (Article a : chosen) {
			this.screening.requireClean(a, account);
		}
		if ("TEXT".equals(kind)) {
			this.screening.requireCleanText(req.text(), account);
		}
		MassSend s = new MassSend();
		s.setAccountId(account.getId());
		s.setKind(kind);
		s.setTextContent("TEXT".equals(kind) ? req.text() : null);
		s.setImageMediaId("IMAGE".equals(kind) ? req.imageMediaId().trim() : null);
		s.setAudience(req.audience());
		s.setTagId("TAG".equals(req.audience()) ? req.tagId() : null);
		s.setOpenids("OPENIDS".equals(req.audience())
				? this.json.writeValueAsString(new ArrayList<>(new LinkedHashSet<>(req.openids()))) : null);
		s.setSendIgnoreReprint(req.sendIgnoreReprint());
		s.setSlotAt(slot);
		s.setLocalDay(day);
		s.setStatus("COMPOSED");
		s.setContentHash(contentHash(s, chosen));
		s.setClientMsgId("pending-" + UUID.randomUUID());
		s.setAttempts(0);
		s.setComposedBy(caller.personId());
		s.setVersion(1);
		s.setCreatedAt(now);
		s.setUpdatedAt(now);
		insertClaimingDayAndMonthSlot(s, account);
		// Derived from the send's id, so every attempt at this send carries the same one.
		s.setClientMsgId("wxops-send-" + s.getId());
		this.sends.update(null,
				Wrappers.<MassSend>lambdaUpdate()
					.eq(MassSend::getId, s.getId())
					.set(MassSend::getClientMsgId, s.getClientMsgId()));
		int position = 1;
		for (Article a : chosen) {
			MassSendArticle sa = new MassSendArticle();
			sa.setSendId(s.getId());
			sa.setPosition(position++);
			sa.setArticleId(a.getId());
			sa.setApprovedHash(a.getContentHash());
			this.sendArticles.insert(sa);
		}
		if ("MPNEWS".equals(kind)) {
			s.setDraftMediaId(createDraft(snapshot, chosen));
			this.sends.update(null,
					Wrappers.<MassSend>lambdaUpdate()
						.eq(MassSend::getId, s.getId())
						.set(MassSend::getDraftMediaId, s.getDraftMediaId()));
		}
		this.audit.record(caller, "MASS_SEND_COMPOSED", "MASS_SEND", s.getId(), account.getId(), null, summary(s));
		if (reviewed) {
			this.reviews.start(caller, s, account, req.departmentId(), Sensitivity.valueOf(req.sensitivity()));
		}
		return view(s);
	}

	// ---- preview and confirmation

	@Transactional
	public SendView preview(Caller caller, long id) {
		MassSend s = visible(caller, id);
		caller.require(s.getAccountId(), Role.PUBLISHER);
		if (!"COMPOSED".equals(s.getStatus()) && !"PREVIEWED".equals(s.getStatus())) {
			throw ApiException.conflict("not-previewable", "The send is " + s.getStatus(),
					"Only a composed send can be previewed (again, before it is confirmed).");
		}
		Account account = this.accounts.selectById(s.getAccountId());
		this.standing.requireOperating(account.getId());
		requireUnchanged(s, account);
		List<TestFollower> followers = this.testFollowers.findByAccount(account.getId());
		if (followers.isEmpty()) {
			throw ApiException.conflict("no-test-followers", "The account has no test followers",
					"Add test followers (PUT /api/accounts/{id}/test-followers) to receive the preview.");
		}
		AccountSnapshot snapshot = this.registry.find(account.getAppId()).orElseThrow();
		for (TestFollower f : followers) {
			WxMpMassPreviewMessage message = new WxMpMassPreviewMessage();
			message.setToWxUserOpenid(f.getOpenid());
			switch (s.getKind()) {
				case "MPNEWS" -> {
					message.setMsgType(WxConsts.MassMsgType.MPNEWS);
					message.setMediaId(s.getDraftMediaId());
				}
				case "IMAGE" -> {
					message.setMsgType(WxConsts.MassMsgType.IMAGE);
					message.setMediaId(s.getImageMediaId());
				}
				default -> {
					message.setMsgType(WxConsts.MassMsgType.TEXT);
					message.setContent(s.getTextContent());
				}
			}
			this.wechat.call(snapshot, (w) -> w.getMassMessageService().massMessagePreview(message));
		}
		Map<String, Object> before = summary(s);
		int expected = s.getVersion();
		s.setStatus("PREVIEWED");
		s.setPreviewHash(s.getContentHash());
		s.setPreviewedBy(caller.personId());
		s.setPreviewedAt(now());
		saveVersioned(s, expected);
		this.audit.record(caller, "MASS_SEND_PREVIEWED", "MASS_SEND", id, s.getAccountId(), before,
				Map.of("status", "PREVIEWED", "previewHash", s.getPreviewHash(), "testFollowers", followers.size()));
		return view(s);
	}

	@Transactional
	public SendView confirm(Caller caller, long id, String previewHash) {
		MassSend s = visible(caller, id);
		caller.require(s.getAccountId(), Role.PUBLISHER);
		if (!"PREVIEWED".equals(s.getStatus())) {
			throw ApiException.conflict("not-previewed", "The send has no preview to confirm",
					"Send the preview to the test followers first (群发前需进行测试), then confirm it.");
		}
		if (previewHash == null || !previewHash.equals(s.getPreviewHash())) {
			throw ApiException.conflict("stale-preview", "That is not the preview of this send",
					"The preview you confirm must be the latest one (previewHash " + s.getPreviewHash() + ").");
		}
		Account account = this.accounts.selectById(s.getAccountId());
		if (caller.personId() == s.getPreviewedBy() && !Boolean.TRUE.equals(account.getSelfConfirmAllowed())) {
			throw new ApiException(HttpStatus.FORBIDDEN, "own-preview", "You sent this preview",
					"Another publisher must confirm it; this account's policy does not allow confirming your own "
							+ "preview.");
		}
		this.standing.requireOperating(account.getId());
		requireUnchanged(s, account);
		int expected = s.getVersion();
		s.setStatus("CONFIRMED");
		s.setConfirmedBy(caller.personId());
		s.setConfirmedAt(now());
		saveVersioned(s, expected);
		this.audit.record(caller, "MASS_SEND_CONFIRMED", "MASS_SEND", id, s.getAccountId(),
				Map.of("status", "PREVIEWED"),
				Map.of("status", "CONFIRMED", "slotAt", s.getSlotAt().toString(), "previewHash", previewHash));
		return view(s);
	}

	@Transactional
	public SendView cancel(Caller caller, long id) {
		MassSend s = visible(caller, id);
		caller.require(s.getAccountId(), Role.PUBLISHER);
		if (!List.of("COMPOSED", "PREVIEWED", "CONFIRMED").contains(s.getStatus())) {
			throw ApiException.conflict("not-cancellable", "The send is " + s.getStatus(),
					"Only a send that has not started can be cancelled.");
		}
		String before = s.getStatus();
		int expected = s.getVersion();
		s.setStatus("CANCELLED");
		saveVersioned(s, expected);
		this.audit.record(caller, "MASS_SEND_CANCELLED", "MASS_SEND", id, s.getAccountId(), Map.of("status", before),
				Map.of("status", "CANCELLED"));
		return view(s);
	}

	/**
	 * Deletes a sent message from WeChat (message/mass/delete): its article pages stop
	 * working.
	 */
	@Transactional
	public SendView delete(Caller caller, long id, Integer articleIdx) {
		MassSend s = visible(caller, id);
		caller.require(s.getAccountId(), Role.PUBLISHER);
		if (!"SENT".equals(s.getStatus()) && !"FINISHED".equals(s.getStatus())) {
			throw ApiException.conflict("not-sent", "The send is " + s.getStatus(),
					"Only a message WeChat accepted can be deleted.");
		}
		if (s.getMsgId() == null) {
			throw ApiException.conflict("msg-id-unknown", "WeChat has not told this send's msg_id yet",
					"WeChat accepted it (45065) without naming its msg_id; it is known once its job-finish event "
							+ "arrives. Until then delete it in the WeChat console (群发记录).");
		}
		int index = (articleIdx != null) ? articleIdx : 0;
		if (index < 0 || index > MAX_ARTICLES) {
			throw ApiException.invalid("articleIdx", "0 deletes the whole message, 1 to 8 one article");
		}
		Account account = this.accounts.selectById(s.getAccountId());
		AccountSnapshot snapshot = this.registry.find(account.getAppId()).orElseThrow();
		this.wechat.call(snapshot, (w) -> {
			w.getMassMessageService().delete(s.getMsgId(), index);
			return null;
		});
		String before = s.getStatus();
		if (index == 0) {
			int expected = s.getVersion();
			s.setStatus("DELETED");
			saveVersioned(s, expected);
		}
		this.audit.record(caller, "MASS_SEND_DELETED", "MASS_SEND", id, s.getAccountId(), Map.of("status", before),
				Map.of("status", s.getStatus(), "articleIdx", index, "msgId", s.getMsgId()));
		return view(s);
	}

	// ---- checks shared with the executor

	/**
	 * Recomputes what the send would send now; throws when it differs from what was
	 * composed (an article changed, left the queue or no longer passes screening).
	 */
	void requireUnchanged(MassSend s, Account account) {
		this.reviews.requireApproved(s);
		List<Article> current = new ArrayList<>();
		for (MassSendArticle sa : this.sendArticles.findBySend(s.getId())) {
			Article a = this.articles.selectById(sa.getArticleId());
			QueueEntry entry = this.queue.queuedFor(sa.getArticleId());
			if (!ArticleStatus.APPROVED.name().equals(a.getStatus()) || !sa.getApprovedHash().equals(a.getContentHash())
					|| entry == null || !entry.getApprovedHash().equals(a.getContentHash())) {
				throw voided("article " + a.getId() + " changed or left the publishing queue after it was composed");
			}
			this.screening.requireClean(a, account);
			current.add(a);
		}
		if ("TEXT".equals(s.getKind())) {
			this.screening.requireCleanText(s.getTextContent(), account);
		}
		if (!contentHash(s, current).equals(s.getContentHash())) {
			throw voided("the content differs from what was composed");
		}
	}

	private static ApiException voided(String why) {
		return ApiException.conflict("preview-voided", "The send changed after it was composed",
				"Its preview no longer shows what would be sent: " + why
						+ ". Cancel it and compose again from the queue.");
	}

	String contentHash(MassSend s, List<Article> chosen) {
		StringBuilder text = new StringBuilder();
		for (Object field : new Object[] { s.getKind(), s.getTextContent(), s.getImageMediaId(), s.getAudience(),
				s.getTagId(), s.getOpenids(), s.getSendIgnoreReprint() }) {
			Sha256.appendField(text, String.valueOf(field));
		}
		for (Article a : chosen) {
			text.append(a.getId()).append('=').append(a.getContentHash()).append('|');
		}
		return Sha256.hex(text.toString());
	}

	void saveVersioned(MassSend s, int expected) {
		s.setVersion(expected + 1);
		s.setUpdatedAt(now());
		int updated = this.sends.update(s,
				Wrappers.<MassSend>lambdaUpdate().eq(MassSend::getId, s.getId()).eq(MassSend::getVersion, expected));
		if (updated != 1) {
			throw ApiException.staleVersion("send");
		}
	}

	SendView view(MassSend s) {
		List<SendArticle> items = new ArrayList<>();
		for (MassSendArticle sa : this.sendArticles.findBySend(s.getId())) {
			Article a = this.articles.selectById(sa.getArticleId());
			items.add(new SendArticle(sa.getPosition(), sa.getArticleId(), a.getTitle(), sa.getApprovedHash(),
					sa.getArticleUrl()));
		}
		SendReview review = this.reviews.find(s.getId());
		Integer openidCount = (s.getOpenids() != null) ? this.json.readValue(s.getOpenids(), List.class).size() : null;
		return new SendView(s.getId(), s.getAccountId(), s.getKind(), s.getTextContent(), s.getImageMediaId(),
				s.getAudience(), s.getTagId(), openidCount, Boolean.TRUE.equals(s.getSendIgnoreReprint()),
				s.getSlotAt(), s.getLocalDay(), s.getStatus(), s.getContentHash(), s.getPreviewHash(),
				s.getPreviewedBy(), s.getPreviewedAt(), s.getConfirmedBy(), s.getConfirmedAt(), s.getClientMsgId(),
				s.getMsgId(), s.getAttempts(), s.getErrorCode(), s.getErrorMessage(), s.getWechatStatus(),
				s.getTotalCount(), s.getFilterCount(), s.getSentCount(), s.getErrorCount(), s.getAcceptedAt(),
				s.getFinishedAt(), s.getComposedBy(), items, s.getVersion(),
				(review != null) ? review.getDepartmentId() : null, (review != null) ? review.getSensitivity() : null,
				(review != null) ? review.getStatus() : null);
	}

	Map<String, Object> summary(MassSend s) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("status", s.getStatus());
		m.put("kind", s.getKind());
		m.put("audience", s.getAudience());
		m.put("localDay", s.getLocalDay().toString());
		m.put("slotAt", s.getSlotAt().toString());
		m.put("contentHash", s.getContentHash());
		return m;
	}

	/**
	 * The slot as slot_at (DATETIME(3)) holds it: rounded up to the millisecond, never
	 * down, so a send cannot leave before the time asked for.
	 */
	static Instant storedPrecision(Instant slot) {
		Instant millis = slot.truncatedTo(ChronoUnit.MILLIS);
		return millis.equals(slot) ? millis : millis.plusMillis(1);
	}

	Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

	// ---- helpers

	private static void checkAudience(Map<String, String> errors, ComposeRequest req) {
		switch (String.valueOf(req.audience())) {
			case "ALL" -> {
				if (req.tagId() != null || (req.openids() != null && !req.openids().isEmpty())) {
					errors.put("audience", "ALL goes to every follower; leave tagId and openids empty");
				}
			}
			case "TAG" -> {
				if (req.tagId() == null) {
					errors.put("tagId", "the tag to send to is required");
				}
			}
			case "OPENIDS" -> {
				Set<String> unique = (req.openids() != null) ? new LinkedHashSet<>(req.openids()) : Set.of();
				if (unique.size() < 2 || unique.size() > 10_000) {
					errors.put("openids", "2 to 10,000 distinct openids (WeChat's limits for a list send)");
				}
				else if (unique.stream().anyMatch((o) -> o == null || !o.matches("[0-9a-zA-Z_-]{6,64}"))) {
					errors.put("openids", "every openid is 6 to 64 letters, digits, '_' or '-'");
				}
			}
			default ->
				errors.put("audience", "audience is required: ALL (every follower, chosen explicitly), TAG or OPENIDS");
		}
	}

	/**
	 * The chosen articles, which must be exactly the first ones of the queue, in order.
	 */
	private List<Article> headOfQueue(Account account, List<Long> ids) {
		List<QueueEntry> queued = this.queue.queued(account.getId());
		if (queued.size() < ids.size()) {
			throw ApiException.invalid("articleIds", "the queue holds only " + queued.size() + " approved article(s)");
		}
		List<Article> chosen = new ArrayList<>();
		for (int i = 0; i < ids.size(); i++) {
			QueueEntry entry = queued.get(i);
			if (!entry.getArticleId().equals(ids.get(i))) {
				throw ApiException.invalid("articleIds", "send the articles at the head of the queue, in its order: "
						+ queued.stream().limit(ids.size()).map(QueueEntry::getArticleId).toList());
			}
			Article a = this.articles.selectById(entry.getArticleId());
			if (!ArticleStatus.APPROVED.name().equals(a.getStatus())
					|| !entry.getApprovedHash().equals(a.getContentHash())) {
				throw ApiException.conflict("not-approved", "Article " + a.getId() + " is not approved as it stands",
						"Its content differs from what was approved; it must be reviewed again.");
			}
			if (a.getCoverImageId() == null) {
				throw ApiException.conflict("cover-missing", "Article " + a.getId() + " has no cover image",
						"WeChat needs a cover (thumb_media_id) for every article of a news message.");
			}
			chosen.add(a);
		}
		return chosen;
	}

	private String createDraft(AccountSnapshot snapshot, List<Article> chosen) {
		List<WxMpDraftArticles> items = new ArrayList<>();
		for (Article a : chosen) {
			ArticleImage cover = this.images.selectById(a.getCoverImageId());
			WxMpDraftArticles item = new WxMpDraftArticles();
			item.setTitle(a.getTitle());
			item.setAuthor(a.getAuthor());
			item.setDigest(a.getDigest());
			// What screening read: the sanitised body, and the stated source under it.
			item.setContent(BodyHtml.draftContent(a.getBody(), a.getSource()));
			item.setContentSourceUrl(BodyHtml.sourceUrl(a.getSource()));
			item.setThumbMediaId(cover.getWechatMediaId());
			items.add(item);
		}
		WxMpAddDraft draft = WxMpAddDraft.builder().articles(items).build();
		return this.wechat.call(snapshot, (w) -> w.getDraftService().addDraft(draft));
	}

	/**
	 * Inserts the send, claiming its local day and, for a service account, one of the
	 * month's {@value #SERVICE_SENDS_PER_MONTH} slots: unique keys decide, so composes
	 * arriving together cannot exceed either (a count read first could not stop them).
	 */
	private void insertClaimingDayAndMonthSlot(MassSend s, Account account) {
		LocalDate day = s.getLocalDay();
		if (account.getAccountType() != AccountType.SERVICE) {
			try {
				this.sends.insert(s);
				return;
			}
			catch (DuplicateKeyException ex) {
				throw dayTaken(account, day);
			}
		}
		LocalDate first = day.withDayOfMonth(1);
		Set<Integer> taken = new LinkedHashSet<>(this.sends.monthSlotsTaken(account.getId(), first));
		for (int slot = 1; slot <= SERVICE_SENDS_PER_MONTH; slot++) {
			if (taken.contains(slot)) {
				continue;
			}
			s.setMonthSlot(slot);
			try {
				this.sends.insert(s);
				return;
			}
			catch (DuplicateKeyException ex) {
				// Another compose took this slot since it was read: try the next one.
				if (!String.valueOf(ex.getMessage()).contains("uk_send_month_slot")) {
					throw dayTaken(account, day);
				}
			}
		}
		LocalDate next = day.with(TemporalAdjusters.lastDayOfMonth()).plusDays(1);
		throw ApiException
			.conflict("monthly-quota", "The account's mass sends for this month are used",
					"A service account has " + SERVICE_SENDS_PER_MONTH + " mass sends a month (counted in "
							+ account.getTimeZone() + "); the next free day is " + next
							+ ", or cancel a send of this month first.")
			.with("nextFreeDay", next.toString());
	}

	private ApiException dayTaken(Account account, LocalDate day) {
		Set<LocalDate> claimed = new LinkedHashSet<>(this.sends.claimedDaysFrom(account.getId(), day));
		LocalDate free = day;
		while (claimed.contains(free)) {
			free = free.plusDays(1);
		}
		return ApiException
			.conflict("day-taken", "There is already a mass send on " + day,
					"WeChat allows one mass send a day (微信每天只能群发一次), counted in the account's time zone ("
							+ account.getTimeZone() + "). The next free day is " + free
							+ "; or cancel the other send first.")
			.with("nextFreeDay", free.toString());
	}

}
