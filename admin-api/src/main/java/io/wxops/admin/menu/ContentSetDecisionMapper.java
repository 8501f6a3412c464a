package io.wxops.admin.menu;

import java.util.List;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
interface ContentSetDecisionMapper extends BaseMapper<ContentSetDecision> {

	@Select("SELECT * FROM acc_content_set_decision WHERE account_id = #{accountId} AND kind = #{kind} "
			+ "AND review_round = #{round} ORDER BY level_index")
	List<ContentSetDecision> findByRound(@Param("accountId") long accountId, @Param("kind") String kind,
			@Param("round") int round);

}
