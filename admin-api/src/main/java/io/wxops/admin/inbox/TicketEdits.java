package io.wxops.admin.inbox;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Consumer;

import com.baomidou.mybatisplus.core.conditions.update.LambdaUpdateWrapper;
import com.baomidou.mybatisplus.core.toolkit.Wrappers;
import io.wxops.admin.security.Caller;
import io.wxops.admin.web.ApiException;

import org.springframework.stereotype.Component;

/**
 * How a handler's change is written: only the changed columns, under the version read,
 * with an event in the thread.
 */
@Component
class TicketEdits {

	private final TicketMapper tickets;

	private final TicketEntryMapper entries;

	private final Clock clock;

	TicketEdits(TicketMapper tickets, TicketEntryMapper entries, Clock clock) {
		this.tickets = tickets;
		this.entries = entries;
		this.clock = clock;
	}

	/**
	 * Writes what a handler changed, only those columns, if no other handler changed the
	 * ticket since it was read. Routing and acknowledgements touch other columns and do
	 * not count as changes, except a new message reopening a RESOLVED ticket.
	 */
	void save(Ticket t, Consumer<LambdaUpdateWrapper<Ticket>> changes) {
		// The optimistic lock adds "AND version = <read>" and sets the next version from
		// the version field of the row passed.
		Ticket versioned = new Ticket();
		versioned.setVersion(t.getVersion());
		versioned.setUpdatedAt(now());
		LambdaUpdateWrapper<Ticket> update = Wrappers.<Ticket>lambdaUpdate().eq(Ticket::getId, t.getId());
		changes.accept(update);
		if (this.tickets.update(versioned, update) != 1) {
			throw ApiException.staleVersion("ticket");
		}
		t.setVersion(versioned.getVersion());
		t.setUpdatedAt(versioned.getUpdatedAt());
	}

	/** Records in the thread what happened to the ticket. */
	void event(Ticket t, Caller caller, String text) {
		TicketEntry e = entry(t, caller, EntryKind.EVENT);
		e.setContent(text);
		this.entries.insert(e);
	}

	/** A new thread entry by the caller, not yet stored. */
	TicketEntry entry(Ticket t, Caller caller, EntryKind kind) {
		TicketEntry e = new TicketEntry();
		e.setTicketId(t.getId());
		e.setKind(kind);
		e.setPersonId(caller.isSystem() ? null : caller.personId());
		e.setCreatedAt(now());
		return e;
	}

	Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

}
