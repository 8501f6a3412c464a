package io.wxops.core.message;

import java.time.Instant;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import com.baomidou.mybatisplus.core.toolkit.Wrappers;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface InboundMessageMapper extends BaseMapper<InboundMessage> {

	default InboundMessage findByDedupKey(long accountId, String dedupKey) {
		return selectOne(Wrappers.<InboundMessage>lambdaQuery()
			.eq(InboundMessage::getAccountId, accountId)
			.eq(InboundMessage::getDedupKey, dedupKey));
	}

	/**
	 * Records the reply decision once: a second decision for the same message (a
	 * concurrent retry) changes nothing and returns 0.
	 */
	@Update("""
			UPDATE wx_inbound_message
			   SET reply_status = #{status}, reply_rule_id = #{ruleId}, reply_xml = #{replyXml}
			 WHERE id = #{id} AND reply_status IS NULL
			""")
	int recordReply(@Param("id") long id, @Param("status") ReplyStatus status, @Param("ruleId") Long ruleId,
			@Param("replyXml") String replyXml);

	/**
	 * Pseudonymises what the archive keeps of a follower who unsubscribed: the openid
	 * becomes a keyed pseudonym, location, picture URLs and the reply (which names the
	 * openid) go.
	 */
	@Update("""
			UPDATE wx_inbound_message
			   SET from_user = #{pseudonym},
			       reply_xml = NULL,
			       fields = JSON_SET(JSON_REMOVE(fields, '$.Location_X', '$.Location_Y', '$.Label', '$.Scale',
			                     '$.Latitude', '$.Longitude', '$.Precision', '$.PicUrl', '$.SendLocationInfo',
			                     '$.SendPicsInfo', '$.ScanCodeInfo'),
			                     '$.FromUserName', #{pseudonym}),
			       pseudonymised_at = #{now}
			 WHERE account_id = #{accountId} AND from_user = #{openid} AND create_time <= #{until}
			""")
	int pseudonymise(@Param("accountId") long accountId, @Param("openid") String openid,
			@Param("pseudonym") String pseudonym, @Param("until") long untilCreateTime, @Param("now") Instant now);

}
