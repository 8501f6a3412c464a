package io.wxops.admin.inbox;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.conditions.update.LambdaUpdateWrapper;
import com.baomidou.mybatisplus.core.toolkit.Wrappers;
import io.wxops.admin.audit.AuditTrail;
import io.wxops.admin.people.DepartmentMapper;
import io.wxops.admin.people.GrantMapper;
import io.wxops.admin.people.GrantRow;
import io.wxops.admin.people.Person;
import io.wxops.admin.people.PersonMapper;
import io.wxops.admin.screening.ScreeningService;
import io.wxops.admin.security.Caller;
import io.wxops.admin.security.Grant;
import io.wxops.admin.security.Role;
import io.wxops.admin.web.ApiException;
import io.wxops.admin.web.ImageFormat;
import io.wxops.admin.web.PageRequest;
import io.wxops.admin.web.PageResult;
import io.wxops.core.account.Account;
import io.wxops.core.account.AccountMapper;
import io.wxops.core.account.AccountRegistry;
import io.wxops.core.account.AccountSnapshot;
import io.wxops.core.account.AccountStanding;
import io.wxops.core.inbox.Category;
import io.wxops.core.wechat.WeChatCallException;
import io.wxops.core.wechat.WeChatCalls;
import me.chanjar.weixin.mp.bean.kefu.WxMpKefuMessage;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tickets as handlers work them: queues, claim and assignment, transfer with a reason,
 * notes, replies through WeChat's customer-service API inside its window, closing with a
 * follow-up (回访), and escalation of overdue tickets to the central office.
 */
@Service
public class TicketService {

	/** WeChat's customer-service window after a follower's message. */
	public static final Duration WINDOW = Duration.ofHours(48);

	/** Messages allowed per window (WECHAT.md §3; the platform's number may change). */
	public static final int MESSAGES_PER_WINDOW = 5;

	static final Set<String> STATUSES = Set.of("NEW", "ACKNOWLEDGED", "IN_PROGRESS", "RESOLVED", "CLOSED");

	private final TicketMapper tickets;

	private final TicketEntryMapper entries;

	private final FollowupMapper followups;

	private final InboundMapper inbound;

	private final AccountMapper accounts;

	private final AccountRegistry registry;

	private final AccountStanding standing;

	private final DepartmentMapper departments;

	private final PersonMapper people;

	private final GrantMapper grants;

	private final ScreeningService screening;

	private final WeChatCalls wechat;

	private final AuditTrail audit;

	private final TransactionTemplate tx;

	private final Clock clock;

	private final TicketPrivacy privacy;

	TicketService(TicketMapper tickets, TicketEntryMapper entries, FollowupMapper followups, InboundMapper inbound,
			AccountMapper accounts, AccountRegistry registry, AccountStanding standing, DepartmentMapper departments,
			PersonMapper people, GrantMapper grants, ScreeningService screening, WeChatCalls wechat, AuditTrail audit,
			TransactionTemplate tx, Clock clock, TicketPrivacy privacy) {
		this.privacy = privacy;
		this.tickets = tickets;
		this.entries = entries;
		this.followups = followups;
		this.inbound = inbound;
		this.accounts = accounts;
		this.registry = registry;
		this.standing = standing;
		this.departments = departments;
		this.people = people;
		this.grants = grants;
		this.screening = screening;
		this.wechat = wechat;
		this.audit = audit;
		this.tx = tx;
		this.clock = clock;
	}

	/** A ticket in a queue. */
	public record TicketView(long id, long accountId, String openid, String category, Long departmentId, String status,
			Long assigneeId, boolean hidden, boolean removalFlagged, String ackStatus, Instant acknowledgedAt,
			Instant ackDueAt, Instant dueAt, boolean overdue, Instant escalatedAt, Instant firstMessageAt,
			Instant lastMessageAt, Instant windowClosesAt, int version, ThreadViews.LatestMessage latestMessage) {
	}

	/**
	 * A ticket with its thread, both directions in order, WeChat's window for replies,
	 * and what can still be fetched of the thread's images and voices.
	 */
	public record TicketDetail(TicketView ticket, List<TicketEntry> thread, Followup followup,
			ThreadViews.Window window, List<ThreadViews.MediaItem> media) {
	}

	// ---- queues

	/**
	 * Open tickets the caller may see, soonest due first, one page. Which tickets those
	 * are is part of the query (see {@link #visibleTo}), so a page and its total count
	 * are exact however many tickets other departments hold.
	 */
	public PageResult<TicketView> queue(Caller caller, Long accountId, String status, String category, boolean mine,
			boolean includeHidden, PageRequest page) {
		requireKnown(status, category);
		LambdaQueryWrapper<Ticket> where = Wrappers.<Ticket>lambdaQuery()
			.eq(accountId != null, Ticket::getAccountId, accountId)
			.eq(status != null, Ticket::getStatus, status)
			.ne(status == null, Ticket::getStatus, "CLOSED")
			.eq(category != null, Ticket::getCategory, category)
			.eq(mine, Ticket::getAssigneeId, caller.personId())
			.eq(!includeHidden, Ticket::getHidden, false);
		if (!visibleTo(caller, where)) {
			return new PageResult<>(List.of(), page.page(), page.size(), 0);
		}
		long total = this.tickets.selectCount(where);
		where.orderByAsc(Ticket::getDueAt).orderByAsc(Ticket::getId).last(page.limitClause());
		return new PageResult<>(views(this.tickets.selectList(where)), page.page(), page.size(), total);
	}

	/** Most tickets of each list of the duty view; the totals say how many there are. */
	static final int DUTY_LIMIT = 200;

	/**
	 * The duty view (值班): tickets nobody has acknowledged yet, and overdue or escalated
	 * ones, of the caller's departments (and, for the central office, escalated ones).
	 */
	public record DutyView(List<TicketView> unacknowledged, long unacknowledgedTotal, List<TicketView> overdue,
			long overdueTotal) {
	}

	public DutyView duty(Caller caller, Long accountId) {
		Instant now = now();
		LambdaQueryWrapper<Ticket> unacknowledged = Wrappers.<Ticket>lambdaQuery()
			.eq(accountId != null, Ticket::getAccountId, accountId)
			.eq(Ticket::getStatus, "NEW")
			.eq(Ticket::getHidden, false);
		LambdaQueryWrapper<Ticket> overdue = Wrappers.<Ticket>lambdaQuery()
			.eq(accountId != null, Ticket::getAccountId, accountId)
			.notIn(Ticket::getStatus, "RESOLVED", "CLOSED")
			.eq(Ticket::getHidden, false)
			.and((w) -> w.isNotNull(Ticket::getEscalatedAt).or(pastDue(now)));
		if (!visibleTo(caller, unacknowledged) || !visibleTo(caller, overdue)) {
			return new DutyView(List.of(), 0, List.of(), 0);
		}
		long unacknowledgedTotal = this.tickets.selectCount(unacknowledged);
		long overdueTotal = this.tickets.selectCount(overdue);
		unacknowledged.orderByAsc(Ticket::getCreatedAt).orderByAsc(Ticket::getId).last("LIMIT " + DUTY_LIMIT);
		overdue.orderByAsc(Ticket::getDueAt).orderByAsc(Ticket::getId).last("LIMIT " + DUTY_LIMIT);
		return new DutyView(views(this.tickets.selectList(unacknowledged)), unacknowledgedTotal,
				views(this.tickets.selectList(overdue)), overdueTotal);
	}

	/**
	 * What waits for the caller as a HANDLER (their grants' departments, and escalated
	 * tickets for the central office; ADMIN and AUDITOR grants do not count): open
	 * tickets (not closed), those not yet acknowledged, overdue or escalated ones (as the
	 * duty view counts them), those nobody is assigned, and the caller's own.
	 */
	public record WorkCounts(long open, long unacknowledged, long overdue, long unassigned, long mine) {
	}

	public WorkCounts workCounts(Caller caller) {
		Caller handler = new Caller(caller.personId(), caller.username(), caller.departmentId(),
				caller.grants().stream().filter((g) -> g.role() == Role.HANDLER).toList(), caller.clientIp(),
				caller.sessionId());
		Instant now = now();
		return new WorkCounts(openCount(handler, (w) -> w.ne(Ticket::getStatus, "CLOSED")),
				openCount(handler, (w) -> w.eq(Ticket::getStatus, "NEW")),
				openCount(handler,
						(w) -> w.ne(Ticket::getStatus, "RESOLVED")
							.and((o) -> o.isNotNull(Ticket::getEscalatedAt).or(pastDue(now)))),
				openCount(handler, (w) -> w.isNull(Ticket::getAssigneeId)),
				openCount(handler, (w) -> w.eq(Ticket::getAssigneeId, caller.personId())));
	}

	/** How many visible, not closed, not hidden tickets also meet the condition. */
	private long openCount(Caller caller, java.util.function.Consumer<LambdaQueryWrapper<Ticket>> condition) {
		LambdaQueryWrapper<Ticket> where = Wrappers.<Ticket>lambdaQuery()
			.ne(Ticket::getStatus, "CLOSED")
			.eq(Ticket::getHidden, false);
		condition.accept(where);
		return visibleTo(caller, where) ? this.tickets.selectCount(where) : 0L;
	}

	/**
	 * Past due at {@code now}: past the result date, or still NEW after the end of the
	 * day it arrived on (当日答复). The same as {@link #view}'s {@code overdue} for open
	 * tickets.
	 */
	private static java.util.function.Consumer<LambdaQueryWrapper<Ticket>> pastDue(Instant now) {
		return (w) -> w.lt(Ticket::getDueAt, now)
			.or((ack) -> ack.eq(Ticket::getStatus, "NEW").lt(Ticket::getAckDueAt, now));
	}

	/**
	 * Limits a query to the tickets {@link #mayHandle} or {@link #mayRead} allow, as SQL:
	 * any ticket of an account where the caller is ADMIN or AUDITOR; for a HANDLER, the
	 * tickets of the granted department, and the escalated ones of an account whose
	 * central office that department is. Returns false when the caller may see none.
	 */
	private static boolean visibleTo(Caller caller, LambdaQueryWrapper<Ticket> where) {
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

	private static void requireKnown(String status, String category) {
		Map<String, String> problems = new java.util.LinkedHashMap<>();
		if (status != null && !STATUSES.contains(status)) {
			problems.put("status", "status must be one of " + new java.util.TreeSet<>(STATUSES));
		}
		if (category != null
				&& java.util.Arrays.stream(Category.values()).noneMatch((c) -> c.name().equals(category))) {
			problems.put("category", "category must be one of " + java.util.Arrays.toString(Category.values()));
		}
		if (!problems.isEmpty()) {
			throw ApiException.invalid(problems);
		}
	}

	public TicketDetail detail(Caller caller, long id) {
		Ticket t = readable(caller, id);
		Instant now = now();
		Instant closesAt = windowClosesAt(t);
		int delivered = (closesAt != null)
				? this.entries.deliveredSince(t.getAccountId(), t.getOpenid(), closesAt.minus(WINDOW)) : 0;
		String zone = this.accounts.selectById(t.getAccountId()).getTimeZone();
		List<TicketEntry> thread = this.entries.thread(id);
		return new TicketDetail(view(t, closesAt, latestMessages(List.of(t)).get(t.getId())), thread,
				this.followups.selectById(id), ThreadViews.window(closesAt, delivered, now, zone),
				ThreadViews.media(id, thread, now));
	}

	/** One item of a follower's whole thread, with the ticket it belongs to. */
	public record FollowerEntry(long ticketId, String category, TicketEntry entry) {
	}

	/**
	 * Everything between the account and one follower, both directions in time order,
	 * across the tickets the caller may read.
	 */
	public List<FollowerEntry> followerThread(Caller caller, long accountId, String openid) {
		// The follower's latest 200 tickets the caller may read, and their entries in one
		// query.
		Map<Long, Ticket> visible = new java.util.HashMap<>();
		for (Ticket t : this.tickets.selectList(Wrappers.<Ticket>lambdaQuery()
			.eq(Ticket::getAccountId, accountId)
			.eq(Ticket::getOpenid, openid)
			.orderByDesc(Ticket::getId)
			.last("LIMIT 200"))) {
			if (mayHandle(caller, t) || mayRead(caller, t)) {
				visible.put(t.getId(), t);
			}
		}
		if (visible.isEmpty()) {
			throw ApiException.notFound("Follower thread", openid);
		}
		List<FollowerEntry> thread = new java.util.ArrayList<>();
		for (TicketEntry e : this.entries
			.selectList(Wrappers.<TicketEntry>lambdaQuery().in(TicketEntry::getTicketId, visible.keySet()))) {
			thread.add(new FollowerEntry(e.getTicketId(), visible.get(e.getTicketId()).getCategory(), e));
		}
		thread.sort(java.util.Comparator.comparing((FollowerEntry f) -> f.entry().getCreatedAt())
			.thenComparing((f) -> f.entry().getId()));
		return thread;
	}

	// ---- handling

	@Transactional
	public TicketView claim(Caller caller, long id) {
		Ticket t = handled(caller, id);
		return assignTo(caller, t, caller.personId(), "TICKET_CLAIMED");
	}

	@Transactional
	public TicketView assign(Caller caller, long id, Long personId) {
		Ticket t = handled(caller, id);
		Person person = (personId != null) ? this.people.selectById(personId) : null;
		if (person == null || !Boolean.TRUE.equals(person.getEnabled())) {
			throw ApiException.invalid("personId", "an existing, enabled person is required");
		}
		if (!handles(personId, t)) {
			throw ApiException.invalid("personId",
					"the person is not a HANDLER of the ticket's department on this account; transfer the ticket, or "
							+ "ask an administrator for the grant");
		}
		return assignTo(caller, t, personId, "TICKET_ASSIGNED");
	}

	/**
	 * Whether a person's grants make them a handler of the ticket ({@link #mayHandle}).
	 */
	private boolean handles(long personId, Ticket t) {
		List<Grant> grants = this.grants.findByPerson(personId).stream().map(GrantRow::toGrant).toList();
		return mayHandle(new Caller(personId, "assignee", 0, grants, null, 0), t);
	}

	private TicketView assignTo(Caller caller, Ticket t, long personId, String action) {
		requireOpen(t);
		Long before = t.getAssigneeId();
		t.setAssigneeId(personId);
		save(t, (u) -> u.set(Ticket::getAssigneeId, personId));
		event(t, caller, "assigned to person " + personId);
		this.audit.record(caller, action, "TICKET", t.getId(), t.getAccountId(),
				Map.of("assignee", String.valueOf(before)), Map.of("assignee", personId));
		return view(t);
	}

	@Transactional
	public TicketView transfer(Caller caller, long id, Long departmentId, String reason) {
		Ticket t = handled(caller, id);
		requireOpen(t);
		if (departmentId == null || this.departments.selectById(departmentId) == null) {
			throw ApiException.invalid("departmentId", "an existing department is required");
		}
		if (reason == null || reason.isBlank() || reason.length() > 512) {
			throw ApiException.invalid("reason", "a reason is required (at most 512 characters); it is kept");
		}
		Long before = t.getDepartmentId();
		t.setDepartmentId(departmentId);
		t.setAssigneeId(null);
		save(t, (u) -> u.set(Ticket::getDepartmentId, departmentId).set(Ticket::getAssigneeId, null));
		event(t, caller, "transferred from department " + before + " to " + departmentId + ": " + reason.trim());
		this.audit.record(caller, "TICKET_TRANSFERRED", "TICKET", id, t.getAccountId(),
				Map.of("department", String.valueOf(before)),
				Map.of("department", departmentId, "reason", reason.trim()));
		return view(t);
	}

	@Transactional
	public TicketView note(Caller caller, long id, String text) {
		Ticket t = handled(caller, id);
		if (text == null || text.isBlank() || text.length() > 4000) {
			throw ApiException.invalid("text", "a note of 1 to 4,000 characters is required");
		}
		TicketEntry e = entry(t, caller, "NOTE");
		e.setContent(text.trim());
		this.entries.insert(e);
		this.audit.record(caller, "TICKET_NOTE_ADDED", "TICKET", id, t.getAccountId(), null,
				Map.of("entry", e.getId()));
		return view(t);
	}

	@Transactional
	public TicketView changeStatus(Caller caller, long id, String status) {
		Ticket t = handled(caller, id);
		requireOpen(t);
		List<String> allowed = switch (t.getStatus()) {
			case "NEW" -> List.of("ACKNOWLEDGED", "IN_PROGRESS", "RESOLVED");
			case "ACKNOWLEDGED" -> List.of("IN_PROGRESS", "RESOLVED");
			case "IN_PROGRESS" -> List.of("RESOLVED");
			case "RESOLVED" -> List.of("IN_PROGRESS");
			default -> List.of();
		};
		if (!allowed.contains(status)) {
			throw ApiException.invalid("status", "a " + t.getStatus() + " ticket can become " + allowed
					+ "; close it with POST /close and a follow-up");
		}
		String before = t.getStatus();
		t.setStatus(status);
		if ("RESOLVED".equals(status)) {
			t.setResolvedAt(now());
		}
		save(t, (u) -> u.set(Ticket::getStatus, status).set(Ticket::getResolvedAt, t.getResolvedAt()));
		event(t, caller, before + " → " + status);
		this.audit.record(caller, "TICKET_STATUS_CHANGED", "TICKET", id, t.getAccountId(), Map.of("status", before),
				Map.of("status", status));
		return view(t);
	}

	/** Closes a resolved ticket with its follow-up (回访) record. */
	@Transactional
	public TicketView close(Caller caller, long id, String method, String result, Boolean satisfied) {
		Ticket t = handled(caller, id);
		if (!"RESOLVED".equals(t.getStatus())) {
			throw ApiException.conflict("not-resolved", "The ticket is " + t.getStatus(),
					"Resolve it first; a ticket is closed with its follow-up (回访) after it is resolved.");
		}
		if (method == null || method.isBlank() || method.length() > 32) {
			throw ApiException.invalid("method", "how the follower was followed up (e.g. WECHAT, PHONE)");
		}
		if (result == null || result.isBlank() || result.length() > 1024) {
			throw ApiException.invalid("result", "what the follow-up found (at most 1024 characters)");
		}
		// The versioned update first: of two closing at once (or a close racing a new
		// message that reopens the ticket) one gets the stale-version 409, and only one
		// follow-up is recorded.
		t.setStatus("CLOSED");
		t.setClosedAt(now());
		save(t, (u) -> u.set(Ticket::getStatus, "CLOSED").set(Ticket::getClosedAt, t.getClosedAt()));
		Followup f = new Followup();
		f.setTicketId(id);
		f.setMethod(method.trim());
		f.setResult(result.trim());
		f.setSatisfied(satisfied);
		f.setRecordedBy(caller.personId());
		f.setRecordedAt(now());
		this.followups.insert(f);
		event(t, caller, "closed after follow-up");
		// Nobody answers a closed ticket: a follower who has left keeps only the
		// pseudonym.
		t.setOpenid(this.privacy.closed(t));
		this.audit.record(caller, "TICKET_CLOSED", "TICKET", id, t.getAccountId(), Map.of("status", "RESOLVED"),
				Map.of("status", "CLOSED", "followUp", method.trim()));
		return view(t);
	}

	@Transactional
	public TicketView flagForRemoval(Caller caller, long id, String reason) {
		Ticket t = handled(caller, id);
		requireOpen(t);
		if (reason == null || reason.isBlank() || reason.length() > 500) {
			throw ApiException.invalid("reason", "why the message should be removed (1 to 500 characters)");
		}
		if (!Category.MALICIOUS.name().equals(t.getCategory())) {
			throw ApiException.conflict("not-malicious", "Only malicious messages are flagged for removal",
					"Transfer or answer the ticket instead.");
		}
		t.setRemovalFlagged(true);
		save(t, (u) -> u.set(Ticket::getRemovalFlagged, true));
		event(t, caller, "flagged for removal: " + reason.trim());
		this.audit.record(caller, "TICKET_FLAGGED_FOR_REMOVAL", "TICKET", id, t.getAccountId(), null,
				Map.of("reason", reason.trim()));
		return view(t);
	}

	// ---- replies

	/** A handler's answer, kept whatever happens to its delivery. */
	public record Reply(TicketEntry entry, TicketView ticket) {
	}

	/**
	 * Sends a handler's reply through the customer-service API. The window (48 hours
	 * after the follower's last message, {@value #MESSAGES_PER_WINDOW} messages) is
	 * checked here first; outside it, or when WeChat refuses, the reply is kept as
	 * UNDELIVERED and the answer is a 409 that says what to do.
	 */
	public Reply reply(Caller caller, long id, String msgType, String content, String mediaId) {
		Ticket t = this.tx.execute((s) -> handled(caller, id));
		requireOpen(t);
		String type = (msgType == null) ? "text" : msgType.toLowerCase();
		if (!"text".equals(type) && !"image".equals(type)) {
			throw ApiException.invalid("msgType", "text or image");
		}
		if ("text".equals(type) && (content == null || content.isBlank() || content.length() > 2000)) {
			throw ApiException.invalid("content", "a reply of 1 to 2,000 characters is required");
		}
		if ("image".equals(type) && (mediaId == null || mediaId.isBlank() || mediaId.trim().length() > 128)) {
			throw ApiException.invalid("mediaId", "the image's media id (at most 128 characters) is required");
		}
		Account account = this.accounts.selectById(t.getAccountId());
		if ("text".equals(type)) {
			// Polite and clean: replies are screened like articles (terms only).
			this.screening.requireCleanText(content, account);
		}
		TicketEntry e = entry(t, caller, "OUT");
		e.setMsgType(type);
		e.setContent("text".equals(type) ? content.trim() : null);
		e.setMediaId("image".equals(type) ? mediaId.trim() : null);
		Instant now = now();
		Instant windowClosesAt = windowClosesAt(t);
		ApiException refusal = null;
		AccountStanding.Standing standing = this.standing.of(account.getId());
		if (!standing.operating()) {
			refusal = new ApiException(HttpStatus.CONFLICT, "account-not-operating", "The account may not reply now",
					standing.reason());
		}
		else if (windowClosesAt == null || !now.isBefore(windowClosesAt)) {
			refusal = ApiException.conflict("outside-service-window", "Outside WeChat's 48-hour window",
					"WeChat only lets the account answer within 48 hours of the follower's last message"
							+ ((windowClosesAt != null) ? " (closed at " + windowClosesAt + ")" : "")
							+ ". The reply is kept as undelivered; the follower must write again to open a new window.");
		}
		else if (this.entries.deliveredSince(t.getAccountId(), t.getOpenid(),
				windowClosesAt.minus(WINDOW)) >= MESSAGES_PER_WINDOW) {
			refusal = ApiException.conflict("service-window-quota", "This window's messages are used",
					"WeChat allows " + MESSAGES_PER_WINDOW + " messages per window after a follower's message. The "
							+ "reply is kept as undelivered; it can go when the follower writes again.");
		}
		if (refusal != null) {
			e.setDelivery("UNDELIVERED");
			e.setErrorMessage(refusal.getMessage());
			keep(caller, t, e);
			throw refusal.with("entryId", e.getId());
		}
		AccountSnapshot snapshot = this.registry.find(account.getAppId()).orElseThrow();
		WxMpKefuMessage message = "text".equals(type)
				? WxMpKefuMessage.TEXT().toUser(t.getOpenid()).content(e.getContent()).build()
				: WxMpKefuMessage.IMAGE().toUser(t.getOpenid()).mediaId(e.getMediaId()).build();
		// Kept before WeChat is called: if this process stops during the call, the reply
		// is still in the thread, as SENDING (the follower may or may not have it), and
		// counts against the window's messages.
		e.setDelivery("SENDING");
		this.entries.insert(e);
		try {
			this.wechat.call(snapshot, (w) -> w.getKefuService().sendKefuMessage(message));
			e.setDelivery("DELIVERED");
		}
		catch (WeChatCallException ex) {
			e.setDelivery("UNDELIVERED");
			e.setErrorCode(ex.errcode());
			e.setErrorMessage(ex.detail());
			keep(caller, t, e);
			throw ex;
		}
		keep(caller, t, e);
		return new Reply(e, view(this.tickets.selectById(id)));
	}

	/** Largest image a reply may carry (WeChat's limit for temporary image media). */
	static final int MAX_REPLY_IMAGE = 10 * 1024 * 1024;

	/**
	 * Replies with an image the handler uploads: JPEG or PNG (WeChat takes no GIF in a
	 * customer-service image), uploaded as temporary media (kept by WeChat for three
	 * days) and then sent as {@link #reply} sends an image, window checks and all.
	 */
	public Reply replyImage(Caller caller, long id, byte[] bytes) {
		Ticket t = this.tx.execute((s) -> handled(caller, id));
		requireOpen(t);
		String extension = imageExtension(bytes);
		if (bytes == null || bytes.length == 0 || bytes.length > MAX_REPLY_IMAGE) {
			throw ApiException.invalid("file", "an image of at most 10 MB is required");
		}
		if (extension == null) {
			throw ApiException.invalid("file", "JPEG or PNG only (WeChat does not take GIF here)");
		}
		requireWholeImage(bytes, extension);
		AccountSnapshot snapshot = this.registry.find(this.accounts.selectById(t.getAccountId()).getAppId())
			.orElseThrow();
		String mediaId = this.wechat
			.call(snapshot,
					(w) -> w.getMaterialService()
						.mediaUpload(me.chanjar.weixin.common.api.WxConsts.MediaFileType.IMAGE, extension,
								new java.io.ByteArrayInputStream(bytes)))
			.getMediaId();
		// reply reads the ticket again: it may have been closed or transferred while the
		// image was uploading.
		return reply(caller, id, "image", null, mediaId);
	}

	/** Largest image a reply decodes (pixels): a 10 MB file cannot need more. */
	static final long MAX_REPLY_PIXELS = 50_000_000L;

	/**
	 * Refuses what only starts like an image: the whole file must decode without a
	 * warning (a JPEG header followed by HTML, a truncated or damaged image) and end
	 * where the image ends (EOI or IEND), so nothing else rides along to the follower.
	 * Decoded in full, as article covers are read, but with the pixels bounded first.
	 */
	private static void requireWholeImage(byte[] bytes, String extension) {
		String damaged = "the " + ("jpg".equals(extension) ? "JPEG" : "PNG")
				+ " cannot be read completely; it may be damaged or not an image";
		if (!endsAsImage(bytes, extension)) {
			throw ApiException.invalid("file", damaged);
		}
		try (javax.imageio.stream.ImageInputStream in = javax.imageio.ImageIO
			.createImageInputStream(new java.io.ByteArrayInputStream(bytes))) {
			java.util.Iterator<javax.imageio.ImageReader> readers = javax.imageio.ImageIO
				.getImageReadersBySuffix(extension);
			if (!readers.hasNext()) {
				throw ApiException.invalid("file", damaged);
			}
			javax.imageio.ImageReader reader = readers.next();
			try {
				reader.setInput(in, true, true);
				boolean[] warned = new boolean[1];
				reader.addIIOReadWarningListener((source, warning) -> warned[0] = true);
				long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
				if (pixels < 1 || pixels > MAX_REPLY_PIXELS) {
					throw ApiException.invalid("file",
							"the image has " + pixels + " pixels; at most " + MAX_REPLY_PIXELS + " are accepted");
				}
				reader.read(0);
				if (warned[0]) {
					throw ApiException.invalid("file", damaged);
				}
			}
			finally {
				reader.dispose();
			}
		}
		catch (java.io.IOException | RuntimeException ex) {
			if (ex instanceof ApiException api) {
				throw api;
			}
			// The JDK's decoders also throw unchecked exceptions on damaged data.
			throw ApiException.invalid("file", damaged);
		}
	}

	/**
	 * A JPEG ends with EOI (FF D9), a PNG with its IEND chunk; zero padding after it
	 * (some cameras add it) is allowed, anything else is not.
	 */
	private static boolean endsAsImage(byte[] bytes, String extension) {
		int n = bytes.length;
		while (n > 0 && bytes[n - 1] == 0) {
			n--;
		}
		if ("jpg".equals(extension)) {
			return n >= 4 && (bytes[n - 2] & 0xFF) == 0xFF && (bytes[n - 1] & 0xFF) == 0xD9;
		}
		byte[] iend = { 'I', 'E', 'N', 'D', (byte) 0xAE, 0x42, 0x60, (byte) 0x82 };
		return n >= 16 && java.util.Arrays.equals(bytes, n - iend.length, n, iend, 0, iend.length);
	}

	/** "jpg" or "png" by the file's first bytes, or null. */
	private static String imageExtension(byte[] bytes) {
		if (ImageFormat.isJpeg(bytes)) {
			return "jpg";
		}
		return ImageFormat.isPng(bytes) ? "png" : null;
	}

	/**
	 * Records a reply's outcome: inserts the entry, or updates the one kept as SENDING.
	 */
	private void keep(Caller caller, Ticket t, TicketEntry e) {
		this.tx.executeWithoutResult((s) -> {
			if (e.getId() == null) {
				this.entries.insert(e);
			}
			else {
				this.entries.updateById(e);
			}
			if ("DELIVERED".equals(e.getDelivery())
					&& ("NEW".equals(t.getStatus()) || "ACKNOWLEDGED".equals(t.getStatus()))) {
				this.tickets.update(null,
						Wrappers.<Ticket>lambdaUpdate()
							.eq(Ticket::getId, t.getId())
							.in(Ticket::getStatus, "NEW", "ACKNOWLEDGED")
							.set(Ticket::getStatus, "IN_PROGRESS")
							.setSql("version = version + 1"));
			}
			this.audit.record(caller, "TICKET_REPLIED", "TICKET", t.getId(), t.getAccountId(), null, Map.of("entry",
					e.getId(), "delivery", e.getDelivery(), "errcode", String.valueOf(e.getErrorCode())));
		});
	}

	/** The bytes of an image or voice the follower sent, from WeChat's media API. */
	public Media media(Caller caller, long ticketId, long entryId) {
		Ticket t = readable(caller, ticketId);
		TicketEntry e = this.entries.selectById(entryId);
		if (e == null || e.getTicketId() != ticketId || e.getMediaId() == null) {
			throw ApiException.notFound("Media of entry", entryId);
		}
		if (ThreadViews.expired(e, now())) {
			throw new ApiException(HttpStatus.GONE, "media-expired", "WeChat no longer has this media",
					"WeChat keeps a follower's images and voices for 3 days and no copy was kept here; what the "
							+ "thread says of it (a voice's recognised text) is all that is left.");
		}
		Account account = this.accounts.selectById(t.getAccountId());
		AccountSnapshot snapshot = this.registry.find(account.getAppId()).orElseThrow();
		File file = this.wechat.call(snapshot, (w) -> w.getMaterialService().mediaDownload(e.getMediaId()));
		try {
			byte[] bytes = Files.readAllBytes(file.toPath());
			String type = Files.probeContentType(file.toPath());
			return new Media(bytes, (type != null) ? type : "application/octet-stream");
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not read the downloaded media", ex);
		}
		finally {
			file.delete();
		}
	}

	/** Downloaded media. */
	public record Media(byte[] bytes, String contentType) {
	}

	// ---- escalation

	/**
	 * Overdue tickets go to the central office queue and the duty view; returns how many.
	 */
	public int escalateOverdue(Instant now) {
		int escalated = 0;
		List<Long> due = this.tickets
			.selectList(Wrappers.<Ticket>lambdaQuery()
				.select(Ticket::getId)
				.notIn(Ticket::getStatus, "RESOLVED", "CLOSED")
				.eq(Ticket::getHidden, false)
				.isNull(Ticket::getEscalatedAt)
				.and(pastDue(now))
				.last("LIMIT 500"))
			.stream()
			.map(Ticket::getId)
			.toList();
		for (long id : due) {
			Boolean done = this.tx.execute((s) -> {
				int updated = this.tickets.update(null,
						Wrappers.<Ticket>lambdaUpdate()
							.eq(Ticket::getId, id)
							.isNull(Ticket::getEscalatedAt)
							.set(Ticket::getEscalatedAt, now)
							.setSql("version = version + 1"));
				if (updated == 1) {
					Ticket t = this.tickets.selectById(id);
					TicketEntry e = entry(t, Caller.system("sla"), "EVENT");
					e.setContent(t.getDueAt().isBefore(now)
							? "overdue since " + t.getDueAt() + ": escalated to the central office"
							: "not acknowledged on the day it arrived (due " + t.getAckDueAt()
									+ "): escalated to the central office");
					e.setCreatedAt(now);
					this.entries.insert(e);
					this.audit.record(Caller.system("sla"), "TICKET_ESCALATED", "TICKET", id, t.getAccountId(), null,
							Map.of("dueAt", t.getDueAt().toString(), "ackDueAt", String.valueOf(t.getAckDueAt())));
				}
				return updated == 1;
			});
			if (Boolean.TRUE.equals(done)) {
				escalated++;
			}
		}
		return escalated;
	}

	// ---- helpers

	private Instant windowClosesAt(Ticket t) {
		return windowsCloseAt(List.of(t)).get(followerKey(t));
	}

	/**
	 * When each ticket's follower's customer-service window closes (48 hours after their
	 * last message), by {@link #followerKey}; followers who never wrote are absent.
	 */
	private Map<String, Instant> windowsCloseAt(List<Ticket> tickets) {
		Map<String, Instant> closes = new java.util.HashMap<>();
		for (Map<String, Object> row : this.inbound.lastMessageTimes(tickets)) {
			closes.put(row.get("account_id") + ":" + row.get("from_user"),
					Instant.ofEpochSecond(((Number) row.get("last_time")).longValue()).plus(WINDOW));
		}
		return closes;
	}

	private static String followerKey(Ticket t) {
		return t.getAccountId() + ":" + t.getOpenid();
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

	private boolean mayRead(Caller caller, Ticket t) {
		return caller.can(t.getAccountId(), Role.ADMIN, Role.AUDITOR);
	}

	private Ticket readable(Caller caller, long id) {
		Ticket t = this.tickets.selectById(id);
		if (t == null || !(mayHandle(caller, t) || mayRead(caller, t))) {
			throw ApiException.notFound("Ticket", id);
		}
		return t;
	}

	private Ticket handled(Caller caller, long id) {
		Ticket t = readable(caller, id);
		if (!mayHandle(caller, t)) {
			throw ApiException.forbidden("Only a HANDLER of the ticket's department may act on it.");
		}
		return t;
	}

	private static void requireOpen(Ticket t) {
		if ("CLOSED".equals(t.getStatus())) {
			throw ApiException.conflict("ticket-closed", "The ticket is closed",
					"A new message from the follower opens a new ticket.");
		}
	}

	/**
	 * Writes what a handler changed, only those columns, if no other handler changed the
	 * ticket since it was read. Routing and acknowledgements touch other columns and do
	 * not count as changes, except a new message reopening a RESOLVED ticket.
	 */
	private void save(Ticket t, java.util.function.Consumer<LambdaUpdateWrapper<Ticket>> changes) {
		int expected = t.getVersion();
		t.setVersion(expected + 1);
		t.setUpdatedAt(now());
		LambdaUpdateWrapper<Ticket> update = Wrappers.<Ticket>lambdaUpdate()
			.eq(Ticket::getId, t.getId())
			.eq(Ticket::getVersion, expected)
			.set(Ticket::getVersion, t.getVersion())
			.set(Ticket::getUpdatedAt, t.getUpdatedAt());
		changes.accept(update);
		if (this.tickets.update(null, update) != 1) {
			throw ApiException.staleVersion("ticket");
		}
	}

	private void event(Ticket t, Caller caller, String text) {
		TicketEntry e = entry(t, caller, "EVENT");
		e.setContent(text);
		this.entries.insert(e);
	}

	private TicketEntry entry(Ticket t, Caller caller, String kind) {
		TicketEntry e = new TicketEntry();
		e.setTicketId(t.getId());
		e.setKind(kind);
		e.setPersonId(caller.isSystem() ? null : caller.personId());
		e.setCreatedAt(now());
		return e;
	}

	TicketView view(Ticket t) {
		return view(t, windowClosesAt(t), latestMessages(List.of(t)).get(t.getId()));
	}

	/** The latest follower message of each ticket, by ticket id, in one query. */
	private Map<Long, ThreadViews.LatestMessage> latestMessages(List<Ticket> page) {
		Map<Long, ThreadViews.LatestMessage> latest = new java.util.HashMap<>();
		for (Map<String, Object> row : this.entries.latestIncoming(page.stream().map(Ticket::getId).toList())) {
			latest.put(((Number) row.get("ticket_id")).longValue(), ThreadViews.latest(row));
		}
		return latest;
	}

	/**
	 * Views of a page of tickets, with the followers' windows read in one query rather
	 * than one per ticket.
	 */
	private List<TicketView> views(List<Ticket> page) {
		if (page.isEmpty()) {
			return List.of();
		}
		Map<String, Instant> windows = windowsCloseAt(page);
		Map<Long, ThreadViews.LatestMessage> latest = latestMessages(page);
		return page.stream().map((t) -> view(t, windows.get(followerKey(t)), latest.get(t.getId()))).toList();
	}

	private TicketView view(Ticket t, Instant windowClosesAt, ThreadViews.LatestMessage latestMessage) {
		Instant now = now();
		boolean open = !List.of("RESOLVED", "CLOSED").contains(t.getStatus());
		boolean unacknowledgedLate = "NEW".equals(t.getStatus()) && t.getAckDueAt() != null
				&& t.getAckDueAt().isBefore(now);
		boolean overdue = open && (t.getDueAt().isBefore(now) || unacknowledgedLate);
		return new TicketView(t.getId(), t.getAccountId(), t.getOpenid(), t.getCategory(), t.getDepartmentId(),
				t.getStatus(), t.getAssigneeId(), Boolean.TRUE.equals(t.getHidden()),
				Boolean.TRUE.equals(t.getRemovalFlagged()), t.getAckStatus(), t.getAcknowledgedAt(), t.getAckDueAt(),
				t.getDueAt(), overdue, t.getEscalatedAt(), t.getFirstMessageAt(), t.getLastMessageAt(), windowClosesAt,
				t.getVersion(), latestMessage);
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

}
