package io.wxops.devkit.simulator;

import static io.wxops.devkit.simulator.SimulatorJson.string;
import static io.wxops.devkit.simulator.SimulatorJson.number;
import static io.wxops.devkit.simulator.SimulatorJson.array;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The platform's follower side, per AppID: a follower population of synthetic followers
 * (generated from their position, so a million of them need no memory), the user list
 * ({@code user/get}, paged by {@code next_openid}), {@code user/info/batchget}, remarks,
 * user tags with WeChat's rules, the blacklist, and daily call quotas. Called by
 * {@link SimulatedPlatform} once the access token has been checked; every answer is the
 * JSON body WeChat would send with HTTP 200.
 *
 * <p>
 * The population's openids are {@code oSIM} and the follower's position as 24 digits (28
 * characters, like WeChat's), so the list is in openid order and the position of a
 * {@code next_openid} is read from it. Only followers something was done to (a remark, a
 * tag, the blacklist, an unsubscription) are kept in memory.
 */
final class FollowerPlatform {

	/** Prefix of the population's openids. */
	static final String OPENID_PREFIX = "oSIM";

	static final int OPENID_DIGITS = 24;

	/** Openids per {@code user/get} page on the platform. */
	static final int USER_GET_PAGE = 10_000;

	static final int BATCHGET_MAX = 100;

	static final int MAX_TAGS = 100;

	static final int TAG_NAME_MAX_CHARS = 30;

	static final int REMARK_MAX_CHARS = 30;

	static final int TAGS_PER_FOLLOWER = 20;

	static final int TAGGING_MAX = 50;

	static final int BLACKLIST_MAX = 20;

	static final long FIRST_TAG_ID = 100;

	/** Base of the synthetic subscribe times (2020-09-13). */
	static final long SUBSCRIBE_TIME_BASE = 1_600_000_000L;

	static final String[] SCENES = { "ADD_SCENE_SEARCH", "ADD_SCENE_QR_CODE", "ADD_SCENE_PROFILE_CARD",
			"ADD_SCENE_ACCOUNT_MIGRATION" };

	static final String USER_GET = "/cgi-bin/user/get";

	static final String BATCHGET = "/cgi-bin/user/info/batchget";

	static final String UPDATE_REMARK = "/cgi-bin/user/info/updateremark";

	static final String TAGS_CREATE = "/cgi-bin/tags/create";

	static final String TAGS_GET = "/cgi-bin/tags/get";

	static final String TAGS_UPDATE = "/cgi-bin/tags/update";

	static final String TAGS_DELETE = "/cgi-bin/tags/delete";

	static final String TAGGING = "/cgi-bin/tags/members/batchtagging";

	static final String UNTAGGING = "/cgi-bin/tags/members/batchuntagging";

	static final String TAG_ID_LIST = "/cgi-bin/tags/getidlist";

	static final String GET_BLACKLIST = "/cgi-bin/tags/members/getblacklist";

	static final String BLACKLIST = "/cgi-bin/tags/members/batchblacklist";

	static final String UNBLACKLIST = "/cgi-bin/tags/members/batchunblacklist";

	/** Every path, all POST except {@link #USER_GET} and {@link #TAGS_GET}. */
	static final Set<String> ENDPOINTS = Set.of(USER_GET, BATCHGET, UPDATE_REMARK, TAGS_CREATE, TAGS_GET, TAGS_UPDATE,
			TAGS_DELETE, TAGGING, UNTAGGING, TAG_ID_LIST, GET_BLACKLIST, BLACKLIST, UNBLACKLIST);

	private static final Tag STAR = new Tag(2, "星标组", 0);

	private final Map<String, App> apps = new HashMap<>();

	private int pageSize = USER_GET_PAGE;

	// ---- configuration ----

	synchronized void setPopulation(String appId, int followers) {
		if (followers < 0) {
			throw new IllegalArgumentException("Expected zero or more followers, got " + followers);
		}
		App app = app(appId);
		app.size = followers;
		app.gone.clear();
	}

	synchronized void unsubscribe(String appId, String openid) {
		int index = indexOf(openid);
		App app = app(appId);
		if (index >= 0 && index < app.size) {
			app.gone.add(index);
			app.people.remove(openid);
		}
		else if (app.joined.remove(openid) != null) {
			app.people.remove(openid);
		}
	}

	synchronized void resubscribe(String appId, String openid) {
		int index = indexOf(openid);
		if (index >= 0) {
			app(appId).gone.remove(index);
		}
	}

	/**
	 * A follower subscribed (by an event, outside the population): listed after the
	 * population, in the order they subscribed, until they unsubscribe. A population
	 * follower who left is back.
	 */
	synchronized void subscribe(String appId, String openid, long subscribeTime) {
		App app = app(appId);
		int index = indexOf(openid);
		if (index >= 0 && index < app.size) {
			app.gone.remove(index);
		}
		else if (openid != null && !openid.isEmpty()) {
			app.joined.putIfAbsent(openid, subscribeTime);
			app.known.add(openid);
		}
	}

	synchronized boolean isFollower(String appId, String openid) {
		App app = this.apps.get(appId);
		return app != null && app.follows(openid);
	}

	synchronized void setDailyQuota(String appId, String path, Integer calls) {
		if (calls == null) {
			app(appId).quotas.remove(path);
		}
		else {
			app(appId).quotas.put(Objects.requireNonNull(path, "path"), calls);
		}
	}

	synchronized void setUserGetPageSize(int size) {
		if (size < 1 || size > USER_GET_PAGE) {
			throw new IllegalArgumentException("page size 1.." + USER_GET_PAGE + ", got " + size);
		}
		this.pageSize = size;
	}

	synchronized void addTag(String appId, long id, String name, int count) {
		app(appId).tags.put(id, new Tag(id, Objects.requireNonNull(name, "name"), count));
		app(appId).nextTagId = Math.max(app(appId).nextTagId, id + 1);
	}

	/** The followers of a tag as a send to it counts them, or null for an unknown tag. */
	synchronized Integer tagCount(String appId, long tagId) {
		App app = this.apps.get(appId);
		if (app == null) {
			return (tagId == STAR.id()) ? 0 : null;
		}
		Tag tag = app.allTags().get(tagId);
		return (tag != null) ? count(app, tag) : null;
	}

	synchronized Set<Long> tagsOf(String appId, String openid) {
		App app = this.apps.get(appId);
		Person person = (app != null) ? app.people.get(openid) : null;
		return (person != null) ? Set.copyOf(person.tags) : Set.of();
	}

	synchronized String remarkOf(String appId, String openid) {
		App app = this.apps.get(appId);
		Person person = (app != null) ? app.people.get(openid) : null;
		return (person != null) ? person.remark : null;
	}

	synchronized boolean isBlacklisted(String appId, String openid) {
		App app = this.apps.get(appId);
		Person person = (app != null) ? app.people.get(openid) : null;
		return person != null && person.blacklisted;
	}

	synchronized int calls(String appId, String path) {
		App app = this.apps.get(appId);
		return (app != null) ? app.calls.getOrDefault(path, 0) : 0;
	}

	synchronized void reset() {
		this.apps.clear();
		this.pageSize = USER_GET_PAGE;
	}

	static String openid(int index) {
		return OPENID_PREFIX + String.format("%0" + OPENID_DIGITS + "d", index);
	}

	/** The position of a population openid, or -1. */
	static int indexOf(String openid) {
		if (openid == null || openid.length() != OPENID_PREFIX.length() + OPENID_DIGITS
				|| !openid.startsWith(OPENID_PREFIX)) {
			return -1;
		}
		try {
			long value = Long.parseLong(openid.substring(OPENID_PREFIX.length()));
			return (value <= Integer.MAX_VALUE) ? (int) value : -1;
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	// ---- endpoints ----

	synchronized JsonObject handle(String path, String appId, String body, String nextOpenid) {
		App app = app(appId);
		Integer left = app.quotas.get(path);
		if (left != null) {
			if (left <= 0) {
				return MassSendPlatform.error(45009, "reach max api daily quota limit");
			}
			app.quotas.put(path, left - 1);
		}
		app.calls.merge(path, 1, Integer::sum);
		if (USER_GET.equals(path)) {
			return userGet(app, nextOpenid);
		}
		if (TAGS_GET.equals(path)) {
			return tagsGet(app);
		}
		JsonObject json;
		try {
			JsonElement parsed = JsonParser.parseString((body != null) ? body : "");
			if (!parsed.isJsonObject()) {
				return MassSendPlatform.error(47001, "data format error");
			}
			json = parsed.getAsJsonObject();
		}
		catch (RuntimeException ex) {
			return MassSendPlatform.error(47001, "data format error");
		}
		return switch (path) {
			case BATCHGET -> batchget(app, json);
			case UPDATE_REMARK -> updateRemark(app, json);
			case TAGS_CREATE -> tagCreate(app, json);
			case TAGS_UPDATE -> tagUpdate(app, json);
			case TAGS_DELETE -> tagDelete(app, json);
			case TAGGING -> tagging(app, json, true);
			case UNTAGGING -> tagging(app, json, false);
			case TAG_ID_LIST -> tagIdList(app, json);
			case GET_BLACKLIST -> getBlacklist(app, json);
			case BLACKLIST -> blacklist(app, json, true);
			case UNBLACKLIST -> blacklist(app, json, false);
			default -> MassSendPlatform.error(40066, "invalid url");
		};
	}

	private JsonObject userGet(App app, String nextOpenid) {
		int from = 0;
		// Followers who subscribed by event come after the population.
		List<String> joined = new ArrayList<>(app.joined.keySet());
		int joinedFrom = 0;
		if (nextOpenid != null && !nextOpenid.isEmpty()) {
			int index = indexOf(nextOpenid);
			if (index >= 0 && index < app.size) {
				from = index + 1;
			}
			else if (joined.contains(nextOpenid)) {
				from = app.size;
				joinedFrom = joined.indexOf(nextOpenid) + 1;
			}
			else {
				return MassSendPlatform.error(40003, "invalid openid");
			}
		}
		JsonArray openids = new JsonArray();
		String last = null;
		for (int i = from; i < app.size && openids.size() < this.pageSize; i++) {
			if (!app.gone.contains(i)) {
				last = openid(i);
				openids.add(last);
			}
		}
		for (int i = joinedFrom; i < joined.size() && openids.size() < this.pageSize; i++) {
			last = joined.get(i);
			openids.add(last);
		}
		JsonObject answer = new JsonObject();
		answer.addProperty("total", app.size - app.gone.size() + joined.size());
		answer.addProperty("count", openids.size());
		if (!openids.isEmpty()) {
			JsonObject data = new JsonObject();
			data.add("openid", openids);
			answer.add("data", data);
		}
		answer.addProperty("next_openid", (last != null) ? last : "");
		return answer;
	}

	private JsonObject batchget(App app, JsonObject json) {
		JsonArray list = array(json, "user_list");
		if (list == null || list.isEmpty()) {
			return MassSendPlatform.error(40035, "invalid args, user_list missing");
		}
		if (list.size() > BATCHGET_MAX) {
			return MassSendPlatform.error(40032, "invalid openid list size, at most " + BATCHGET_MAX);
		}
		JsonArray infos = new JsonArray();
		for (JsonElement element : list) {
			String openid = element.isJsonObject() ? string(element.getAsJsonObject(), "openid") : null;
			int index = indexOf(openid);
			if (index < 0 && !app.known.contains(openid)) {
				return MassSendPlatform.error(40003, "invalid openid");
			}
			JsonObject info = new JsonObject();
			if (!app.follows(openid)) {
				info.addProperty("subscribe", 0);
				info.addProperty("openid", openid);
				infos.add(info);
				continue;
			}
			Person person = app.people.get(openid);
			info.addProperty("subscribe", 1);
			info.addProperty("openid", openid);
			info.addProperty("language", "zh_CN");
			Long joinedAt = app.joined.get(openid);
			info.addProperty("subscribe_time", (joinedAt != null) ? joinedAt : SUBSCRIBE_TIME_BASE + index * 7L);
			info.addProperty("remark", (person != null && person.remark != null) ? person.remark : "");
			info.addProperty("groupid", 0);
			JsonArray tags = new JsonArray();
			if (person != null) {
				person.tags.forEach(tags::add);
			}
			info.add("tagid_list", tags);
			String scene = (joinedAt != null) ? "ADD_SCENE_OTHERS" : SCENES[index % SCENES.length];
			info.addProperty("subscribe_scene", scene);
			info.addProperty("qr_scene", 0);
			info.addProperty("qr_scene_str", "ADD_SCENE_QR_CODE".equals(scene) ? "campus-" + (index % 3) : "");
			infos.add(info);
		}
		JsonObject answer = new JsonObject();
		answer.add("user_info_list", infos);
		return answer;
	}

	private JsonObject updateRemark(App app, JsonObject json) {
		String openid = string(json, "openid");
		String remark = string(json, "remark");
		if (remark == null) {
			return MassSendPlatform.error(40035, "invalid args, remark missing");
		}
		if (remark.codePointCount(0, remark.length()) > REMARK_MAX_CHARS) {
			return MassSendPlatform.error(40035, "invalid args, remark longer than " + REMARK_MAX_CHARS);
		}
		if (!app.follows(openid)) {
			return MassSendPlatform.error(40003, "invalid openid");
		}
		app.person(openid).remark = remark.isEmpty() ? null : remark;
		return ok();
	}

	private JsonObject tagsGet(App app) {
		JsonArray list = new JsonArray();
		for (Tag tag : app.allTags().values()) {
			JsonObject item = new JsonObject();
			item.addProperty("id", tag.id());
			item.addProperty("name", tag.name());
			item.addProperty("count", count(app, tag));
			list.add(item);
		}
		JsonObject answer = new JsonObject();
		answer.add("tags", list);
		return answer;
	}

	private JsonObject tagCreate(App app, JsonObject json) {
		JsonObject tag = object(json, "tag");
		String name = (tag != null) ? string(tag, "name") : null;
		JsonObject refused = checkName(app, name, -1);
		if (refused != null) {
			return refused;
		}
		if (app.tags.size() >= MAX_TAGS) {
			return MassSendPlatform.error(45056, "too many tags, max " + MAX_TAGS);
		}
		long id = app.nextTagId++;
		app.tags.put(id, new Tag(id, name, 0));
		JsonObject created = new JsonObject();
		created.addProperty("id", id);
		created.addProperty("name", name);
		JsonObject answer = new JsonObject();
		answer.add("tag", created);
		return answer;
	}

	private JsonObject tagUpdate(App app, JsonObject json) {
		JsonObject tag = object(json, "tag");
		Long id = (tag != null) ? number(tag, "id") : null;
		JsonObject refused = checkEditable(app, id);
		if (refused != null) {
			return refused;
		}
		String name = string(tag, "name");
		refused = checkName(app, name, id);
		if (refused != null) {
			return refused;
		}
		Tag old = app.tags.get(id);
		app.tags.put(id, new Tag(id, name, old.extraCount()));
		return ok();
	}

	private JsonObject tagDelete(App app, JsonObject json) {
		JsonObject tag = object(json, "tag");
		Long id = (tag != null) ? number(tag, "id") : null;
		JsonObject refused = checkEditable(app, id);
		if (refused != null) {
			return refused;
		}
		if (count(app, app.tags.get(id)) > 100_000) {
			return MassSendPlatform.error(45057, "can't delete the tag that has too many fans");
		}
		app.tags.remove(id);
		app.people.values().forEach((p) -> p.tags.remove(id));
		return ok();
	}

	private JsonObject tagging(App app, JsonObject json, boolean add) {
		Long tagId = number(json, "tagid");
		if (tagId == null || !app.allTags().containsKey(tagId) || tagId < 2) {
			return MassSendPlatform.error(45159, "invalid tag id");
		}
		JsonArray openids = array(json, "openid_list");
		if (openids == null || openids.isEmpty() || openids.size() > TAGGING_MAX) {
			return MassSendPlatform.error(40032, "invalid openid list size, 1 to " + TAGGING_MAX);
		}
		List<String> list = new ArrayList<>();
		for (JsonElement element : openids) {
			String openid = element.isJsonPrimitive() ? element.getAsString() : null;
			if (!app.follows(openid)) {
				return MassSendPlatform.error(40003, "invalid openid");
			}
			list.add(openid);
		}
		if (add) {
			for (String openid : list) {
				Person person = app.people.get(openid);
				if (person != null && !person.tags.contains(tagId) && person.tags.size() >= TAGS_PER_FOLLOWER) {
					return MassSendPlatform.error(45059, "tag count of the user exceeds the limit");
				}
			}
			list.forEach((openid) -> app.person(openid).tags.add(tagId));
		}
		else {
			list.forEach((openid) -> {
				Person person = app.people.get(openid);
				if (person != null) {
					person.tags.remove(tagId);
				}
			});
		}
		return ok();
	}

	private JsonObject tagIdList(App app, JsonObject json) {
		String openid = string(json, "openid");
		if (!app.follows(openid)) {
			return MassSendPlatform.error(40003, "invalid openid");
		}
		JsonArray ids = new JsonArray();
		Person person = app.people.get(openid);
		if (person != null) {
			person.tags.forEach(ids::add);
		}
		JsonObject answer = new JsonObject();
		answer.add("tagid_list", ids);
		return answer;
	}

	private JsonObject getBlacklist(App app, JsonObject json) {
		String begin = string(json, "begin_openid");
		List<String> all = app.people.entrySet()
			.stream()
			.filter((e) -> e.getValue().blacklisted)
			.map(Map.Entry::getKey)
			.sorted()
			.toList();
		JsonArray page = new JsonArray();
		String last = null;
		for (String openid : all) {
			if ((begin == null || begin.isEmpty() || openid.compareTo(begin) > 0) && page.size() < USER_GET_PAGE) {
				page.add(openid);
				last = openid;
			}
		}
		JsonObject answer = new JsonObject();
		answer.addProperty("total", all.size());
		answer.addProperty("count", page.size());
		if (!page.isEmpty()) {
			JsonObject data = new JsonObject();
			data.add("openid", page);
			answer.add("data", data);
		}
		answer.addProperty("next_openid", (last != null) ? last : "");
		return answer;
	}

	private JsonObject blacklist(App app, JsonObject json, boolean add) {
		JsonArray openids = array(json, "openid_list");
		if (openids == null || openids.isEmpty() || openids.size() > BLACKLIST_MAX) {
			return MassSendPlatform.error(40032, "invalid openid list size, 1 to " + BLACKLIST_MAX);
		}
		List<String> list = new ArrayList<>();
		for (JsonElement element : openids) {
			String openid = element.isJsonPrimitive() ? element.getAsString() : null;
			if ((indexOf(openid) < 0 || indexOf(openid) >= app.size) && !app.known.contains(openid)) {
				return MassSendPlatform.error(40003, "invalid openid");
			}
			list.add(openid);
		}
		list.forEach((openid) -> app.person(openid).blacklisted = add);
		return ok();
	}

	// ---- rules ----

	private JsonObject checkName(App app, String name, long self) {
		if (name == null || name.isBlank()) {
			return MassSendPlatform.error(40035, "invalid args, tag name missing");
		}
		if (name.codePointCount(0, name.length()) > TAG_NAME_MAX_CHARS) {
			return MassSendPlatform.error(45158, "tag name too long");
		}
		for (Tag tag : app.allTags().values()) {
			if (tag.name().equals(name) && tag.id() != self) {
				return MassSendPlatform.error(45157, "invalid tag name, duplicate");
			}
		}
		return null;
	}

	private static JsonObject checkEditable(App app, Long id) {
		if (id == null) {
			return MassSendPlatform.error(45159, "invalid tag id");
		}
		if (id >= 0 && id <= 2) {
			return MassSendPlatform.error(45058, "can't modify sys tag");
		}
		if (!app.tags.containsKey(id)) {
			return MassSendPlatform.error(45159, "invalid tag id");
		}
		return null;
	}

	private static int count(App app, Tag tag) {
		long tagged = app.people.values().stream().filter((p) -> p.tags.contains(tag.id())).count();
		return (int) (tag.extraCount() + tagged);
	}

	private App app(String appId) {
		return this.apps.computeIfAbsent(Objects.requireNonNull(appId, "appId"), (a) -> new App());
	}

	private static JsonObject ok() {
		JsonObject body = new JsonObject();
		body.addProperty("errcode", 0);
		body.addProperty("errmsg", "ok");
		return body;
	}

	private static JsonObject object(JsonObject json, String name) {
		JsonElement element = json.get(name);
		return (element != null && element.isJsonObject()) ? element.getAsJsonObject() : null;
	}

	// ---- state ----

	/** A tag; {@code extraCount} followers beyond the tagged people (set by tests). */
	private record Tag(long id, String name, int extraCount) {

	}

	private static final class Person {

		String remark;

		final Set<Long> tags = new LinkedHashSet<>();

		boolean blacklisted;

	}

	private static final class App {

		int size;

		final Set<Integer> gone = new HashSet<>();

		final Map<String, Person> people = new HashMap<>();

		final Map<Long, Tag> tags = new LinkedHashMap<>();

		final Map<String, Integer> quotas = new HashMap<>();

		final Map<String, Integer> calls = new HashMap<>();

		/**
		 * Followers who subscribed by event, not of the population: openid, subscribe
		 * time.
		 */
		final Map<String, Long> joined = new LinkedHashMap<>();

		/** Every openid that ever subscribed by event (WeChat knows who left). */
		final Set<String> known = new HashSet<>();

		long nextTagId = FIRST_TAG_ID;

		boolean follows(int index) {
			return index >= 0 && index < this.size && !this.gone.contains(index);
		}

		boolean follows(String openid) {
			return follows(indexOf(openid)) || (openid != null && this.joined.containsKey(openid));
		}

		Person person(String openid) {
			return this.people.computeIfAbsent(openid, (o) -> new Person());
		}

		/** The built-in tag first (the same id replaces it), then the account's. */
		Map<Long, Tag> allTags() {
			Map<Long, Tag> all = new LinkedHashMap<>();
			all.put(STAR.id(), STAR);
			all.putAll(this.tags);
			return all;
		}

	}

}
