package io.wxops.admin.inbox;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.baomidou.mybatisplus.core.toolkit.Wrappers;
import io.wxops.admin.audit.AuditTrail;
import io.wxops.admin.inbox.TicketViews.TicketView;
import io.wxops.admin.people.DepartmentMapper;
import io.wxops.admin.people.Person;
import io.wxops.admin.people.PersonMapper;
import io.wxops.admin.security.Caller;
import io.wxops.admin.web.ApiException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Who works a ticket: claiming it, assigning it to a handler, transferring it. */
@Service
public class TicketAssignment {

	private final TicketAccess access;

	private final TicketEdits edits;

	private final TicketViews views;

	private final PersonMapper people;

	private final DepartmentMapper departments;

	private final AuditTrail audit;

	TicketAssignment(TicketAccess access, TicketEdits edits, TicketViews views, PersonMapper people,
			DepartmentMapper departments, AuditTrail audit) {
		this.access = access;
		this.edits = edits;
		this.views = views;
		this.people = people;
		this.departments = departments;
		this.audit = audit;
	}

	@Transactional
	public TicketView claim(Caller caller, long id) {
		Ticket t = this.access.handled(caller, id);
		return assignTo(caller, t, caller.personId(), "TICKET_CLAIMED");
	}

	/** Someone a ticket can be assigned to; no secrets, no contact data. */
	public record Assignee(long personId, String username, String displayName) {
	}

	/**
	 * The enabled people {@link #assign} accepts for this ticket, by display name; only
	 * for a handler of the ticket.
	 */
	@Transactional(readOnly = true)
	public List<Assignee> assignees(Caller caller, long id) {
		Ticket t = this.access.handled(caller, id);
		Set<Long> handlers = this.access.handlers(t);
		if (handlers.isEmpty()) {
			return List.of();
		}
		return this.people
			.selectList(Wrappers.<Person>lambdaQuery().in(Person::getId, handlers).eq(Person::getEnabled, true))
			.stream()
			.map((p) -> new Assignee(p.getId(), p.getUsername(), p.getDisplayName()))
			.sorted(Comparator.comparing((Assignee a) -> String.valueOf(a.displayName()))
				.thenComparing(Assignee::personId))
			.toList();
	}

	@Transactional
	public TicketView assign(Caller caller, long id, Long personId) {
		Ticket t = this.access.handled(caller, id);
		Person person = (personId != null) ? this.people.selectById(personId) : null;
		if (person == null || !Boolean.TRUE.equals(person.getEnabled())) {
			throw ApiException.invalid("personId", "an existing, enabled person is required");
		}
		if (!this.access.handles(personId, t)) {
			throw ApiException.invalid("personId",
					"the person is not a HANDLER of the ticket's department on this account; transfer the ticket, or "
							+ "ask an administrator for the grant");
		}
		return assignTo(caller, t, personId, "TICKET_ASSIGNED");
	}

	private TicketView assignTo(Caller caller, Ticket t, long personId, String action) {
		TicketAccess.requireOpen(t);
		Long before = t.getAssigneeId();
		t.setAssigneeId(personId);
		this.edits.save(t, (u) -> u.set(Ticket::getAssigneeId, personId));
		this.edits.event(t, caller, "assigned to person " + personId);
		this.audit.record(caller, action, "TICKET", t.getId(), t.getAccountId(),
				Map.of("assignee", String.valueOf(before)), Map.of("assignee", personId));
		return this.views.view(t);
	}

	@Transactional
	public TicketView transfer(Caller caller, long id, Long departmentId, String reason) {
		Ticket t = this.access.handled(caller, id);
		TicketAccess.requireOpen(t);
		if (departmentId == null || this.departments.selectById(departmentId) == null) {
			throw ApiException.invalid("departmentId", "an existing department is required");
		}
		Long before = t.getDepartmentId();
		t.setDepartmentId(departmentId);
		t.setAssigneeId(null);
		this.edits.save(t, (u) -> u.set(Ticket::getDepartmentId, departmentId).set(Ticket::getAssigneeId, null));
		this.edits.event(t, caller,
				"transferred from department " + before + " to " + departmentId + ": " + reason.trim());
		this.audit.record(caller, "TICKET_TRANSFERRED", "TICKET", id, t.getAccountId(),
				Map.of("department", String.valueOf(before)),
				Map.of("department", departmentId, "reason", reason.trim()));
		return this.views.view(t);
	}

}
