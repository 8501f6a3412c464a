package io.wxops.admin.inbox;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.baomidou.mybatisplus.core.toolkit.Wrappers;
import io.wxops.core.account.Account;
import io.wxops.core.account.AccountMapper;
import io.wxops.core.inbox.Category;
import io.wxops.core.inbox.RuleSet;
import io.wxops.core.inbox.RuleSet.Classification;
import io.wxops.core.message.InboundView;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * What a follower message becomes, in the transaction that took it: classified by the
 * account's rules, then an entry of the follower's open ticket, or of a new one routed to
 * the category's department.
 */
@Component
class MessageFiling {

	private final TicketMapper tickets;

	private final TicketEntryMapper entries;

	private final RouteMapper routes;

	private final AccountMapper accounts;

	private final CompiledRules rules;

	MessageFiling(TicketMapper tickets, TicketEntryMapper entries, RouteMapper routes, AccountMapper accounts,
			CompiledRules rules) {
		this.tickets = tickets;
		this.entries = entries;
		this.routes = routes;
		this.accounts = accounts;
		this.rules = rules;
	}

	/** What one routing run reads once per account. */
	Run newRun() {
		return new Run();
	}

	/** What one routing run reads once (shared by the partitions' threads). */
	final class Run {

		private final Map<Long, Account> accounts = new ConcurrentHashMap<>();

		private final Map<Long, RuleSet> rules = new ConcurrentHashMap<>();

		private final Map<Long, List<Route>> routes = new ConcurrentHashMap<>();

		Account account(long id) {
			return this.accounts.computeIfAbsent(id, MessageFiling.this.accounts::selectById);
		}

		RuleSet rules(long accountId) {
			return this.rules.computeIfAbsent(accountId, MessageFiling.this.rules::forAccount);
		}

		List<Route> routes(long accountId) {
			return this.routes.computeIfAbsent(accountId, MessageFiling.this.routes::forAccount);
		}

	}

	/**
	 * Files a message this transaction has taken.
	 * @return the id of a ticket this message opened (which needs its acknowledgement), 0
	 * when it joined a ticket, or null when it was not a follower message
	 */
	Long file(InboundView m, Run run, Instant now) {
		boolean click = m.menuClick();
		if (!m.fromFollower() && !click) {
			return null;
		}
		long accountId = m.accountId();
		String openid = m.openid();
		Account account = run.account(accountId);
		Classification c = run.rules(accountId).classify(click ? null : m.content(), click ? m.eventKey() : null);
		if (c == null) {
			// A menu click no MENU_KEY rule names ("about us"): not something to answer.
			return null;
		}
		Instant at = m.createdAt();
		// A message no rule classifies is usually a follow-up ("still no hot water,
		// why?"): it joins the follower's latest open ticket, whatever its category, so
		// the handler sees it and no second acknowledgement uses up the window. Only a
		// rule that names another category opens another ticket.
		Ticket ticket = c.matched() ? null : this.tickets.lockLatestOpen(accountId, openid);
		String key = accountId + ":" + openid + ":" + c.category();
		if (ticket == null) {
			ticket = this.tickets.lockOpen(key);
		}
		boolean created = false;
		if (ticket == null) {
			ticket = newTicket(account, run.routes(accountId), openid, c, at, now);
			try {
				this.tickets.insert(ticket);
				created = true;
			}
			catch (DuplicateKeyException ex) {
				// Another router opened it a moment ago; the locking read waits for it.
				ticket = this.tickets.lockOpen(key);
			}
		}
		if (!created) {
			joined(ticket, at, now);
		}
		TicketEntry entry = new TicketEntry();
		entry.setTicketId(ticket.getId());
		entry.setKind(EntryKind.IN);
		entry.setInboundMessageId(m.id());
		entry.setMsgType(click ? "click" : m.msgType());
		entry.setContent(m.describe());
		entry.setMediaId(m.mediaId());
		// When the gateway received it (milliseconds), so the thread orders it right
		// against replies; CreateTime has whole seconds only.
		entry.setCreatedAt(m.arrivedAt());
		this.entries.insert(entry);
		return (created && ticket.getAckStatus() == AckStatus.PENDING) ? ticket.getId() : 0L;
	}

	/** A message joined an existing ticket: it may reopen it, and is its latest. */
	private void joined(Ticket ticket, Instant at, Instant now) {
		if (ticket.getStatus() == TicketStatus.RESOLVED) {
			// The follower wrote again after the result: the ticket is open again, and a
			// handler about to close it sees a new version.
			this.tickets.update(null,
					Wrappers.<Ticket>lambdaUpdate()
						.eq(Ticket::getId, ticket.getId())
						.set(Ticket::getStatus, TicketStatus.IN_PROGRESS)
						.set(at.isAfter(ticket.getLastMessageAt()), Ticket::getLastMessageAt, at)
						.set(Ticket::getUpdatedAt, now)
						.setSql("version = version + 1"));
			TicketEntry reopened = new TicketEntry();
			reopened.setTicketId(ticket.getId());
			reopened.setKind(EntryKind.EVENT);
			reopened.setContent("reopened: the follower wrote again after the result");
			reopened.setCreatedAt(now);
			this.entries.insert(reopened);
		}
		else if (at.isAfter(ticket.getLastMessageAt())) {
			// Not a handler's change: the ticket's version stays.
			this.tickets.update(null,
					Wrappers.<Ticket>lambdaUpdate()
						.eq(Ticket::getId, ticket.getId())
						.set(Ticket::getLastMessageAt, at));
		}
	}

	private Ticket newTicket(Account account, List<Route> routes, String openid, Classification c, Instant at,
			Instant now) {
		Optional<Route> route = routes.stream().filter((r) -> r.getCategory().equals(c.category().name())).findFirst();
		// A route without a department (or no route) means the central office.
		Long department = (c.department() != null) ? c.department()
				: route.map(Route::getDepartmentId).orElse(account.getCentralOfficeDepartmentId());
		int slaDays = route.map(Route::getSlaDays).orElse(c.category().defaultSlaDays());
		Ticket t = new Ticket();
		t.setAccountId(account.getId());
		t.setOpenid(openid);
		t.setCategory(c.category());
		t.setDepartmentId(department);
		t.setStatus(TicketStatus.NEW);
		boolean malicious = c.category() == Category.MALICIOUS;
		t.setHidden(malicious);
		t.setRemovalFlagged(false);
		t.setAckStatus(malicious ? null : AckStatus.PENDING);
		// From when the follower wrote, so a routing backlog does not push the date
		// later.
		t.setDueAt(at.plus(Duration.ofDays(Math.max(slaDays, 1))));
		if (!malicious) {
			// Acknowledged the same day (当日): by the end of the account's local day on
			// which the follower wrote.
			ZoneId zone = ZoneId.of(account.getTimeZone());
			t.setAckDueAt(at.atZone(zone).toLocalDate().plusDays(1).atStartOfDay(zone).toInstant().minusMillis(1));
		}
		t.setFirstMessageAt(at);
		t.setLastMessageAt(at);
		t.setVersion(1);
		t.setCreatedAt(now);
		t.setUpdatedAt(now);
		return t;
	}

}
