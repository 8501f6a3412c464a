package io.wxops.gateway.intake;

import java.time.Clock;
import java.time.Instant;

import io.wxops.core.message.InboundMessage;
import io.wxops.core.message.InboundMessageMapper;
import io.wxops.gateway.callback.ParsedCallback;
import io.wxops.gateway.follower.FollowerEvents;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores a new callback and its follower effects atomically. The unique key on (account,
 * dedup key) is the truth: a concurrent or later copy fails with a duplicate key and
 * changes nothing, while a copy whose first attempt failed simply succeeds now.
 */
@Component
public class MessageStore {

	private final InboundMessageMapper messages;

	private final FollowerEvents followerEvents;

	private final JsonMapper json;

	private final Clock clock;

	private final TransactionTemplate tx;

	public MessageStore(InboundMessageMapper messages, FollowerEvents followerEvents, JsonMapper json, Clock clock,
			TransactionTemplate tx) {
		this.tx = tx;
		this.messages = messages;
		this.followerEvents = followerEvents;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * Stores the message; an event that changes a follower is stored in one transaction
	 * with that change, anything else with a single auto-committed INSERT (a transaction
	 * would only add round trips).
	 * @throws org.springframework.dao.DuplicateKeyException when the message is already
	 * stored
	 */
	public InboundMessage storeNew(ParsedCallback callback, DedupKey key) {
		if (FollowerEvents.changesFollower(callback)) {
			return this.tx.execute(status -> insertAndApply(callback, key));
		}
		return insertAndApply(callback, key);
	}

	private InboundMessage insertAndApply(ParsedCallback callback, DedupKey key) {
		Instant now = this.clock.instant();
		WxMpXmlMessage m = callback.message();
		InboundMessage row = new InboundMessage();
		row.setAccountId(callback.account().id());
		row.setDedupKey(key.hash());
		row.setMsgId(DedupKey.messageId(callback.fields()));
		row.setMsgType(m.getMsgType());
		row.setEvent(m.getEvent());
		row.setEventKey(m.getEventKey());
		row.setFromUser(m.getFromUser());
		row.setToUser(m.getToUser());
		row.setCreateTime(m.getCreateTime());
		row.setContent(m.getContent());
		row.setFields(this.json.writeValueAsString(callback.fields()));
		row.setEncrypted(callback.encrypted());
		row.setReceivedAt(now);
		this.messages.insert(row);
		this.followerEvents.apply(callback, now);
		return row;
	}

}
