package io.wxops.admin.inbox;

import java.util.List;

import io.wxops.core.message.InboundKind;
import io.wxops.core.message.InboundMessage;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
/** The gateway's stored messages, as routing reads and takes them. */
public interface InboundMapper {

	/** Messages no router has taken yet with their sender, oldest first. */
	@Select("SELECT id, from_user FROM wx_inbound_message WHERE routed_at IS NULL ORDER BY id LIMIT #{limit}")
	List<InboundMessage> unroutedWithSender(int limit);

	@Select("SELECT " + COLUMNS + " FROM wx_inbound_message WHERE id = #{id}")
	InboundMessage message(long id);

	/**
	 * What routing reads of a stored message (see
	 * {@link io.wxops.core.message.InboundView}).
	 */
	String COLUMNS = "id, account_id, msg_id, msg_type, event, event_key, from_user, create_time, content, fields, received_at";

	/**
	 * The given messages that are still unrouted, locked until the transaction ends
	 * (waiting for a router that holds one), oldest first.
	 */
	@Select("<script>SELECT " + COLUMNS + " FROM wx_inbound_message WHERE routed_at IS NULL AND id IN"
			+ " <foreach item='id' collection='ids' open='(' separator=',' close=')'>#{id}</foreach> ORDER BY id FOR UPDATE</script>")
	List<InboundMessage> lockUnrouted(@Param("ids") List<Long> ids);

	/** Takes messages locked by {@link #lockUnrouted}; returns how many. */
	@Update("<script>UPDATE wx_inbound_message SET routed_at = #{now} WHERE routed_at IS NULL AND id IN"
			+ " <foreach item='id' collection='ids' open='(' separator=',' close=')'>#{id}</foreach></script>")
	int takeAll(@Param("ids") List<Long> ids, @Param("now") java.time.Instant now);

	/** Takes a message for routing; only one transaction ever gets 1. */
	@Update("UPDATE wx_inbound_message SET routed_at = #{now} WHERE id = #{id} AND routed_at IS NULL")
	int take(@Param("id") long id, @Param("now") java.time.Instant now);

	/**
	 * When each ticket's follower last wrote (account_id, from_user, last_time in epoch
	 * seconds: CreateTime, which opens the 48 h window), for one or a page of tickets in
	 * one query.
	 */
	@Select("<script>SELECT account_id, from_user, MAX(create_time) AS last_time FROM wx_inbound_message WHERE msg_type IN ("
			+ InboundKind.FOLLOWER_MESSAGE_TYPES_SQL + ") AND ("
			+ "<foreach item='t' collection='tickets' separator=' OR '>(account_id = #{t.accountId} AND from_user = #{t.openid})</foreach>"
			+ ") GROUP BY account_id, from_user</script>")
	List<LastMessage> lastMessageTimes(@Param("tickets") List<Ticket> tickets);

	/** When one follower of one account last wrote (CreateTime, epoch seconds). */
	class LastMessage {

		private long accountId;

		private String fromUser;

		private long lastTime;

		public long getAccountId() {
			return this.accountId;
		}

		public void setAccountId(long accountId) {
			this.accountId = accountId;
		}

		public String getFromUser() {
			return this.fromUser;
		}

		public void setFromUser(String fromUser) {
			this.fromUser = fromUser;
		}

		public long getLastTime() {
			return this.lastTime;
		}

		public void setLastTime(long lastTime) {
			this.lastTime = lastTime;
		}

	}

}
