package io.wxops.admin.people;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface PersonMapper extends BaseMapper<Person> {

	@Select("SELECT * FROM adm_person WHERE username = #{username}")
	Person findByUsername(String username);

	@Update("UPDATE adm_person SET failed_logins = 0, locked_until = NULL WHERE id = #{id} AND (failed_logins > 0 OR locked_until IS NOT NULL)")
	int clearFailures(long id);

	@Select("SELECT COUNT(*) FROM adm_person")
	long countAll();

}
