package io.wxops.admin.review;

import java.util.List;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;

@Mapper
public interface SendReviewDecisionMapper extends BaseMapper<SendReviewDecision> {

	@Select("SELECT * FROM ms_send_review_decision WHERE send_id = #{sendId} ORDER BY level_index")
	List<SendReviewDecision> findBySend(long sendId);

}
