package io.wxops.admin.screening;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;

@Mapper
public interface LexiconChangeMapper extends BaseMapper<LexiconChange> {

}
