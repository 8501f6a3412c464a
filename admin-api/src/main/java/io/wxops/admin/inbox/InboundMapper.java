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

	/** Follower messages no router has taken yet, oldest first. */
	@Select("SELECT id FROM wx_inbound_message WHERE routed_at IS NULL ORDER BY id LIMIT #{limit}")
	List<Long> unrouted(int limit);

	@Select("SELECT id, account_id, msg_type, event, event_key, from_user, create_time, content, fields, received_at FROM wx_inbound_message WHERE id = #{id}")
	Map<String, Object> message(long id);

	/** Takes a message for routing; only one transaction ever gets 1. */
	@Update("UPDATE wx_inbound_message SET routed_at = #{now} WHERE id = #{id} AND routed_at IS NULL")
	int take(@Param("id") long id, @Param("now") java.time.Instant now);

	/**
	 * When the follower last wrote (CreateTime, epoch seconds): opens the 48 h window.
	 */
	@Select("SELECT MAX(create_time) FROM wx_inbound_message WHERE account_id = #{accountId} AND from_user = #{openid} AND msg_type IN ('text', 'image', 'voice', 'video', 'shortvideo', 'location', 'link')")
	Long lastMessageTime(@Param("accountId") long accountId, @Param("openid") String openid);

}
