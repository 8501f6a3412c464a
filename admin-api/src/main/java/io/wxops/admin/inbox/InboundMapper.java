package io.wxops.admin.inbox;

import java.util.List;
import java.util.Map;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
/** The gateway's stored messages, as routing reads and takes them. */
public interface InboundMapper {

	/** Messages no router has taken yet with their sender, oldest first. */
	@Select("SELECT id, from_user FROM wx_inbound_message WHERE routed_at IS NULL ORDER BY id LIMIT #{limit}")
	List<Map<String, Object>> unroutedWithSender(int limit);

	@Select("SELECT id, account_id, msg_type, event, event_key, from_user, create_time, content, fields, received_at FROM wx_inbound_message WHERE id = #{id}")
	Map<String, Object> message(long id);

	/**
	 * The given messages that are still unrouted, locked until the transaction ends
	 * (waiting for a router that holds one), oldest first.
	 */
	@Select("<script>SELECT id, account_id, msg_type, event, event_key, from_user, create_time, content, fields, received_at"
			+ " FROM wx_inbound_message WHERE routed_at IS NULL AND id IN"
			+ " <foreach item='id' collection='ids' open='(' separator=',' close=')'>#{id}</foreach> ORDER BY id FOR UPDATE</script>")
	List<Map<String, Object>> lockUnrouted(@Param("ids") List<Long> ids);

	/** Takes messages locked by {@link #lockUnrouted}; returns how many. */
	@Update("<script>UPDATE wx_inbound_message SET routed_at = #{now} WHERE routed_at IS NULL AND id IN"
			+ " <foreach item='id' collection='ids' open='(' separator=',' close=')'>#{id}</foreach></script>")
	int takeAll(@Param("ids") List<Long> ids, @Param("now") java.time.Instant now);

	/** Takes a message for routing; only one transaction ever gets 1. */
	@Update("UPDATE wx_inbound_message SET routed_at = #{now} WHERE id = #{id} AND routed_at IS NULL")
	int take(@Param("id") long id, @Param("now") java.time.Instant now);

	/**
	 * Message types a follower writes, which open WeChat's customer-service window and
	 * are filed into tickets; events other than a menu click are not messages.
	 */
	List<String> FOLLOWER_MESSAGES = List.of("text", "image", "voice", "video", "shortvideo", "location", "link");

	/** {@link #FOLLOWER_MESSAGES} as an SQL list, for the queries below. */
	String FOLLOWER_MESSAGES_SQL = "'text', 'image', 'voice', 'video', 'shortvideo', 'location', 'link'";

	/**
	 * When each ticket's follower last wrote (account_id, from_user, last_time in epoch
	 * seconds: CreateTime, which opens the 48 h window), for one or a page of tickets in
	 * one query.
	 */
	@Select("<script>SELECT account_id, from_user, MAX(create_time) AS last_time FROM wx_inbound_message WHERE msg_type IN ("
			+ FOLLOWER_MESSAGES_SQL + ") AND ("
			+ "<foreach item='t' collection='tickets' separator=' OR '>(account_id = #{t.accountId} AND from_user = #{t.openid})</foreach>"
			+ ") GROUP BY account_id, from_user</script>")
	List<Map<String, Object>> lastMessageTimes(@Param("tickets") List<Ticket> tickets);

}
