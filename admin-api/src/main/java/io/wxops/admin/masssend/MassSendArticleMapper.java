package io.wxops.admin.masssend;

import java.util.List;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface MassSendArticleMapper extends BaseMapper<MassSendArticle> {

	@Select("SELECT * FROM ms_send_article WHERE send_id = #{sendId} ORDER BY position")
	List<MassSendArticle> findBySend(long sendId);

	@Update("UPDATE ms_send_article SET article_url = #{url} WHERE send_id = #{sendId} AND position = #{position}")
	int setUrl(@Param("sendId") long sendId, @Param("position") int position, @Param("url") String url);

}
