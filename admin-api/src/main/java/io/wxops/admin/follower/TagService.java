package io.wxops.admin.follower;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.wxops.admin.audit.AuditTrail;
import io.wxops.admin.security.Caller;
import io.wxops.admin.web.ApiException;
import io.wxops.admin.web.Problem;
import io.wxops.core.account.AccountSnapshot;
import io.wxops.core.follower.FollowerMapper;
import io.wxops.core.redis.RedisKeys;
import io.wxops.core.wechat.WeChatCalls;
import me.chanjar.weixin.mp.bean.tag.WxUserTag;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An account's follower tags as WeChat has them (tags/get), kept in Redis for a few
 * minutes so composing a send or listing followers does not call WeChat each time; every
 * change made here (create, rename, delete, tagging) drops the cached copy, and
 * {@code sync} reads WeChat again. Mass-send audiences use the same tags.
 *
 * <p>
 * WeChat's rules are checked before calling it where we can know them (at most 100 tags
 * on an account, names of at most 30 characters, the reserved tags 0, 1 and 2 cannot be
 * changed); WeChat's own refusals (45157 duplicate name, 45159 unknown tag, 45059 too
 * many tags on a follower...) are translated by {@code WeChatError}. Tagging goes to
 * WeChat in batches of {@code wxops.admin.followers.tag-batch-size} (20); the follower
 * rows' tags are updated for each batch WeChat accepted.
 */
@Service
public class TagService {

	static final Duration KEEP = Duration.ofMinutes(10);

	/** WeChat's limit of tags on an account. */
	static final int MAX_TAGS = 100;

	/** WeChat's limit of a tag name, in characters. */
	static final int MAX_NAME = 30;

	/** Tags 0, 1 and 2 are WeChat's own. */
	static boolean isReserved(long id) {
		return id >= 0 && id <= 2;
	}

	private final WeChatCalls wechat;

	private final StringRedisTemplate redis;

	private final RedisKeys keys;

	private final JsonMapper json;

	private final FollowerMapper followers;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate tx;

	private final AuditTrail audit;

	private final int batchSize;

	TagService(WeChatCalls wechat, StringRedisTemplate redis, RedisKeys keys, JsonMapper json, FollowerMapper followers,
			JdbcTemplate jdbc, TransactionTemplate tx, AuditTrail audit,
			@Value("${wxops.admin.followers.tag-batch-size:20}") int batchSize) {
		this.wechat = wechat;
		this.redis = redis;
		this.keys = keys;
		this.json = json;
		this.followers = followers;
		this.jdbc = jdbc;
		this.tx = tx;
		this.audit = audit;
		if (batchSize < 1 || batchSize > 50) {
			throw new IllegalArgumentException("wxops.admin.followers.tag-batch-size must be 1 to 50 (WeChat's limit)");
		}
		this.batchSize = batchSize;
	}

	/** A follower tag. */
	public record Tag(long id, String name, long count) {
	}

	public List<Tag> tags(AccountSnapshot account, boolean sync) {
		String key = this.keys.followerTags(account.appId());
		if (!sync) {
			String cached = this.redis.opsForValue().get(key);
			if (cached != null) {
				return this.json.readValue(cached, new TypeReference<List<Tag>>() {
				});
			}
		}
		List<WxUserTag> fetched = this.wechat.call(account, (s) -> s.getUserTagService().tagGet());
		List<Tag> tags = fetched.stream()
			.map((t) -> new Tag(t.getId(), t.getName(), (t.getCount() != null) ? t.getCount() : 0))
			.toList();
		this.redis.opsForValue().set(key, this.json.writeValueAsString(tags), KEEP);
		return tags;
	}

	/** Drops the cached tags, so the next read asks WeChat. */
	void forget(AccountSnapshot account) {
		this.redis.delete(this.keys.followerTags(account.appId()));
	}

	Tag create(Caller caller, AccountSnapshot account, String name) {
		List<Tag> current = tags(account, true);
		if (current.stream().filter((t) -> !isReserved(t.id())).count() >= MAX_TAGS) {
			throw Problem.TAG_LIMIT.exception("Tag limit reached",
					"The account has " + MAX_TAGS + " tags, WeChat's limit. Delete one it no longer uses first.");
		}
		if (current.stream().anyMatch((t) -> t.name().equals(name))) {
			throw Problem.TAG_NAME_TAKEN.exception("Tag name already used",
					"The account already has a tag named \"" + name + "\".");
		}
		WxUserTag created;
		try {
			created = this.wechat.call(account, (s) -> s.getUserTagService().tagCreate(name));
		}
		finally {
			forget(account);
		}
		Tag tag = new Tag(created.getId(), created.getName(), 0);
		this.tx.executeWithoutResult((status) -> this.audit.record(caller, "FOLLOWER_TAG_CREATED", "follower-tag",
				tag.id(), account.id(), null, Map.of("name", name)));
		return tag;
	}

	Tag rename(Caller caller, AccountSnapshot account, long id, String name) {
		refuseReserved(id);
		Tag before = find(account, id);
		try {
			this.wechat.call(account, (s) -> s.getUserTagService().tagUpdate(id, name));
		}
		finally {
			forget(account);
		}
		this.tx.executeWithoutResult((status) -> this.audit.record(caller, "FOLLOWER_TAG_RENAMED", "follower-tag", id,
				account.id(), Map.of("name", before.name()), Map.of("name", name)));
		return new Tag(id, name, before.count());
	}

	void delete(Caller caller, AccountSnapshot account, long id) {
		refuseReserved(id);
		Tag before = find(account, id);
		try {
			this.wechat.call(account, (s) -> s.getUserTagService().tagDelete(id));
		}
		finally {
			forget(account);
		}
		this.tx.executeWithoutResult((status) -> {
			this.jdbc.update("DELETE FROM wx_follower_tag WHERE account_id = ? AND tag_id = ?", account.id(), id);
			this.audit.record(caller, "FOLLOWER_TAG_DELETED", "follower-tag", id, account.id(),
					Map.of("name", before.name(), "count", before.count()), null);
		});
	}

	/**
	 * Tags or untags followers, in batches; a refused batch stops the rest, and the
	 * answer says how many were done before.
	 */
	int members(Caller caller, AccountSnapshot account, long tagId, List<String> openids, boolean add) {
		if (isReserved(tagId) && tagId != 2) {
			refuseReserved(tagId);
		}
		find(account, tagId);
		List<String> distinct = new ArrayList<>(new java.util.LinkedHashSet<>(openids));
		int done = 0;
		try {
			for (int from = 0; from < distinct.size(); from += this.batchSize) {
				List<String> batch = distinct.subList(from, Math.min(distinct.size(), from + this.batchSize));
				String[] array = batch.toArray(String[]::new);
				this.wechat.call(account, (s) -> add ? s.getUserTagService().batchTagging(tagId, array)
						: s.getUserTagService().batchUntagging(tagId, array));
				this.tx.executeWithoutResult((status) -> {
					if (add) {
						this.followers.addTags(account.id(),
								batch.stream().map((o) -> new FollowerMapper.TagPair(o, tagId)).toList());
					}
					else {
						this.jdbc.update(
								"DELETE FROM wx_follower_tag WHERE account_id = ? AND tag_id = ? AND openid IN ("
										+ String.join(",", java.util.Collections.nCopies(batch.size(), "?")) + ")",
								concat(account.id(), tagId, batch));
					}
					Map<String, Object> after = new LinkedHashMap<>();
					after.put("tagId", tagId);
					after.put("openids", batch);
					this.audit.record(caller, add ? "FOLLOWERS_TAGGED" : "FOLLOWERS_UNTAGGED", "follower-tag", tagId,
							account.id(), null, after);
				});
				done += batch.size();
			}
		}
		catch (RuntimeException ex) {
			if (done > 0 && ex instanceof io.wxops.core.wechat.WeChatCallException) {
				forget(account);
			}
			throw ex;
		}
		forget(account);
		return done;
	}

	private static Object[] concat(long accountId, long tagId, List<String> openids) {
		Object[] args = new Object[openids.size() + 2];
		args[0] = accountId;
		args[1] = tagId;
		for (int i = 0; i < openids.size(); i++) {
			args[i + 2] = openids.get(i);
		}
		return args;
	}

	private Tag find(AccountSnapshot account, long id) {
		return tags(account, false).stream()
			.filter((t) -> t.id() == id)
			.findFirst()
			.or(() -> tags(account, true).stream().filter((t) -> t.id() == id).findFirst())
			.orElseThrow(() -> ApiException.notFound("Tag", id));
	}

	private static void refuseReserved(long id) {
		if (isReserved(id)) {
			throw Problem.RESERVED_TAG.exception("Reserved tag",
					"Tag " + id + " is one of WeChat's own tags (0, 1, 2): it cannot be changed or deleted.");
		}
	}

}
