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
	 * Open tickets past their result date, or still unacknowledged after the day they
	 * opened, that are not escalated yet.
	 */
	@Select("SELECT id FROM inb_ticket WHERE status NOT IN ('RESOLVED', 'CLOSED') AND hidden = FALSE AND escalated_at IS NULL"
			+ " AND (due_at < #{now} OR (status = 'NEW' AND ack_due_at < #{now})) LIMIT 500")
	List<Long> overdue(Instant now);

	@Select("SELECT id FROM inb_ticket WHERE ack_status = 'PENDING' AND created_at < #{before} LIMIT 100")
	List<Long> pendingAcks(@Param("before") Instant before);

}
