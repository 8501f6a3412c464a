package io.wxops.devkit.simulator;

import static io.wxops.devkit.simulator.SimulatorJson.string;
import static io.wxops.devkit.simulator.SimulatorJson.number;
import static io.wxops.devkit.simulator.SimulatorJson.array;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform's mass-send side, per AppID: drafts, previews, mass sends with their quota
 * and {@code clientmsgid} idempotency, {@code mass/get}, {@code mass/delete} (tag
 * audiences counted by {@link FollowerPlatform}), and the {@code MASSSENDJOBFINISH} push
 * to a connected gateway. Called by {@link SimulatedPlatform} once the access token has
 * been checked; every answer is the JSON body WeChat would send with HTTP 200.
 *
 * <p>
 * Days, months and the 24 h {@code clientmsgid} window use a settable {@link Clock}
 * (Asia/Shanghai for calendar days and months). The push is delayed in real time.
 */
final class MassSendPlatform {

	/** {@code POST /cgi-bin/draft/add}. */
	static final String DRAFT_ADD = "draft_add";

	/** {@code POST /cgi-bin/message/mass/preview}. */
	static final String MASS_PREVIEW = "mass_preview";

	/** {@code POST /cgi-bin/message/mass/sendall}. */
	static final String MASS_SENDALL = "mass_sendall";

	/** {@code POST /cgi-bin/message/mass/send}. */
	static final String MASS_SEND = "mass_send";

	/** {@code POST /cgi-bin/message/mass/get}. */
	static final String MASS_GET = "mass_get";

	/** {@code POST /cgi-bin/message/mass/delete}. */
	static final String MASS_DELETE = "mass_delete";

	static final Set<String> ENDPOINTS = Set.of(DRAFT_ADD, MASS_PREVIEW, MASS_SENDALL, MASS_SEND, MASS_GET,
			MASS_DELETE);

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	static final Duration DEFAULT_JOB_FINISH_DELAY = Duration.ofSeconds(1);

	static final int DEFAULT_FOLLOWERS = 100;

	static final Duration CLIENT_MSG_ID_WINDOW = Duration.ofHours(24);

	static final int CLIENT_MSG_ID_MAX_BYTES = 64;

	static final int SUBSCRIPTION_SENDS_PER_DAY = 1;

	static final int SERVICE_SENDS_PER_MONTH = 4;

	static final String SEND_SUCCESS = "SEND_SUCCESS";

	static final String DELETE = "DELETE";

	private static final Logger logger = LoggerFactory.getLogger(MassSendPlatform.class);

	private Clock clock = Clock.systemUTC();

	private Duration jobFinishDelay = DEFAULT_JOB_FINISH_DELAY;

	private final Map<String, AccountKind> kinds = new HashMap<>();

	private final Map<String, Integer> followers = new HashMap<>();

	private final Map<String, Integer> errors = new HashMap<>();

	/** The followers of a tag of an AppID, null for a tag the platform does not know. */
	private final java.util.function.BiFunction<String, Long, Integer> tagCount;

	private final Map<String, Gateway> gateways = new HashMap<>();

	private final Map<String, List<RecordedDraft>> drafts = new HashMap<>();

	private final Map<String, List<RecordedPreview>> previews = new HashMap<>();

	private final Map<String, List<Send>> sends = new HashMap<>();

	private final Map<String, Integer> sendCalls = new HashMap<>();

	private final Map<String, List<FollowerSimulator.Delivery>> deliveries = new HashMap<>();

	private long nextMsgId = 1_000_000_001L;

	private long nextMsgDataId = 2_247_483_649L;

	/** Bumped by {@link #reset()}, so that pushes scheduled before it are dropped. */
	private long generation;

	private ScheduledExecutorService executor;

	MassSendPlatform(java.util.function.BiFunction<String, Long, Integer> tagCount) {
		this.tagCount = tagCount;
	}

	// ---- configuration ----

	synchronized void setClock(Clock clock) {
		this.clock = (clock != null) ? clock : Clock.systemUTC();
	}

	synchronized Clock clock() {
		return this.clock;
	}

	synchronized void setJobFinishDelay(Duration delay) {
		if (delay != null && delay.isNegative()) {
			throw new IllegalArgumentException("Expected a delay of zero or more, got " + delay);
		}
		this.jobFinishDelay = delay;
	}

	synchronized void setAccountKind(String appId, AccountKind kind) {
		this.kinds.put(Objects.requireNonNull(appId, "appId"), Objects.requireNonNull(kind, "kind"));
	}

	synchronized void setFollowerCount(String appId, int count) {
		this.followers.put(Objects.requireNonNull(appId, "appId"), requireNotNegative(count));
	}

	synchronized void setSendErrorCount(String appId, int count) {
		this.errors.put(Objects.requireNonNull(appId, "appId"), requireNotNegative(count));
	}

	synchronized void connectGateway(SimulatedAccount account, URI gatewayBaseUrl) {
		this.gateways.put(account.appId(), new Gateway(account, new FollowerSimulator(gatewayBaseUrl)));
	}

	synchronized void reset() {
		this.generation++;
		this.clock = Clock.systemUTC();
		this.jobFinishDelay = DEFAULT_JOB_FINISH_DELAY;
		this.kinds.clear();
		this.followers.clear();
		this.errors.clear();
		this.gateways.clear();
		this.drafts.clear();
		this.previews.clear();
		this.sends.clear();
		this.sendCalls.clear();
		this.deliveries.clear();
	}

	synchronized void shutdown() {
		this.generation++;
		if (this.executor != null) {
			this.executor.shutdownNow();
			this.executor = null;
		}
	}

	// ---- inspection ----

	synchronized List<RecordedSend> sends(String appId) {
		return this.sends.getOrDefault(appId, List.of()).stream().map(Send::record).toList();
	}

	synchronized List<RecordedPreview> previews(String appId) {
		return List.copyOf(this.previews.getOrDefault(appId, List.of()));
	}

	synchronized List<RecordedDraft> drafts(String appId) {
		return List.copyOf(this.drafts.getOrDefault(appId, List.of()));
	}

	synchronized int sendCalls(String appId) {
		return this.sendCalls.getOrDefault(appId, 0);
	}

	synchronized List<FollowerSimulator.Delivery> jobFinishDeliveries(String appId) {
		return List.copyOf(this.deliveries.getOrDefault(appId, List.of()));
	}

	// ---- endpoints ----

	/**
	 * Answers one call for an AppID whose token was accepted.
	 * @param endpoint one of {@link #ENDPOINTS}
	 * @param appId the AppID the token belongs to
	 * @param body the request body, empty for a GET
	 * @return the JSON body to answer with
	 */
	JsonObject handle(String endpoint, String appId, String body) {
		if (MASS_SENDALL.equals(endpoint) || MASS_SEND.equals(endpoint)) {
			synchronized (this) {
				this.sendCalls.merge(appId, 1, Integer::sum);
			}
		}
		JsonObject json;
		try {
			JsonElement parsed = JsonParser.parseString(body);
			if (!parsed.isJsonObject()) {
				return error(47001, "data format error");
			}
			json = parsed.getAsJsonObject();
		}
		catch (RuntimeException ex) {
			return error(47001, "data format error");
		}
		return switch (endpoint) {
			case DRAFT_ADD -> draftAdd(appId, json);
			case MASS_PREVIEW -> preview(appId, json);
			case MASS_SENDALL -> send(appId, json, body, true);
			case MASS_SEND -> send(appId, json, body, false);
			case MASS_GET -> massGet(appId, json);
			case MASS_DELETE -> massDelete(appId, json);
			default -> throw new IllegalArgumentException("Not a mass-send endpoint: " + endpoint);
		};
	}

	private synchronized JsonObject draftAdd(String appId, JsonObject json) {
		JsonArray articles = array(json, "articles");
		if (articles == null || articles.isEmpty()) {
			return error(44003, "empty news data");
		}
		if (articles.size() > 8) {
			return error(45008, "article size out of limit");
		}
		List<Map<String, Object>> stored = new ArrayList<>();
		for (JsonElement element : articles) {
			if (!element.isJsonObject()) {
				return error(47001, "data format error");
			}
			JsonObject article = element.getAsJsonObject();
			String title = string(article, "title");
			String content = string(article, "content");
			if (isBlank(title) || isBlank(content)) {
				return error(44003, "empty news data");
			}
			if (length(title) > 32) {
				return error(45003, "title size out of limit");
			}
			if (length(content) >= 20_000) {
				return error(45002, "content size out of limit");
			}
			if (length(string(article, "author")) > 16) {
				return error(45110, "author size out of limit");
			}
			if (length(string(article, "digest")) > 128) {
				return error(45004, "description size out of limit");
			}
			String type = string(article, "article_type");
			if ((type == null || "news".equals(type)) && isBlank(string(article, "thumb_media_id"))) {
				return error(40007, "invalid media_id");
			}
			@SuppressWarnings("unchecked")
			Map<String, Object> map = (Map<String, Object>) toJava(article);
			stored.add(map);
		}
		String mediaId = "DRAFT_" + Callback.randomString(32);
		this.drafts.computeIfAbsent(appId, (a) -> new ArrayList<>())
			.add(new RecordedDraft(appId, mediaId, stored, this.clock.instant()));
		JsonObject answer = new JsonObject();
		answer.addProperty("media_id", mediaId);
		return answer;
	}

	private synchronized JsonObject preview(String appId, JsonObject json) {
		String toUser = string(json, "touser");
		String toWxName = string(json, "towxname");
		if (isBlank(toUser) && isBlank(toWxName)) {
			return error(40003, "invalid openid");
		}
		Content content = content(appId, json, false);
		if (content.error() != null) {
			return content.error();
		}
		long msgId = this.nextMsgId++;
		this.previews.computeIfAbsent(appId, (a) -> new ArrayList<>())
			.add(new RecordedPreview(appId, blankToNull(toUser), blankToNull(toWxName), content.msgType(),
					content.text(), content.mediaId(), msgId, this.clock.instant()));
		JsonObject answer = ok("preview success");
		answer.addProperty("msg_id", msgId);
		return answer;
	}

	private JsonObject send(String appId, JsonObject json, String body, boolean toAllPath) {
		Send accepted;
		Gateway gateway;
		Duration delay;
		long generationAtSend;
		synchronized (this) {
			String clientMsgId = string(json, "clientmsgid");
			if (clientMsgId != null && clientMsgId.getBytes(StandardCharsets.UTF_8).length > CLIENT_MSG_ID_MAX_BYTES) {
				return error(45067, "clientmsgid size out of limit");
			}
			String audience;
			int total;
			if (toAllPath) {
				JsonObject filter = object(json, "filter");
				if (filter == null) {
					return error(40035, "invalid args, filter missing");
				}
				JsonElement toAll = filter.get("is_to_all");
				if (toAll != null && toAll.isJsonPrimitive() && toAll.getAsBoolean()) {
					audience = "all";
					total = this.followers.getOrDefault(appId, DEFAULT_FOLLOWERS);
				}
				else {
					Long tagId = number(filter, "tag_id");
					if (tagId == null) {
						return error(40035, "invalid args, tag_id missing");
					}
					audience = "tag:" + tagId;
					Integer tagged = this.tagCount.apply(appId, tagId);
					total = (tagged != null) ? tagged : this.followers.getOrDefault(appId, DEFAULT_FOLLOWERS);
				}
			}
			else {
				JsonArray toUsers = array(json, "touser");
				if (toUsers == null || toUsers.size() < 2 || toUsers.size() > 10_000) {
					return error(40130, "invalid openid list size, at least two openid");
				}
				audience = "openids:" + toUsers.size();
				total = toUsers.size();
			}
			Content content = content(appId, json, true);
			if (content.error() != null) {
				return content.error();
			}
			Instant now = this.clock.instant();
			String key = (clientMsgId != null) ? "id:" + clientMsgId : "digest:" + digest(json);
			Send earlier = earlierSend(appId, key, now);
			if (earlier != null) {
				// The platform refuses the job and points at the one it already has.
				JsonObject answer = error(45065, "clientmsgid exist");
				answer.addProperty("msg_id", earlier.msgId);
				return answer;
			}
			if (!hasQuota(appId, now)) {
				return error(45028, "has no masssend quota");
			}
			int errorCount = Math.min(total, this.errors.getOrDefault(appId, 0));
			List<String> articleUrls = new ArrayList<>();
			for (int i = 0; i < content.articles(); i++) {
				articleUrls.add("https://mp.weixin.qq.com/s/SIM_" + Callback.randomString(22));
			}
			accepted = new Send(appId, this.nextMsgId++, this.nextMsgDataId++, content.msgType(), audience, clientMsgId,
					key, body, now, total, errorCount, articleUrls);
			this.sends.computeIfAbsent(appId, (a) -> new ArrayList<>()).add(accepted);
			gateway = this.gateways.get(appId);
			delay = this.jobFinishDelay;
			generationAtSend = this.generation;
		}
		if (gateway != null && delay != null) {
			schedulePush(gateway, accepted, delay, generationAtSend);
		}
		JsonObject answer = ok("send job submission success");
		answer.addProperty("msg_id", accepted.msgId);
		answer.addProperty("msg_data_id", accepted.msgDataId);
		return answer;
	}

	private synchronized JsonObject massGet(String appId, JsonObject json) {
		Send send = find(appId, number(json, "msg_id"));
		if (send == null) {
			return error(40007, "invalid msg_id");
		}
		JsonObject answer = new JsonObject();
		answer.addProperty("msg_id", send.msgId);
		answer.addProperty("msg_status", send.status);
		return answer;
	}

	private synchronized JsonObject massDelete(String appId, JsonObject json) {
		Send send = find(appId, number(json, "msg_id"));
		if (send == null) {
			return error(40007, "invalid msg_id");
		}
		send.status = DELETE;
		return ok("ok");
	}

	// ---- rules ----

	/** The latest accepted send with the same key less than 24 h ago, or null. */
	private Send earlierSend(String appId, String key, Instant now) {
		List<Send> list = this.sends.getOrDefault(appId, List.of());
		for (int i = list.size() - 1; i >= 0; i--) {
			Send send = list.get(i);
			if (send.key.equals(key) && Duration.between(send.sentAt, now).compareTo(CLIENT_MSG_ID_WINDOW) < 0) {
				return send;
			}
		}
		return null;
	}

	private boolean hasQuota(String appId, Instant now) {
		List<Send> list = this.sends.getOrDefault(appId, List.of());
		if (this.kinds.getOrDefault(appId, AccountKind.SUBSCRIPTION) == AccountKind.SERVICE) {
			YearMonth month = YearMonth.from(now.atZone(SHANGHAI));
			long used = list.stream().filter((s) -> YearMonth.from(s.sentAt.atZone(SHANGHAI)).equals(month)).count();
			return used < SERVICE_SENDS_PER_MONTH;
		}
		LocalDate day = LocalDate.ofInstant(now, SHANGHAI);
		long used = list.stream().filter((s) -> LocalDate.ofInstant(s.sentAt, SHANGHAI).equals(day)).count();
		return used < SUBSCRIPTION_SENDS_PER_DAY;
	}

	private Send find(String appId, Long msgId) {
		if (msgId == null) {
			return null;
		}
		for (Send send : this.sends.getOrDefault(appId, List.of())) {
			if (send.msgId == msgId) {
				return send;
			}
		}
		return null;
	}

	/**
	 * The message of a preview or send: {@code msgtype} and its object. An mpnews
	 * {@code media_id} must be a draft of this AppID.
	 */
	private Content content(String appId, JsonObject json, boolean mass) {
		String msgType = string(json, "msgtype");
		if (isBlank(msgType)) {
			return Content.failed(error(40008, "invalid message type"));
		}
		switch (msgType) {
			case "text" -> {
				String text = string(object(json, "text"), "content");
				if (isBlank(text)) {
					return Content.failed(error(44004, "empty content"));
				}
				return new Content(msgType, text, null, 0, null);
			}
			case "mpnews" -> {
				String mediaId = string(object(json, "mpnews"), "media_id");
				RecordedDraft draft = null;
				for (RecordedDraft candidate : this.drafts.getOrDefault(appId, List.of())) {
					if (candidate.mediaId().equals(mediaId)) {
						draft = candidate;
					}
				}
				if (draft == null) {
					return Content.failed(error(40007, "invalid media_id"));
				}
				return new Content(msgType, null, mediaId, draft.articles().size(), null);
			}
			case "image", "voice", "mpvideo" -> {
				String mediaId = string(object(json, msgType), "media_id");
				if (isBlank(mediaId) && mass && "image".equals(msgType)) {
					// Several images: {"images":{"media_ids":[..]}}, as WxJava sends it.
					JsonArray ids = array(object(json, "images"), "media_ids");
					mediaId = (ids != null && !ids.isEmpty()) ? String.join(",",
							ids.asList().stream().map((e) -> e.isJsonPrimitive() ? e.getAsString() : "").toList())
							: null;
				}
				if (isBlank(mediaId)) {
					return Content.failed(error(40007, "invalid media_id"));
				}
				return new Content(msgType, null, mediaId, 0, null);
			}
			default -> {
				return Content.failed(error(40008, "invalid message type"));
			}
		}
	}

	// ---- the job-finish push ----

	private void schedulePush(Gateway gateway, Send send, Duration delay, long generationAtSend) {
		ScheduledExecutorService scheduler;
		synchronized (this) {
			if (this.executor == null) {
				this.executor = Executors.newSingleThreadScheduledExecutor((task) -> {
					Thread thread = new Thread(task, "wechat-simulator-mass-jobs");
					thread.setDaemon(true);
					return thread;
				});
			}
			scheduler = this.executor;
		}
		scheduler.schedule(() -> push(gateway, send, generationAtSend), delay.toMillis(), TimeUnit.MILLISECONDS);
	}

	private void push(Gateway gateway, Send send, long generationAtSend) {
		long createTime;
		synchronized (this) {
			if (this.generation != generationAtSend) {
				return;
			}
			createTime = this.clock.instant().getEpochSecond();
		}
		String xml = jobFinishXml(gateway.account(), send, createTime);
		try {
			FollowerSimulator.Delivery delivery = gateway.follower().deliver(gateway.account(), xml, "mphelper");
			synchronized (this) {
				if (this.generation == generationAtSend) {
					this.deliveries.computeIfAbsent(send.appId, (a) -> new ArrayList<>()).add(delivery);
				}
			}
		}
		catch (RuntimeException ex) {
			logger.warn("MASSSENDJOBFINISH push for msg_id {} failed", send.msgId, ex);
		}
	}

	/** The event as WeChat pushes it (Batch_Sends §4 "事件推送群发结果"). */
	static String jobFinishXml(SimulatedAccount account, Send send, long createTime) {
		int filter = send.total;
		StringBuilder xml = new StringBuilder().append("<xml>")
			.append("<ToUserName><![CDATA[")
			.append(account.originalId())
			.append("]]></ToUserName>")
			.append("<FromUserName><![CDATA[mphelper]]></FromUserName>")
			.append("<CreateTime>")
			.append(createTime)
			.append("</CreateTime>")
			.append("<MsgType><![CDATA[event]]></MsgType>")
			.append("<Event><![CDATA[MASSSENDJOBFINISH]]></Event>")
			.append("<MsgID>")
			.append(send.msgId)
			.append("</MsgID>")
			.append("<Status><![CDATA[send success]]></Status>")
			.append("<TotalCount>")
			.append(send.total)
			.append("</TotalCount>")
			.append("<FilterCount>")
			.append(filter)
			.append("</FilterCount>")
			.append("<SentCount>")
			.append(filter - send.errorCount)
			.append("</SentCount>")
			.append("<ErrorCount>")
			.append(send.errorCount)
			.append("</ErrorCount>")
			.append("<CopyrightCheckResult><Count>0</Count><ResultList></ResultList><CheckState>1</CheckState>")
			.append("</CopyrightCheckResult>");
		if ("mpnews".equals(send.msgType)) {
			xml.append("<ArticleUrlResult><Count>").append(send.articleUrls.size()).append("</Count><ResultList>");
			for (int i = 0; i < send.articleUrls.size(); i++) {
				xml.append("<item><ArticleIdx>")
					.append(i + 1)
					.append("</ArticleIdx><ArticleUrl><![CDATA[")
					.append(send.articleUrls.get(i))
					.append("]]></ArticleUrl></item>");
			}
			xml.append("</ResultList></ArticleUrlResult>");
		}
		return xml.append("</xml>").toString();
	}

	// ---- JSON helpers ----

	/** An error the way WeChat sends it, with a request id in the message. */
	static JsonObject error(int code, String msg) {
		JsonObject body = new JsonObject();
		body.addProperty("errcode", code);
		body.addProperty("errmsg",
				msg + " rid: " + Callback.randomString(8).toLowerCase() + "-" + Callback.randomString(8).toLowerCase());
		return body;
	}

	private static JsonObject ok(String msg) {
		JsonObject body = new JsonObject();
		body.addProperty("errcode", 0);
		body.addProperty("errmsg", msg);
		return body;
	}

	/** The platform's default clientmsgid: a digest of scope and content. */
	private static String digest(JsonObject json) {
		JsonObject copy = json.deepCopy();
		copy.remove("clientmsgid");
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(copy.toString().getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(hash);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Object toJava(JsonElement element) {
		if (element == null || element.isJsonNull()) {
			return null;
		}
		if (element.isJsonObject()) {
			Map<String, Object> map = new LinkedHashMap<>();
			element.getAsJsonObject().entrySet().forEach((e) -> map.put(e.getKey(), toJava(e.getValue())));
			return Collections.unmodifiableMap(map);
		}
		if (element.isJsonArray()) {
			List<Object> list = new ArrayList<>();
			element.getAsJsonArray().forEach((e) -> list.add(toJava(e)));
			return Collections.unmodifiableList(list);
		}
		JsonPrimitive primitive = element.getAsJsonPrimitive();
		if (primitive.isBoolean()) {
			return primitive.getAsBoolean();
		}
		if (primitive.isNumber()) {
			double value = primitive.getAsDouble();
			return (value == Math.rint(value) && Math.abs(value) < 9.0e15) ? (Object) primitive.getAsLong()
					: (Object) value;
		}
		return primitive.getAsString();
	}

	private static JsonObject object(JsonObject json, String name) {
		JsonElement element = (json != null) ? json.get(name) : null;
		return (element != null && element.isJsonObject()) ? element.getAsJsonObject() : null;
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

	private static String blankToNull(String value) {
		return isBlank(value) ? null : value;
	}

	private static int length(String value) {
		return (value != null) ? value.codePointCount(0, value.length()) : 0;
	}

	private static int requireNotNegative(int count) {
		if (count < 0) {
			throw new IllegalArgumentException("Expected a count of zero or more, got " + count);
		}
		return count;
	}

	// ---- state ----

	private record Gateway(SimulatedAccount account, FollowerSimulator follower) {

	}

	private record Content(String msgType, String text, String mediaId, int articles, JsonObject error) {

		static Content failed(JsonObject error) {
			return new Content(null, null, null, 0, error);
		}

	}

	/** An accepted send; only {@link #status} changes, guarded by the platform. */
	static final class Send {

		final String appId;

		final long msgId;

		final long msgDataId;

		final String msgType;

		final String audience;

		final String clientMsgId;

		/** The clientmsgid, or the digest standing in for it. */
		final String key;

		final String requestJson;

		final Instant sentAt;

		final int total;

		final int errorCount;

		final List<String> articleUrls;

		String status = SEND_SUCCESS;

		Send(String appId, long msgId, long msgDataId, String msgType, String audience, String clientMsgId, String key,
				String requestJson, Instant sentAt, int total, int errorCount, List<String> articleUrls) {
			this.appId = appId;
			this.msgId = msgId;
			this.msgDataId = msgDataId;
			this.msgType = msgType;
			this.audience = audience;
			this.clientMsgId = clientMsgId;
			this.key = key;
			this.requestJson = requestJson;
			this.sentAt = sentAt;
			this.total = total;
			this.errorCount = errorCount;
			this.articleUrls = List.copyOf(articleUrls);
		}

		RecordedSend record() {
			return new RecordedSend(this.appId, this.msgId, this.msgDataId, this.msgType, this.audience,
					this.clientMsgId, this.requestJson, this.sentAt, this.status);
		}

	}

}
