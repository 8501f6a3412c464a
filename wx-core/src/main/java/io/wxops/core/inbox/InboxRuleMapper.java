package io.wxops.core.inbox;

import java.util.List;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;

@Mapper
public interface InboxRuleMapper extends BaseMapper<InboxRule> {

	@Select("SELECT * FROM inb_rule WHERE account_id = #{accountId} ORDER BY priority DESC, id")
	List<InboxRule> forAccount(long accountId);

	/**
	 * How many rules the account has and the newest one's id. Rules are only added and
	 * removed, never changed, and ids only grow, so the pair changes whenever the rules
	 * do.
	 */
	@Select("SELECT COUNT(*) AS n, COALESCE(MAX(id), 0) AS newest FROM inb_rule WHERE account_id = #{accountId}")
	java.util.Map<String, Object> fingerprint(long accountId);

	/**
	 * Whether the account's routed messages get only the acknowledgement (the gateway
	 * reads it with the rules, so one announcement refreshes both).
	 */
	@Select("SELECT routed_ack_only FROM wx_account WHERE id = #{accountId}")
	Boolean routedAckOnly(long accountId);

}
