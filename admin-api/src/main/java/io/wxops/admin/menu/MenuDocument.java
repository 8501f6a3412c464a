package io.wxops.admin.menu;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.swagger.v3.oas.annotations.media.Schema;
import io.wxops.admin.web.Sha256;
import me.chanjar.weixin.common.bean.menu.WxMenu;
import me.chanjar.weixin.common.bean.menu.WxMenuButton;
import me.chanjar.weixin.common.bean.menu.WxMenuRule;
import me.chanjar.weixin.mp.bean.menu.WxMpMenu;

/**
 * A whole custom menu: the default menu's buttons and the conditional menus, each for one
 * user tag. Published as a whole (there is no edit API on WeChat's side).
 */
@Schema(description = "A custom menu (自定义菜单): the default buttons and the conditional menus by user tag.")
public record MenuDocument(@Schema(
		description = "The default menu: 1 to 3 top-level buttons (none while it is a draft).") List<MenuButton> buttons,
		@Schema(description = "Conditional menus (个性化菜单), each shown to followers with one tag; "
				+ "they need the default menu.") List<ConditionalMenu> conditionals) {

	public MenuDocument {
		buttons = (buttons != null) ? buttons : List.of();
		conditionals = (conditionals != null) ? conditionals : List.of();
	}

	static final MenuDocument EMPTY = new MenuDocument(List.of(), List.of());

	/** One button; a top-level button either has sub-buttons or an action of its own. */
	@Schema(description = "A button. A top-level button with subButtons has no type of its own.")
	public record MenuButton(@Schema(description = "click, view, miniprogram, scancode_push, scancode_waitmsg, "
			+ "pic_sysphoto, pic_photo_or_album, pic_weixin, location_select, article_id or article_view_limited; "
			+ "null for a button that opens sub-buttons.", nullable = true) String type,
			@Schema(description = "Shown on the button: at most 16 bytes of UTF-8 top-level (4 Chinese characters "
					+ "show), 60 for a sub-button.") String name,
			@Schema(description = "For click, scancode_*, pic_* and location_select: the key WeChat sends back "
					+ "(CLICK EventKey), at most 128 bytes; reply rules of kind CLICK and the inbox's MENU_KEY rules "
					+ "answer it.", nullable = true) String key,
			@Schema(description = "For view (and miniprogram's fallback): an http(s) URL of at most 1024 bytes.",
					nullable = true) String url,
			@Schema(description = "For miniprogram: the mini program's AppID.", nullable = true) String appId,
			@Schema(description = "For miniprogram: the page path.", nullable = true) String pagePath,
			@Schema(description = "For article_id and article_view_limited: the article_id freepublish returned.",
					nullable = true) String articleId,
			@Schema(description = "Up to 5 sub-buttons of a top-level button.",
					nullable = true) List<MenuButton> subButtons) {

		public MenuButton {
			subButtons = (subButtons != null) ? subButtons : List.of();
		}

	}

	/** A menu for followers with one tag. */
	@Schema(description = "A conditional menu: the buttons followers with the tag see instead of the default.")
	public record ConditionalMenu(@Schema(description = "The user tag's id (digits).") String tagId,
			@Schema(description = "1 to 3 top-level buttons.") List<MenuButton> buttons) {

		public ConditionalMenu {
			buttons = (buttons != null) ? buttons : List.of();
		}

	}

	/** Whether there is nothing in it. */
	boolean isEmpty() {
		return this.buttons.isEmpty() && this.conditionals.isEmpty();
	}

	/**
	 * The SHA-256 of the menu's canonical form: every field, length-prefixed, in order.
	 * Approvals are bound to it; the live menu read back is hashed the same way.
	 */
	String hash() {
		StringBuilder text = new StringBuilder();
		appendButtons(text, this.buttons);
		Sha256.appendField(text, "conditionals:" + this.conditionals.size());
		for (ConditionalMenu c : this.conditionals) {
			Sha256.appendField(text, Objects.toString(c.tagId(), "\u0000"));
			appendButtons(text, c.buttons());
		}
		return Sha256.hex(text.toString());
	}

	private static void appendButtons(StringBuilder text, List<MenuButton> buttons) {
		Sha256.appendField(text, "buttons:" + buttons.size());
		for (MenuButton b : buttons) {
			for (String field : new String[] { b.type(), b.name(), b.key(), b.url(), b.appId(), b.pagePath(),
					b.articleId() }) {
				Sha256.appendField(text, Objects.toString(field, "\u0000"));
			}
			appendButtons(text, b.subButtons());
		}
	}

	// ---- WxJava's beans

	WxMenu defaultMenu() {
		WxMenu menu = new WxMenu();
		menu.setButtons(wx(this.buttons));
		return menu;
	}

	static WxMenu conditionalMenu(ConditionalMenu c) {
		WxMenu menu = new WxMenu();
		menu.setButtons(wx(c.buttons()));
		WxMenuRule rule = new WxMenuRule();
		rule.setTagId(c.tagId());
		menu.setMatchRule(rule);
		return menu;
	}

	private static List<WxMenuButton> wx(List<MenuButton> buttons) {
		List<WxMenuButton> out = new ArrayList<>();
		for (MenuButton b : buttons) {
			WxMenuButton w = new WxMenuButton();
			w.setName(b.name());
			if (b.subButtons().isEmpty()) {
				w.setType(b.type());
				w.setKey(b.key());
				w.setUrl(b.url());
				w.setAppId(b.appId());
				w.setPagePath(b.pagePath());
				w.setArticleId(b.articleId());
			}
			else {
				w.setSubButtons(wx(b.subButtons()));
			}
			out.add(w);
		}
		return out;
	}

	/** The live menu as WeChat answered it (menu/get), or {@link #EMPTY}. */
	static MenuDocument of(WxMpMenu live) {
		if (live == null || live.getMenu() == null) {
			return EMPTY;
		}
		List<ConditionalMenu> conditionals = new ArrayList<>();
		if (live.getConditionalMenu() != null) {
			for (WxMpMenu.WxMpConditionalMenu c : live.getConditionalMenu()) {
				String tag = (c.getRule() != null) ? c.getRule().getTagId() : null;
				conditionals.add(new ConditionalMenu(tag, ours(c.getButtons())));
			}
		}
		return new MenuDocument(ours(live.getMenu().getButtons()), conditionals);
	}

	private static List<MenuButton> ours(List<WxMenuButton> buttons) {
		List<MenuButton> out = new ArrayList<>();
		if (buttons == null) {
			return out;
		}
		for (WxMenuButton w : buttons) {
			List<MenuButton> subs = ours(w.getSubButtons());
			out.add(new MenuButton(subs.isEmpty() ? blankToNull(w.getType()) : null, w.getName(),
					blankToNull(w.getKey()), blankToNull(w.getUrl()), blankToNull(w.getAppId()),
					blankToNull(w.getPagePath()), blankToNull(w.getArticleId()), subs));
		}
		return out;
	}

	private static String blankToNull(String value) {
		return (value == null || value.isEmpty()) ? null : value;
	}

}
