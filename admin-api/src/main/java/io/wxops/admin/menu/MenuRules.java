package io.wxops.admin.menu;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.wxops.admin.menu.MenuDocument.ConditionalMenu;
import io.wxops.admin.menu.MenuDocument.MenuButton;
import io.wxops.admin.screening.VisibleText;

/**
 * WeChat's limits on a custom menu, checked before anything is sent, each problem keyed
 * by the path of the field (e.g. {@code buttons[1].subButtons[3].name}) and naming the
 * limit. The console's editor shows the same numbers (its menu-limits fixture is checked
 * against these by a test).
 */
final class MenuRules {

	static final int MAX_BUTTONS = 3;

	static final int MAX_SUB_BUTTONS = 5;

	static final int MAX_NAME_BYTES = 16;

	static final int MAX_SUB_NAME_BYTES = 60;

	static final int MAX_KEY_BYTES = 128;

	static final int MAX_URL_BYTES = 1024;

	/** Ours, not WeChat's: how many conditional menus one account keeps. */
	static final int MAX_CONDITIONALS = 20;

	static final Set<String> KEY_TYPES = Set.of("click", "scancode_push", "scancode_waitmsg", "pic_sysphoto",
			"pic_photo_or_album", "pic_weixin", "location_select");

	static final List<String> TYPES = List.of("click", "view", "miniprogram", "scancode_push", "scancode_waitmsg",
			"pic_sysphoto", "pic_photo_or_album", "pic_weixin", "location_select", "article_id",
			"article_view_limited");

	private static final Pattern APP_ID = Pattern.compile("wx[0-9a-zA-Z]{16}");

	private static final Pattern TAG_ID = Pattern.compile("[0-9]{1,10}");

	private MenuRules() {
	}

	/**
	 * The menu as it is stored: names and other texts without the invisible characters
	 * around them, blanks as absent.
	 */
	static MenuDocument normalised(MenuDocument doc) {
		List<ConditionalMenu> conditionals = new ArrayList<>();
		for (ConditionalMenu c : doc.conditionals()) {
			if (c == null) {
				conditionals.add(null);
				continue;
			}
			conditionals.add(new ConditionalMenu(clean(c.tagId()), normalised(c.buttons())));
		}
		return new MenuDocument(normalised(doc.buttons()), conditionals);
	}

	private static List<MenuButton> normalised(List<MenuButton> buttons) {
		List<MenuButton> out = new ArrayList<>();
		for (MenuButton b : buttons) {
			if (b == null) {
				out.add(null);
				continue;
			}
			out.add(new MenuButton(clean(b.type()), clean(b.name()), clean(b.key()), clean(b.url()), clean(b.appId()),
					clean(b.pagePath()), clean(b.articleId()), normalised(b.subButtons())));
		}
		return out;
	}

	private static String clean(String value) {
		String trimmed = VisibleText.trim(value);
		return (trimmed == null || trimmed.isEmpty()) ? null : trimmed;
	}

	/**
	 * Everything wrong with a (normalised) menu, by field path; empty when WeChat would
	 * take it.
	 */
	static Map<String, String> problems(MenuDocument doc) {
		Map<String, String> errors = new LinkedHashMap<>();
		checkButtons(errors, "buttons", doc.buttons());
		if (!doc.conditionals().isEmpty() && doc.buttons().isEmpty()) {
			errors.put("buttons", "a conditional menu needs the default menu: add default buttons first");
		}
		if (doc.conditionals().size() > MAX_CONDITIONALS) {
			errors.put("conditionals", "at most " + MAX_CONDITIONALS + " conditional menus");
		}
		Set<String> tags = new HashSet<>();
		for (int i = 0; i < doc.conditionals().size() && i < MAX_CONDITIONALS; i++) {
			ConditionalMenu c = doc.conditionals().get(i);
			String path = "conditionals[" + i + "]";
			if (c == null) {
				errors.put(path, "a conditional menu is required here");
				continue;
			}
			if (c.tagId() == null || !TAG_ID.matcher(c.tagId()).matches()) {
				errors.put(path + ".tagId", "the id of a user tag (digits) is required");
			}
			else if (!tags.add(c.tagId())) {
				errors.put(path + ".tagId", "another conditional menu is for tag " + c.tagId());
			}
			if (c.buttons().isEmpty()) {
				errors.put(path + ".buttons", "1 to " + MAX_BUTTONS + " buttons");
			}
			checkButtons(errors, path + ".buttons", c.buttons());
		}
		return errors;
	}

	private static void checkButtons(Map<String, String> errors, String path, List<MenuButton> buttons) {
		if (buttons.size() > MAX_BUTTONS) {
			errors.put(path, "at most " + MAX_BUTTONS + " top-level buttons (there are " + buttons.size() + ")");
		}
		for (int i = 0; i < buttons.size() && i < MAX_BUTTONS; i++) {
			String at = path + "[" + i + "]";
			MenuButton b = buttons.get(i);
			if (b == null) {
				errors.put(at, "a button is required here");
				continue;
			}
			checkName(errors, at, b.name(), MAX_NAME_BYTES, "a top-level");
			if (b.subButtons().isEmpty()) {
				checkAction(errors, at, b);
				continue;
			}
			if (b.type() != null || b.key() != null || b.url() != null) {
				errors.put(at + ".type", "a button with sub-buttons has no type, key or url of its own");
			}
			if (b.subButtons().size() > MAX_SUB_BUTTONS) {
				errors.put(at + ".subButtons",
						"at most " + MAX_SUB_BUTTONS + " sub-buttons (there are " + b.subButtons().size() + ")");
			}
			for (int j = 0; j < b.subButtons().size() && j < MAX_SUB_BUTTONS; j++) {
				String subAt = at + ".subButtons[" + j + "]";
				MenuButton sub = b.subButtons().get(j);
				if (sub == null) {
					errors.put(subAt, "a button is required here");
					continue;
				}
				checkName(errors, subAt, sub.name(), MAX_SUB_NAME_BYTES, "a sub-");
				if (!sub.subButtons().isEmpty()) {
					errors.put(subAt + ".subButtons", "a sub-button has no sub-buttons of its own");
				}
				checkAction(errors, subAt, sub);
			}
		}
	}

	private static void checkName(Map<String, String> errors, String at, String name, int maxBytes, String kind) {
		if (name == null) {
			errors.put(at + ".name", "a name is required");
		}
		else if (name.codePoints().anyMatch(Character::isISOControl)) {
			errors.put(at + ".name", "one line without control characters");
		}
		else if (bytes(name) > maxBytes) {
			errors.put(at + ".name", "at most " + maxBytes + " bytes of UTF-8 for " + kind + "button's name (\"" + name
					+ "\" is " + bytes(name) + ")");
		}
	}

	private static void checkAction(Map<String, String> errors, String at, MenuButton b) {
		if (b.type() == null || !TYPES.contains(b.type())) {
			errors.put(at + ".type", "one of " + String.join(", ", TYPES));
			return;
		}
		if (KEY_TYPES.contains(b.type())) {
			if (b.key() == null) {
				errors.put(at + ".key", "a " + b.type() + " button needs a key");
			}
			else if (b.key().codePoints().anyMatch((cp) -> Character.isISOControl(cp) || Character.isWhitespace(cp))) {
				errors.put(at + ".key", "a key has no spaces or control characters");
			}
			else if (bytes(b.key()) > MAX_KEY_BYTES) {
				errors.put(at + ".key",
						"at most " + MAX_KEY_BYTES + " bytes of UTF-8 for a key (this one is " + bytes(b.key()) + ")");
			}
		}
		if ("view".equals(b.type()) || "miniprogram".equals(b.type())) {
			checkUrl(errors, at + ".url", b.url(), b.type());
		}
		if ("miniprogram".equals(b.type())) {
			if (b.appId() == null || !APP_ID.matcher(b.appId()).matches()) {
				errors.put(at + ".appId", "the mini program's AppID (wx and 16 letters or digits)");
			}
			if (b.pagePath() == null) {
				errors.put(at + ".pagePath", "the mini program page to open");
			}
			else if (bytes(b.pagePath()) > MAX_URL_BYTES) {
				errors.put(at + ".pagePath", "at most " + MAX_URL_BYTES + " bytes of UTF-8");
			}
		}
		if (("article_id".equals(b.type()) || "article_view_limited".equals(b.type()))
				&& (b.articleId() == null || bytes(b.articleId()) > MAX_KEY_BYTES)) {
			errors.put(at + ".articleId", "the article_id freepublish returned (at most " + MAX_KEY_BYTES + " bytes)");
		}
	}

	private static void checkUrl(Map<String, String> errors, String at, String url, String type) {
		if (url == null) {
			errors.put(at, "a " + type + " button needs a URL"
					+ ("miniprogram".equals(type) ? " (opened by WeChat versions without mini programs)" : ""));
			return;
		}
		if (bytes(url) > MAX_URL_BYTES) {
			errors.put(at, "at most " + MAX_URL_BYTES + " bytes of UTF-8 for a URL (this one is " + bytes(url) + ")");
			return;
		}
		try {
			URI uri = new URI(url);
			String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(java.util.Locale.ROOT) : "";
			if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
				errors.put(at, "an http:// or https:// URL with a host");
			}
		}
		catch (URISyntaxException ex) {
			errors.put(at, "not a valid URL: " + ex.getReason());
		}
	}

	static int bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8).length;
	}

	/** Every key a button of the menu sends back (click, scancode_*, pic_*, location). */
	static Set<String> keys(MenuDocument doc) {
		Set<String> keys = new java.util.LinkedHashSet<>();
		collectKeys(keys, doc.buttons());
		for (ConditionalMenu c : doc.conditionals()) {
			collectKeys(keys, c.buttons());
		}
		return keys;
	}

	private static void collectKeys(Set<String> keys, List<MenuButton> buttons) {
		for (MenuButton b : buttons) {
			if (b.key() != null) {
				keys.add(b.key());
			}
			collectKeys(keys, b.subButtons());
		}
	}

	/** Every button's name with its path, for screening. */
	static Map<String, String> names(MenuDocument doc) {
		Map<String, String> names = new LinkedHashMap<>();
		collectNames(names, "buttons", doc.buttons());
		for (int i = 0; i < doc.conditionals().size(); i++) {
			collectNames(names, "conditionals[" + i + "].buttons", doc.conditionals().get(i).buttons());
		}
		return names;
	}

	private static void collectNames(Map<String, String> names, String path, List<MenuButton> buttons) {
		for (int i = 0; i < buttons.size(); i++) {
			MenuButton b = buttons.get(i);
			names.put(path + "[" + i + "].name", b.name());
			collectNames(names, path + "[" + i + "].subButtons", b.subButtons());
		}
	}

}
