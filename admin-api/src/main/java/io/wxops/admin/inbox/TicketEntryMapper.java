package io.wxops.admin.inbox;

import java.util.List;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
public interface TicketEntryMapper extends BaseMapper<TicketEntry> {

	@Select("SELECT * FROM inb_ticket_entry WHERE ticket_id = #{ticketId} ORDER BY created_at, id")
	List<TicketEntry> thread(long ticketId);

	/**
	 * Each ticket's latest follower message (ticket_id, msg_type, the start of content,
	 * created_at), for a page of tickets in one query.
	 */
	@Select("<script>SELECT e.ticket_id, e.msg_type, LEFT(e.content, 200) AS content, e.created_at FROM inb_ticket_entry e"
			+ " JOIN (SELECT ticket_id, MAX(id) AS id FROM inb_ticket_entry WHERE kind = 'IN' AND ticket_id IN"
			+ " <foreach item='id' collection='ids' open='(' separator=',' close=')'>#{id}</foreach>"
			+ " GROUP BY ticket_id) latest ON latest.id = e.id</script>")
	List<java.util.Map<String, Object>> latestIncoming(@Param("ids") java.util.Collection<Long> ids);

	@Select("SELECT COUNT(*) FROM inb_ticket_entry e JOIN inb_ticket t ON t.id = e.ticket_id WHERE t.account_id = #{accountId} AND t.openid = #{openid} AND e.kind = 'OUT' AND e.delivery IN ('DELIVERED', 'SENDING') AND e.created_at >= #{since}")
	int deliveredSince(@Param("accountId") long accountId, @Param("openid") String openid,
			@Param("since") java.time.Instant since);

}
