package io.wxops.admin.review;

import java.util.List;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
public interface ReviewDecisionMapper extends BaseMapper<ReviewDecision> {

	@Select("SELECT * FROM art_review_decision WHERE article_id = #{articleId} ORDER BY review_round, level_index")
	List<ReviewDecision> findByArticle(long articleId);

	@Select("SELECT * FROM art_review_decision WHERE article_id = #{articleId} AND review_round = #{round} ORDER BY level_index")
	List<ReviewDecision> findByRound(@Param("articleId") long articleId, @Param("round") int round);

}
