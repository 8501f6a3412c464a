package io.wxops.admin.inbox;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;

@Mapper
public interface FollowupMapper extends BaseMapper<Followup> {

}
