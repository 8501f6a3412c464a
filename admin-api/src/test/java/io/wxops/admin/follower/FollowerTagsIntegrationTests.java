package io.wxops.admin.follower;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import io.wxops.admin.AdminFixtures;
import io.wxops.admin.AdminFixtures.Login;
import io.wxops.admin.AdminFixtures.Response;
import io.wxops.admin.AdminIntegrationTest;
import io.wxops.admin.SimulatorInitializer;
import io.wxops.admin.security.Role;
import io.wxops.devkit.simulator.WeChatApiSimulator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tags (WeChat's rules, reserved ids, limits, batch tagging), the follower list's
 * filters, remarks and the audited blacklist, against the simulator.
 */
@AdminIntegrationTest
class FollowerTagsIntegrationTests {

	@Autowired
	AdminFixtures fx;

	@Autowired
	JdbcTemplate jdbc;

	WeChatApiSimulator wechat = SimulatorInitializer.simulator();

	Login admin;

	long account;

	String appId;

	@BeforeEach
	void syncedAccount() {
		this.admin = this.fx.person(Role.ADMIN);
		JsonNode registered = this.fx.registerAccount(this.admin);
		this.account = registered.get("id").asLong();
		this.appId = registered.get("appId").asString();
		this.wechat.setFollowerPopulation(this.appId, 120);
		this.fx.post(path("/followers/sync"), this.admin.token(), Map.of());
		await().atMost(Duration.ofSeconds(60))
			.until(() -> "COMPLETE"
				.equals(this.fx.get(path("/followers/sync"), this.admin.token()).json().get("state").asString()));
	}

	@Test
	void tagsAreCreatedRenamedAndDeletedAndEachChangeIsAudited() {
		Response created = this.fx.post(path("/tags"), this.admin.token(), Map.of("name", " 教职工 "));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long id = created.json().get("id").asLong();
		assertThat(created.json().get("name").asString()).isEqualTo("教职工");
		// The cached list was dropped: the new tag shows without sync=true.
		assertThat(names(this.fx.get(path("/tags"), this.admin.token()))).contains("教职工");
		Response renamed = this.fx.put(path("/tags/" + id), this.admin.token(), Map.of("name", "在校教职工"));
		assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
		assertThat(names(this.fx.get(path("/tags"), this.admin.token()))).contains("在校教职工").doesNotContain("教职工");
		assertThat(this.fx.delete(path("/tags/" + id), this.admin.token()).status()).isEqualTo(204);
		assertThat(names(this.fx.get(path("/tags"), this.admin.token()))).doesNotContain("在校教职工");
		assertThat(this.jdbc.queryForList(
				"SELECT action FROM adm_audit_entry WHERE account_id = ? AND target_type = 'follower-tag' ORDER BY seq",
				String.class, this.account))
			.containsExactly("FOLLOWER_TAG_CREATED", "FOLLOWER_TAG_RENAMED", "FOLLOWER_TAG_DELETED");
		assertThat(this.fx.delete(path("/tags/" + id), this.admin.token()).status()).isEqualTo(404);
	}

	@Test
	void tagNamesFollowWeChatsRules() {
		assertThat(this.fx.post(path("/tags"), this.admin.token(), Map.of("name", "学生")).status()).isEqualTo(201);
		Response duplicate = this.fx.post(path("/tags"), this.admin.token(), Map.of("name", "学生"));
		assertThat(duplicate.status()).isEqualTo(409);
		assertThat(duplicate.problemType()).endsWith("/tag-name-taken");
		Response tooLong = this.fx.post(path("/tags"), this.admin.token(), Map.of("name", "长".repeat(31)));
		assertThat(tooLong.status()).isEqualTo(400);
		assertThat(AdminFixtures.fieldErrors(tooLong)).containsExactly("name");
		// 30 characters outside the BMP are 60 UTF-16 units, and still 30 characters.
		assertThat(this.fx.post(path("/tags"), this.admin.token(), Map.of("name", "𠀀".repeat(30))).status())
			.isEqualTo(201);
		assertThat(this.fx.post(path("/tags"), this.admin.token(), Map.of("name", "学\u200B生")).status()).isEqualTo(400);
		assertThat(this.fx.post(path("/tags"), this.admin.token(), Map.of("name", "\u3000")).status()).isEqualTo(400);
		assertThat(this.fx.post(path("/tags"), this.admin.token(), Map.of()).status()).isEqualTo(400);
		assertThat(this.fx.post(path("/tags"), this.admin.token(), "{\"name\":").status()).isEqualTo(400);
		assertThat(this.fx.post(path("/tags"), this.admin.token(), Map.of("name", "x".repeat(100_000))).status())
			.isEqualTo(400);
	}

	@Test
	void reservedTagsCannotBeRenamedOrDeleted() {
		for (long reserved : new long[] { 0, 1, 2 }) {
			Response rename = this.fx.put(path("/tags/" + reserved), this.admin.token(), Map.of("name", "改名"));
			assertThat(rename.status()).isEqualTo(422);
			assertThat(rename.problemType()).endsWith("/reserved-tag");
			Response delete = this.fx.delete(path("/tags/" + reserved), this.admin.token());
			assertThat(delete.status()).isEqualTo(422);
		}
		assertThat(names(this.fx.get(path("/tags?sync=true"), this.admin.token()))).contains("星标组");
	}

	@Test
	void anAccountHasAtMostOneHundredTags() {
		for (int i = 0; i < 99; i++) {
			this.wechat.addTag(this.appId, 300 + i, "预置" + i, 0);
		}
		assertThat(this.fx.post(path("/tags"), this.admin.token(), Map.of("name", "第一百个")).status()).isEqualTo(201);
		Response over = this.fx.post(path("/tags"), this.admin.token(), Map.of("name", "第一百零一个"));
		assertThat(over.status()).isEqualTo(409);
		assertThat(over.problemType()).endsWith("/tag-limit");
	}

	@Test
	void twentyCreatesOfOneNameAtOnceMakeOneTag() {
		List<Integer> statuses = IntStream.range(0, 20)
			.parallel()
			.mapToObj((i) -> this.fx.post(path("/tags"), this.admin.token(), Map.of("name", "同时")).status())
			.toList();
		assertThat(statuses.stream().filter((s) -> s == 201)).hasSize(1);
		assertThat(statuses.stream().filter((s) -> s == 409)).hasSize(19);
	}

	@Test
	void followersAreTaggedInBatchesAndTheListFiltersByTag() {
		long tag = this.fx.post(path("/tags"), this.admin.token(), Map.of("name", "新生")).json().get("id").asLong();
		List<String> openids = new ArrayList<>();
		for (int i = 0; i < 45; i++) {
			openids.add(WeChatApiSimulator.followerOpenid(i));
		}
		Response tagged = this.fx.post(path("/tags/" + tag + "/members"), this.admin.token(),
				Map.of("openids", openids));
		assertThat(tagged.status()).as(tagged.body()).isEqualTo(200);
		assertThat(tagged.json().get("changed").asInt()).isEqualTo(45);
		assertThat(this.wechat.followerTags(this.appId, openids.get(44))).containsExactly(tag);
		// Batches of 20 (the default): 3 audit entries.
		assertThat(this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM adm_audit_entry WHERE account_id = ? AND action = 'FOLLOWERS_TAGGED'", Long.class,
				this.account))
			.isEqualTo(3);
		Response list = this.fx.get(path("/followers?tagId=" + tag + "&size=200"), this.admin.token());
		assertThat(list.json().get("total").asLong()).isEqualTo(45);
		assertThat(list.json().get("items").get(0).get("tagIds").get(0).asLong()).isEqualTo(tag);
		JsonNode counted = this.fx.get(path("/tags"), this.admin.token())
			.json()
			.valueStream()
			.filter((t) -> t.get("id").asLong() == tag)
			.findFirst()
			.orElseThrow();
		assertThat(counted.get("count").asLong()).isEqualTo(45);
		Response untagged = this.fx.post(path("/tags/" + tag + "/members/remove"), this.admin.token(),
				Map.of("openids", openids.subList(0, 5)));
		assertThat(untagged.json().get("changed").asInt()).isEqualTo(5);
		assertThat(this.fx.get(path("/followers?tagId=" + tag), this.admin.token()).json().get("total").asLong())
			.isEqualTo(40);
		// A later sync keeps the tags WeChat reports.
		this.fx.post(path("/followers/sync"), this.admin.token(), Map.of());
		await().atMost(Duration.ofSeconds(60))
			.until(() -> "COMPLETE"
				.equals(this.fx.get(path("/followers/sync"), this.admin.token()).json().get("state").asString())
					&& this.fx.get(path("/followers/sync"), this.admin.token()).json().get("run").asLong() == 2);
		assertThat(this.fx.get(path("/followers?tagId=" + tag), this.admin.token()).json().get("total").asLong())
			.isEqualTo(40);
	}

	@Test
	void aFollowerCarriesAtMostTwentyTags() {
		String openid = WeChatApiSimulator.followerOpenid(7);
		for (int i = 0; i < 21; i++) {
			this.wechat.addTag(this.appId, 500 + i, "标签" + i, 0);
		}
		for (int i = 0; i < 20; i++) {
			Response r = this.fx.post(path("/tags/" + (500 + i) + "/members"), this.admin.token(),
					Map.of("openids", List.of(openid)));
			assertThat(r.status()).as(r.body()).isEqualTo(200);
		}
		Response over = this.fx.post(path("/tags/520/members"), this.admin.token(), Map.of("openids", List.of(openid)));
		assertThat(over.status()).isEqualTo(409);
		assertThat(over.problemType()).endsWith("/45059");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM wx_follower_tag WHERE account_id = ? AND openid = ?",
				Long.class, this.account, openid))
			.isEqualTo(20);
		Response unknownTag = this.fx.post(path("/tags/9999/members"), this.admin.token(),
				Map.of("openids", List.of(openid)));
		assertThat(unknownTag.status()).isEqualTo(404);
		Response badOpenid = this.fx.post(path("/tags/500/members"), this.admin.token(),
				Map.of("openids", List.of("not an openid!")));
		assertThat(badOpenid.status()).isEqualTo(400);
	}

	@Test
	void theListFiltersBySceneAndSubscribeTimeAndPages() {
		Response qr = this.fx.get(path("/followers?scene=ADD_SCENE_QR_CODE&size=200"), this.admin.token());
		assertThat(qr.json().get("total").asLong()).isEqualTo(30);
		assertThat(qr.json().get("items").valueStream().map((f) -> f.get("qrSceneStr").asString()))
			.allMatch((s) -> s.startsWith("campus-"));
		// Synthetic subscribe times are 1,600,000,000 + 7 s per position.
		Response range = this.fx.get(
				path("/followers?subscribedFrom=2020-09-13T12:26:40Z&subscribedTo=2020-09-13T12:27:50Z"),
				this.admin.token());
		assertThat(range.json().get("total").asLong()).isEqualTo(10);
		Response page = this.fx.get(path("/followers?page=1&size=50"), this.admin.token());
		assertThat(page.json().get("items").size()).isEqualTo(50);
		assertThat(page.json().get("total").asLong()).isEqualTo(120);
		assertThat(this.fx.get(path("/followers?subscribedFrom=yesterday"), this.admin.token()).status())
			.isEqualTo(400);
		assertThat(this.fx.get(path("/followers?size=201"), this.admin.token()).status()).isEqualTo(400);
		assertThat(this.fx
			.get(path("/followers?subscribedFrom=2020-09-14T00:00:00Z&subscribedTo=2020-09-13T00:00:00Z"),
					this.admin.token())
			.status()).isEqualTo(400);
		assertThat(this.fx.get(path("/followers/oSIM999"), this.admin.token()).status()).isEqualTo(404);
		JsonNode first = page.json().get("items").get(0);
		assertThat(first.has("nickname")).isFalse();
		assertThat(first.has("headImgUrl")).isFalse();
	}

	@Test
	void aRemarkIsSetOnWeChatWithTheVersionLoaded() {
		String openid = WeChatApiSimulator.followerOpenid(3);
		Login handler = this.fx.person(Role.HANDLER, this.account, null);
		Response set = this.fx.put(path("/followers/" + openid + "/remark"), handler.token(),
				Map.of("remark", " 李同学😀 ", "version", 0));
		assertThat(set.status()).as(set.body()).isEqualTo(200);
		assertThat(set.json().get("remark").asString()).isEqualTo("李同学😀");
		assertThat(set.json().get("version").asInt()).isEqualTo(1);
		assertThat(this.wechat.followerRemark(this.appId, openid)).isEqualTo("李同学😀");
		Response stale = this.fx.put(path("/followers/" + openid + "/remark"), handler.token(),
				Map.of("remark", "王同学", "version", 0));
		assertThat(stale.status()).isEqualTo(409);
		assertThat(this.wechat.followerRemark(this.appId, openid)).isEqualTo("李同学😀");
		assertThat(this.fx
			.put(path("/followers/" + openid + "/remark"), handler.token(),
					Map.of("remark", "长".repeat(31), "version", 1))
			.status()).isEqualTo(400);
		assertThat(this.fx
			.put(path("/followers/" + openid + "/remark"), handler.token(), Map.of("remark", "a\u0007b", "version", 1))
			.status()).isEqualTo(400);
		assertThat(
				this.fx.put(path("/followers/" + openid + "/remark"), handler.token(), Map.of("remark", "x")).status())
			.isEqualTo(400);
		Login editor = this.fx.person(Role.EDITOR, this.account, null);
		assertThat(this.fx
			.put(path("/followers/" + openid + "/remark"), editor.token(), Map.of("remark", "x", "version", 1))
			.status()).isEqualTo(403);
		assertThat(this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM adm_audit_entry WHERE account_id = ? AND action = 'FOLLOWER_REMARK_CHANGED'",
				Long.class, this.account))
			.isEqualTo(1);
	}

	@Test
	void blacklistingNeedsAReasonAndIsAudited() {
		List<String> openids = List.of(WeChatApiSimulator.followerOpenid(10), WeChatApiSimulator.followerOpenid(11));
		Response noReason = this.fx.post(path("/followers/blacklist"), this.admin.token(), Map.of("openids", openids));
		assertThat(noReason.status()).isEqualTo(400);
		assertThat(AdminFixtures.fieldErrors(noReason)).contains("reason");
		assertThat(this.wechat.isBlacklisted(this.appId, openids.get(0))).isFalse();
		Response blank = this.fx.post(path("/followers/blacklist"), this.admin.token(),
				Map.of("openids", openids, "reason", "\u3000 "));
		assertThat(blank.status()).isEqualTo(400);
		Login editor = this.fx.person(Role.EDITOR, this.account, null);
		assertThat(
				this.fx.post(path("/followers/blacklist"), editor.token(), Map.of("openids", openids, "reason", "辱骂"))
					.status())
			.isEqualTo(403);
		Response done = this.fx.post(path("/followers/blacklist"), this.admin.token(),
				Map.of("openids", openids, "reason", "多次发送辱骂信息"));
		assertThat(done.status()).as(done.body()).isEqualTo(200);
		assertThat(this.wechat.isBlacklisted(this.appId, openids.get(1))).isTrue();
		assertThat(this.fx.get(path("/followers?blacklisted=true"), this.admin.token()).json().get("total").asLong())
			.isEqualTo(2);
		String after = this.jdbc.queryForObject(
				"SELECT after_state FROM adm_audit_entry WHERE account_id = ? AND action = 'FOLLOWERS_BLACKLISTED'",
				String.class, this.account);
		assertThat(after).contains("多次发送辱骂信息").contains(openids.get(0));
		Response lifted = this.fx.post(path("/followers/unblacklist"), this.admin.token(),
				Map.of("openids", openids.subList(0, 1), "reason", "已道歉"));
		assertThat(lifted.json().get("changed").asInt()).isEqualTo(1);
		assertThat(this.wechat.isBlacklisted(this.appId, openids.get(0))).isFalse();
		assertThat(this.fx.get(path("/followers?blacklisted=true"), this.admin.token()).json().get("total").asLong())
			.isEqualTo(1);
		Response tooMany = this.fx.post(path("/followers/blacklist"), this.admin.token(),
				Map.of("openids", java.util.Collections.nCopies(1001, openids.get(0)), "reason", "x"));
		assertThat(tooMany.status()).isEqualTo(400);
	}

	private String path(String rest) {
		return "/api/accounts/" + this.account + rest;
	}

	private static List<String> names(Response tags) {
		assertThat(tags.status()).as(tags.body()).isEqualTo(200);
		return tags.json().valueStream().map((t) -> t.get("name").asString()).toList();
	}

}
