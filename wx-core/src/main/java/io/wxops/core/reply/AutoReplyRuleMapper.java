package io.wxops.core.reply;

import java.util.List;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import com.baomidou.mybatisplus.core.toolkit.Wrappers;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface AutoReplyRuleMapper extends BaseMapper<AutoReplyRule> {

	default List<AutoReplyRule> findEnabled(long accountId) {
		return selectList(Wrappers.<AutoReplyRule>lambdaQuery()
			.eq(AutoReplyRule::getAccountId, accountId)
			.eq(AutoReplyRule::getEnabled, true)
			.orderByDesc(AutoReplyRule::getPriority)
			.orderByAsc(AutoReplyRule::getId));
	}

	@Update("UPDATE wx_auto_reply_rule SET hit_count = hit_count + 1 WHERE id = #{id}")
	int countHit(@Param("id") long id);

}
