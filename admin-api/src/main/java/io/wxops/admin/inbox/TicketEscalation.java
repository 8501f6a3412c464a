package io.wxops.admin.inbox;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.baomidou.mybatisplus.core.toolkit.Wrappers;
import io.wxops.admin.audit.AuditTrail;
import io.wxops.admin.security.Caller;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Overdue tickets go to the central office's queue and the duty view. */
@Component
public class TicketEscalation {

	/** Most tickets one run escalates (a worker batch: a fixed LIMIT, no count). */
	static final int BATCH = 500;

	private final TicketMapper tickets;

	private final TicketEntryMapper entries;

	private final TicketEdits edits;

	private final AuditTrail audit;

	private final TransactionTemplate tx;

	TicketEscalation(TicketMapper tickets, TicketEntryMapper entries, TicketEdits edits, AuditTrail audit,
			TransactionTemplate tx) {
		this.tickets = tickets;
		this.entries = entries;
		this.edits = edits;
		this.audit = audit;
		this.tx = tx;
	}

	/** Escalates what is overdue at {@code now}; returns how many. */
	public int escalateOverdue(Instant now) {
		int escalated = 0;
		List<Long> due = this.tickets
			.selectList(Wrappers.<Ticket>lambdaQuery()
				.select(Ticket::getId)
				.notIn(Ticket::getStatus, TicketStatus.RESOLVED, TicketStatus.CLOSED)
				.eq(Ticket::getHidden, false)
				.isNull(Ticket::getEscalatedAt)
				.and(TicketQueue.pastDue(now))
				.last("LIMIT " + BATCH))
			.stream()
			.map(Ticket::getId)
			.toList();
		for (long id : due) {
			if (Boolean.TRUE.equals(this.tx.execute((s) -> escalate(id, now)))) {
				escalated++;
			}
		}
		return escalated;
	}

	private boolean escalate(long id, Instant now) {
		int updated = this.tickets.update(null,
				Wrappers.<Ticket>lambdaUpdate()
					.eq(Ticket::getId, id)
					.isNull(Ticket::getEscalatedAt)
					.set(Ticket::getEscalatedAt, now)
					.setSql("version = version + 1"));
		if (updated != 1) {
			return false;
		}
		Ticket t = this.tickets.selectById(id);
		TicketEntry e = this.edits.entry(t, Caller.system("sla"), EntryKind.EVENT);
		e.setContent(t.getDueAt().isBefore(now) ? "overdue since " + t.getDueAt() + ": escalated to the central office"
				: "not acknowledged on the day it arrived (due " + t.getAckDueAt()
						+ "): escalated to the central office");
		e.setCreatedAt(now);
		this.entries.insert(e);
		this.audit.record(Caller.system("sla"), "TICKET_ESCALATED", "TICKET", id, t.getAccountId(), null,
				Map.of("dueAt", t.getDueAt().toString(), "ackDueAt", String.valueOf(t.getAckDueAt())));
		return true;
	}

}
