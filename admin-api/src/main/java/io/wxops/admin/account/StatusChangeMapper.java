package io.wxops.admin.account;

import java.util.List;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;

@Mapper
public interface StatusChangeMapper extends BaseMapper<StatusChange> {

	@Select("SELECT * FROM wx_account_status_change WHERE account_id = #{accountId} ORDER BY id")
	List<StatusChange> findByAccount(long accountId);

}
