package io.wxops.admin.masssend;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.UUID;

import io.wxops.admin.audit.AuditTrail;
import io.wxops.admin.masssend.ComposeChecks.Composition;
import io.wxops.admin.masssend.MassSendViews.ComposeRequest;
import io.wxops.admin.masssend.MassSendViews.SendView;
import io.wxops.admin.review.SendReviewService;
import io.wxops.admin.security.Caller;
import io.wxops.core.account.Sensitivity;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Composing a mass send: one per account per local day (a unique key), a service
 * account's monthly quota, articles exactly as approved from the head of the queue, and
 * for TEXT and IMAGE the start of their own review.
 */
@Service
public class SendComposer {

	private final ComposeChecks checks;

	private final SendRecords records;

	private final MpnewsDrafts drafts;

	private final SendReviewService reviews;

	private final SendViews views;

	private final AuditTrail audit;

	private final JsonMapper json;

	SendComposer(ComposeChecks checks, SendRecords records, MpnewsDrafts drafts, SendReviewService reviews,
			SendViews views, AuditTrail audit, JsonMapper json) {
		this.checks = checks;
		this.records = records;
		this.drafts = drafts;
		this.reviews = reviews;
		this.views = views;
		this.audit = audit;
		this.json = json;
	}

	@Transactional
	public SendView compose(Caller caller, ComposeRequest req) {
		Composition c = this.checks.check(caller, req);
		SendKind kind = c.kind();
		MassSend s = new MassSend();
		s.setAccountId(c.account().getId());
		s.setKind(kind);
		s.setTextContent((kind == SendKind.TEXT) ? req.text() : null);
		s.setImageMediaId((kind == SendKind.IMAGE) ? req.imageMediaId().trim() : null);
		s.setAudience(c.audience());
		s.setTagId((c.audience() == Audience.TAG) ? req.tagId() : null);
		s.setOpenids((c.audience() == Audience.OPENIDS)
				? this.json.writeValueAsString(new ArrayList<>(new LinkedHashSet<>(req.openids()))) : null);
		s.setSendIgnoreReprint(req.sendIgnoreReprint());
		s.setSlotAt(c.slot());
		s.setLocalDay(c.day());
		s.setStatus(SendStatus.COMPOSED);
		s.setContentHash(SendChecks.contentHash(s, c.chosen()));
		s.setClientMsgId("pending-" + UUID.randomUUID());
		s.setAttempts(0);
		s.setComposedBy(caller.personId());
		s.setVersion(1);
		s.setCreatedAt(c.now());
		s.setUpdatedAt(c.now());
		this.records.insert(s, c.account());
		this.records.insertArticles(s, c.chosen());
		if (kind == SendKind.MPNEWS) {
			this.records.setDraftMediaId(s, this.drafts.createDraft(c.snapshot(), c.chosen()));
		}
		this.audit.record(caller, "MASS_SEND_COMPOSED", "MASS_SEND", s.getId(), c.account().getId(), null,
				SendViews.summary(s));
		if (kind.reviewed()) {
			this.reviews.start(caller, s.getId(), s.getContentHash(), c.account(), req.departmentId(),
					Sensitivity.valueOf(req.sensitivity()));
		}
		return this.views.view(s);
	}

}
