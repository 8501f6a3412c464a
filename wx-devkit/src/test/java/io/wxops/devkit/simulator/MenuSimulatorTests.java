package io.wxops.devkit.simulator;

import java.util.ArrayList;
import java.util.List;

import me.chanjar.weixin.common.bean.menu.WxMenu;
import me.chanjar.weixin.common.bean.menu.WxMenuButton;
import me.chanjar.weixin.common.bean.menu.WxMenuRule;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.api.impl.WxMpServiceImpl;
import me.chanjar.weixin.mp.bean.menu.WxMpGetSelfMenuInfoResult;
import me.chanjar.weixin.mp.bean.menu.WxMpMenu;
import me.chanjar.weixin.mp.config.WxMpHostConfig;
import me.chanjar.weixin.mp.config.impl.WxMpDefaultConfigImpl;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class MenuSimulatorTests {

	static final String APP_ID = "wx0123456789abcde0";

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
	void createdMenuIsReadBackByBothApisAndDeleted() throws Exception {
		WxMenu menu = menu(click("办事指南", "GUIDE"),
				parent("服务", view("官网", "https://www.example.edu.cn/"), click("投诉建议", "COMPLAINT")));
		this.wx.getMenuService().menuCreate(menu);

		WxMpMenu live = this.wx.getMenuService().menuGet();
		assertThat(live.getMenu().getButtons()).extracting(WxMenuButton::getName).containsExactly("办事指南", "服务");
		assertThat(live.getMenu().getButtons().get(1).getSubButtons()).extracting(WxMenuButton::getKey)
			.containsExactly(null, "COMPLAINT");
		WxMpGetSelfMenuInfoResult info = this.wx.getMenuService().getSelfMenuInfo();
		assertThat(info.getIsMenuOpen()).isEqualTo(1);
		assertThat(info.getSelfMenuInfo().getButtons().get(1).getSubButtons().getSubButtons()).hasSize(2);

		this.wx.getMenuService().menuDelete();
		// 46003 (menu no exist), which WxJava answers as null.
		assertThat(this.wx.getMenuService().menuGet()).isNull();
		assertErrcode(() -> this.wx.get(me.chanjar.weixin.mp.enums.WxMpApiUrl.Menu.MENU_GET, null), 46003);
		assertThat(this.wx.getMenuService().getSelfMenuInfo().getIsMenuOpen()).isZero();
	}

	@Test
	void buttonsOverThePlatformsLimitsAreRefusedWithTheirErrcodes() {
		assertErrcode(() -> this.wx.getMenuService().menuCreate(menu()), 40016);
		assertErrcode(() -> this.wx.getMenuService()
			.menuCreate(menu(click("a", "A"), click("b", "B"), click("c", "C"), click("d", "D"))), 40016);
		// 6 CJK characters are 18 bytes; 16 is the top-level limit.
		assertErrcode(() -> this.wx.getMenuService().menuCreate(menu(click("一二三四五六", "K"))), 40018);
		assertErrcode(() -> this.wx.getMenuService().menuCreate(menu(click("ok", "k".repeat(129)))), 40019);
		assertErrcode(() -> this.wx.getMenuService().menuCreate(menu(view("ok", "ftp://example.edu.cn/"))), 40055);
		assertErrcode(() -> this.wx.getMenuService().menuCreate(menu(parent("p", click("一".repeat(21), "K")))), 40025);
		WxMenuButton bad = click("x", "X");
		bad.setType("teleport");
		assertErrcode(() -> this.wx.getMenuService().menuCreate(menu(bad)), 40017);
		assertThat(simulator.liveMenu(APP_ID)).isNull();
	}

	@Test
	void conditionalMenuNeedsDefaultAndATagAndIsDeletedWithIt() throws Exception {
		WxMenu conditional = menu(click("学生", "STUDENT"));
		WxMenuRule rule = new WxMenuRule();
		rule.setTagId("101");
		conditional.setMatchRule(rule);
		assertErrcode(() -> this.wx.getMenuService().menuCreate(conditional), 65303);

		this.wx.getMenuService().menuCreate(menu(click("默认", "DEFAULT")));
		String menuId = this.wx.getMenuService().menuCreate(conditional);
		assertThat(menuId).isNotBlank();
		WxMenu bySex = menu(click("男生", "MALE"));
		WxMenuRule sex = new WxMenuRule();
		sex.setSex("1");
		bySex.setMatchRule(sex);
		assertErrcode(() -> this.wx.getMenuService().menuCreate(bySex), 65320);
		assertThat(this.wx.getMenuService().menuGet().getConditionalMenu()).singleElement()
			.satisfies((c) -> assertThat(c.getRule().getTagId()).isEqualTo("101"));

		this.wx.getMenuService().menuDelete(menuId);
		assertThat(simulator.conditionalMenuCount(APP_ID)).isZero();
		assertErrcode(() -> this.wx.getMenuService().menuDelete(menuId), 65301);
		this.wx.getMenuService().menuCreate(conditional);
		this.wx.getMenuService().menuDelete();
		assertThat(simulator.conditionalMenuCount(APP_ID)).isZero();
	}

	@Test
	void menuChangedElsewhereIsWhatMenuGetAnswers() throws Exception {
		this.wx.getMenuService().menuCreate(menu(click("默认", "DEFAULT")));
		simulator.setMenuElsewhere(APP_ID, "[{\"type\":\"view\",\"name\":\"后台改的\",\"url\":\"https://x.example/\"}]");
		assertThat(this.wx.getMenuService().menuGet().getMenu().getButtons()).extracting(WxMenuButton::getName)
			.containsExactly("后台改的");
	}

	@Test
	void queuedErrcodeRefusesOneAddConditional() throws Exception {
		this.wx.getMenuService().menuCreate(menu(click("默认", "DEFAULT")));
		simulator.failNext("/cgi-bin/menu/addconditional", SimulatedFailure.errcode(65305, "too many"), 1);
		WxMenu conditional = menu(click("学生", "STUDENT"));
		WxMenuRule rule = new WxMenuRule();
		rule.setTagId("101");
		conditional.setMatchRule(rule);
		assertErrcode(() -> this.wx.getMenuService().menuCreate(conditional), 65305);
		assertThat(this.wx.getMenuService().menuCreate(conditional)).isNotBlank();
	}

	private static void assertErrcode(ThrowingCallable call, int errcode) {
		assertThatExceptionOfType(WxErrorException.class).isThrownBy(call)
			.satisfies((ex) -> assertThat(ex.getError().getErrorCode()).isEqualTo(errcode));
	}

	static WxMenu menu(WxMenuButton... buttons) {
		WxMenu menu = new WxMenu();
		menu.setButtons(new ArrayList<>(List.of(buttons)));
		return menu;
	}

	static WxMenuButton click(String name, String key) {
		WxMenuButton b = new WxMenuButton();
		b.setType("click");
		b.setName(name);
		b.setKey(key);
		return b;
	}

	static WxMenuButton view(String name, String url) {
		WxMenuButton b = new WxMenuButton();
		b.setType("view");
		b.setName(name);
		b.setUrl(url);
		return b;
	}

	static WxMenuButton parent(String name, WxMenuButton... subs) {
		WxMenuButton b = new WxMenuButton();
		b.setName(name);
		b.setSubButtons(new ArrayList<>(List.of(subs)));
		return b;
	}

}
