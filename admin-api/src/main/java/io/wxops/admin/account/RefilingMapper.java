package io.wxops.admin.account;

import java.util.List;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;

@Mapper
public interface RefilingMapper extends BaseMapper<Refiling> {

	@Select("SELECT * FROM wx_account_refiling WHERE account_id = #{accountId} ORDER BY id")
	List<Refiling> findByAccount(long accountId);

}
