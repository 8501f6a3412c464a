package io.wxops.admin.article;

import java.util.List;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;

@Mapper
public interface QueueEntryMapper extends BaseMapper<QueueEntry> {

	@Select("SELECT * FROM art_queue_entry WHERE account_id = #{accountId} AND status = 'QUEUED' ORDER BY position, id")
	List<QueueEntry> queued(long accountId);

	@Select("SELECT * FROM art_queue_entry WHERE article_id = #{articleId} AND status = 'QUEUED'")
	QueueEntry queuedFor(long articleId);

	@Select("SELECT COALESCE(MAX(position), 0) FROM art_queue_entry WHERE account_id = #{accountId} AND status = 'QUEUED'")
	long lastPosition(long accountId);

}
