package io.wxops.core.message;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One typed view of a message the gateway stored: the row's columns and the fields of its
 * JSON that admin features act on, parsed once, here. Routing, the ticket threads and the
 * mass-send results read messages through it instead of casting rows and parsing the JSON
 * themselves.
 *
 * @param id the stored message's id
 * @param accountId the account it was sent to
 * @param kind what it is (a follower message, a menu click, a job-finish report...)
 * @param msgType WeChat's {@code MsgType} ({@code text}, {@code image}, {@code event}...)
 * @param event WeChat's {@code Event} for an event, else null
 * @param eventKey the event's {@code EventKey} (a menu button's key), or null
 * @param openid the sender ({@code FromUserName}; a pseudonym once pseudonymised)
 * @param msgId WeChat's {@code MsgId} (or a job-finish report's {@code MsgID}), or null
 * @param createdAt WeChat's {@code CreateTime} (whole seconds): when the follower wrote
 * @param receivedAt when the gateway received it (milliseconds), or null
 * @param content the text of a text message, or null
 * @param mediaId the media of an image, voice or video message, or null
 * @param recognition WeChat's speech recognition of a voice message, or null
 * @param label a location's label, or null
 * @param title a link's title, or null
 * @param jobFinish what a mass send's job-finish report says, or null for other kinds
 */
public record InboundView(long id, long accountId, InboundKind kind, String msgType, String event, String eventKey,
		String openid, String msgId, Instant createdAt, Instant receivedAt, String content, String mediaId,
		String recognition, String label, String title, JobFinish jobFinish) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** The view of a stored row; its JSON fields are parsed once, here. */
	public static InboundView of(InboundMessage row) {
		JsonNode fields = parse(row.getFields());
		InboundKind kind = InboundKind.of(row.getMsgType(), row.getEvent());
		String msgId = (row.getMsgId() != null) ? row.getMsgId() : text(fields, "MsgID");
		Instant created = (row.getCreateTime() != null) ? Instant.ofEpochSecond(row.getCreateTime()) : null;
		return new InboundView(row.getId(), row.getAccountId(), kind, row.getMsgType(), row.getEvent(),
				row.getEventKey(), row.getFromUser(), msgId, created, row.getReceivedAt(), row.getContent(),
				text(fields, "MediaId"), text(fields, "Recognition"), text(fields, "Label"), text(fields, "Title"),
				(kind == InboundKind.MASS_SEND_JOB_FINISH) ? JobFinish.read(fields) : null);
	}

	/**
	 * Whether it is a message the follower wrote (which opens the customer-service
	 * window).
	 */
	public boolean fromFollower() {
		return this.kind == InboundKind.FOLLOWER_MESSAGE;
	}

	/** Whether it is a menu click. */
	public boolean menuClick() {
		return this.kind == InboundKind.MENU_CLICK;
	}

	/**
	 * What a ticket's thread shows of it: the text, a menu click's key, a location's
	 * label, a link's title or a voice message's recognition; null for a message that is
	 * only media.
	 */
	public String describe() {
		if (this.kind == InboundKind.MENU_CLICK) {
			return this.eventKey;
		}
		if (this.content != null) {
			return this.content;
		}
		return switch (String.valueOf(this.msgType)) {
			case "location" -> this.label;
			case "link" -> this.title;
			case "voice" -> this.recognition;
			default -> null;
		};
	}

	/**
	 * When it arrived, to the millisecond where the gateway recorded it, so a thread
	 * orders it right against replies; else WeChat's CreateTime.
	 */
	public Instant arrivedAt() {
		return (this.receivedAt != null) ? this.receivedAt : this.createdAt;
	}

	/**
	 * What WeChat's MASSSENDJOBFINISH report says about one mass send.
	 *
	 * @param status WeChat's {@code Status} ({@code send success}, {@code err(...)}...)
	 * @param totalCount {@code TotalCount}, or null
	 * @param filterCount {@code FilterCount}, or null
	 * @param sentCount {@code SentCount}, or null
	 * @param errorCount {@code ErrorCount}, or null
	 * @param copyrightCheckResult the {@code CopyrightCheckResult} block as JSON, or null
	 * @param articleUrls each article's published URL ({@code ArticleUrlResult})
	 */
	public record JobFinish(String status, Integer totalCount, Integer filterCount, Integer sentCount,
			Integer errorCount, String copyrightCheckResult, List<ArticleUrl> articleUrls) {

		/** The report in a job-finish event's fields (missing ones are null). */
		public static JobFinish of(String fieldsJson) {
			return read(parse(fieldsJson));
		}

		static JobFinish read(JsonNode fields) {
			if (fields == null) {
				return new JobFinish(null, null, null, null, null, null, List.of());
			}
			List<ArticleUrl> urls = new ArrayList<>();
			for (JsonNode item : items(fields.path("ArticleUrlResult").path("ResultList").path("item"))) {
				Integer idx = number(item, "ArticleIdx");
				String url = text(item, "ArticleUrl");
				if (idx != null && url != null) {
					urls.add(new ArticleUrl(idx, url));
				}
			}
			JsonNode copyright = fields.get("CopyrightCheckResult");
			return new JobFinish(text(fields, "Status"), number(fields, "TotalCount"), number(fields, "FilterCount"),
					number(fields, "SentCount"), number(fields, "ErrorCount"),
					(copyright != null) ? copyright.toString() : null, List.copyOf(urls));
		}

	}

	/**
	 * One article's URL in a job-finish report.
	 *
	 * @param index the article's {@code ArticleIdx} (1-based)
	 * @param url its {@code ArticleUrl}
	 */
	public record ArticleUrl(int index, String url) {
	}

	private static JsonNode parse(String json) {
		if (json == null || json.isBlank()) {
			return null;
		}
		try {
			JsonNode node = JSON.readTree(json);
			return (node != null && node.isObject()) ? node : null;
		}
		catch (JacksonException ex) {
			// A row whose fields cannot be read still has its columns.
			return null;
		}
	}

	private static List<JsonNode> items(JsonNode node) {
		if (node == null || node.isMissingNode() || node.isNull()) {
			return List.of();
		}
		return node.isArray() ? node.valueStream().toList() : List.of(node);
	}

	private static String text(JsonNode node, String field) {
		JsonNode v = (node != null) ? node.get(field) : null;
		return (v == null || v.isNull() || v.isContainer()) ? null : v.asString();
	}

	private static Integer number(JsonNode node, String field) {
		String t = text(node, field);
		try {
			return (t != null) ? Integer.valueOf(t.trim()) : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
