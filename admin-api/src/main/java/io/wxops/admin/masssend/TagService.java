package io.wxops.admin.masssend;

import java.time.Duration;
import java.util.List;

import io.wxops.core.account.AccountSnapshot;
import io.wxops.core.redis.RedisKeys;
import io.wxops.core.wechat.WeChatCalls;
import me.chanjar.weixin.mp.bean.tag.WxUserTag;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Service;

/**
 * An account's follower tags as WeChat has them (tags/get), kept in Redis for a few
 * minutes so composing a send does not call WeChat each time; a sync reads them again.
 */
@Service
public class TagService {

	static final Duration KEEP = Duration.ofMinutes(10);

	private final WeChatCalls wechat;

	private final StringRedisTemplate redis;

	private final RedisKeys keys;

	private final JsonMapper json;

	TagService(WeChatCalls wechat, StringRedisTemplate redis, RedisKeys keys, JsonMapper json) {
		this.wechat = wechat;
		this.redis = redis;
		this.keys = keys;
		this.json = json;
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

}
