package io.wxops.admin.inbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a ticket's page shows besides its rows: the follower's latest message in a queue
 * row, WeChat's customer-service window, and whether each image or voice can still be
 * fetched.
 */
public final class ThreadViews {

	/**
	 * How long WeChat keeps a follower's image or voice (temporary media, 3 days).
	 * admin-api keeps no copy: {@code GET /api/tickets/{id}/entries/{entryId}/media}
	 * fetches it from WeChat, so after this it is gone.
	 */
	public static final Duration MEDIA_LIFETIME = Duration.ofDays(3);

	/** Longest excerpt of a message in a queue row (characters as a reader sees them). */
	static final int EXCERPT_LENGTH = 60;

	static final Set<String> MEDIA_TYPES = Set.of("image", "voice", "video", "shortvideo");

	private ThreadViews() {
	}

	/**
	 * The follower's latest message on the ticket: its type (text, image, voice,
	 * location, link, click, ...), the start of its text (null for an image, a video, a
	 * voice without recognition), and when it arrived.
	 */
	public record LatestMessage(String msgType, String excerpt, Instant at) {
	}

	/**
	 * WeChat's customer-service window for the ticket's follower: open until 48 hours
	 * after their last message, with the messages the account may still send in it
	 * ({@value TicketService#MESSAGES_PER_WINDOW} per window). {@code serverTime} and the
	 * account's zone let a page count down without trusting the browser's clock.
	 */
	public record Window(boolean open, Instant closesAt, int messagesLeft, Instant serverTime, String accountZone) {
	}

	/**
	 * An image, voice or video in the thread. {@code state}: AVAILABLE (fetch it from
	 * {@code url} until {@code availableUntil}), EXPIRED (WeChat no longer has it and
	 * admin-api kept no copy) or REMOVED (the thread's retention ended). {@code stored}
	 * says whether admin-api holds a copy of its own (never, so far). {@code recognition}
	 * is WeChat's speech recognition of a voice message, when the account has it on.
	 */
	public record MediaItem(long entryId, String kind, String msgType, String state, Instant availableUntil, String url,
			String recognition, boolean stored) {
	}

	static LatestMessage latest(Map<String, Object> row) {
		Object at = row.get("created_at");
		Instant when = (at instanceof java.time.LocalDateTime local) ? local.toInstant(java.time.ZoneOffset.UTC)
				: (at instanceof java.sql.Timestamp ts) ? ts.toInstant() : null;
		return new LatestMessage((String) row.get("msg_type"), excerpt((String) row.get("content")), when);
	}

	/** The start of a text, cut between characters a reader sees, with an ellipsis. */
	static String excerpt(String content) {
		if (content == null || content.isBlank()) {
			return null;
		}
		String text = content.strip().replaceAll("\\s+", " ");
		java.text.BreakIterator characters = java.text.BreakIterator.getCharacterInstance(java.util.Locale.ROOT);
		characters.setText(text);
		int end = 0;
		for (int i = 0; i < EXCERPT_LENGTH; i++) {
			int next = characters.next();
			if (next == java.text.BreakIterator.DONE) {
				return text;
			}
			end = next;
		}
		return (characters.next() == java.text.BreakIterator.DONE) ? text : text.substring(0, end) + "…";
	}

	static Window window(Instant closesAt, int delivered, Instant now, String zone) {
		boolean open = closesAt != null && now.isBefore(closesAt);
		int left = open ? Math.max(0, TicketService.MESSAGES_PER_WINDOW - delivered) : 0;
		return new Window(open, closesAt, left, now, zone);
	}

	static boolean expired(TicketEntry e, Instant now) {
		return !e.getCreatedAt().plus(MEDIA_LIFETIME).isAfter(now);
	}

	static List<MediaItem> media(long ticketId, List<TicketEntry> thread, Instant now) {
		List<MediaItem> items = new ArrayList<>();
		for (TicketEntry e : thread) {
			if (e.getMsgType() == null || !MEDIA_TYPES.contains(e.getMsgType())
					|| !("IN".equals(e.getKind()) || "OUT".equals(e.getKind()))) {
				continue;
			}
			String state = (e.getMediaId() == null) ? "REMOVED" : expired(e, now) ? "EXPIRED" : "AVAILABLE";
			boolean available = "AVAILABLE".equals(state);
			items.add(new MediaItem(e.getId(), e.getKind(), e.getMsgType(), state,
					available ? e.getCreatedAt().plus(MEDIA_LIFETIME) : null,
					available ? "/api/tickets/" + ticketId + "/entries/" + e.getId() + "/media" : null,
					"voice".equals(e.getMsgType()) ? e.getContent() : null, false));
		}
		return items;
	}

}
