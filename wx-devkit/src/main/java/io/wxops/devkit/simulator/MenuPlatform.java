package io.wxops.devkit.simulator;

import static io.wxops.devkit.simulator.SimulatorJson.array;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The platform's custom menus (自定义菜单), per AppID: one default menu and the conditional
 * (个性化) menus that match user tags. Called by {@link SimulatedPlatform} once the access
 * token has been checked.
 *
 * <p>
 * Buttons are checked as the platform documents them, with its errcodes: 1–3 top-level
 * buttons (40016), 0–5 sub-buttons (40023), names of at most 16 bytes top-level (40018)
 * and 60 bytes below (40025), keys of at most 128 bytes (40019/40026), URLs of at most
 * 1024 bytes (40020/40027) that are http(s) (40055/40054), known types (40017/40024), a
 * mini-program's appid (40013) and pagepath (40165), an article button's article_id
 * (40007). A conditional menu needs a default menu (65303) and a tag (65304); the gender,
 * region and language filters retired in 2021 answer 65320. Deleting the default menu
 * deletes the conditional menus too.
 */
final class MenuPlatform {

	static final String MENU_CREATE = "menu_create";

	static final String MENU_GET = "menu_get";

	static final String MENU_DELETE = "menu_delete";

	static final String MENU_ADD_CONDITIONAL = "menu_addconditional";

	static final String MENU_DEL_CONDITIONAL = "menu_delconditional";

	static final String SELFMENU_INFO = "get_current_selfmenu_info";

	static final Set<String> ENDPOINTS = Set.of(MENU_CREATE, MENU_GET, MENU_DELETE, MENU_ADD_CONDITIONAL,
			MENU_DEL_CONDITIONAL, SELFMENU_INFO);

	private static final Set<String> KEY_TYPES = Set.of("click", "scancode_push", "scancode_waitmsg", "pic_sysphoto",
			"pic_photo_or_album", "pic_weixin", "location_select");

	private static final Set<String> TYPES = Set.of("click", "view", "miniprogram", "scancode_push", "scancode_waitmsg",
			"pic_sysphoto", "pic_photo_or_album", "pic_weixin", "location_select", "media_id", "view_limited",
			"article_id", "article_view_limited");

	private static final Set<String> RETIRED_RULES = Set.of("sex", "country", "province", "city", "language");

	private final AtomicLong menuIds = new AtomicLong(400_000_000L);

	private final Map<String, Menus> menus = new HashMap<>();

	synchronized void reset() {
		this.menus.clear();
	}

	/**
	 * Replaces an AppID's menus as someone in the MP website (or another tool) would:
	 * nothing is checked.
	 * @param defaultButtons the default menu's {@code button} array, null for no menu
	 */
	synchronized void setElsewhere(String appId, JsonArray defaultButtons) {
		if (defaultButtons == null) {
			this.menus.remove(appId);
			return;
		}
		Menus m = new Menus();
		m.defaultButtons = defaultButtons.deepCopy();
		m.defaultMenuId = this.menuIds.incrementAndGet();
		this.menus.put(appId, m);
	}

	/** The default menu's buttons, or null when the AppID has no menu. */
	synchronized JsonArray defaultButtons(String appId) {
		Menus m = this.menus.get(appId);
		return (m != null) ? m.defaultButtons.deepCopy() : null;
	}

	/** How many conditional menus the AppID has. */
	synchronized int conditionalCount(String appId) {
		Menus m = this.menus.get(appId);
		return (m != null) ? m.conditionals.size() : 0;
	}

	JsonObject handle(String endpoint, String appId, String body) {
		return switch (endpoint) {
			case MENU_GET -> get(appId);
			case MENU_DELETE -> delete(appId);
			case SELFMENU_INFO -> selfMenuInfo(appId);
			default -> {
				JsonObject json = parse(body);
				if (json == null) {
					yield MassSendPlatform.error(47001, "data format error");
				}
				yield switch (endpoint) {
					case MENU_CREATE -> create(appId, json);
					case MENU_ADD_CONDITIONAL -> addConditional(appId, json);
					case MENU_DEL_CONDITIONAL -> delConditional(appId, json);
					default -> MassSendPlatform.error(48001, "api unauthorized");
				};
			}
		};
	}

	private synchronized JsonObject create(String appId, JsonObject json) {
		JsonArray buttons = array(json, "button");
		JsonObject refused = check(buttons);
		if (refused != null) {
			return refused;
		}
		Menus m = this.menus.computeIfAbsent(appId, (a) -> new Menus());
		m.defaultButtons = buttons.deepCopy();
		m.defaultMenuId = this.menuIds.incrementAndGet();
		return ok();
	}

	private synchronized JsonObject addConditional(String appId, JsonObject json) {
		Menus m = this.menus.get(appId);
		if (m == null) {
			return MassSendPlatform.error(65303, "there is no selfmenu, please create selfmenu first");
		}
		JsonElement rule = json.get("matchrule");
		if (rule == null || !rule.isJsonObject() || rule.getAsJsonObject().isEmpty()) {
			return MassSendPlatform.error(65304, "match rule empty");
		}
		JsonObject matchRule = rule.getAsJsonObject();
		for (String retired : RETIRED_RULES) {
			if (matchRule.has(retired) && !string(matchRule, retired).isEmpty()) {
				return MassSendPlatform.error(65320, "matchrule " + retired + " is no longer supported");
			}
		}
		String tag = matchRule.has("tag_id") ? string(matchRule, "tag_id") : "";
		if (tag.isEmpty() && string(matchRule, "client_platform_type").isEmpty()) {
			return MassSendPlatform.error(65304, "match rule empty");
		}
		JsonArray buttons = array(json, "button");
		JsonObject refused = check(buttons);
		if (refused != null) {
			return refused;
		}
		Conditional c = new Conditional(this.menuIds.incrementAndGet(), buttons.deepCopy(), matchRule.deepCopy());
		m.conditionals.add(c);
		JsonObject answer = new JsonObject();
		answer.addProperty("menuid", String.valueOf(c.menuId()));
		return answer;
	}

	private synchronized JsonObject delConditional(String appId, JsonObject json) {
		Menus m = this.menus.get(appId);
		String id = string(json, "menuid");
		if (m == null || !m.conditionals.removeIf((c) -> String.valueOf(c.menuId()).equals(id))) {
			return MassSendPlatform.error(65301, "menuid not exist");
		}
		return ok();
	}

	private synchronized JsonObject delete(String appId) {
		this.menus.remove(appId);
		return ok();
	}

	private synchronized JsonObject get(String appId) {
		Menus m = this.menus.get(appId);
		if (m == null) {
			return MassSendPlatform.error(46003, "menu no exist");
		}
		JsonObject answer = new JsonObject();
		JsonObject menu = new JsonObject();
		menu.add("button", m.defaultButtons.deepCopy());
		menu.addProperty("menuid", m.defaultMenuId);
		answer.add("menu", menu);
		if (!m.conditionals.isEmpty()) {
			JsonArray conditionals = new JsonArray();
			for (Conditional c : m.conditionals) {
				JsonObject one = new JsonObject();
				one.add("button", c.buttons().deepCopy());
				one.add("matchrule", c.matchRule().deepCopy());
				one.addProperty("menuid", c.menuId());
				conditionals.add(one);
			}
			answer.add("conditionalmenu", conditionals);
		}
		return answer;
	}

	/**
	 * The menu in use in the platform's other shape: sub-buttons under
	 * {@code sub_button.list}.
	 */
	private synchronized JsonObject selfMenuInfo(String appId) {
		Menus m = this.menus.get(appId);
		JsonObject answer = new JsonObject();
		answer.addProperty("is_menu_open", (m != null) ? 1 : 0);
		if (m != null) {
			JsonArray buttons = new JsonArray();
			for (JsonElement b : m.defaultButtons) {
				JsonObject button = b.getAsJsonObject().deepCopy();
				JsonArray subs = array(button, "sub_button");
				if (subs != null) {
					JsonObject list = new JsonObject();
					list.add("list", subs);
					button.add("sub_button", list);
				}
				buttons.add(button);
			}
			JsonObject info = new JsonObject();
			info.add("button", buttons);
			answer.add("selfmenu_info", info);
		}
		return answer;
	}

	// ---- the platform's checks ----

	private static JsonObject check(JsonArray buttons) {
		if (buttons == null || buttons.isEmpty() || buttons.size() > 3) {
			return MassSendPlatform.error(40016, "invalid button size");
		}
		for (JsonElement element : buttons) {
			if (!element.isJsonObject()) {
				return MassSendPlatform.error(40017, "invalid button type");
			}
			JsonObject button = element.getAsJsonObject();
			String name = string(button, "name");
			if (name.isEmpty() || bytes(name) > 16) {
				return MassSendPlatform.error(40018, "invalid button name size");
			}
			JsonArray subs = array(button, "sub_button");
			if (subs != null && !subs.isEmpty()) {
				if (subs.size() > 5) {
					return MassSendPlatform.error(40023, "invalid sub button size");
				}
				for (JsonElement sub : subs) {
					if (!sub.isJsonObject()) {
						return MassSendPlatform.error(40024, "invalid sub button type");
					}
					String subName = string(sub.getAsJsonObject(), "name");
					if (subName.isEmpty() || bytes(subName) > 60) {
						return MassSendPlatform.error(40025, "invalid sub button name size");
					}
					JsonObject refused = checkAction(sub.getAsJsonObject(), true);
					if (refused != null) {
						return refused;
					}
				}
			}
			else {
				JsonObject refused = checkAction(button, false);
				if (refused != null) {
					return refused;
				}
			}
		}
		return null;
	}

	private static JsonObject checkAction(JsonObject button, boolean sub) {
		String type = string(button, "type");
		if (!TYPES.contains(type)) {
			return MassSendPlatform.error(sub ? 40024 : 40017, sub ? "invalid sub button type" : "invalid button type");
		}
		if (KEY_TYPES.contains(type)) {
			String key = string(button, "key");
			if (key.isEmpty() || bytes(key) > 128) {
				return MassSendPlatform.error(sub ? 40026 : 40019,
						sub ? "invalid sub button key size" : "invalid button key size");
			}
		}
		if ("view".equals(type) || "miniprogram".equals(type)) {
			String url = string(button, "url");
			if (url.isEmpty() || bytes(url) > 1024) {
				return MassSendPlatform.error(sub ? 40027 : 40020,
						sub ? "invalid sub button url size" : "invalid button url size");
			}
			if (!url.startsWith("http://") && !url.startsWith("https://")) {
				return MassSendPlatform.error(sub ? 40054 : 40055,
						sub ? "invalid sub button url domain" : "invalid button url domain");
			}
		}
		if ("miniprogram".equals(type)) {
			if (string(button, "appid").isEmpty()) {
				return MassSendPlatform.error(40013, "invalid appid");
			}
			if (string(button, "pagepath").isEmpty()) {
				return MassSendPlatform.error(40165, "invalid weapp pagepath");
			}
		}
		if (("article_id".equals(type) || "article_view_limited".equals(type))
				&& string(button, "article_id").isEmpty()) {
			return MassSendPlatform.error(40007, "invalid media_id");
		}
		return null;
	}

	private static int bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8).length;
	}

	private static JsonObject parse(String body) {
		try {
			JsonElement parsed = JsonParser.parseString((body != null) ? body : "");
			return parsed.isJsonObject() ? parsed.getAsJsonObject() : null;
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private static String string(JsonObject json, String name) {
		JsonElement element = json.get(name);
		return (element != null && element.isJsonPrimitive()) ? element.getAsString() : "";
	}

	private static JsonObject ok() {
		JsonObject body = new JsonObject();
		body.addProperty("errcode", 0);
		body.addProperty("errmsg", "ok");
		return body;
	}

	private static final class Menus {

		JsonArray defaultButtons;

		long defaultMenuId;

		final List<Conditional> conditionals = new ArrayList<>();

	}

	private record Conditional(long menuId, JsonArray buttons, JsonObject matchRule) {
	}

}
