package io.wxops.devkit.simulator;

import java.util.ArrayList;
import java.util.List;

import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.api.impl.WxMpServiceImpl;
import me.chanjar.weixin.mp.bean.result.WxMpUser;
import me.chanjar.weixin.mp.bean.result.WxMpUserList;
import me.chanjar.weixin.mp.bean.tag.WxUserTag;
import me.chanjar.weixin.mp.config.WxMpHostConfig;
import me.chanjar.weixin.mp.config.impl.WxMpDefaultConfigImpl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The simulator's follower side through WxJava, as admin-api calls it. */
class FollowerSimulatorTests {

	static final String APP_ID = "wx0123456789abcdef";

	static final WeChatApiSimulator simulator = new WeChatApiSimulator().start();

	WxMpService wx;

	@AfterAll
	static void stop() {
		simulator.stop();
	}

	@BeforeEach
	void reset() {
		simulator.reset();
		WxMpDefaultConfigImpl config = new WxMpDefaultConfigImpl();
		config.setAppId(APP_ID);
		config.setSecret("secret");
		config.setHostConfig(WxMpHostConfig.builder().apiHost(simulator.baseUrl()).build());
		WxMpServiceImpl service = new WxMpServiceImpl();
		service.setWxMpConfigStorage(config);
		service.setMaxRetryTimes(0);
		this.wx = service;
	}

	@Test
	void theUserListPagesWithNextOpenidAndSkipsWhoLeft() throws Exception {
		simulator.setFollowerPopulation(APP_ID, 25_001);
		simulator.followerUnsubscribed(APP_ID, WeChatApiSimulator.followerOpenid(3));
		List<String> all = new ArrayList<>();
		String next = null;
		for (int page = 0; page < 10; page++) {
			WxMpUserList list = this.wx.getUserService().userList(next);
			assertThat(list.getTotal()).isEqualTo(25_000);
			if (list.getCount() == 0) {
				break;
			}
			assertThat(list.getCount()).isLessThanOrEqualTo(10_000);
			all.addAll(list.getOpenids());
			next = list.getNextOpenid();
		}
		assertThat(all).hasSize(25_000).doesNotHaveDuplicates().doesNotContain(WeChatApiSimulator.followerOpenid(3));
		assertThat(all.get(0)).hasSize(28);
		assertThatExceptionOfType(WxErrorException.class)
			.isThrownBy(() -> this.wx.getUserService().userList("o_not_a_follower"))
			.satisfies((ex) -> assertThat(ex.getError().getErrorCode()).isEqualTo(40003));
	}

	@Test
	void followersWhoSubscribedByEventAreListedAfterThePopulationUntilTheyLeave() throws Exception {
		simulator.setFollowerPopulation(APP_ID, 3);
		simulator.setUserGetPageSize(2);
		simulator.followerSubscribed(APP_ID, "o_demo_follower", 1_700_000_000L);
		simulator.followerSubscribed(APP_ID, "o_demo_other", 1_700_000_100L);
		// Subscribing again changes nothing; a population follower who left is back.
		simulator.followerSubscribed(APP_ID, "o_demo_follower", 1_700_000_200L);
		simulator.followerUnsubscribed(APP_ID, WeChatApiSimulator.followerOpenid(1));
		simulator.followerSubscribed(APP_ID, WeChatApiSimulator.followerOpenid(1), 1_700_000_300L);
		List<String> all = new ArrayList<>();
		String next = null;
		for (int page = 0; page < 10; page++) {
			WxMpUserList list = this.wx.getUserService().userList(next);
			assertThat(list.getTotal()).isEqualTo(5);
			if (list.getCount() == 0) {
				break;
			}
			all.addAll(list.getOpenids());
			next = list.getNextOpenid();
		}
		assertThat(all).containsExactly(WeChatApiSimulator.followerOpenid(0), WeChatApiSimulator.followerOpenid(1),
				WeChatApiSimulator.followerOpenid(2), "o_demo_follower", "o_demo_other");
		List<WxMpUser> users = this.wx.getUserService().userInfoList(List.of("o_demo_follower", "o_demo_other"));
		assertThat(users.get(0).getSubscribe()).isTrue();
		assertThat(users.get(0).getSubscribeTime()).isEqualTo(1_700_000_000L);
		assertThat(users.get(0).getSubscribeScene()).isEqualTo("ADD_SCENE_OTHERS");
		assertThat(simulator.isFollower(APP_ID, "o_demo_follower")).isTrue();
		// Who unsubscribes is no longer listed, and answered as unsubscribed.
		simulator.followerUnsubscribed(APP_ID, "o_demo_follower");
		assertThat(this.wx.getUserService().userList(null).getTotal()).isEqualTo(4);
		assertThat(this.wx.getUserService().userInfoList(List.of("o_demo_follower")).get(0).getSubscribe()).isFalse();
		assertThat(simulator.isFollower(APP_ID, "o_demo_follower")).isFalse();
		assertThat(errcode(() -> this.wx.getUserService().userInfoList(List.of("o_never_here")))).isEqualTo(40003);
	}

	@Test
	void batchgetAnswersAtMostOneHundredWithoutProfileFields() throws Exception {
		simulator.setFollowerPopulation(APP_ID, 200);
		simulator.followerUnsubscribed(APP_ID, WeChatApiSimulator.followerOpenid(1));
		List<String> openids = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			openids.add(WeChatApiSimulator.followerOpenid(i));
		}
		List<WxMpUser> users = this.wx.getUserService().userInfoList(openids);
		assertThat(users).hasSize(100);
		assertThat(users.get(1).getSubscribe()).isFalse();
		WxMpUser qr = users.get(5);
		assertThat(qr.getSubscribe()).isTrue();
		assertThat(qr.getSubscribeScene()).isEqualTo("ADD_SCENE_QR_CODE");
		assertThat(qr.getQrSceneStr()).isEqualTo("campus-2");
		assertThat(qr.getSubscribeTime()).isEqualTo(1_600_000_035L);
		assertThat(qr.getNickname()).isNull();
		assertThat(qr.getHeadImgUrl()).isNull();
		openids.add(WeChatApiSimulator.followerOpenid(100));
		assertThatExceptionOfType(WxErrorException.class)
			.isThrownBy(() -> this.wx.getUserService().userInfoList(openids))
			.satisfies((ex) -> assertThat(ex.getError().getErrorCode()).isEqualTo(40032));
	}

	@Test
	void tagsFollowWeChatsRules() throws Exception {
		simulator.setFollowerPopulation(APP_ID, 10);
		WxUserTag created = this.wx.getUserTagService().tagCreate("教职工");
		assertThat(created.getId()).isGreaterThan(2);
		assertThat(errcode(() -> this.wx.getUserTagService().tagCreate("教职工"))).isEqualTo(45157);
		assertThat(errcode(() -> this.wx.getUserTagService().tagCreate("长".repeat(31)))).isEqualTo(45158);
		assertThat(errcode(() -> this.wx.getUserTagService().tagUpdate(9_999L, "x"))).isEqualTo(45159);
		assertThat(errcode(() -> this.wx.getUserTagService().tagDelete(2L))).isEqualTo(45058);
		for (int i = 1; i < 100; i++) {
			this.wx.getUserTagService().tagCreate("标签" + i);
		}
		assertThat(errcode(() -> this.wx.getUserTagService().tagCreate("第101个"))).isEqualTo(45056);
		String openid = WeChatApiSimulator.followerOpenid(4);
		List<WxUserTag> tags = this.wx.getUserTagService().tagGet();
		for (int i = 1; i <= 20; i++) {
			this.wx.getUserTagService().batchTagging(tags.get(i).getId(), new String[] { openid });
		}
		assertThat(this.wx.getUserTagService().userTagList(openid)).hasSize(20);
		assertThat(
				errcode(() -> this.wx.getUserTagService().batchTagging(tags.get(21).getId(), new String[] { openid })))
			.isEqualTo(45059);
		assertThat(this.wx.getUserTagService().tagGet().get(1).getCount()).isEqualTo(1);
		this.wx.getUserTagService().batchUntagging(tags.get(1).getId(), new String[] { openid });
		assertThat(simulator.followerTags(APP_ID, openid)).hasSize(19);
		assertThat(errcode(() -> this.wx.getUserTagService()
			.batchTagging(tags.get(1).getId(), new String[] { "o_not_a_follower" }))).isEqualTo(40003);
	}

	@Test
	void blacklistRemarkAndTheDailyQuota() throws Exception {
		simulator.setFollowerPopulation(APP_ID, 30);
		String openid = WeChatApiSimulator.followerOpenid(9);
		this.wx.getBlackListService().pushToBlacklist(List.of(openid));
		assertThat(this.wx.getBlackListService().getBlacklist(null).getOpenidList()).containsExactly(openid);
		this.wx.getBlackListService().pullFromBlacklist(List.of(openid));
		assertThat(simulator.isBlacklisted(APP_ID, openid)).isFalse();
		List<String> tooMany = new ArrayList<>();
		for (int i = 0; i < 21; i++) {
			tooMany.add(WeChatApiSimulator.followerOpenid(i));
		}
		assertThat(errcode(() -> {
			this.wx.getBlackListService().pushToBlacklist(tooMany);
			return null;
		})).isEqualTo(40032);
		this.wx.getUserService().userUpdateRemark(openid, "王老师");
		assertThat(simulator.followerRemark(APP_ID, openid)).isEqualTo("王老师");
		simulator.setDailyQuota(APP_ID, "/cgi-bin/user/get", 1);
		this.wx.getUserService().userList(null);
		assertThat(errcode(() -> this.wx.getUserService().userList(null))).isEqualTo(45009);
		simulator.setDailyQuota(APP_ID, "/cgi-bin/user/get", null);
		assertThat(this.wx.getUserService().userList(null).getCount()).isEqualTo(30);
		assertThat(simulator.followerCalls(APP_ID, "/cgi-bin/user/get")).isEqualTo(2);
	}

	interface Call {

		Object run() throws Exception;

	}

	private static int errcode(Call call) {
		try {
			call.run();
		}
		catch (WxErrorException ex) {
			return ex.getError().getErrorCode();
		}
		catch (Exception ex) {
			throw new AssertionError(ex);
		}
		throw new AssertionError("expected an errcode");
	}

}
