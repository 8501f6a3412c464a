package io.wxops.admin.console;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** The days and month slots an account's sends hold (their unique claims). */
@Mapper
interface SendDaysMapper {

	@Select("""
			SELECT local_day, id, status FROM ms_send
			 WHERE account_id = #{accountId} AND day_claim BETWEEN #{from} AND #{to} ORDER BY local_day""")
	List<Map<String, Object>> takenDays(@Param("accountId") long accountId, @Param("from") LocalDate from,
			@Param("to") LocalDate to);

	@Select("""
			SELECT month_claim, COUNT(*) AS n FROM ms_send
			 WHERE account_id = #{accountId} AND month_claim BETWEEN #{from} AND #{to}
			 GROUP BY month_claim ORDER BY month_claim""")
	List<Map<String, Object>> takenMonthSlots(@Param("accountId") long accountId, @Param("from") LocalDate from,
			@Param("to") LocalDate to);

}
