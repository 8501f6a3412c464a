package io.wxops.admin.account;

import java.util.List;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;

@Mapper
public interface TestFollowerMapper extends BaseMapper<TestFollower> {

	@Select("SELECT * FROM wx_account_test_follower WHERE account_id = #{accountId} ORDER BY id")
	List<TestFollower> findByAccount(long accountId);

	@Delete("DELETE FROM wx_account_test_follower WHERE account_id = #{accountId}")
	int deleteByAccount(long accountId);

}
