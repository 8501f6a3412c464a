package io.wxops.admin.inbox;

import java.util.List;
import java.util.Map;

import io.wxops.admin.audit.AuditTrail;
import io.wxops.admin.inbox.TicketViews.TicketView;
import io.wxops.admin.security.Caller;
import io.wxops.admin.web.ApiException;
import io.wxops.admin.web.Problem;
import io.wxops.core.inbox.Category;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A ticket's way to its result: notes, status changes, closing with the follow-up (回访),
 * and flagging a malicious message for removal.
 */
@Service
public class TicketProgress {

	private final TicketAccess access;

	private final TicketEdits edits;

	private final TicketViews views;

	private final TicketEntryMapper entries;

	private final FollowupMapper followups;

	private final TicketPrivacy privacy;

	private final AuditTrail audit;

	TicketProgress(TicketAccess access, TicketEdits edits, TicketViews views, TicketEntryMapper entries,
			FollowupMapper followups, TicketPrivacy privacy, AuditTrail audit) {
		this.access = access;
		this.edits = edits;
		this.views = views;
		this.entries = entries;
		this.followups = followups;
		this.privacy = privacy;
		this.audit = audit;
	}

	@Transactional
	public TicketView note(Caller caller, long id, String text) {
		Ticket t = this.access.handled(caller, id);
		TicketEntry e = this.edits.entry(t, caller, EntryKind.NOTE);
		e.setContent(text.trim());
		this.entries.insert(e);
		this.audit.record(caller, "TICKET_NOTE_ADDED", "TICKET", id, t.getAccountId(), null,
				Map.of("entry", e.getId()));
		return this.views.view(t);
	}

	@Transactional
	public TicketView changeStatus(Caller caller, long id, String status) {
		Ticket t = this.access.handled(caller, id);
		TicketAccess.requireOpen(t);
		List<TicketStatus> allowed = t.getStatus().statusChanges();
		TicketStatus next = TicketStatus.parse(status);
		if (next == null || !allowed.contains(next)) {
			throw ApiException.invalid("status", "a " + t.getStatus() + " ticket can become " + allowed
					+ "; close it with POST /close and a follow-up");
		}
		TicketStatus before = t.getStatus();
		t.setStatus(next);
		if (next == TicketStatus.RESOLVED) {
			t.setResolvedAt(this.edits.now());
		}
		this.edits.save(t, (u) -> u.set(Ticket::getStatus, next).set(Ticket::getResolvedAt, t.getResolvedAt()));
		this.edits.event(t, caller, before + " → " + next);
		this.audit.record(caller, "TICKET_STATUS_CHANGED", "TICKET", id, t.getAccountId(),
				Map.of("status", before.name()), Map.of("status", next.name()));
		return this.views.view(t);
	}

	/** Closes a resolved ticket with its follow-up (回访) record. */
	@Transactional
	public TicketView close(Caller caller, long id, String method, String result, Boolean satisfied) {
		Ticket t = this.access.handled(caller, id);
		if (!t.getStatus().canBecome(TicketStatus.CLOSED)) {
			throw Problem.NOT_RESOLVED.exception("The ticket is " + t.getStatus(),
					"Resolve it first; a ticket is closed with its follow-up (回访) after it is resolved.");
		}
		// The versioned update first: of two closing at once (or a close racing a new
		// message that reopens the ticket) one gets the stale-version 409, and only one
		// follow-up is recorded.
		TicketStatus before = t.getStatus();
		t.setStatus(TicketStatus.CLOSED);
		t.setClosedAt(this.edits.now());
		this.edits.save(t,
				(u) -> u.set(Ticket::getStatus, TicketStatus.CLOSED).set(Ticket::getClosedAt, t.getClosedAt()));
		Followup f = new Followup();
		f.setTicketId(id);
		f.setMethod(method.trim());
		f.setResult(result.trim());
		f.setSatisfied(satisfied);
		f.setRecordedBy(caller.personId());
		f.setRecordedAt(this.edits.now());
		this.followups.insert(f);
		this.edits.event(t, caller, "closed after follow-up");
		// Nobody answers a closed ticket: a follower who has left keeps only the
		// pseudonym.
		t.setOpenid(this.privacy.closed(t));
		this.audit.record(caller, "TICKET_CLOSED", "TICKET", id, t.getAccountId(), Map.of("status", before.name()),
				Map.of("status", TicketStatus.CLOSED.name(), "followUp", method.trim()));
		return this.views.view(t);
	}

	@Transactional
	public TicketView flagForRemoval(Caller caller, long id, String reason) {
		Ticket t = this.access.handled(caller, id);
		TicketAccess.requireOpen(t);
		if (t.getCategory() != Category.MALICIOUS) {
			throw Problem.NOT_MALICIOUS.exception("Only malicious messages are flagged for removal",
					"Transfer or answer the ticket instead.");
		}
		t.setRemovalFlagged(true);
		this.edits.save(t, (u) -> u.set(Ticket::getRemovalFlagged, true));
		this.edits.event(t, caller, "flagged for removal: " + reason.trim());
		this.audit.record(caller, "TICKET_FLAGGED_FOR_REMOVAL", "TICKET", id, t.getAccountId(), null,
				Map.of("reason", reason.trim()));
		return this.views.view(t);
	}

}
