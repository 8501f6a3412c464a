package io.wxops.admin.menu;

import java.time.Instant;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Update;

@Mapper
interface MenuPublishMapper extends BaseMapper<MenuPublish> {

	/**
	 * Holds the account for one publish (or delete) until {@code until}; 1 when this call
	 * got it, 0 while another holds it.
	 */
	@Update("UPDATE mn_menu_publish SET publishing_until = #{until} WHERE account_id = #{accountId} "
			+ "AND (publishing_until IS NULL OR publishing_until < #{now})")
	int hold(@Param("accountId") long accountId, @Param("now") Instant now, @Param("until") Instant until);

	@Update("UPDATE mn_menu_publish SET publishing_until = NULL WHERE account_id = #{accountId}")
	int release(@Param("accountId") long accountId);

	/** The row a first publish holds; ignored when there is one. */
	@Insert("INSERT IGNORE INTO mn_menu_publish (account_id, state, live_hash, changed_by, changed_at) "
			+ "VALUES (#{accountId}, 'NONE', #{liveHash}, #{by}, #{now})")
	int ensure(@Param("accountId") long accountId, @Param("liveHash") String liveHash, @Param("by") long by,
			@Param("now") Instant now);

}
