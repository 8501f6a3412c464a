package io.wxops.admin.review;

import java.util.List;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
public interface SendReviewMapper extends BaseMapper<SendReview> {

	/** Reviews still open on sends that may still go out, oldest first. */
	@Select("""
			SELECT r.* FROM ms_send_review r JOIN ms_send s ON s.id = r.send_id
			 WHERE r.status = 'IN_REVIEW' AND s.status = 'COMPOSED'
			 ORDER BY r.submitted_at, r.send_id LIMIT 1000""")
	List<SendReview> open();

	/**
	 * The URL of an image uploaded through wxops to one of the account's articles, by its
	 * permanent material id; null when wxops does not know the image.
	 */
	@Select("""
			SELECT i.wechat_url FROM art_image i JOIN art_article a ON a.id = i.article_id
			 WHERE i.wechat_media_id = #{mediaId} AND a.account_id = #{accountId}
			 ORDER BY i.id LIMIT 1""")
	String imageUrl(@Param("accountId") long accountId, @Param("mediaId") String mediaId);

	@Select("SELECT COUNT(*) FROM adm_department WHERE id = #{id}")
	int departmentCount(long id);

}
