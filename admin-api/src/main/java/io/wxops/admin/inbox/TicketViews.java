package io.wxops.admin.inbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.wxops.core.inbox.Category;

import org.springframework.stereotype.Component;

/**
 * What operators see of tickets, in one place: the view records the ticket endpoints
 * answer with, and how a ticket becomes its view (overdue, the follower's 48-hour
 * window).
 */
@Component
public class TicketViews {

	/** WeChat's customer-service window after a follower's message. */
	public static final Duration WINDOW = Duration.ofHours(48);

	/** A ticket in a queue. */
	public record TicketView(long id, long accountId, String openid, Category category, Long departmentId,
			TicketStatus status, Long assigneeId, boolean hidden, boolean removalFlagged, AckStatus ackStatus,
			Instant acknowledgedAt, Instant ackDueAt, Instant dueAt, boolean overdue, Instant escalatedAt,
			Instant firstMessageAt, Instant lastMessageAt, Instant windowClosesAt, int version,
			ThreadViews.LatestMessage latestMessage) {
	}

	/**
	 * A ticket with its thread, both directions in order, WeChat's window for replies,
	 * and what can still be fetched of the thread's images and voices.
	 */
	public record TicketDetail(TicketView ticket, List<TicketEntry> thread, Followup followup,
			ThreadViews.Window window, List<ThreadViews.MediaItem> media) {
	}

	/**
	 * What waits for the caller as a HANDLER (their grants' departments, and escalated
	 * tickets for the central office; ADMIN and AUDITOR grants do not count): open
	 * tickets (not closed), those not yet acknowledged, overdue or escalated ones (as the
	 * duty view counts them), those nobody is assigned, and the caller's own.
	 */
	public record WorkCounts(long open, long unacknowledged, long overdue, long unassigned, long mine) {
	}

	/**
	 * The duty view (值班): tickets nobody has acknowledged yet, and overdue or escalated
	 * ones, of the caller's departments (and, for the central office, escalated ones).
	 */
	public record DutyView(List<TicketView> unacknowledged, long unacknowledgedTotal, List<TicketView> overdue,
			long overdueTotal) {
	}

	/** One item of a follower's whole thread, with the ticket it belongs to. */
	public record FollowerEntry(long ticketId, Category category, TicketEntry entry) {
	}

	/** A handler's answer, kept whatever happens to its delivery. */
	public record Reply(TicketEntry entry, TicketView ticket) {
	}

	/** Downloaded media. */
	public record Media(byte[] bytes, String contentType) {
	}

	private final InboundMapper inbound;

	private final TicketMapper tickets;

	private final TicketEntryMapper entries;

	private final Clock clock;

	TicketViews(InboundMapper inbound, TicketMapper tickets, TicketEntryMapper entries, Clock clock) {
		this.inbound = inbound;
		this.tickets = tickets;
		this.entries = entries;
		this.clock = clock;
	}

	/** The ticket's view as it is now in the database. */
	TicketView current(long id) {
		return view(this.tickets.selectById(id));
	}

	TicketView view(Ticket t) {
		return view(t, windowClosesAt(t), latestMessages(List.of(t)).get(t.getId()));
	}

	/** The latest follower message of each ticket, by ticket id, in one query. */
	private Map<Long, ThreadViews.LatestMessage> latestMessages(List<Ticket> page) {
		Map<Long, ThreadViews.LatestMessage> latest = new HashMap<>();
		for (Map<String, Object> row : this.entries.latestIncoming(page.stream().map(Ticket::getId).toList())) {
			latest.put(((Number) row.get("ticket_id")).longValue(), ThreadViews.latest(row));
		}
		return latest;
	}

	/**
	 * Views of a page of tickets, with the followers' windows read in one query rather
	 * than one per ticket.
	 */
	List<TicketView> views(List<Ticket> page) {
		if (page.isEmpty()) {
			return List.of();
		}
		Map<String, Instant> windows = windowsCloseAt(page);
		Map<Long, ThreadViews.LatestMessage> latest = latestMessages(page);
		return page.stream().map((t) -> view(t, windows.get(followerKey(t)), latest.get(t.getId()))).toList();
	}

	/**
	 * When the ticket's follower's window closes (48 hours after their last message), or
	 * null when they never wrote.
	 */
	Instant windowClosesAt(Ticket t) {
		return windowsCloseAt(List.of(t)).get(followerKey(t));
	}

	/**
	 * When each ticket's follower's customer-service window closes, by
	 * {@link #followerKey}; followers who never wrote are absent.
	 */
	private Map<String, Instant> windowsCloseAt(List<Ticket> tickets) {
		Map<String, Instant> closes = new HashMap<>();
		for (InboundMapper.LastMessage last : this.inbound.lastMessageTimes(tickets)) {
			closes.put(last.getAccountId() + ":" + last.getFromUser(),
					Instant.ofEpochSecond(last.getLastTime()).plus(WINDOW));
		}
		return closes;
	}

	private static String followerKey(Ticket t) {
		return t.getAccountId() + ":" + t.getOpenid();
	}

	Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

	private TicketView view(Ticket t, Instant windowClosesAt, ThreadViews.LatestMessage latestMessage) {
		Instant now = now();
		boolean unacknowledgedLate = t.getStatus() == TicketStatus.NEW && t.getAckDueAt() != null
				&& t.getAckDueAt().isBefore(now);
		boolean overdue = t.getStatus().awaitsResult() && (t.getDueAt().isBefore(now) || unacknowledgedLate);
		return new TicketView(t.getId(), t.getAccountId(), t.getOpenid(), t.getCategory(), t.getDepartmentId(),
				t.getStatus(), t.getAssigneeId(), Boolean.TRUE.equals(t.getHidden()),
				Boolean.TRUE.equals(t.getRemovalFlagged()), t.getAckStatus(), t.getAcknowledgedAt(), t.getAckDueAt(),
				t.getDueAt(), overdue, t.getEscalatedAt(), t.getFirstMessageAt(), t.getLastMessageAt(), windowClosesAt,
				t.getVersion(), latestMessage);
	}

}
