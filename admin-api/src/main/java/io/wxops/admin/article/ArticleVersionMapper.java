package io.wxops.admin.article;

import java.util.List;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
public interface ArticleVersionMapper extends BaseMapper<ArticleVersion> {

	@Select("SELECT id, article_id, version_no, title, content_hash, saved_by, saved_at FROM art_article_version WHERE article_id = #{articleId} ORDER BY version_no")
	List<ArticleVersion> listByArticle(long articleId);

	@Select("SELECT * FROM art_article_version WHERE article_id = #{articleId} AND version_no = #{versionNo}")
	ArticleVersion find(@Param("articleId") long articleId, @Param("versionNo") int versionNo);

}
