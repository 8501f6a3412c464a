package io.wxops.admin.inbox;

import java.util.List;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;

@Mapper
public interface RouteMapper extends BaseMapper<Route> {

	@Select("SELECT * FROM inb_route WHERE account_id = #{accountId}")
	List<Route> forAccount(long accountId);

}
