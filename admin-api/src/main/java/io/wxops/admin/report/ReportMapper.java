package io.wxops.admin.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/**
 * The reports' reads. Every query is limited to a list of account ids the caller's grants
 * cover, and to a period, and uses an index on (account_id, time): V20 adds those the
 * older migrations lacked. Timestamps come back as text ({@link Rows#instant}).
 */
@Mapper
interface ReportMapper {

	String ACCOUNTS = "<foreach item='a' collection='accounts' open='(' separator=',' close=')'>#{a}</foreach>";

	/** A human reply the follower got: an OUT entry by a person, delivered. */
	String FIRST_REPLY = "(SELECT CAST(MIN(e.created_at) AS CHAR) FROM inb_ticket_entry e WHERE e.ticket_id = t.id"
			+ " AND e.kind = 'OUT' AND e.person_id IS NOT NULL AND e.delivery = 'DELIVERED')";

	@Select("<script>SELECT id, name, time_zone, owning_department_id, status, CAST(created_at AS CHAR) AS created_at FROM wx_account WHERE 1 = 1"
			+ "<if test='accounts != null'> AND id IN " + ACCOUNTS + "</if>"
			+ "<if test='accountId != null'> AND id = #{accountId}</if>"
			+ "<if test='accountId == null'> AND status IN ('ACTIVE', 'SUSPENDED')</if>"
			+ "<if test='departmentId != null'> AND owning_department_id = #{departmentId}</if> ORDER BY id</script>")
	List<Map<String, Object>> accounts(@Param("accounts") Collection<Long> accounts, @Param("accountId") Long accountId,
			@Param("departmentId") Long departmentId);

	@Select("SELECT COUNT(*) FROM adm_department WHERE id = #{id}")
	int departmentExists(@Param("id") long id);

	@Select("<script>SELECT s.id, s.account_id, s.local_day, CAST(COALESCE(s.accepted_at, s.finished_at) AS CHAR) AS at,"
			+ " GREATEST(1, (SELECT COUNT(*) FROM ms_send_article a WHERE a.send_id = s.id)) AS items"
			+ " FROM ms_send s WHERE s.account_id IN " + ACCOUNTS
			+ " AND s.status = 'FINISHED' AND s.sent_count &gt; 0 AND s.local_day BETWEEN #{from} AND #{to}"
			+ " ORDER BY s.account_id, at, s.id</script>")
	List<Map<String, Object>> sendUpdates(@Param("accounts") Collection<Long> accounts, @Param("from") LocalDate from,
			@Param("to") LocalDate to);

	@Select("<script>SELECT account_id, MAX(local_day) AS day FROM ms_send WHERE account_id IN " + ACCOUNTS
			+ " AND status = 'FINISHED' AND sent_count &gt; 0 AND local_day &lt;= #{asOf} GROUP BY account_id</script>")
	List<Map<String, Object>> lastSendDays(@Param("accounts") Collection<Long> accounts, @Param("asOf") LocalDate asOf);

	/**
	 * Tickets the follower opened from {@code from} (included) to {@code to} (excluded),
	 * MALICIOUS ones left out, with their first delivered human reply and whether a
	 * follow-up was recorded.
	 */
	@Select("<script>SELECT t.id, t.account_id, t.category, t.department_id, t.status,"
			+ " CAST(t.acknowledged_at AS CHAR) AS acknowledged_at, CAST(t.ack_due_at AS CHAR) AS ack_due_at,"
			+ " CAST(t.due_at AS CHAR) AS due_at, CAST(t.escalated_at AS CHAR) AS escalated_at,"
			+ " CAST(t.first_message_at AS CHAR) AS first_message_at, CAST(t.resolved_at AS CHAR) AS resolved_at,"
			+ " CAST(t.closed_at AS CHAR) AS closed_at, " + FIRST_REPLY + " AS first_reply_at,"
			+ " (SELECT COUNT(*) FROM inb_followup f WHERE f.ticket_id = t.id) AS followed_up"
			+ " FROM inb_ticket t WHERE t.account_id IN " + ACCOUNTS + " AND t.category &lt;&gt; 'MALICIOUS'"
			+ " AND t.first_message_at &gt;= #{from} AND t.first_message_at &lt; #{to} ORDER BY t.id</script>")
	List<Map<String, Object>> tickets(@Param("accounts") Collection<Long> accounts, @Param("from") Instant from,
			@Param("to") Instant to);

	/**
	 * Tickets (not MALICIOUS, whatever their status now) opened before {@code before}
	 * that no human reply had reached before {@code answeredBefore}, oldest first, with
	 * their first delivered human reply (null if none yet): the caller keeps those
	 * unanswered at the end of each account's report date.
	 */
	@Select("<script>SELECT t.id, t.account_id, t.department_id, t.category,"
			+ " CAST(t.first_message_at AS CHAR) AS first_message_at, " + FIRST_REPLY + " AS first_reply_at"
			+ " FROM inb_ticket t WHERE t.account_id IN " + ACCOUNTS
			+ " AND t.category &lt;&gt; 'MALICIOUS' AND t.first_message_at &lt; #{before} AND NOT EXISTS (SELECT 1"
			+ " FROM inb_ticket_entry e WHERE e.ticket_id = t.id AND e.kind = 'OUT' AND e.person_id IS NOT NULL"
			+ " AND e.delivery = 'DELIVERED' AND e.created_at &lt; #{answeredBefore})"
			+ " ORDER BY t.first_message_at, t.id</script>")
	List<Map<String, Object>> unanswered(@Param("accounts") Collection<Long> accounts, @Param("before") Instant before,
			@Param("answeredBefore") Instant answeredBefore);

	/** Review rounds of articles submitted in the period, with the article's data. */
	@Select("<script>SELECT c.article_id, c.review_round, c.levels, CAST(c.created_at AS CHAR) AS submitted_at,"
			+ " a.account_id, a.department_id, a.sensitivity FROM art_article a"
			+ " JOIN art_review_chain c ON c.article_id = a.id WHERE a.account_id IN " + ACCOUNTS
			+ " AND c.created_at &gt;= #{from} AND c.created_at &lt; #{to} ORDER BY c.created_at, c.article_id</script>")
	List<Map<String, Object>> reviewRounds(@Param("accounts") Collection<Long> accounts, @Param("from") Instant from,
			@Param("to") Instant to);

	/** The decisions of those rounds. */
	@Select("<script>SELECT d.article_id, d.review_round, d.level, d.decision, CAST(d.decided_at AS CHAR) AS decided_at"
			+ " FROM art_article a JOIN art_review_chain c ON c.article_id = a.id"
			+ " JOIN art_review_decision d ON d.article_id = c.article_id AND d.review_round = c.review_round"
			+ " WHERE a.account_id IN " + ACCOUNTS + " AND c.created_at &gt;= #{from} AND c.created_at &lt; #{to}"
			+ " ORDER BY d.decided_at, d.id</script>")
	List<Map<String, Object>> reviewDecisions(@Param("accounts") Collection<Long> accounts, @Param("from") Instant from,
			@Param("to") Instant to);

	/** Reviews of TEXT and IMAGE sends submitted in the period. */
	@Select("<script>SELECT r.send_id, r.department_id, r.sensitivity, r.levels, r.status,"
			+ " CAST(r.submitted_at AS CHAR) AS submitted_at, CAST(r.decided_at AS CHAR) AS decided_at, s.account_id"
			+ " FROM ms_send s JOIN ms_send_review r ON r.send_id = s.id WHERE s.account_id IN " + ACCOUNTS
			+ " AND r.submitted_at &gt;= #{from} AND r.submitted_at &lt; #{to} ORDER BY r.submitted_at, r.send_id</script>")
	List<Map<String, Object>> sendReviews(@Param("accounts") Collection<Long> accounts, @Param("from") Instant from,
			@Param("to") Instant to);

	@Select("<script>SELECT d.send_id, d.level, d.decision FROM ms_send s JOIN ms_send_review r ON r.send_id = s.id"
			+ " JOIN ms_send_review_decision d ON d.send_id = r.send_id WHERE s.account_id IN " + ACCOUNTS
			+ " AND r.submitted_at &gt;= #{from} AND r.submitted_at &lt; #{to} ORDER BY d.id</script>")
	List<Map<String, Object>> sendReviewDecisions(@Param("accounts") Collection<Long> accounts,
			@Param("from") Instant from, @Param("to") Instant to);

	/** Sends of the period that went out or failed, with WeChat's results. */
	@Select("<script>SELECT s.id, s.account_id, s.kind, s.status, s.local_day, s.total_count, s.filter_count,"
			+ " s.sent_count, s.error_count, s.copyright_result, s.error_code, s.error_message, s.wechat_status,"
			+ " (SELECT GROUP_CONCAT(a.article_id ORDER BY a.position) FROM ms_send_article a WHERE a.send_id = s.id)"
			+ " AS article_ids FROM ms_send s WHERE s.account_id IN " + ACCOUNTS
			+ " AND s.local_day BETWEEN #{from} AND #{to} AND s.status IN ('SENT', 'FINISHED', 'FAILED')"
			+ " ORDER BY s.local_day, s.id</script>")
	List<Map<String, Object>> sends(@Param("accounts") Collection<Long> accounts, @Param("from") LocalDate from,
			@Param("to") LocalDate to);

}
