package io.wxops.admin.menu;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.wxops.admin.AdminFixtures;
import io.wxops.admin.AdminFixtures.Login;
import io.wxops.admin.AdminFixtures.Response;
import io.wxops.admin.AdminIntegrationTest;
import io.wxops.admin.SimulatorInitializer;
import io.wxops.admin.security.Role;
import io.wxops.devkit.simulator.SimulatedFailure;
import io.wxops.devkit.simulator.WeChatApiSimulator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Custom menus against the real database and the simulated WeChat: limits named by
 * button, review bound to the content, only publishers publish, drift, PARTIAL publishes
 * retried as a whole, and the audit record.
 */
@AdminIntegrationTest
class CustomMenuIntegrationTests {

	@Autowired
	AdminFixtures fx;

	WeChatApiSimulator simulator = SimulatorInitializer.simulator();

	Login admin;

	long account;

	String appId;

	Login editor;

	Login reviewer;

	Login publisher;

	@BeforeEach
	void team() {
		this.admin = this.fx.person(Role.ADMIN);
		JsonNode registered = this.fx.registerAccount(this.admin);
		this.account = registered.get("id").asLong();
		this.appId = registered.get("appId").asString();
		Response active = this.fx.post("/api/accounts/" + this.account + "/status", this.admin.token(),
				Map.of("status", "ACTIVE", "reason", "备案完成", "version", registered.get("version").asInt()));
		assertThat(active.status()).as(active.body()).isEqualTo(200);
		this.editor = this.fx.person(Role.EDITOR, this.account, null);
		this.reviewer = this.fx.person(Role.DEPT_REVIEWER, this.account, null);
		this.publisher = this.fx.person(Role.PUBLISHER, this.account, null);
	}

	@Test
	void buttonOverALimitIsRefusedWithItsPathAndTheLimit() {
		List<Object> subs = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			subs.add(click("子" + i, "K" + i));
		}
		// 21 CJK characters: 63 bytes of UTF-8, over the 60 a sub-button may have.
		subs.add(click("一".repeat(21), "K3"));
		Map<String, Object> menu = menu(click("指南", "GUIDE"), parent("服务", subs.toArray()));

		Response r = save(menu, 0);

		assertThat(r.status()).as(r.body()).isEqualTo(400);
		assertThat(r.json().get("errors").toString()).contains("buttons[1].subButtons[3].name").contains("60 bytes");
		assertThat(this.fx.get(path(""), this.editor.token()).json().get("version").asInt()).isZero();

		Response top = save(menu(click("一二三四五六", "K")), 0);
		assertThat(top.json().get("errors").toString()).contains("buttons[0].name").contains("16 bytes");
		Response url = save(menu(view("官网", "javascript:alert(1)")), 0);
		assertThat(url.json().get("errors").toString()).contains("buttons[0].url").contains("http");
		Response key = save(menu(click("k", "k".repeat(129))), 0);
		assertThat(key.json().get("errors").toString()).contains("buttons[0].key").contains("128 bytes");
		Map<String, Object> mini = button("miniprogram", "小程序");
		Response miniProgram = save(menu(mini), 0);
		assertThat(miniProgram.json().get("errors").toString()).contains("buttons[0].url")
			.contains("buttons[0].appId")
			.contains("buttons[0].pagePath");
		Response four = save(menu(click("a", "A"), click("b", "B"), click("c", "C"), click("d", "D")), 0);
		assertThat(four.json().get("errors").toString()).contains("at most 3 top-level buttons");
	}

	@Test
	void conditionalMenuRequiresTheDefaultMenu() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("version", 0);
		body.put("buttons", List.of());
		body.put("conditionals", List.of(Map.of("tagId", "101", "buttons", List.of(click("学生", "STUDENT")))));

		Response r = this.fx.put(path(""), this.editor.token(), body);

		assertThat(r.status()).as(r.body()).isEqualTo(400);
		assertThat(AdminFixtures.fieldErrors(r)).containsExactly("buttons");
		assertThat(r.json().get("errors").toString()).contains("default menu");
	}

	@Test
	void unapprovedOrChangedMenuIsNotPublished() {
		JsonNode saved = save(menu(click("指南", "GUIDE")), 0).json();
		Response unapproved = publish(saved.get("contentHash").asString(), false);
		assertThat(unapproved.status()).as(unapproved.body()).isEqualTo(409);
		assertThat(unapproved.problemType()).endsWith("/menu-not-approved");

		JsonNode approved = submitAndApprove();
		JsonNode changed = save(menu(click("新指南", "GUIDE")), approved.get("version").asInt()).json();
		assertThat(changed.get("status").asString()).isEqualTo("DRAFT");

		Response afterChange = publish(approved.get("contentHash").asString(), false);
		assertThat(afterChange.status()).isEqualTo(409);
		assertThat(afterChange.problemType()).endsWith("/menu-not-approved");
		assertThat(this.simulator.liveMenu(this.appId)).isNull();
	}

	@Test
	void onlyAnAuthorisedPublisherPublishes() {
		save(menu(click("指南", "GUIDE")), 0);
		JsonNode approved = submitAndApprove();
		Login otherAccountPublisher = this.fx.person(Role.PUBLISHER,
				this.fx.registerAccount(this.admin).get("id").asLong(), null);

		Response byEditor = this.fx.post(path("/publish"), this.editor.token(),
				Map.of("contentHash", approved.get("contentHash").asString()));
		Response byOther = this.fx.post(path("/publish"), otherAccountPublisher.token(),
				Map.of("contentHash", approved.get("contentHash").asString()));

		assertThat(byEditor.status()).isEqualTo(403);
		assertThat(byOther.status()).isIn(403, 404);
		assertThat(this.simulator.liveMenu(this.appId)).isNull();
	}

	@Test
	void approvedMenuIsPublishedReadBackAndAudited() {
		save(menu(click("指南", "GUIDE"),
				parent("服务", view("官网", "https://www.example.edu.cn/"), click("投诉", "COMPLAINT"))), 0);
		JsonNode approved = submitAndApprove();

		Response published = publish(approved.get("contentHash").asString(), false);

		assertThat(published.status()).as(published.body()).isEqualTo(200);
		assertThat(published.json().get("publishState").asString()).isEqualTo("PUBLISHED");
		assertThat(this.simulator.liveMenu(this.appId)).contains("GUIDE").contains("COMPLAINT");
		JsonNode live = this.fx.get(path("/live"), this.editor.token()).json();
		assertThat(live.get("drift").asBoolean()).isFalse();
		assertThat(live.get("matchesDraft").asBoolean()).isTrue();
		assertThat(live.get("live").get("buttons").get(1).get("subButtons").get(0).get("url").asString())
			.isEqualTo("https://www.example.edu.cn/");
		assertThat(auditActions()).contains("MENU_SAVED", "MENU_SUBMITTED", "MENU_REVIEW_APPROVED", "MENU_PUBLISHED");

		Response deleted = this.fx.delete(path("/live"), this.publisher.token());
		assertThat(deleted.status()).as(deleted.body()).isEqualTo(200);
		assertThat(this.simulator.liveMenu(this.appId)).isNull();
		assertThat(auditActions()).contains("MENU_DELETED");
		assertThat(this.fx.get(path("/live"), this.editor.token()).json().get("drift").asBoolean()).isFalse();
	}

	@Test
	void menuChangedElsewhereIsDriftAndIsReplacedOnlyWhenAcknowledged() {
		save(menu(click("指南", "GUIDE")), 0);
		JsonNode approved = submitAndApprove();
		assertThat(publish(approved.get("contentHash").asString(), false).status()).isEqualTo(200);
		this.simulator.setMenuElsewhere(this.appId,
				"[{\"type\":\"view\",\"name\":\"后台改的\",\"url\":\"https://x.example/\"}]");

		JsonNode live = this.fx.get(path("/live"), this.editor.token()).json();
		assertThat(live.get("drift").asBoolean()).isTrue();
		assertThat(live.get("driftReason").asString()).isEqualTo("CHANGED_ELSEWHERE");

		Response refused = publish(approved.get("contentHash").asString(), false);
		assertThat(refused.status()).as(refused.body()).isEqualTo(409);
		assertThat(refused.problemType()).endsWith("/menu-drift");
		assertThat(refused.json().get("live").get("buttons").get(0).get("name").asString()).isEqualTo("后台改的");
		assertThat(this.simulator.liveMenu(this.appId)).contains("后台改的");

		Response replaced = publish(approved.get("contentHash").asString(), true);
		assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
		assertThat(this.simulator.liveMenu(this.appId)).contains("GUIDE").doesNotContain("后台改的");
		assertThat(this.fx.get(path("/live"), this.editor.token()).json().get("drift").asBoolean()).isFalse();
	}

	@Test
	void menuChangedElsewhereIsDeletedOnlyWhenAcknowledged() {
		save(menu(click("指南", "GUIDE")), 0);
		JsonNode approved = submitAndApprove();
		assertThat(publish(approved.get("contentHash").asString(), false).status()).isEqualTo(200);
		this.simulator.setMenuElsewhere(this.appId,
				"[{\"type\":\"view\",\"name\":\"后台改的\",\"url\":\"https://x.example/\"}]");

		Response refused = this.fx.delete(path("/live"), this.publisher.token());
		assertThat(refused.status()).as(refused.body()).isEqualTo(409);
		assertThat(refused.problemType()).endsWith("/menu-drift");
		assertThat(refused.json().get("live").get("buttons").get(0).get("name").asString()).isEqualTo("后台改的");
		assertThat(this.simulator.liveMenu(this.appId)).contains("后台改的");
		assertThat(auditActions()).doesNotContain("MENU_DELETED");

		Response deleted = this.fx.delete(path("/live?acknowledgeDrift=true"), this.publisher.token());
		assertThat(deleted.status()).as(deleted.body()).isEqualTo(200);
		assertThat(this.simulator.liveMenu(this.appId)).isNull();
		assertThat(auditActions()).contains("MENU_DELETED");
		assertThat(this.fx.get(path("/live"), this.editor.token()).json().get("drift").asBoolean()).isFalse();
	}

	@Test
	void refusedConditionalIsRecordedAsPartialShownAsDriftAndRetriedAsAWhole() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("version", 0);
		body.put("buttons", List.of(click("默认", "DEFAULT")));
		body.put("conditionals", List.of(Map.of("tagId", "101", "buttons", List.of(click("学生", "STUDENT"))),
				Map.of("tagId", "102", "buttons", List.of(click("教工", "STAFF")))));
		assertThat(this.fx.put(path(""), this.editor.token(), body).status()).isEqualTo(200);
		JsonNode approved = submitAndApprove();
		this.simulator.failNext("/cgi-bin/menu/addconditional", SimulatedFailure.errcode(65305, "too many menus"), 1);

		Response partial = publish(approved.get("contentHash").asString(), false);

		assertThat(partial.status()).as(partial.body()).isEqualTo(502);
		assertThat(partial.problemType()).endsWith("/menu-partial");
		assertThat(partial.json().get("detail").asString()).contains("menu/addconditional (tag 101)").contains("65305");
		JsonNode menu = this.fx.get(path(""), this.editor.token()).json();
		assertThat(menu.get("publishState").asString()).isEqualTo("PARTIAL");
		JsonNode live = this.fx.get(path("/live"), this.editor.token()).json();
		assertThat(live.get("drift").asBoolean()).isTrue();
		assertThat(live.get("driftReason").asString()).isEqualTo("PARTIAL");
		assertThat(auditActions()).contains("MENU_PUBLISH_PARTIAL");

		Response retried = publish(approved.get("contentHash").asString(), false);

		assertThat(retried.status()).as(retried.body()).isEqualTo(200);
		assertThat(this.simulator.conditionalMenuCount(this.appId)).isEqualTo(2);
		assertThat(this.fx.get(path("/live"), this.editor.token()).json().get("drift").asBoolean()).isFalse();
	}

	@Test
	void forbiddenButtonNameIsBlockedBySubmission() {
		save(menu(click("指南", "GUIDE"), parent("资料", click("国家秘密下载", "SECRET"))), 0);

		Response r = this.fx.post(path("/submit"), this.editor.token(), null);

		assertThat(r.status()).as(r.body()).isEqualTo(422);
		assertThat(r.problemType()).endsWith("/screening-failed");
		assertThat(r.json().get("findings").get(0).get("field").asString()).isEqualTo("buttons[1].subButtons[0].name");
		assertThat(this.fx.get(path(""), this.editor.token()).json().get("status").asString()).isEqualTo("DRAFT");
	}

	@Test
	void submitterCannotApproveTheirOwnMenu() {
		Login both = this.fx.person(Role.EDITOR, this.account, null);
		this.fx.grant(both, Role.DEPT_REVIEWER, this.account, null);
		JsonNode saved = this.fx.put(path(""), both.token(), withVersion(menu(click("指南", "GUIDE")), 0)).json();
		this.fx.post(path("/submit"), both.token(), null);

		Response own = this.fx.post(path("/decision"), both.token(),
				Map.of("decision", "APPROVE", "contentHash", saved.get("contentHash").asString()));

		assertThat(own.status()).isEqualTo(403);
		assertThat(this.fx.get(path(""), both.token()).json().get("status").asString()).isEqualTo("IN_REVIEW");
	}

	@Test
	void twoPeopleSavingTheSameVersionGetOneConflict() throws Exception {
		int version = save(menu(click("指南", "GUIDE")), 0).json().get("version").asInt();
		Login second = this.fx.person(Role.EDITOR, this.account, null);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Callable<Response>> both = List.of(
					() -> this.fx.put(path(""), this.editor.token(), withVersion(menu(click("甲", "A")), version)),
					() -> this.fx.put(path(""), second.token(), withVersion(menu(click("乙", "B")), version)));
			List<Integer> statuses = new ArrayList<>();
			for (Future<Response> f : pool.invokeAll(both, 30, TimeUnit.SECONDS)) {
				statuses.add(f.get().status());
			}
			assertThat(statuses).containsExactlyInAnyOrder(200, 409);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(this.fx.get(path(""), this.editor.token()).json().get("version").asInt()).isEqualTo(version + 1);
	}

	@Test
	void sameFirstSaveTwentyTimesAtOnceCreatesOneDraft() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(20);
		try {
			List<Callable<Response>> saves = new ArrayList<>();
			for (int i = 0; i < 20; i++) {
				String name = "按钮" + i;
				saves.add(() -> this.fx.put(path(""), this.editor.token(), withVersion(menu(click(name, "K")), 0)));
			}
			List<Integer> statuses = new ArrayList<>();
			for (Future<Response> f : pool.invokeAll(saves, 60, TimeUnit.SECONDS)) {
				statuses.add(f.get().status());
			}
			assertThat(statuses).containsOnly(200, 409);
			assertThat(statuses).filteredOn((s) -> s == 200).hasSize(1);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(this.fx.get(path(""), this.editor.token()).json().get("version").asInt()).isEqualTo(1);
	}

	@Test
	void hostileNamesAreRefusedNotFailed() {
		Response huge = save(menu(click("一".repeat(100_000), "K")), 0);
		Response invisible = save(menu(click("\u200b\u2060\ufeff", "K")), 0);
		Response emoji = save(menu(click("😀😀😀😀𠀋", "K")), 0);

		assertThat(huge.status()).isIn(400, 413);
		assertThat(invisible.status()).isEqualTo(400);
		assertThat(invisible.json().get("errors").toString()).contains("buttons[0].name").contains("required");
		// Five 4-byte characters are 20 bytes: over the 16 a top-level name may have.
		assertThat(emoji.status()).isEqualTo(400);
		assertThat(emoji.json().get("errors").toString()).contains("is 20");
	}

	@Test
	void nullEntriesAreProblemsNotFailures() {
		Response conditional = this.fx.put(path(""), this.editor.token(),
				"{\"version\":0,\"buttons\":[{\"type\":\"click\",\"name\":\"a\",\"key\":\"A\"}],"
						+ "\"conditionals\":[null]}");
		Response onlyNullConditional = this.fx.put(path(""), this.editor.token(), "{\"conditionals\":[null]}");
		Response button = this.fx.put(path(""), this.editor.token(), "{\"version\":0,\"buttons\":[null]}");
		Response sub = this.fx.put(path(""), this.editor.token(),
				"{\"version\":0,\"buttons\":[{\"name\":\"服务\",\"subButtons\":[null]}]}");
		Response conditionalButton = this.fx.put(path(""), this.editor.token(),
				"{\"version\":0,\"buttons\":[{\"type\":\"click\",\"name\":\"a\",\"key\":\"A\"}],"
						+ "\"conditionals\":[{\"tagId\":\"101\",\"buttons\":[null]}]}");
		Response noSubList = this.fx.put(path(""), this.editor.token(),
				"{\"version\":0,\"buttons\":[{\"name\":\"服务\",\"subButtons\":null}]}");

		assertThat(conditional.status()).as(conditional.body()).isEqualTo(400);
		assertThat(AdminFixtures.fieldErrors(conditional)).containsExactly("conditionals[0]");
		assertThat(onlyNullConditional.status()).as(onlyNullConditional.body()).isEqualTo(400);
		assertThat(AdminFixtures.fieldErrors(onlyNullConditional)).contains("conditionals[0]");
		assertThat(button.status()).as(button.body()).isEqualTo(400);
		assertThat(AdminFixtures.fieldErrors(button)).containsExactly("buttons[0]");
		assertThat(sub.status()).as(sub.body()).isEqualTo(400);
		assertThat(AdminFixtures.fieldErrors(sub)).containsExactly("buttons[0].subButtons[0]");
		assertThat(conditionalButton.status()).as(conditionalButton.body()).isEqualTo(400);
		assertThat(AdminFixtures.fieldErrors(conditionalButton)).containsExactly("conditionals[0].buttons[0]");
		assertThat(noSubList.status()).as(noSubList.body()).isEqualTo(400);
		assertThat(AdminFixtures.fieldErrors(noSubList)).containsExactly("buttons[0].type");
		assertThat(this.fx.get(path(""), this.editor.token()).json().get("version").asInt()).isZero();
	}

	@Test
	void keysOfferTheInboxMenuKeyRules() {
		Response rule = this.fx.post("/api/accounts/" + this.account + "/inbox-rules", this.admin.token(),
				Map.of("kind", "MENU_KEY", "pattern", "COMPLAINT", "category", "COMPLAINT"));
		assertThat(rule.status()).as(rule.body()).isEqualTo(201);

		Response keys = this.fx.get(path("/keys"), this.editor.token());

		assertThat(keys.status()).isEqualTo(200);
		assertThat(keys.json().toString()).contains("\"key\":\"COMPLAINT\"").contains("INBOX_RULE");
	}

	// ---- helpers

	private JsonNode submitAndApprove() {
		Response submitted = this.fx.post(path("/submit"), this.editor.token(), null);
		assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
		Response decided = this.fx.post(path("/decision"), this.reviewer.token(),
				Map.of("decision", "APPROVE", "contentHash", submitted.json().get("contentHash").asString()));
		assertThat(decided.status()).as(decided.body()).isEqualTo(200);
		assertThat(decided.json().get("status").asString()).isEqualTo("APPROVED");
		return decided.json();
	}

	private Response publish(String hash, boolean acknowledgeDrift) {
		return this.fx.post(path("/publish"), this.publisher.token(),
				Map.of("contentHash", hash, "acknowledgeDrift", acknowledgeDrift));
	}

	private Response save(Map<String, Object> menu, int version) {
		return this.fx.put(path(""), this.editor.token(), withVersion(menu, version));
	}

	private List<String> auditActions() {
		Response r = this.fx.get("/api/audit?accountId=" + this.account + "&targetType=MENU&size=100",
				this.admin.token());
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		return r.json().get("items").valueStream().map((e) -> e.get("action").asString()).toList();
	}

	private String path(String rest) {
		return "/api/accounts/" + this.account + "/menu" + rest;
	}

	static Map<String, Object> withVersion(Map<String, Object> menu, int version) {
		Map<String, Object> body = new LinkedHashMap<>(menu);
		body.put("version", version);
		return body;
	}

	static Map<String, Object> menu(Object... buttons) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("buttons", List.of(buttons));
		return body;
	}

	static Map<String, Object> button(String type, String name) {
		Map<String, Object> b = new LinkedHashMap<>();
		b.put("type", type);
		b.put("name", name);
		return b;
	}

	static Map<String, Object> click(String name, String key) {
		Map<String, Object> b = button("click", name);
		b.put("key", key);
		return b;
	}

	static Map<String, Object> view(String name, String url) {
		Map<String, Object> b = button("view", name);
		b.put("url", url);
		return b;
	}

	static Map<String, Object> parent(String name, Object... subs) {
		Map<String, Object> b = new LinkedHashMap<>();
		b.put("name", name);
		b.put("subButtons", List.of(subs));
		return b;
	}

}
