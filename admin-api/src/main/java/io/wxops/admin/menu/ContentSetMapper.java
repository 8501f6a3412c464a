package io.wxops.admin.menu;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;

@Mapper
interface ContentSetMapper extends BaseMapper<ContentSet> {

}
