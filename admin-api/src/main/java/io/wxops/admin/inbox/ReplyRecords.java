package io.wxops.admin.inbox;

import java.util.Map;

import com.baomidou.mybatisplus.core.toolkit.Wrappers;
import io.wxops.admin.audit.AuditTrail;
import io.wxops.admin.security.Caller;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Keeps a handler's reply and what became of it, whatever that was. */
@Component
class ReplyRecords {

	private final TicketEntryMapper entries;

	private final TicketMapper tickets;

	private final AuditTrail audit;

	private final TransactionTemplate tx;

	ReplyRecords(TicketEntryMapper entries, TicketMapper tickets, AuditTrail audit, TransactionTemplate tx) {
		this.entries = entries;
		this.tickets = tickets;
		this.audit = audit;
		this.tx = tx;
	}

	/**
	 * Kept before WeChat is called: if this process stops during the call, the reply is
	 * still in the thread, as SENDING (the follower may or may not have it), and counts
	 * against the window's messages.
	 */
	void sending(TicketEntry e) {
		e.setDelivery(Delivery.SENDING);
		this.entries.insert(e);
	}

	/**
	 * Records a reply's outcome: inserts the entry, or updates the one kept as SENDING. A
	 * delivered reply starts a NEW or ACKNOWLEDGED ticket (IN_PROGRESS).
	 */
	void keep(Caller caller, Ticket t, TicketEntry e) {
		this.tx.executeWithoutResult((s) -> {
			if (e.getId() == null) {
				this.entries.insert(e);
			}
			else {
				this.entries.updateById(e);
			}
			if (e.getDelivery() == Delivery.DELIVERED && t.getStatus().startedByReply()) {
				this.tickets.update(null,
						Wrappers.<Ticket>lambdaUpdate()
							.eq(Ticket::getId, t.getId())
							.in(Ticket::getStatus, TicketStatus.NEW, TicketStatus.ACKNOWLEDGED)
							.set(Ticket::getStatus, TicketStatus.IN_PROGRESS)
							.setSql("version = version + 1"));
			}
			this.audit.record(caller, "TICKET_REPLIED", "TICKET", t.getId(), t.getAccountId(), null, Map.of("entry",
					e.getId(), "delivery", e.getDelivery().name(), "errcode", String.valueOf(e.getErrorCode())));
		});
	}

}
