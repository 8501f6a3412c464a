package io.wxops.devkit.simulator;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.api.impl.WxMpServiceImpl;
import me.chanjar.weixin.mp.bean.kefu.WxMpKefuMessage;
import me.chanjar.weixin.mp.config.WxMpHostConfig;
import me.chanjar.weixin.mp.config.impl.WxMpDefaultConfigImpl;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

class CustomerServiceSimulatorTests {

	static final String APP_ID = "wx0123456789abcdef";

	static final String OPENID = "oFOLLOWER1";

	static final Instant INTERACTION = Instant.parse("2026-03-10T01:00:00Z");

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
		at(INTERACTION);
	}

	@Test
	void messageWithinTheWindowIsDeliveredAndRecorded() throws Exception {
		simulator.followerMessaged(APP_ID, OPENID);
		at(INTERACTION.plusSeconds(30));

		boolean sent = this.wx.getKefuService().sendKefuMessage(text("Hello"));
		this.wx.getKefuService()
			.sendKefuMessage(WxMpKefuMessage.IMAGE().toUser(OPENID).mediaId("SIM_MEDIA_REPLY").build());

		assertThat(sent).isTrue();
		assertThat(simulator.customMessages(APP_ID, OPENID))
			.extracting(RecordedCustomMessage::appId, RecordedCustomMessage::openid, RecordedCustomMessage::msgType,
					RecordedCustomMessage::content, RecordedCustomMessage::mediaId, RecordedCustomMessage::sentAt)
			.containsExactly(tuple(APP_ID, OPENID, "text", "Hello", null, INTERACTION.plusSeconds(30)),
					tuple(APP_ID, OPENID, "image", null, "SIM_MEDIA_REPLY", INTERACTION.plusSeconds(30)));
		assertThat(simulator.customMessages(APP_ID, "oSOMEONE_ELSE")).isEmpty();
		assertThat(simulator.customMessageCalls(APP_ID)).isEqualTo(2);
	}

	@Test
	void messageWindowClosesAfter48Hours() throws Exception {
		simulator.followerMessaged(APP_ID, OPENID);

		at(INTERACTION.plus(Duration.ofHours(47).plusMinutes(59)));
		this.wx.getKefuService().sendKefuMessage(text("Still in time"));
		at(INTERACTION.plus(Duration.ofHours(48).plusMinutes(1)));

		assertErrcode(() -> this.wx.getKefuService().sendKefuMessage(text("Too late")), 45015);
		assertThat(simulator.customMessages(APP_ID, OPENID)).extracting(RecordedCustomMessage::content)
			.containsExactly("Still in time");
	}

	@Test
	void sixthMessageInAMessageWindowIsOverTheCountLimit() throws Exception {
		simulator.followerMessaged(APP_ID, OPENID);
		for (int i = 1; i <= 5; i++) {
			this.wx.getKefuService().sendKefuMessage(text("Reply " + i));
		}

		assertErrcode(() -> this.wx.getKefuService().sendKefuMessage(text("Reply 6")), 45047);
		assertThat(simulator.customMessages(APP_ID, OPENID)).hasSize(5);
		assertThat(simulator.customMessageCalls(APP_ID)).isEqualTo(6);
	}

	@Test
	void subscribeOpensOnlyOneMinuteAndThreeMessages() throws Exception {
		simulator.followerInteracted(APP_ID, OPENID, Interaction.SUBSCRIBE);
		for (int i = 1; i <= 3; i++) {
			this.wx.getKefuService().sendKefuMessage(text("Welcome " + i));
		}
		assertErrcode(() -> this.wx.getKefuService().sendKefuMessage(text("Welcome 4")), 45047);

		simulator.followerInteracted(APP_ID, OPENID, Interaction.SUBSCRIBE);
		at(INTERACTION.plusSeconds(59));
		this.wx.getKefuService().sendKefuMessage(text("Within the minute"));
		at(INTERACTION.plusSeconds(61));
		assertErrcode(() -> this.wx.getKefuService().sendKefuMessage(text("After the minute")), 45015);
		assertThat(simulator.customMessages(APP_ID, OPENID)).hasSize(4);
	}

	@Test
	void unsubscribedFollowerIsOutOfTheWindow() throws Exception {
		simulator.followerMessaged(APP_ID, OPENID);
		simulator.followerUnsubscribed(APP_ID, OPENID);

		assertErrcode(() -> this.wx.getKefuService().sendKefuMessage(text("Hello")), 45015);
		assertThat(simulator.customMessages(APP_ID, OPENID)).isEmpty();
	}

	@Test
	void followerWhoNeverInteractedIsOutOfTheWindow() {
		assertErrcode(() -> this.wx.getKefuService().sendKefuMessage(text("Hello")), 45015);
	}

	@Test
	void malformedRequestIsRefusedAsWeChatWould() throws Exception {
		String token = this.wx.getAccessToken();

		JsonObject answer = json(
				post("/cgi-bin/message/custom/send", token, "{\"msgtype\":\"text\",\"text\":{\"content\":\"Hello\"}}"));

		assertThat(answer.get("errcode").getAsInt()).isEqualTo(40003);
		assertThat(json(post("/cgi-bin/message/custom/send", token, "")).get("errcode").getAsInt()).isEqualTo(44002);
		assertThat(json(post("/cgi-bin/message/custom/send", token, "{\"touser\":\"" + OPENID + "\"}")).get("errcode")
			.getAsInt()).isEqualTo(40008);
	}

	@Test
	void mediaGetAnswersTheAddedBytesThroughMediaDownload() throws Exception {
		byte[] bytes = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1, 2, 3, (byte) 0xFF, (byte) 0xD9 };
		simulator.addMedia("MEDIA_FROM_FOLLOWER", bytes, "image/jpeg");

		File file = this.wx.getMaterialService().mediaDownload("MEDIA_FROM_FOLLOWER");

		try {
			assertThat(Files.readAllBytes(file.toPath())).isEqualTo(bytes);
			assertThat(file.getName()).endsWith(".jpg");
		}
		finally {
			Files.deleteIfExists(file.toPath());
		}
	}

	@Test
	void mediaGetAnswersAGeneratedJpegForAnySimulatedId() throws Exception {
		File file = this.wx.getMaterialService().mediaDownload("SIM_ANYTHING");

		try {
			byte[] bytes = Files.readAllBytes(file.toPath());
			assertThat(bytes).hasSizeGreaterThan(4).startsWith((byte) 0xFF, (byte) 0xD8);
		}
		finally {
			Files.deleteIfExists(file.toPath());
		}
	}

	@Test
	void mediaGetRefusesAnUnknownIdWith40007() {
		assertErrcode(() -> this.wx.getMaterialService().mediaDownload("UNKNOWN_MEDIA"), 40007);
	}

	@Test
	void failNextAppliesBeforeTheWindowIsUsed() throws Exception {
		simulator.followerInteracted(APP_ID, OPENID, Interaction.SCAN);
		simulator.failNext("/cgi-bin/message/custom/send", SimulatedFailure.errcode(45009, "api freq out of limit"), 1);

		assertErrcode(() -> this.wx.getKefuService().sendKefuMessage(text("First")), 45009);
		for (int i = 1; i <= 3; i++) {
			this.wx.getKefuService().sendKefuMessage(text("Reply " + i));
		}
		assertThat(simulator.customMessages(APP_ID, OPENID)).hasSize(3);
		assertThat(simulator.customMessageCalls(APP_ID)).isEqualTo(3);
	}

	@Test
	void customerServiceEndpointsRefuseAnUnknownTokenWith40001() throws Exception {
		simulator.followerMessaged(APP_ID, OPENID);
		simulator.addMedia("MEDIA_FROM_FOLLOWER", new byte[] { 1 }, "image/jpeg");

		JsonObject send = json(post("/cgi-bin/message/custom/send", "nope",
				"{\"touser\":\"" + OPENID + "\",\"msgtype\":\"text\",\"text\":{\"content\":\"Hello\"}}"));
		JsonObject media = json(get("/cgi-bin/media/get?access_token=nope&media_id=MEDIA_FROM_FOLLOWER"));

		assertThat(send.get("errcode").getAsInt()).isEqualTo(40001);
		assertThat(media.get("errcode").getAsInt()).isEqualTo(40001);
		assertThat(simulator.customMessageCalls(APP_ID)).isZero();
		assertThat(simulator.customMessages(APP_ID, OPENID)).isEmpty();
	}

	@Test
	void resetClearsWindowsMessagesAndMedia() throws Exception {
		simulator.followerMessaged(APP_ID, OPENID);
		simulator.addMedia("MEDIA_FROM_FOLLOWER", new byte[] { 1 }, "image/jpeg");
		this.wx.getKefuService().sendKefuMessage(text("Hello"));

		reset();

		assertThat(simulator.customMessages(APP_ID, OPENID)).isEmpty();
		assertThat(simulator.customMessageCalls(APP_ID)).isZero();
		assertErrcode(() -> this.wx.getKefuService().sendKefuMessage(text("Hello")), 45015);
		assertErrcode(() -> this.wx.getMaterialService().mediaDownload("MEDIA_FROM_FOLLOWER"), 40007);
	}

	private static WxMpKefuMessage text(String content) {
		return WxMpKefuMessage.TEXT().toUser(OPENID).content(content).build();
	}

	private static void assertErrcode(ThrowingCallable call, int errcode) {
		assertThatExceptionOfType(WxErrorException.class).isThrownBy(call)
			.satisfies((ex) -> assertThat(ex.getError().getErrorCode()).isEqualTo(errcode));
	}

	private static void at(Instant instant) {
		simulator.setClock(Clock.fixed(instant, ZoneOffset.UTC));
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

}
