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

	@Select("SELECT COUNT(*) FROM inb_ticket_entry e JOIN inb_ticket t ON t.id = e.ticket_id WHERE t.account_id = #{accountId} AND t.openid = #{openid} AND e.kind = 'OUT' AND e.delivery IN ('DELIVERED', 'SENDING') AND e.created_at >= #{since}")
	int deliveredSince(@Param("accountId") long accountId, @Param("openid") String openid,
			@Param("since") java.time.Instant since);

}
