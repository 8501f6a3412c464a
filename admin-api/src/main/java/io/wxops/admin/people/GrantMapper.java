package io.wxops.admin.people;

import java.util.List;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;

@Mapper
public interface GrantMapper extends BaseMapper<GrantRow> {

	@Select("SELECT * FROM adm_grant WHERE person_id = #{personId} ORDER BY id")
	List<GrantRow> findByPerson(long personId);

}
