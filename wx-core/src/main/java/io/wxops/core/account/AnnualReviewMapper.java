package io.wxops.core.account;

import java.util.List;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
public interface AnnualReviewMapper extends BaseMapper<AnnualReview> {

	@Select("SELECT * FROM wx_account_annual_review WHERE account_id = #{accountId} ORDER BY cycle_year DESC")
	List<AnnualReview> findByAccount(long accountId);

	@Select("SELECT * FROM wx_account_annual_review WHERE account_id = #{accountId} AND cycle_year = #{cycle}")
	AnnualReview find(@Param("accountId") long accountId, @Param("cycle") int cycle);

}
