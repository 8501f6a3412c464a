package io.wxops.admin.inbox;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.toolkit.Wrappers;
import io.wxops.admin.people.GrantMapper;
import io.wxops.admin.people.GrantRow;
import io.wxops.admin.security.Caller;
import io.wxops.admin.security.Grant;
import io.wxops.admin.security.Role;
import io.wxops.admin.web.ApiException;
import io.wxops.admin.web.Problem;
import io.wxops.core.account.Account;
import io.wxops.core.account.AccountMapper;

import org.springframework.stereotype.Component;

/**
 * Who may read and who may handle a ticket, for one ticket and as SQL for a queue.
 */
@Component
class TicketAccess {

	private final TicketMapper tickets;

	private final AccountMapper accounts;

	private final GrantMapper grants;

	TicketAccess(TicketMapper tickets, AccountMapper accounts, GrantMapper grants) {
		this.tickets = tickets;
		this.accounts = accounts;
		this.grants = grants;
	}

	Account account(long id) {
		return this.accounts.selectById(id);
	}

	/**
	 * Whether the caller handles this ticket: HANDLER of its department, or of the
	 * central office once escalated.
	 */
	boolean mayHandle(Caller caller, Ticket t) {
		if (caller.can(t.getAccountId(), t.getDepartmentId(), Role.HANDLER)) {
			return true;
		}
		Account account = this.accounts.selectById(t.getAccountId());
		return t.getEscalatedAt() != null && account.getCentralOfficeDepartmentId() != null
				&& caller.can(t.getAccountId(), account.getCentralOfficeDepartmentId(), Role.HANDLER);
	}

	boolean mayRead(Caller caller, Ticket t) {
		return caller.can(t.getAccountId(), Role.ADMIN, Role.AUDITOR);
	}

	/**
	 * Whether a person's grants make them a handler of the ticket ({@link #mayHandle}).
	 */
	boolean handles(long personId, Ticket t) {
		List<Grant> grants = this.grants.findByPerson(personId).stream().map(GrantRow::toGrant).toList();
		return mayHandle(new Caller(personId, "assignee", 0, grants, null, 0), t);
	}

	/**
	 * The people whose grants make them a handler of the ticket ({@link #mayHandle}),
	 * enabled or not: the same rule as {@link #handles}, for everyone with a HANDLER
	 * grant on the ticket's account (or on every account).
	 */
	Set<Long> handlers(Ticket t) {
		Map<Long, List<Grant>> byPerson = new TreeMap<>();
		for (GrantRow row : this.grants.selectList(Wrappers.<GrantRow>lambdaQuery()
			.eq(GrantRow::getRole, Role.HANDLER)
			.and((a) -> a.isNull(GrantRow::getAccountId).or().eq(GrantRow::getAccountId, t.getAccountId())))) {
			byPerson.computeIfAbsent(row.getPersonId(), (k) -> new ArrayList<>()).add(row.toGrant());
		}
		Set<Long> handlers = new LinkedHashSet<>();
		byPerson.forEach((personId, grants) -> {
			if (mayHandle(new Caller(personId, "assignee", 0, grants, null, 0), t)) {
				handlers.add(personId);
			}
		});
		return handlers;
	}

	/** The ticket if the caller may read it; else not found. */
	Ticket readable(Caller caller, long id) {
		Ticket t = this.tickets.selectById(id);
		if (t == null || !(mayHandle(caller, t) || mayRead(caller, t))) {
			throw ApiException.notFound("Ticket", id);
		}
		return t;
	}

	/** The ticket if the caller handles it; not found, or forbidden to a reader. */
	Ticket handled(Caller caller, long id) {
		Ticket t = readable(caller, id);
		if (!mayHandle(caller, t)) {
			throw ApiException.forbidden("Only a HANDLER of the ticket's department may act on it.");
		}
		return t;
	}

	static void requireOpen(Ticket t) {
		if (t.getStatus() == TicketStatus.CLOSED) {
			throw Problem.TICKET_CLOSED.exception("The ticket is closed",
					"A new message from the follower opens a new ticket.");
		}
	}

	/**
	 * Limits a query to the tickets {@link #mayHandle} or {@link #mayRead} allow, as SQL:
	 * any ticket of an account where the caller is ADMIN or AUDITOR; for a HANDLER, the
	 * tickets of the granted department, and the escalated ones of an account whose
	 * central office that department is. Returns false when the caller may see none.
	 */
	static boolean visibleTo(Caller caller, LambdaQueryWrapper<Ticket> where) {
		if (caller.isSystem()) {
			return true;
		}
		List<Grant> grants = caller.grants()
			.stream()
			.filter((g) -> g.role() == Role.HANDLER || g.role() == Role.ADMIN || g.role() == Role.AUDITOR)
			.toList();
		if (grants.isEmpty()) {
			return false;
		}
		where.and((any) -> {
			for (Grant g : grants) {
				any.or((one) -> {
					one.eq(g.accountId() != null, Ticket::getAccountId, g.accountId());
					if (g.role() == Role.HANDLER && g.departmentId() != null) {
						// Ids are numbers from the grant, never text from the request.
						one.and((dept) -> dept.eq(Ticket::getDepartmentId, g.departmentId())
							.or((escalated) -> escalated.isNotNull(Ticket::getEscalatedAt)
								.inSql(Ticket::getAccountId,
										"SELECT id FROM wx_account WHERE central_office_department_id = "
												+ g.departmentId().longValue())));
					}
					else {
						// The whole account (or every account): an always-true condition
						// so the group is never empty.
						one.apply("1 = 1");
					}
				});
			}
		});
		return true;
	}

}
