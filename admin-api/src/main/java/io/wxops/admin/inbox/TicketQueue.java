package io.wxops.admin.inbox;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.toolkit.Wrappers;
import com.baomidou.mybatisplus.extension.plugins.pagination.Page;
import io.wxops.admin.inbox.TicketViews.DutyView;
import io.wxops.admin.inbox.TicketViews.FollowerEntry;
import io.wxops.admin.inbox.TicketViews.Media;
import io.wxops.admin.inbox.TicketViews.TicketDetail;
import io.wxops.admin.inbox.TicketViews.TicketView;
import io.wxops.admin.security.Caller;
import io.wxops.admin.security.Role;
import io.wxops.admin.web.ApiException;
import io.wxops.admin.web.PageRequest;
import io.wxops.admin.web.PageResult;
import io.wxops.admin.web.Problem;
import io.wxops.core.inbox.Category;

import org.springframework.stereotype.Service;

/**
 * Reading tickets: the queue, the duty view (值班), one ticket with its thread, a
 * follower's whole thread and the media a follower sent.
 */
@Service
public class TicketQueue {

	/** Most tickets of each list of the duty view; the totals say how many there are. */
	static final int DUTY_LIMIT = 200;

	private final TicketMapper tickets;

	private final TicketEntryMapper entries;

	private final FollowupMapper followups;

	private final TicketAccess access;

	private final TicketViews views;

	private final ReplyDelivery wechat;

	TicketQueue(TicketMapper tickets, TicketEntryMapper entries, FollowupMapper followups, TicketAccess access,
			TicketViews views, ReplyDelivery wechat) {
		this.tickets = tickets;
		this.entries = entries;
		this.followups = followups;
		this.access = access;
		this.views = views;
		this.wechat = wechat;
	}

	/**
	 * Open tickets the caller may see, soonest due first, one page. Which tickets those
	 * are is part of the query (see {@link TicketAccess#visibleTo}), so a page and its
	 * total count are exact however many tickets other departments hold.
	 */
	public PageResult<TicketView> queue(Caller caller, Long accountId, String status, String category, boolean mine,
			boolean unassigned, boolean includeHidden, PageRequest page) {
		TicketStatus wanted = TicketStatus.parse(status);
		Category in = Arrays.stream(Category.values())
			.filter((c) -> c.name().equals(category))
			.findFirst()
			.orElse(null);
		requireKnown(status, wanted, category, in);
		LambdaQueryWrapper<Ticket> where = Wrappers.<Ticket>lambdaQuery()
			.eq(accountId != null, Ticket::getAccountId, accountId)
			.eq(wanted != null, Ticket::getStatus, wanted)
			.ne(wanted == null, Ticket::getStatus, TicketStatus.CLOSED)
			.eq(in != null, Ticket::getCategory, in)
			.eq(mine, Ticket::getAssigneeId, caller.personId())
			.isNull(unassigned, Ticket::getAssigneeId)
			.eq(!includeHidden, Ticket::getHidden, false);
		if (!TicketAccess.visibleTo(caller, where)) {
			return new PageResult<>(List.of(), page.page(), page.size(), 0);
		}
		where.orderByAsc(Ticket::getDueAt).orderByAsc(Ticket::getId);
		Page<Ticket> found = this.tickets.selectPage(Page.of(page.page() + 1L, page.size()), where);
		return new PageResult<>(this.views.views(found.getRecords()), page.page(), page.size(), found.getTotal());
	}

	public DutyView duty(Caller caller, Long accountId) {
		Instant now = this.views.now();
		LambdaQueryWrapper<Ticket> unacknowledged = Wrappers.<Ticket>lambdaQuery()
			.eq(accountId != null, Ticket::getAccountId, accountId)
			.eq(Ticket::getStatus, TicketStatus.NEW)
			.eq(Ticket::getHidden, false);
		LambdaQueryWrapper<Ticket> overdue = Wrappers.<Ticket>lambdaQuery()
			.eq(accountId != null, Ticket::getAccountId, accountId)
			.notIn(Ticket::getStatus, TicketStatus.RESOLVED, TicketStatus.CLOSED)
			.eq(Ticket::getHidden, false)
			.and((w) -> w.isNotNull(Ticket::getEscalatedAt).or(pastDue(now)));
		if (!TicketAccess.visibleTo(caller, unacknowledged) || !TicketAccess.visibleTo(caller, overdue)) {
			return new DutyView(List.of(), 0, List.of(), 0);
		}
		unacknowledged.orderByAsc(Ticket::getCreatedAt).orderByAsc(Ticket::getId);
		overdue.orderByAsc(Ticket::getDueAt).orderByAsc(Ticket::getId);
		Page<Ticket> first = this.tickets.selectPage(Page.of(1, DUTY_LIMIT), unacknowledged);
		Page<Ticket> second = this.tickets.selectPage(Page.of(1, DUTY_LIMIT), overdue);
		return new DutyView(this.views.views(first.getRecords()), first.getTotal(),
				this.views.views(second.getRecords()), second.getTotal());
	}

	/**
	 * Past due at {@code now}: past the result date, or still NEW after the end of the
	 * day it arrived on (当日答复). The same as the view's {@code overdue} for open tickets.
	 */
	static Consumer<LambdaQueryWrapper<Ticket>> pastDue(Instant now) {
		return (w) -> w.lt(Ticket::getDueAt, now)
			.or((ack) -> ack.eq(Ticket::getStatus, TicketStatus.NEW).lt(Ticket::getAckDueAt, now));
	}

	private static void requireKnown(String status, TicketStatus wanted, String category, Category in) {
		Map<String, String> problems = new LinkedHashMap<>();
		if (status != null && wanted == null) {
			problems.put("status",
					"status must be one of " + Arrays.stream(TicketStatus.values()).map(Enum::name).sorted().toList());
		}
		if (category != null && in == null) {
			problems.put("category", "category must be one of " + Arrays.toString(Category.values()));
		}
		if (!problems.isEmpty()) {
			throw ApiException.invalid(problems);
		}
	}

	public TicketDetail detail(Caller caller, long id) {
		Ticket t = this.access.readable(caller, id);
		Instant now = this.views.now();
		Instant closesAt = this.views.windowClosesAt(t);
		int delivered = (closesAt != null)
				? this.entries.deliveredSince(t.getAccountId(), t.getOpenid(), closesAt.minus(TicketViews.WINDOW)) : 0;
		String zone = this.wechat.timeZone(t.getAccountId());
		List<TicketEntry> thread = this.entries.thread(id);
		return new TicketDetail(this.views.view(t), thread, this.followups.selectById(id),
				ThreadViews.window(closesAt, delivered, now, zone), ThreadViews.media(id, thread, now));
	}

	public TicketViews.WorkCounts workCounts(Caller caller) {
		Caller handler = new Caller(caller.personId(), caller.username(), caller.departmentId(),
				caller.grants().stream().filter((g) -> g.role() == Role.HANDLER).toList(), caller.clientIp(),
				caller.sessionId());
		Instant now = this.views.now();
		return new TicketViews.WorkCounts(openCount(handler, (w) -> w.ne(Ticket::getStatus, TicketStatus.CLOSED)),
				openCount(handler, (w) -> w.eq(Ticket::getStatus, TicketStatus.NEW)),
				openCount(handler,
						(w) -> w.ne(Ticket::getStatus, TicketStatus.RESOLVED)
							.and((o) -> o.isNotNull(Ticket::getEscalatedAt).or(pastDue(now)))),
				openCount(handler, (w) -> w.isNull(Ticket::getAssigneeId)),
				openCount(handler, (w) -> w.eq(Ticket::getAssigneeId, caller.personId())));
	}

	/** How many visible, not closed, not hidden tickets also meet the condition. */
	private long openCount(Caller caller, Consumer<LambdaQueryWrapper<Ticket>> condition) {
		LambdaQueryWrapper<Ticket> where = Wrappers.<Ticket>lambdaQuery()
			.ne(Ticket::getStatus, TicketStatus.CLOSED)
			.eq(Ticket::getHidden, false);
		condition.accept(where);
		return TicketAccess.visibleTo(caller, where) ? this.tickets.selectCount(where) : 0L;
	}

	/**
	 * Everything between the account and one follower, both directions in time order,
	 * across the tickets the caller may read.
	 */
	public List<FollowerEntry> followerThread(Caller caller, long accountId, String openid) {
		// The follower's latest 200 tickets the caller may read, and their entries in one
		// query.
		Map<Long, Ticket> visible = new HashMap<>();
		for (Ticket t : this.tickets.selectList(Wrappers.<Ticket>lambdaQuery()
			.eq(Ticket::getAccountId, accountId)
			.eq(Ticket::getOpenid, openid)
			.orderByDesc(Ticket::getId)
			.last("LIMIT 200"))) {
			if (this.access.mayHandle(caller, t) || this.access.mayRead(caller, t)) {
				visible.put(t.getId(), t);
			}
		}
		if (visible.isEmpty()) {
			throw ApiException.notFound("Follower thread", openid);
		}
		List<FollowerEntry> thread = new ArrayList<>();
		for (TicketEntry e : this.entries
			.selectList(Wrappers.<TicketEntry>lambdaQuery().in(TicketEntry::getTicketId, visible.keySet()))) {
			thread.add(new FollowerEntry(e.getTicketId(), visible.get(e.getTicketId()).getCategory(), e));
		}
		thread.sort(Comparator.comparing((FollowerEntry f) -> f.entry().getCreatedAt())
			.thenComparing((f) -> f.entry().getId()));
		return thread;
	}

	/** The bytes of an image or voice the follower sent, from WeChat's media API. */
	public Media media(Caller caller, long ticketId, long entryId) {
		Ticket t = this.access.readable(caller, ticketId);
		TicketEntry e = this.entries.selectById(entryId);
		if (e == null || e.getTicketId() != ticketId || e.getMediaId() == null) {
			throw ApiException.notFound("Media of entry", entryId);
		}
		if (ThreadViews.expired(e, this.views.now())) {
			throw Problem.MEDIA_EXPIRED.exception("WeChat no longer has this media",
					"WeChat keeps a follower's images and voices for 3 days and no copy was kept here; what the "
							+ "thread says of it (a voice's recognised text) is all that is left.");
		}
		File file = this.wechat.download(t.getAccountId(), e.getMediaId());
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

}
