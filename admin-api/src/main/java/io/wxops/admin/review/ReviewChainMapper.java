package io.wxops.admin.review;

import java.time.Instant;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/**
 * {@code art_review_chain}: the levels each submission of an article needs, as submitted.
 */
@Mapper
public interface ReviewChainMapper {

	@Insert("""
			INSERT INTO art_review_chain (article_id, review_round, levels, created_at)
			VALUES (#{articleId}, #{round}, #{levels}, #{at})""")
	int insert(@Param("articleId") long articleId, @Param("round") int round, @Param("levels") String levels,
			@Param("at") Instant at);

	@Select("SELECT levels FROM art_review_chain WHERE article_id = #{articleId} AND review_round = #{round}")
	String levels(@Param("articleId") long articleId, @Param("round") int round);

}
