package io.wxops.admin.inbox;

import java.util.List;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;

@Mapper
public interface InboxRuleMapper extends BaseMapper<InboxRule> {

	@Select("SELECT * FROM inb_rule WHERE account_id = #{accountId} ORDER BY priority DESC, id")
	List<InboxRule> forAccount(long accountId);

}
