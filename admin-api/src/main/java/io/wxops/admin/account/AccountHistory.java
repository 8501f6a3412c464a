package io.wxops.admin.account;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.wxops.admin.account.AccountViews.Contact;
import io.wxops.admin.account.AccountViews.RefilingView;
import io.wxops.admin.account.AccountViews.StatusChangeView;
import io.wxops.admin.audit.AuditTrail;
import io.wxops.admin.security.Caller;
import io.wxops.core.account.Account;
import io.wxops.core.account.AccountStatus;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;

/**
 * The registry's own records of changes: status changes with their reasons and re-filings
 * of the responsible person or administrator, written with the change and read back per
 * account.
 */
@Service
class AccountHistory {

	private final AccountAccess access;

	private final StatusChangeMapper statusChanges;

	private final RefilingMapper refilings;

	private final AuditTrail audit;

	private final JsonMapper json;

	private final Clock clock;

	AccountHistory(AccountAccess access, StatusChangeMapper statusChanges, RefilingMapper refilings, AuditTrail audit,
			JsonMapper json, Clock clock) {
		this.access = access;
		this.statusChanges = statusChanges;
		this.refilings = refilings;
		this.audit = audit;
		this.json = json;
		this.clock = clock;
	}

	public List<StatusChangeView> statusHistory(Caller caller, long id) {
		this.access.visible(caller, id);
		return this.statusChanges.findByAccount(id).stream().map(StatusChangeView::of).toList();
	}

	public List<RefilingView> refilings(Caller caller, long id) {
		this.access.visible(caller, id);
		return this.refilings.findByAccount(id)
			.stream()
			.map((r) -> new RefilingView(r.getId(), r.getContact(), readContact(r.getBeforeState()),
					readContact(r.getAfterState()), r.getFiledOn(), r.getPersonId(), r.getRecordedAt()))
			.toList();
	}

	void refileIfChanged(Caller caller, Account row, String contact, Contact before, Contact after, LocalDate filedOn) {
		if (Objects.equals(before, after)) {
			return;
		}
		Refiling r = new Refiling();
		r.setAccountId(row.getId());
		r.setContact(contact);
		r.setBeforeState((before.name() != null) ? this.json.writeValueAsString(before) : null);
		r.setAfterState(this.json.writeValueAsString(after));
		r.setFiledOn(filedOn);
		r.setPersonId(caller.isSystem() ? null : caller.personId());
		r.setRecordedAt(now());
		this.refilings.insert(r);
		this.audit.record(caller, "ACCOUNT_REFILED", "ACCOUNT", row.getId(), row.getId(), before,
				Map.of("contact", contact, "filedOn", filedOn.toString(), "after", after));
	}

	void recordStatusChange(Caller caller, long accountId, AccountStatus from, AccountStatus to, String reason) {
		StatusChange c = new StatusChange();
		c.setAccountId(accountId);
		c.setFromStatus((from != null) ? from.name() : null);
		c.setToStatus(to.name());
		c.setReason(reason);
		c.setPersonId(caller.isSystem() ? null : caller.personId());
		c.setChangedAt(now());
		this.statusChanges.insert(c);
	}

	private Contact readContact(String stored) {
		return (stored != null) ? this.json.readValue(stored, Contact.class) : null;
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

}
