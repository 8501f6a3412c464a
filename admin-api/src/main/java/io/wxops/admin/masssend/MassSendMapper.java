package io.wxops.admin.masssend;

import java.time.Instant;
import java.util.List;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import io.wxops.core.message.InboundMessage;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface MassSendMapper extends BaseMapper<MassSend> {

	@Select("SELECT id FROM ms_send WHERE status = 'CONFIRMED' AND slot_at <= #{now} ORDER BY slot_at LIMIT 50")
	List<Long> due(Instant now);

	@Select("SELECT id FROM ms_send WHERE status = 'SENDING' AND sending_since <= #{before} ORDER BY sending_since LIMIT 50")
	List<Long> stuckSending(Instant before);

	@Select("SELECT id FROM ms_send WHERE status = 'SENT' ORDER BY accepted_at LIMIT 200")
	List<Long> awaitingResult();

	/**
	 * Takes a confirmed send for sending: only one caller ever gets 1 back, however many
	 * instances try at once.
	 */
	@Update("""
			UPDATE ms_send SET status = 'SENDING', sending_since = #{now}, first_sending_at = #{now},
			       attempts = attempts + 1, version = version + 1, updated_at = #{now}
			 WHERE id = #{id} AND status = 'CONFIRMED'""")
	int claim(@Param("id") long id, @Param("now") Instant now);

	/** Takes a send left in SENDING for another attempt, if nobody else just did. */
	@Update("""
			UPDATE ms_send SET sending_since = #{now}, attempts = attempts + 1, version = version + 1, updated_at = #{now}
			 WHERE id = #{id} AND status = 'SENDING' AND sending_since = #{since}""")
	int reclaim(@Param("id") long id, @Param("since") Instant since, @Param("now") Instant now);

	@Select("SELECT local_day FROM ms_send WHERE account_id = #{accountId} AND day_claim >= #{from} ORDER BY local_day")
	List<java.time.LocalDate> claimedDaysFrom(@Param("accountId") long accountId,
			@Param("from") java.time.LocalDate from);

	/**
	 * The month slots a service account's sends hold in the month starting {@code first}.
	 */
	@Select("SELECT month_slot FROM ms_send WHERE account_id = #{accountId} AND month_claim = #{first}")
	List<Integer> monthSlotsTaken(@Param("accountId") long accountId, @Param("first") java.time.LocalDate first);

	/**
	 * The account's job-finish event for the msg_id, as the gateway stored it, or null.
	 */
	@Select("""
			SELECT * FROM wx_inbound_message
			 WHERE account_id = #{accountId} AND event = 'MASSSENDJOBFINISH' AND msg_id = #{msgId}
			 ORDER BY id LIMIT 1""")
	InboundMessage jobFinish(@Param("accountId") long accountId, @Param("msgId") String msgId);

	/**
	 * For a send WeChat accepted without telling its msg_id (45065): the account's first
	 * MASSSENDJOBFINISH received since the send first went SENDING whose MsgID no send
	 * holds, or null.
	 */
	@Select("""
			SELECT m.* FROM wx_inbound_message m
			  JOIN ms_send s ON s.id = #{sendId} AND m.account_id = s.account_id
			 WHERE m.event = 'MASSSENDJOBFINISH' AND m.msg_id IS NOT NULL AND m.received_at >= s.first_sending_at
			   AND NOT EXISTS (SELECT 1 FROM ms_send o
			                    WHERE o.account_id = m.account_id AND o.msg_id = CAST(m.msg_id AS SIGNED))
			 ORDER BY m.received_at, m.id LIMIT 1""")
	InboundMessage nextUnclaimedJobFinish(@Param("sendId") long sendId);

	/**
	 * Gives a send accepted under an unknown msg_id the one its job-finish event names.
	 */
	@Update("UPDATE ms_send SET msg_id = #{msgId} WHERE id = #{id} AND status = 'SENT' AND msg_id IS NULL")
	int attachMsgId(@Param("id") long id, @Param("msgId") long msgId);

}
