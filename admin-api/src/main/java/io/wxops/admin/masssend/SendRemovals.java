package io.wxops.admin.masssend;

import java.util.Map;

import io.wxops.admin.audit.AuditTrail;
import io.wxops.admin.masssend.MassSendViews.SendView;
import io.wxops.admin.security.Caller;
import io.wxops.admin.web.ApiException;
import io.wxops.admin.web.Problem;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Taking a send back: cancelling one that has not started (its day is free again), or
 * deleting a sent message from WeChat (its article pages stop working).
 */
@Service
public class SendRemovals {

	private final MassSendService sends;

	private final MassSendWeChat wechat;

	private final SendRecords records;

	private final AuditTrail audit;

	SendRemovals(MassSendService sends, MassSendWeChat wechat, SendRecords records, AuditTrail audit) {
		this.sends = sends;
		this.wechat = wechat;
		this.records = records;
		this.audit = audit;
	}

	@Transactional
	public SendView cancel(Caller caller, long id) {
		MassSend s = this.sends.forPublisher(caller, id);
		if (!s.getStatus().canBecome(SendStatus.CANCELLED)) {
			throw Problem.NOT_CANCELLABLE.exception("The send is " + s.getStatus(),
					"Only a send that has not started can be cancelled.");
		}
		SendStatus before = s.getStatus();
		s.setStatus(SendStatus.CANCELLED);
		this.records.save(s);
		this.audit.record(caller, "MASS_SEND_CANCELLED", "MASS_SEND", id, s.getAccountId(),
				Map.of("status", before.name()), Map.of("status", SendStatus.CANCELLED.name()));
		return this.sends.view(s);
	}

	/** Deletes a sent message from WeChat (message/mass/delete). */
	@Transactional
	public SendView delete(Caller caller, long id, Integer articleIdx) {
		MassSend s = this.sends.forPublisher(caller, id);
		if (!s.getStatus().acceptedByWeChat()) {
			throw Problem.NOT_SENT.exception("The send is " + s.getStatus(),
					"Only a message WeChat accepted can be deleted.");
		}
		if (s.getMsgId() == null) {
			throw Problem.MSG_ID_UNKNOWN.exception("WeChat has not told this send's msg_id yet",
					"WeChat accepted it (45065) without naming its msg_id; it is known once its job-finish event "
							+ "arrives. Until then delete it in the WeChat console (群发记录).");
		}
		int index = (articleIdx != null) ? articleIdx : 0;
		// 0 to 8: a constraint on the request (MassSendViews.DeleteRequest).
		this.wechat.delete(s, index);
		SendStatus before = s.getStatus();
		if (index == 0) {
			s.setStatus(SendStatus.DELETED);
			this.records.save(s);
		}
		this.audit.record(caller, "MASS_SEND_DELETED", "MASS_SEND", id, s.getAccountId(),
				Map.of("status", before.name()),
				Map.of("status", s.getStatus().name(), "articleIdx", index, "msgId", s.getMsgId()));
		return this.sends.view(s);
	}

}
