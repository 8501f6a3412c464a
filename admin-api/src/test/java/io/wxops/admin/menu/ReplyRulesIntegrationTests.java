package io.wxops.admin.menu;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.wxops.admin.AdminFixtures;
import io.wxops.admin.AdminFixtures.Login;
import io.wxops.admin.AdminFixtures.Response;
import io.wxops.admin.AdminIntegrationTest;
import io.wxops.admin.security.Role;
import io.wxops.core.reply.AutoReplyRule;
import io.wxops.core.reply.AutoReplyRuleMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Passive-reply rule sets: a change answers followers only once approved (the gateway
 * reads {@code wx_auto_reply_rule} through {@link AutoReplyRuleMapper#findEnabled}, the
 * query asserted here), replies are screened, and problems name the rule.
 */
@AdminIntegrationTest
class ReplyRulesIntegrationTests {

	@Autowired
	AdminFixtures fx;

	@Autowired
	AutoReplyRuleMapper gatewayRules;

	Login admin;

	long account;

	Login editor;

	Login reviewer;

	@BeforeEach
	void team() {
		this.admin = this.fx.person(Role.ADMIN);
		this.account = this.fx.registerAccount(this.admin).get("id").asLong();
		this.editor = this.fx.person(Role.EDITOR, this.account, null);
		this.reviewer = this.fx.person(Role.DEPT_REVIEWER, this.account, null);
	}

	@Test
	void ruleChangeAnswersFollowersOnlyOnceApproved() {
		JsonNode saved = save(0, rule("CLICK", null, "GUIDE", "办事指南：请到服务大厅"), rule("KEYWORD", "EXACT", "你好", "您好！"),
				rule("SUBSCRIBE", null, null, "欢迎关注"));
		assertThat(saved.get("status").asString()).isEqualTo("DRAFT");
		assertThat(this.gatewayRules.findEnabled(this.account)).isEmpty();

		Response submitted = this.fx.post(path("/submit"), this.editor.token(), null);
		assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
		assertThat(this.gatewayRules.findEnabled(this.account)).isEmpty();
		Response approved = this.fx.post(path("/decision"), this.reviewer.token(),
				Map.of("decision", "APPROVE", "contentHash", saved.get("contentHash").asString()));

		assertThat(approved.status()).as(approved.body()).isEqualTo(200);
		assertThat(this.gatewayRules.findEnabled(this.account))
			.extracting(AutoReplyRule::getTriggerType, AutoReplyRule::getKeyword, AutoReplyRule::getReplyText)
			.containsExactlyInAnyOrder(tuple(AutoReplyRule.TriggerType.CLICK, "GUIDE", "办事指南：请到服务大厅"),
					tuple(AutoReplyRule.TriggerType.KEYWORD, "你好", "您好！"),
					tuple(AutoReplyRule.TriggerType.SUBSCRIBE, null, "欢迎关注"));

		// A later change is a draft again: the gateway keeps the approved set.
		JsonNode changed = save(approved.json().get("version").asInt(), rule("CLICK", null, "GUIDE", "改过的回复"));
		assertThat(changed.get("status").asString()).isEqualTo("DRAFT");
		assertThat(this.gatewayRules.findEnabled(this.account)).hasSize(3)
			.extracting(AutoReplyRule::getReplyText)
			.doesNotContain("改过的回复");
		assertThat(changed.get("live").size()).isEqualTo(3);
		JsonNode keys = this.fx.get("/api/accounts/" + this.account + "/menu/keys", this.editor.token()).json();
		assertThat(keys.toString()).contains("\"key\":\"GUIDE\"").contains("REPLY_RULE");
		List<String> actions = this.fx.get("/api/audit?accountId=" + this.account + "&size=100", this.admin.token())
			.json()
			.get("items")
			.valueStream()
			.map((e) -> e.get("action").asString())
			.toList();
		assertThat(actions).contains("REPLIES_SAVED", "REPLIES_SUBMITTED", "REPLIES_REVIEW_APPROVED", "REPLIES_APPLIED",
				"REPLIES_REVIEW_VOIDED");
	}

	@Test
	void approvalKeepsTheRulesItDidNotRemove() {
		JsonNode first = save(0, rule("KEYWORD", "EXACT", "你好", "您好！"), rule("CLICK", null, "GUIDE", "办事指南"),
				rule("SUBSCRIBE", null, null, "欢迎关注"));
		JsonNode approved = approve(first);
		AutoReplyRule hello = liveRule(AutoReplyRule.TriggerType.KEYWORD, "你好");
		AutoReplyRule guide = liveRule(AutoReplyRule.TriggerType.CLICK, "GUIDE");
		this.gatewayRules.countHit(hello.getId());
		this.gatewayRules.countHit(hello.getId());
		this.gatewayRules.countHit(guide.getId());

		JsonNode second = save(approved.get("version").asInt(), rule("KEYWORD", "EXACT", "你好", "您好！"),
				rule("CLICK", null, "GUIDE", "办事指南（新）"), rule("KEYWORD", "EXACT", "再见", "再见！"));
		approve(second);

		AutoReplyRule helloAfter = liveRule(AutoReplyRule.TriggerType.KEYWORD, "你好");
		assertThat(helloAfter.getId()).isEqualTo(hello.getId());
		assertThat(helloAfter.getHitCount()).isEqualTo(2L);
		AutoReplyRule guideAfter = liveRule(AutoReplyRule.TriggerType.CLICK, "GUIDE");
		assertThat(guideAfter.getId()).isEqualTo(guide.getId());
		assertThat(guideAfter.getHitCount()).isEqualTo(1L);
		assertThat(guideAfter.getReplyText()).isEqualTo("办事指南（新）");
		assertThat(this.gatewayRules.findEnabled(this.account))
			.extracting(AutoReplyRule::getTriggerType, AutoReplyRule::getKeyword, AutoReplyRule::getReplyText)
			.containsExactlyInAnyOrder(tuple(AutoReplyRule.TriggerType.KEYWORD, "你好", "您好！"),
					tuple(AutoReplyRule.TriggerType.CLICK, "GUIDE", "办事指南（新）"),
					tuple(AutoReplyRule.TriggerType.KEYWORD, "再见", "再见！"));
	}

	private JsonNode approve(JsonNode saved) {
		Response submitted = this.fx.post(path("/submit"), this.editor.token(), null);
		assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
		Response approved = this.fx.post(path("/decision"), this.reviewer.token(),
				Map.of("decision", "APPROVE", "contentHash", saved.get("contentHash").asString()));
		assertThat(approved.status()).as(approved.body()).isEqualTo(200);
		assertThat(approved.json().get("status").asString()).isEqualTo("APPROVED");
		return approved.json();
	}

	private AutoReplyRule liveRule(AutoReplyRule.TriggerType trigger, String keyword) {
		List<AutoReplyRule> found = this.gatewayRules.findEnabled(this.account)
			.stream()
			.filter((r) -> r.getTriggerType() == trigger && keyword.equals(r.getKeyword()))
			.toList();
		assertThat(found).hasSize(1);
		return found.get(0);
	}

	@Test
	void forbiddenReplyTextIsBlockedAtSubmission() {
		save(0, rule("DEFAULT", null, null, "已收到"), rule("CLICK", null, "DOCS", "请下载国家秘密文件"));

		Response r = this.fx.post(path("/submit"), this.editor.token(), null);

		assertThat(r.status()).as(r.body()).isEqualTo(422);
		assertThat(r.json().get("findings").get(0).get("field").asString()).isEqualTo("rules[1].replyText");
	}

	@Test
	void invalidRulesAreRefusedByPath() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("version", 0);
		body.put("rules",
				List.of(rule("KEYWORD", null, "好", "x"), rule("DEFAULT", null, null, "a"),
						rule("DEFAULT", null, null, "b"), rule("CLICK", null, "K", "字".repeat(700)),
						rule("TELEPORT", null, null, "x")));

		Response r = this.fx.put(path(""), this.editor.token(), body);

		assertThat(r.status()).as(r.body()).isEqualTo(400);
		assertThat(r.json().get("errors").toString()).contains("rules[0].matchMode")
			.contains("rules[0].keyword")
			.contains("rules[2].trigger")
			.contains("rules[3].replyText")
			.contains("2048 bytes")
			.contains("rules[4].trigger");
	}

	private JsonNode save(int version, Map<?, ?>... rules) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("version", version);
		body.put("rules", List.of(rules));
		Response r = this.fx.put(path(""), this.editor.token(), body);
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		return r.json();
	}

	private String path(String rest) {
		return "/api/accounts/" + this.account + "/replies" + rest;
	}

	static Map<String, Object> rule(String trigger, String mode, String keyword, String text) {
		Map<String, Object> r = new LinkedHashMap<>();
		r.put("trigger", trigger);
		r.put("matchMode", mode);
		r.put("keyword", keyword);
		r.put("replyText", text);
		return r;
	}

}
