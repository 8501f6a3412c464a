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

	@Select("SELECT id FROM inb_ticket WHERE ack_status = 'PENDING' AND created_at < #{before} LIMIT 100")
	List<Long> pendingAcks(@Param("before") Instant before);

}
