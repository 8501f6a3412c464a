package io.wxops.core.follower;

import java.time.Instant;

import io.wxops.core.message.InboundMessageMapper;
import io.wxops.core.secret.Pseudonyms;

/**
 * What happens when a follower leaves an account, whoever notices it: the gateway on an
 * unsubscribe event, or admin-api's follower sync when a complete list no longer holds
 * the follower (or WeChat reports them unsubscribed). WeChat requires deleting the
 * follower's information, so the follower row loses its profile, scene, remark, tags and
 * location, and the archive is pseudonymised: the stored messages' openid becomes a keyed
 * pseudonym (their location and picture fields and the stored reply go), and so does that
 * of the follower's closed tickets (an open one keeps the openid while it is handled).
 * Every step applies only if {@code stateTime} is not older than the state recorded, so a
 * late report never undoes a newer subscription. Call inside a transaction.
 */
public class FollowerLeaving {

	private final FollowerMapper followers;

	private final InboundMessageMapper messages;

	private final Pseudonyms pseudonyms;

	public FollowerLeaving(FollowerMapper followers, InboundMessageMapper messages, Pseudonyms pseudonyms) {
		this.followers = followers;
		this.messages = messages;
		this.pseudonyms = pseudonyms;
	}

	/**
	 * The follower left at {@code stateTime} (epoch seconds).
	 * @param accountId the account
	 * @param appId the account's AppID (the pseudonyms' scope)
	 * @param openid the follower
	 * @param stateTime when they left, as WeChat's CreateTime or the sync's observation
	 * @param now the time recorded
	 */
	public void left(long accountId, String appId, String openid, long stateTime, Instant now) {
		this.followers.unsubscribeAndErase(accountId, openid, stateTime, now);
		this.followers.dropTagsOfLeft(accountId, openid);
		String pseudonym = this.pseudonyms.of(appId, openid);
		this.messages.pseudonymise(accountId, openid, pseudonym, stateTime, now);
		this.followers.pseudonymiseClosedTickets(accountId, openid, pseudonym);
	}

}
