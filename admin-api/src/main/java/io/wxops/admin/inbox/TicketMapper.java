package io.wxops.admin.inbox;

import java.time.Instant;
import java.util.List;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
public interface TicketMapper extends BaseMapper<Ticket> {

	/** The open ticket for a key, waiting for a concurrent creator to commit. */
	@Select("SELECT * FROM inb_ticket WHERE open_key = #{openKey} FOR UPDATE")
	Ticket lockOpen(String openKey);

	/**
	 * The ticket a follow-up that matches no rule joins: the follower's ticket on the
	 * account with the latest message that is neither closed nor malicious, locked.
	 */
	@Select("SELECT * FROM inb_ticket WHERE account_id = #{accountId} AND openid = #{openid}"
			+ " AND status <> 'CLOSED' AND category <> 'MALICIOUS' ORDER BY last_message_at DESC, id DESC LIMIT 1 FOR UPDATE")
	Ticket lockLatestOpen(@Param("accountId") long accountId, @Param("openid") String openid);

	@Select("SELECT id FROM inb_ticket WHERE ack_status = 'PENDING' AND created_at < #{before} LIMIT 100")
	List<Long> pendingAcks(@Param("before") Instant before);

}
