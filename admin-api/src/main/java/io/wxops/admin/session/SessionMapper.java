package io.wxops.admin.session;

import java.time.Instant;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface SessionMapper extends BaseMapper<SessionRow> {

	@Select("SELECT * FROM adm_session WHERE token_hash = #{tokenHash}")
	SessionRow findByTokenHash(String tokenHash);

	@Update("UPDATE adm_session SET revoked_at = #{now}, revoke_reason = #{reason} WHERE id = #{id} AND revoked_at IS NULL")
	int revoke(@Param("id") long id, @Param("now") Instant now, @Param("reason") String reason);

	@Update("UPDATE adm_session SET revoked_at = #{now}, revoke_reason = #{reason} WHERE person_id = #{personId} AND revoked_at IS NULL")
	int revokeAll(@Param("personId") long personId, @Param("now") Instant now, @Param("reason") String reason);

	@Update("UPDATE adm_session SET last_seen_at = #{now} WHERE id = #{id}")
	int touch(@Param("id") long id, @Param("now") Instant now);

}
