package io.wxops.admin.console;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/**
 * Counts for "my work". {@code accounts} limits each count to those accounts; null means
 * every account (a grant on all of them).
 */
@Mapper
interface MyWorkMapper {

	String IN_ACCOUNTS = "<if test='accounts != null'> AND account_id IN <foreach item='a' collection='accounts' "
			+ "open='(' separator=',' close=')'>#{a}</foreach></if>";

	/** Articles waiting in each account's publishing queue (account_id, n). */
	@Select("<script>SELECT account_id, COUNT(*) AS n FROM art_queue_entry WHERE status = 'QUEUED'" + IN_ACCOUNTS
			+ " GROUP BY account_id ORDER BY account_id</script>")
	List<Map<String, Object>> queuedByAccount(@Param("accounts") Collection<Long> accounts);

	@Select("<script>SELECT COUNT(*) FROM ms_send WHERE status = #{status}" + IN_ACCOUNTS + "</script>")
	long sends(@Param("status") String status, @Param("accounts") Collection<Long> accounts);

	/** The caller's own articles a reviewer sent back. */
	@Select("SELECT COUNT(*) FROM art_article WHERE status = 'REJECTED' AND created_by = #{personId}")
	long rejectedArticlesOf(@Param("personId") long personId);

	@Select("<script>SELECT COUNT(*) FROM wx_account WHERE status = 'SUSPENDED'"
			+ "<if test='accounts != null'> AND id IN <foreach item='a' collection='accounts' open='(' separator=','"
			+ " close=')'>#{a}</foreach></if></script>")
	long suspendedAccounts(@Param("accounts") Collection<Long> accounts);

	/** Accounts with an annual review report submitted but not yet decided. */
	@Select("<script>SELECT COUNT(DISTINCT account_id) FROM wx_account_annual_review WHERE result IS NULL" + IN_ACCOUNTS
			+ "</script>")
	long undecidedAnnualReviews(@Param("accounts") Collection<Long> accounts);

	/** Accounts that are not closed (id), for the annual review check. */
	@Select("<script>SELECT id FROM wx_account WHERE status IN ('ACTIVE', 'SUSPENDED')"
			+ "<if test='accounts != null'> AND id IN <foreach item='a' collection='accounts' open='(' separator=','"
			+ " close=')'>#{a}</foreach></if> ORDER BY id</script>")
	List<Long> reviewedAccounts(@Param("accounts") Collection<Long> accounts);

}
