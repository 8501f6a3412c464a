package io.wxops.devkit.simulator;

import static io.wxops.devkit.simulator.SimulatorJson.string;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

import javax.imageio.ImageIO;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The platform's customer-service (客服) side, per AppID and follower: the windows that
 * follower interactions open, {@code POST /cgi-bin/message/custom/send} within them, and
 * {@code GET /cgi-bin/media/get} for media the follower sent. Called by
 * {@link SimulatedPlatform} once the access token has been checked.
 *
 * <p>
 * Each follower of an AppID has at most one window: the latest interaction defines it (a
 * new interaction replaces the window, with a new count from the new time), which is
 * simpler than the platform, where several windows may be open at once. A window is open
 * from the interaction (inclusive) until its length has passed (exclusive), measured on
 * the mass-send side's settable {@link Clock}, so that one clock drives both.
 */
final class CustomerServicePlatform {

	/** {@code POST /cgi-bin/message/custom/send}. */
	static final String CUSTOM_SEND = "custom_send";

	/** {@code GET /cgi-bin/media/get}. */
	static final String MEDIA_GET = "media_get";

	/** Media ids with this prefix that were not added answer a generated JPEG. */
	static final String GENERATED_MEDIA_PREFIX = "SIM_";

	/** Message types whose object carries a {@code media_id}. */
	private static final Set<String> MEDIA_TYPES = Set.of("image", "voice", "video", "mpnews");

	/** Other message types the platform accepts; recorded without content or media. */
	private static final Set<String> OTHER_TYPES = Set.of("music", "news", "mpnewsarticle", "msgmenu", "wxcard",
			"miniprogrampage");

	private static final Map<String, String> EXTENSIONS = Map.of("image/jpeg", "jpg", "image/jpg", "jpg", "image/png",
			"png", "image/gif", "gif", "image/bmp", "bmp", "audio/amr", "amr", "audio/mpeg", "mp3", "audio/mp3", "mp3",
			"audio/speex", "speex", "video/mp4", "mp4");

	private static volatile byte[] generatedJpeg;

	private final Supplier<Clock> clock;

	private final Map<Interaction, Rule> rules = new EnumMap<>(Interaction.class);

	private final Map<Follower, Window> windows = new HashMap<>();

	private final Map<String, List<RecordedCustomMessage>> messages = new HashMap<>();

	private final Map<String, Integer> sendCalls = new HashMap<>();

	private final Map<String, Media> media = new HashMap<>();

	/**
	 * A customer-service side on a clock that may be replaced at any time.
	 * @param clock supplies the current clock
	 */
	CustomerServicePlatform(Supplier<Clock> clock) {
		this.clock = clock;
		defaultRules();
	}

	// ---- configuration and follower actions ----

	synchronized void setRule(Interaction kind, Duration window, int quota) {
		Objects.requireNonNull(kind, "kind");
		if (window == null || window.isNegative() || window.isZero()) {
			throw new IllegalArgumentException("Expected a positive window, got " + window);
		}
		if (quota <= 0) {
			throw new IllegalArgumentException("Expected a positive quota, got " + quota);
		}
		this.rules.put(kind, new Rule(window, quota));
	}

	synchronized void interacted(String appId, String openid, Interaction kind) {
		Objects.requireNonNull(kind, "kind");
		Rule rule = this.rules.get(kind);
		this.windows.put(new Follower(appId, openid),
				new Window(this.clock.get().instant(), rule.window(), rule.quota()));
	}

	synchronized void unsubscribed(String appId, String openid) {
		this.windows.remove(new Follower(appId, openid));
	}

	synchronized void addMedia(String mediaId, byte[] bytes, String contentType) {
		Objects.requireNonNull(mediaId, "mediaId");
		Objects.requireNonNull(bytes, "bytes");
		Objects.requireNonNull(contentType, "contentType");
		this.media.put(mediaId, new Media(bytes.clone(), contentType));
	}

	synchronized void reset() {
		defaultRules();
		this.windows.clear();
		this.messages.clear();
		this.sendCalls.clear();
		this.media.clear();
	}

	private void defaultRules() {
		for (Interaction kind : Interaction.values()) {
			this.rules.put(kind, new Rule(kind.defaultWindow(), kind.defaultQuota()));
		}
	}

	// ---- inspection ----

	synchronized List<RecordedCustomMessage> messages(String appId, String openid) {
		return this.messages.getOrDefault(appId, List.of())
			.stream()
			.filter((message) -> message.openid().equals(openid))
			.toList();
	}

	synchronized int sendCalls(String appId) {
		return this.sendCalls.getOrDefault(appId, 0);
	}

	// ---- endpoints ----

	/**
	 * Answers {@code POST /cgi-bin/message/custom/send} for an AppID whose token was
	 * accepted.
	 * @param appId the AppID the token belongs to
	 * @param body the request body
	 * @return the JSON body to answer with
	 */
	synchronized JsonObject send(String appId, String body) {
		this.sendCalls.merge(appId, 1, Integer::sum);
		if (body == null || body.isBlank()) {
			return MassSendPlatform.error(44002, "empty post data");
		}
		JsonObject json;
		try {
			JsonElement parsed = JsonParser.parseString(body);
			if (!parsed.isJsonObject()) {
				return MassSendPlatform.error(47001, "data format error");
			}
			json = parsed.getAsJsonObject();
		}
		catch (RuntimeException ex) {
			return MassSendPlatform.error(47001, "data format error");
		}
		String openid = string(json, "touser");
		if (isBlank(openid)) {
			return MassSendPlatform.error(40003, "invalid openid");
		}
		String msgType = string(json, "msgtype");
		if (isBlank(msgType)) {
			return MassSendPlatform.error(40008, "invalid message type");
		}
		String content = null;
		String mediaId = null;
		if ("text".equals(msgType)) {
			content = string(object(json, "text"), "content");
			if (isBlank(content)) {
				return MassSendPlatform.error(44004, "empty content");
			}
		}
		else if (MEDIA_TYPES.contains(msgType)) {
			mediaId = string(object(json, msgType), "media_id");
			if (isBlank(mediaId)) {
				return MassSendPlatform.error(40007, "invalid media_id");
			}
		}
		else if (!OTHER_TYPES.contains(msgType)) {
			return MassSendPlatform.error(40008, "invalid message type");
		}
		Instant now = this.clock.get().instant();
		Window window = this.windows.get(new Follower(appId, openid));
		if (window == null || !window.isOpenAt(now)) {
			return MassSendPlatform.error(45015, "response out of time limit or subscription is canceled");
		}
		if (window.used >= window.quota) {
			return MassSendPlatform.error(45047, "out of response count limit");
		}
		window.used++;
		this.messages.computeIfAbsent(appId, (a) -> new ArrayList<>())
			.add(new RecordedCustomMessage(appId, openid, msgType, content, mediaId, now));
		JsonObject answer = new JsonObject();
		answer.addProperty("errcode", 0);
		answer.addProperty("errmsg", "ok");
		return answer;
	}

	/**
	 * The file {@code GET /cgi-bin/media/get} answers for a media id: one
	 * {@link #addMedia added}, otherwise a generated JPEG for an id starting with
	 * {@value #GENERATED_MEDIA_PREFIX}, otherwise null.
	 * @param mediaId the media id
	 * @return the file, or null when the platform answers 40007
	 */
	synchronized Media media(String mediaId) {
		Media added = this.media.get(mediaId);
		if (added != null) {
			return added;
		}
		if (mediaId.startsWith(GENERATED_MEDIA_PREFIX)) {
			return new Media(generatedJpeg(), "image/jpeg");
		}
		return null;
	}

	/** The file name the platform sends in {@code Content-disposition}. */
	static String fileName(String mediaId, String contentType) {
		String type = contentType.toLowerCase(Locale.ROOT);
		int parameters = type.indexOf(';');
		if (parameters >= 0) {
			type = type.substring(0, parameters).trim();
		}
		String extension = EXTENSIONS.get(type);
		if (extension == null) {
			String subtype = type.substring(type.indexOf('/') + 1);
			extension = subtype.matches("[a-z0-9]{1,8}") ? subtype : "bin";
		}
		return mediaId + "." + extension;
	}

	/** A small image, made once, for media ids nobody added. */
	static byte[] generatedJpeg() {
		byte[] jpeg = generatedJpeg;
		if (jpeg == null) {
			BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
			Graphics2D graphics = image.createGraphics();
			graphics.setColor(new Color(0x07C160));
			graphics.fillRect(0, 0, 16, 16);
			graphics.dispose();
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			try {
				ImageIO.write(image, "jpg", out);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			jpeg = out.toByteArray();
			generatedJpeg = jpeg;
		}
		return jpeg.clone();
	}

	// ---- helpers ----

	private static JsonObject object(JsonObject json, String name) {
		JsonElement element = (json != null) ? json.get(name) : null;
		return (element != null && element.isJsonObject()) ? element.getAsJsonObject() : null;
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

	// ---- state ----

	private record Rule(Duration window, int quota) {

	}

	private record Follower(String appId, String openid) {

		Follower {
			Objects.requireNonNull(appId, "appId");
			Objects.requireNonNull(openid, "openid");
		}

	}

	/** A file answered by {@code media/get}; the bytes are not copied again. */
	record Media(byte[] bytes, String contentType) {

	}

	/** An open or expired window; only {@link #used} changes, guarded by the platform. */
	private static final class Window {

		final Instant openedAt;

		final Duration length;

		final int quota;

		int used;

		Window(Instant openedAt, Duration length, int quota) {
			this.openedAt = openedAt;
			this.length = length;
			this.quota = quota;
		}

		boolean isOpenAt(Instant now) {
			return !now.isBefore(this.openedAt) && now.isBefore(this.openedAt.plus(this.length));
		}

	}

}
