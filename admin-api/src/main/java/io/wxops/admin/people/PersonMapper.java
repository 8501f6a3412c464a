package io.wxops.admin.people;

import java.time.Instant;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface PersonMapper extends BaseMapper<Person> {

	@Select("SELECT * FROM adm_person WHERE username = #{username}")
	Person findByUsername(String username);

	/**
	 * Counts a failed sign-in and locks the person once {@code maxFailures} is reached; a
	 * lock that has run out starts the count again. One statement, so concurrent failures
	 * cannot under-count (MySQL and MariaDB evaluate the assignments left to right).
	 */
	@Update("""
			UPDATE adm_person
			   SET failed_logins = CASE WHEN locked_until IS NOT NULL AND locked_until <= #{now} THEN 1
			                            ELSE failed_logins + 1 END,
			       locked_until = CASE WHEN failed_logins >= #{maxFailures} THEN #{lockUntil}
			                           WHEN locked_until IS NOT NULL AND locked_until <= #{now} THEN NULL
			                           ELSE locked_until END
			 WHERE id = #{id}""")
	int recordFailure(@Param("id") long id, @Param("now") Instant now, @Param("maxFailures") int maxFailures,
			@Param("lockUntil") Instant lockUntil);

	@Update("UPDATE adm_person SET failed_logins = 0, locked_until = NULL WHERE id = #{id} AND (failed_logins > 0 OR locked_until IS NOT NULL)")
	int clearFailures(long id);

	@Select("SELECT COUNT(*) FROM adm_person")
	long countAll();

}
