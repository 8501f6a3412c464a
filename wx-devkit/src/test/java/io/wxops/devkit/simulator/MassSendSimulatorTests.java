package io.wxops.devkit.simulator;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpServer;
import me.chanjar.weixin.common.api.WxConsts;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.api.impl.WxMpServiceImpl;
import me.chanjar.weixin.mp.bean.WxMpMassOpenIdsMessage;
import me.chanjar.weixin.mp.bean.WxMpMassPreviewMessage;
import me.chanjar.weixin.mp.bean.WxMpMassTagMessage;
import me.chanjar.weixin.mp.bean.draft.WxMpAddDraft;
import me.chanjar.weixin.mp.bean.draft.WxMpDraftArticles;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import me.chanjar.weixin.mp.bean.result.WxMpMassSendResult;
import me.chanjar.weixin.mp.bean.tag.WxUserTag;
import me.chanjar.weixin.mp.config.WxMpHostConfig;
import me.chanjar.weixin.mp.config.impl.WxMpDefaultConfigImpl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

class MassSendSimulatorTests {

	static final String APP_ID = "wx0123456789abcdef";

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	static final WeChatApiSimulator simulator = new WeChatApiSimulator().start();

	static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	WxMpService wx;

	@AfterAll
	static void stop() {
		simulator.stop();
	}

	@BeforeEach
	void reset() {
		simulator.reset();
		simulator.setJobFinishDelay(null);
		WxMpDefaultConfigImpl config = new WxMpDefaultConfigImpl();
		config.setAppId(APP_ID);
		config.setSecret("secret");
		config.setHostConfig(WxMpHostConfig.builder().apiHost(simulator.baseUrl()).build());
		WxMpServiceImpl service = new WxMpServiceImpl();
		service.setWxMpConfigStorage(config);
		service.setMaxRetryTimes(0);
		service.setRetrySleepMillis(10);
		this.wx = service;
	}

	@Test
	void draftThenSendallIsAcceptedAndRecorded() throws Exception {
		String mediaId = draft("Title", "<p>Body</p>");

		WxMpMassSendResult result = this.wx.getMassMessageService()
			.massGroupMessageSend(toAll(mediaId, "daily-20260310"));

		assertThat(mediaId).startsWith("DRAFT_");
		assertThat(result.getErrorCode()).isEqualTo("0");
		assertThat(result.getErrorMsg()).isEqualTo("send job submission success");
		assertThat(result.getMsgDataId()).isNotBlank();
		List<RecordedSend> sends = simulator.sends(APP_ID);
		assertThat(sends).hasSize(1);
		RecordedSend send = sends.get(0);
		assertThat(send.msgId()).isEqualTo(Long.parseLong(result.getMsgId()));
		assertThat(send.msgType()).isEqualTo("mpnews");
		assertThat(send.audience()).isEqualTo("all");
		assertThat(send.clientMsgId()).isEqualTo("daily-20260310");
		assertThat(send.status()).isEqualTo("SEND_SUCCESS");
		assertThat(JsonParser.parseString(send.requestJson()).getAsJsonObject().getAsJsonObject("mpnews"))
			.hasToString("{\"media_id\":\"" + mediaId + "\"}");
		RecordedDraft draft = simulator.drafts(APP_ID).get(0);
		assertThat(draft.mediaId()).isEqualTo(mediaId);
		assertThat(draft.articles()).singleElement()
			.satisfies((article) -> assertThat(article).containsEntry("title", "Title")
				.containsEntry("thumb_media_id", "SIM_MEDIA_THUMB"));
	}

	@Test
	void draftWithoutContentIsRefusedWithEmptyNewsData() {
		WxMpAddDraft draft = WxMpAddDraft.builder()
			.articles(List.of(WxMpDraftArticles.builder().title("Title").thumbMediaId("SIM_MEDIA_THUMB").build()))
			.build();

		assertThatExceptionOfType(WxErrorException.class).isThrownBy(() -> this.wx.getDraftService().addDraft(draft))
			.satisfies((ex) -> assertThat(ex.getError().getErrorCode()).isEqualTo(44003));
		assertThat(simulator.drafts(APP_ID)).isEmpty();
	}

	@Test
	void secondSendallOnTheSameShanghaiDayHasNoQuotaAndTheNextDayHas() throws Exception {
		String mediaId = draft("Title", "<p>Body</p>");
		at(LocalDateTime.of(2026, 3, 10, 9, 0, 0));
		this.wx.getMassMessageService().massGroupMessageSend(toAll(mediaId, "first"));

		at(LocalDateTime.of(2026, 3, 10, 23, 59, 59));
		assertThatExceptionOfType(WxErrorException.class)
			.isThrownBy(() -> this.wx.getMassMessageService().massGroupMessageSend(toAll(mediaId, "second")))
			.satisfies((ex) -> assertThat(ex.getError().getErrorCode()).isEqualTo(45028));
		assertThat(simulator.sends(APP_ID)).hasSize(1);

		at(LocalDateTime.of(2026, 3, 11, 0, 0, 0));
		this.wx.getMassMessageService().massGroupMessageSend(toAll(mediaId, "third"));
		assertThat(simulator.sends(APP_ID)).extracting(RecordedSend::clientMsgId).containsExactly("first", "third");
	}

	@Test
	void serviceAccountGetsFourSendsPerMonthAndTheFifthHasNoQuota() throws Exception {
		simulator.registerAccount(APP_ID, "secret", AccountKind.SERVICE);
		for (int day = 1; day <= 4; day++) {
			at(LocalDateTime.of(2026, 3, day, 12, 0));
			this.wx.getMassMessageService().massOpenIdsMessageSend(toOpenids("text " + day, "send-" + day));
		}

		at(LocalDateTime.of(2026, 3, 31, 23, 59, 59));
		assertThatExceptionOfType(WxErrorException.class)
			.isThrownBy(() -> this.wx.getMassMessageService().massGroupMessageSend(text("fifth", "send-5")))
			.satisfies((ex) -> assertThat(ex.getError().getErrorCode()).isEqualTo(45028));
		assertThat(simulator.sends(APP_ID)).hasSize(4);

		at(LocalDateTime.of(2026, 4, 1, 0, 0));
		this.wx.getMassMessageService().massGroupMessageSend(text("next month", "send-6"));
		assertThat(simulator.sends(APP_ID)).hasSize(5);
	}

	@Test
	void sameClientMsgIdGives45065WithTheFirstMsgIdAndUsesNoQuota() throws Exception {
		simulator.setAccountKind(APP_ID, AccountKind.SERVICE);
		WxMpMassSendResult first = this.wx.getMassMessageService().massGroupMessageSend(text("hello", "once"));

		assertThatExceptionOfType(WxErrorException.class)
			.isThrownBy(() -> this.wx.getMassMessageService().massGroupMessageSend(text("hello again", "once")))
			.satisfies((ex) -> {
				assertThat(ex.getError().getErrorCode()).isEqualTo(45065);
				JsonObject raw = JsonParser.parseString(ex.getError().getJson()).getAsJsonObject();
				assertThat(raw.get("msg_id").getAsString()).isEqualTo(first.getMsgId());
			});
		assertThat(simulator.sends(APP_ID)).hasSize(1);
		assertThat(simulator.sendCalls(APP_ID)).isEqualTo(2);
		// Three of the service account's four sends are left.
		for (int i = 0; i < 3; i++) {
			this.wx.getMassMessageService().massGroupMessageSend(text("more " + i, "more-" + i));
		}
		assertThat(simulator.sends(APP_ID)).hasSize(4);
	}

	@Test
	void sameClientMsgIdAfter24HoursIsANewSend() throws Exception {
		at(LocalDateTime.of(2026, 3, 10, 8, 0));
		this.wx.getMassMessageService().massGroupMessageSend(text("hello", "reused"));

		at(LocalDateTime.of(2026, 3, 11, 8, 0));
		this.wx.getMassMessageService().massGroupMessageSend(text("hello", "reused"));

		assertThat(simulator.sends(APP_ID)).hasSize(2);
	}

	@Test
	void sameAudienceAndContentWithoutClientMsgIdGives45065() throws Exception {
		simulator.setAccountKind(APP_ID, AccountKind.SERVICE);
		WxMpMassSendResult first = this.wx.getMassMessageService().massGroupMessageSend(text("hello", null));

		assertThatExceptionOfType(WxErrorException.class)
			.isThrownBy(() -> this.wx.getMassMessageService().massGroupMessageSend(text("hello", null)))
			.satisfies((ex) -> assertThat(
					JsonParser.parseString(ex.getError().getJson()).getAsJsonObject().get("msg_id").getAsString())
				.isEqualTo(first.getMsgId()));
		this.wx.getMassMessageService().massGroupMessageSend(text("other content", null));
		assertThat(simulator.sends(APP_ID)).extracting(RecordedSend::clientMsgId).containsExactly(null, null);
	}

	@Test
	void previewIsRecorded() throws Exception {
		String mediaId = draft("Title", "<p>Body</p>");
		WxMpMassPreviewMessage preview = new WxMpMassPreviewMessage();
		preview.setToWxUserOpenid("oPREVIEW");
		preview.setMsgType(WxConsts.MassMsgType.MPNEWS);
		preview.setMediaId(mediaId);

		WxMpMassSendResult result = this.wx.getMassMessageService().massMessagePreview(preview);

		assertThat(result.getErrorMsg()).isEqualTo("preview success");
		assertThat(simulator.previews(APP_ID)).singleElement().satisfies((recorded) -> {
			assertThat(recorded.toUser()).isEqualTo("oPREVIEW");
			assertThat(recorded.toWxName()).isNull();
			assertThat(recorded.msgType()).isEqualTo("mpnews");
			assertThat(recorded.mediaId()).isEqualTo(mediaId);
			assertThat(recorded.msgId()).isEqualTo(Long.parseLong(result.getMsgId()));
		});
		assertThat(simulator.sends(APP_ID)).isEmpty();
	}

	@Test
	void previewOfAnUnknownDraftIsRefusedWith40007() {
		WxMpMassPreviewMessage preview = new WxMpMassPreviewMessage();
		preview.setToWxUserName("someone");
		preview.setMsgType(WxConsts.MassMsgType.MPNEWS);
		preview.setMediaId("DRAFT_UNKNOWN");

		assertThatExceptionOfType(WxErrorException.class)
			.isThrownBy(() -> this.wx.getMassMessageService().massMessagePreview(preview))
			.satisfies((ex) -> assertThat(ex.getError().getErrorCode()).isEqualTo(40007));
		assertThat(simulator.previews(APP_ID)).isEmpty();
	}

	@Test
	void massGetReportsTheSendAndDeleteMarksItDeleted() throws Exception {
		String mediaId = draft("Title", "<p>Body</p>");
		long msgId = Long
			.parseLong(this.wx.getMassMessageService().massGroupMessageSend(toAll(mediaId, "get-delete")).getMsgId());

		assertThat(this.wx.getMassMessageService().messageMassGet(msgId).getMsgstatus()).isEqualTo("SEND_SUCCESS");
		this.wx.getMassMessageService().delete(msgId, 0);
		assertThat(this.wx.getMassMessageService().messageMassGet(msgId).getMsgstatus()).isEqualTo("DELETE");
		assertThat(simulator.sends(APP_ID).get(0).status()).isEqualTo("DELETE");
		assertThatExceptionOfType(WxErrorException.class)
			.isThrownBy(() -> this.wx.getMassMessageService().messageMassGet(msgId + 1000))
			.satisfies((ex) -> assertThat(ex.getError().getErrorCode()).isEqualTo(40007));
		assertThatExceptionOfType(WxErrorException.class)
			.isThrownBy(() -> this.wx.getMassMessageService().delete(msgId + 1000, 0))
			.satisfies((ex) -> assertThat(ex.getError().getErrorCode()).isEqualTo(40007));
	}

	@Test
	void failureQueuedWithFailNextRecordsNothing() throws Exception {
		simulator.failNext("/cgi-bin/message/mass/sendall",
				SimulatedFailure.errcode(45009, "reach max api daily quota limit"), 1);

		assertThatExceptionOfType(WxErrorException.class)
			.isThrownBy(() -> this.wx.getMassMessageService().massGroupMessageSend(text("hello", "failed")))
			.satisfies((ex) -> assertThat(ex.getError().getErrorCode()).isEqualTo(45009));
		assertThat(simulator.sends(APP_ID)).isEmpty();
		assertThat(simulator.sendCalls(APP_ID)).isZero();
		// Nothing was consumed: the same clientmsgid goes through.
		this.wx.getMassMessageService().massGroupMessageSend(text("hello", "failed"));
		assertThat(simulator.sends(APP_ID)).hasSize(1);
	}

	@Test
	void acceptThenFailNextRecordsTheSendAndARetryGets45065WithItsMsgId() throws Exception {
		String token = stableToken();
		simulator.acceptThenFailNext("/cgi-bin/message/mass/sendall", SimulatedFailure.httpStatus(502));
		String body = "{\"filter\":{\"is_to_all\":true},\"text\":{\"content\":\"hello\"},\"msgtype\":\"text\","
				+ "\"send_ignore_reprint\":0,\"clientmsgid\":\"lost-answer\"}";

		HttpResponse<String> lost = post("/cgi-bin/message/mass/sendall", token, body);

		assertThat(lost.statusCode()).isEqualTo(502);
		List<RecordedSend> sends = simulator.sends(APP_ID);
		assertThat(sends).singleElement().satisfies((send) -> assertThat(send.clientMsgId()).isEqualTo("lost-answer"));
		JsonObject retry = json(post("/cgi-bin/message/mass/sendall", token, body));
		assertThat(retry.get("errcode").getAsInt()).isEqualTo(45065);
		assertThat(retry.get("errmsg").getAsString()).startsWith("clientmsgid exist");
		assertThat(retry.get("msg_id").getAsLong()).isEqualTo(sends.get(0).msgId());
		assertThat(simulator.sends(APP_ID)).hasSize(1);
		assertThat(simulator.sendCalls(APP_ID)).isEqualTo(2);
	}

	@Test
	void jobFinishEventIsPushedSignedAndEncryptedToTheConnectedGateway() throws Exception {
		SimulatedAccount account = new SimulatedAccount(APP_ID, "gh_0123456789ab", "callbacktoken",
				"abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG", SimulatedAccount.Mode.SAFE);
		BlockingQueue<String[]> received = new ArrayBlockingQueue<>(4);
		HttpServer gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		gateway.createContext("/wx/", (exchange) -> {
			received.add(new String[] { exchange.getRequestURI().getPath(), exchange.getRequestURI().getRawQuery(),
					new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8) });
			byte[] answer = "success".getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(200, answer.length);
			exchange.getResponseBody().write(answer);
			exchange.close();
		});
		gateway.start();
		try {
			simulator.connectGateway(account, URI.create("http://127.0.0.1:" + gateway.getAddress().getPort() + "/"));
			simulator.setJobFinishDelay(Duration.ZERO);
			simulator.setFollowerCount(APP_ID, 250);
			simulator.setSendErrorCount(APP_ID, 3);
			String mediaId = this.wx.getDraftService()
				.addDraft(WxMpAddDraft.builder()
					.articles(List.of(article("One", "<p>1</p>"), article("Two", "<p>2</p>")))
					.build());
			long msgId = Long
				.parseLong(this.wx.getMassMessageService().massGroupMessageSend(toAll(mediaId, "pushed")).getMsgId());

			String[] push = received.poll(10, TimeUnit.SECONDS);

			assertThat(push).isNotNull();
			assertThat(push[0]).isEqualTo("/wx/" + APP_ID + "/callback");
			Map<String, String> query = query(push[1]);
			assertThat(query).containsKeys("signature", "msg_signature").containsEntry("encrypt_type", "aes");
			assertThat(push[2]).contains("<Encrypt>");
			WxMpDefaultConfigImpl config = new WxMpDefaultConfigImpl();
			config.setAppId(APP_ID);
			config.setToken(account.token());
			config.setAesKey(account.aesKey());
			// Verifies msg_signature and decrypts, as a gateway would.
			WxMpXmlMessage event = WxMpXmlMessage.fromEncryptedXml(push[2], config, query.get("timestamp"),
					query.get("nonce"), query.get("msg_signature"));
			assertThat(event.getEvent()).isEqualTo("MASSSENDJOBFINISH");
			assertThat(event.getToUser()).isEqualTo("gh_0123456789ab");
			assertThat(event.getFromUser()).isEqualTo("mphelper");
			assertThat(event.getAllFieldsMap()).containsEntry("MsgID", String.valueOf(msgId));
			assertThat(event.getStatus()).isEqualTo("send success");
			assertThat(event.getTotalCount()).isEqualTo(250);
			assertThat(event.getFilterCount()).isEqualTo(250);
			assertThat(event.getSentCount()).isEqualTo(247);
			assertThat(event.getErrorCount()).isEqualTo(3);
			assertThat(event.getAllFieldsMap().get("ArticleUrlResult")).asString()
				.contains("https://mp.weixin.qq.com/s/SIM_");
			Awaited.until(() -> simulator.jobFinishDeliveries(APP_ID).size() == 1);
			assertThat(simulator.jobFinishDeliveries(APP_ID).get(0).reply()).isEqualTo("success");
		}
		finally {
			gateway.stop(0);
		}
	}

	@Test
	void tagsGetAnswersTheBuiltInAndConfiguredTags() throws Exception {
		simulator.addTag(APP_ID, 105, "Alumni", 42);

		List<WxUserTag> tags = this.wx.getUserTagService().tagGet();

		assertThat(tags).extracting(WxUserTag::getId, WxUserTag::getName, WxUserTag::getCount)
			.containsExactly(tuple(2L, "星标组", 0), tuple(105L, "Alumni", 42));
	}

	@Test
	void massEndpointsRefuseAnUnknownTokenWith40001() throws Exception {
		JsonObject answer = json(post("/cgi-bin/message/mass/sendall", "nope", "{}"));

		assertThat(answer.get("errcode").getAsInt()).isEqualTo(40001);
		assertThat(simulator.sendCalls(APP_ID)).isZero();
		assertThat(json(get("/cgi-bin/tags/get?access_token=nope")).get("errcode").getAsInt()).isEqualTo(40001);
	}

	private String draft(String title, String content) throws WxErrorException {
		return this.wx.getDraftService()
			.addDraft(WxMpAddDraft.builder().articles(List.of(article(title, content))).build());
	}

	private static WxMpDraftArticles article(String title, String content) {
		return WxMpDraftArticles.builder()
			.title(title)
			.content(content)
			.author("Press office")
			.digest("Digest")
			.thumbMediaId("SIM_MEDIA_THUMB")
			.needOpenComment(0)
			.build();
	}

	private static WxMpMassTagMessage toAll(String mediaId, String clientMsgId) {
		WxMpMassTagMessage message = new WxMpMassTagMessage();
		message.setSendAll(true);
		message.setMsgType(WxConsts.MassMsgType.MPNEWS);
		message.setMediaId(mediaId);
		message.setClientMsgId(clientMsgId);
		return message;
	}

	private static WxMpMassTagMessage text(String content, String clientMsgId) {
		WxMpMassTagMessage message = new WxMpMassTagMessage();
		message.setTagId(2L);
		message.setMsgType(WxConsts.MassMsgType.TEXT);
		message.setContent(content);
		message.setClientMsgId(clientMsgId);
		return message;
	}

	private static WxMpMassOpenIdsMessage toOpenids(String content, String clientMsgId) {
		WxMpMassOpenIdsMessage message = new WxMpMassOpenIdsMessage();
		message.setToUsers(List.of("oFOLLOWER1", "oFOLLOWER2"));
		message.setMsgType(WxConsts.MassMsgType.TEXT);
		message.setContent(content);
		message.setClientMsgId(clientMsgId);
		return message;
	}

	private static void at(LocalDateTime shanghaiTime) {
		simulator.setClock(Clock.fixed(shanghaiTime.atZone(SHANGHAI).toInstant(), ZoneOffset.UTC));
	}

	private static String stableToken() throws Exception {
		String body = "{\"grant_type\":\"client_credential\",\"appid\":\"" + APP_ID + "\",\"secret\":\"secret\"}";
		HttpRequest request = HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/cgi-bin/stable_token"))
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		return json(http.send(request, HttpResponse.BodyHandlers.ofString())).get("access_token").getAsString();
	}

	private static HttpResponse<String> post(String path, String token, String body) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(simulator.baseUrl() + path + "?access_token=" + token))
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
			.build();
		return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private static HttpResponse<String> get(String pathAndQuery) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(simulator.baseUrl() + pathAndQuery)).build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private static JsonObject json(HttpResponse<String> response) {
		return JsonParser.parseString(response.body()).getAsJsonObject();
	}

	private static Map<String, String> query(String rawQuery) {
		Map<String, String> map = new LinkedHashMap<>();
		for (String pair : rawQuery.split("&")) {
			int eq = pair.indexOf('=');
			map.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
		}
		return map;
	}

	/** Polls a condition that another thread makes true. */
	static final class Awaited {

		static void until(BooleanSupplier condition) throws InterruptedException {
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
			while (!condition.getAsBoolean()) {
				if (System.nanoTime() > deadline) {
					throw new AssertionError("Condition not met within 10 s");
				}
				Thread.sleep(20);
			}
		}

	}

}
