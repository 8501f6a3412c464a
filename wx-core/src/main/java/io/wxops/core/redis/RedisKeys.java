package io.wxops.core.redis;

/**
 * Every Redis key and channel the system uses, under one configurable prefix
 * ({@code wxops.redis.key-prefix}) so environments, and test runs, can share a server.
 */
public final class RedisKeys {

	private final String prefix;

	public RedisKeys(String prefix) {
		this.prefix = (prefix == null || prefix.isBlank()) ? "wxops" : prefix;
	}

	public String prefix() {
		return this.prefix;
	}

	/**
	 * Marker that a callback was stored; the value is the passive reply sent for it (may
	 * be empty).
	 */
	public String callbackDone(String appId, String dedupHash) {
		return this.prefix + ":cb:" + appId + ":" + dedupHash;
	}

	/** An account's follower tags as last read from WeChat. */
	public String followerTags(String appId) {
		return this.prefix + ":tags:" + appId;
	}

	/**
	 * Pub/sub channel announcing that an account (or its reply rules) changed; the
	 * message is the AppID.
	 */
	public String accountChangedChannel() {
		return this.prefix + ":account-changed";
	}

	/**
	 * Pub/sub channel announcing follower messages the gateway has just committed; the
	 * message is their ids, comma-separated. Routing wakes on it; it is only a hint (a
	 * lost signal costs one poll interval, never a message).
	 */
	public String inboxStoredChannel() {
		return this.prefix + ":inbox-stored";
	}

	/**
	 * Prefix handed to WxJava's Redis config storage for access tokens and their locks.
	 */
	public String wxJavaPrefix() {
		return this.prefix + ":wx";
	}

}
