package io.wxops.admin.masssend;

import java.util.List;
import java.util.Map;

import io.wxops.admin.account.TestFollower;
import io.wxops.admin.account.TestFollowerMapper;
import io.wxops.admin.audit.AuditTrail;
import io.wxops.admin.masssend.MassSendViews.SendView;
import io.wxops.admin.security.Caller;
import io.wxops.admin.web.Problem;
import io.wxops.core.account.Account;
import io.wxops.core.account.AccountMapper;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Previewing a send to the account's test followers and confirming it (群发前需进行测试): someone
 * confirms the preview they saw, the previewer only where the account allows it, and any
 * change after the preview voids it.
 */
@Service
public class SendPreviews {

	private final MassSendService sends;

	private final AccountMapper accounts;

	private final SendChecks checks;

	private final TestFollowerMapper testFollowers;

	private final MassSendWeChat wechat;

	private final SendRecords records;

	private final AuditTrail audit;

	private final SendClock clock;

	SendPreviews(MassSendService sends, AccountMapper accounts, SendChecks checks, TestFollowerMapper testFollowers,
			MassSendWeChat wechat, SendRecords records, AuditTrail audit, SendClock clock) {
		this.sends = sends;
		this.accounts = accounts;
		this.checks = checks;
		this.testFollowers = testFollowers;
		this.wechat = wechat;
		this.records = records;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	public SendView preview(Caller caller, long id) {
		MassSend s = this.sends.forPublisher(caller, id);
		if (!s.getStatus().canBecome(SendStatus.PREVIEWED)) {
			throw Problem.NOT_PREVIEWABLE.exception("The send is " + s.getStatus(),
					"Only a composed send can be previewed (again, before it is confirmed).");
		}
		Account account = this.accounts.selectById(s.getAccountId());
		this.checks.requireSendable(s, account);
		List<TestFollower> followers = this.testFollowers.findByAccount(account.getId());
		if (followers.isEmpty()) {
			throw Problem.NO_TEST_FOLLOWERS.exception("The account has no test followers",
					"Add test followers (PUT /api/accounts/{id}/test-followers) to receive the preview.");
		}
		for (TestFollower f : followers) {
			this.wechat.preview(s, f.getOpenid());
		}
		Map<String, Object> before = SendViews.summary(s);
		s.setStatus(SendStatus.PREVIEWED);
		s.setPreviewHash(s.getContentHash());
		s.setPreviewedBy(caller.personId());
		s.setPreviewedAt(this.clock.now());
		this.records.save(s);
		this.audit.record(caller, "MASS_SEND_PREVIEWED", "MASS_SEND", id, s.getAccountId(), before, Map.of("status",
				SendStatus.PREVIEWED.name(), "previewHash", s.getPreviewHash(), "testFollowers", followers.size()));
		return this.sends.view(s);
	}

	@Transactional
	public SendView confirm(Caller caller, long id, String previewHash) {
		MassSend s = this.sends.forPublisher(caller, id);
		if (s.getStatus() != SendStatus.PREVIEWED) {
			throw Problem.NOT_PREVIEWED.exception("The send has no preview to confirm",
					"Send the preview to the test followers first (群发前需进行测试), then confirm it.");
		}
		if (previewHash == null || !previewHash.equals(s.getPreviewHash())) {
			throw Problem.STALE_PREVIEW.exception("That is not the preview of this send",
					"The preview you confirm must be the latest one (previewHash " + s.getPreviewHash() + ").");
		}
		Account account = this.accounts.selectById(s.getAccountId());
		if (caller.personId() == s.getPreviewedBy() && !Boolean.TRUE.equals(account.getSelfConfirmAllowed())) {
			throw Problem.OWN_PREVIEW.exception("You sent this preview",
					"Another publisher must confirm it; this account's policy does not allow confirming your own "
							+ "preview.");
		}
		this.checks.requireSendable(s, account);
		s.setStatus(SendStatus.CONFIRMED);
		s.setConfirmedBy(caller.personId());
		s.setConfirmedAt(this.clock.now());
		this.records.save(s);
		this.audit.record(caller, "MASS_SEND_CONFIRMED", "MASS_SEND", id, s.getAccountId(),
				Map.of("status", SendStatus.PREVIEWED.name()), Map.of("status", SendStatus.CONFIRMED.name(), "slotAt",
						s.getSlotAt().toString(), "previewHash", previewHash));
		return this.sends.view(s);
	}

}
