package io.wxops.core.account;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import com.baomidou.mybatisplus.core.toolkit.Wrappers;
import org.apache.ibatis.annotations.Mapper;

@Mapper
public interface AccountMapper extends BaseMapper<Account> {

	default Account findByAppId(String appId) {
		return selectOne(Wrappers.<Account>lambdaQuery().eq(Account::getAppId, appId));
	}

}
