package io.wxops.admin.audit;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface AuditMapper extends BaseMapper<AuditEntry> {

	/** Locks the chain's head until the appending transaction ends. */
	@Select("SELECT last_seq, last_hash, keyed_from_seq FROM adm_audit_head WHERE id = 1 FOR UPDATE")
	ChainHead lockHead();

	@Select("SELECT last_seq, last_hash, keyed_from_seq FROM adm_audit_head WHERE id = 1")
	ChainHead head();

	@Update("UPDATE adm_audit_head SET last_seq = #{seq}, last_hash = #{hash} WHERE id = 1")
	int moveHead(@Param("seq") long seq, @Param("hash") String hash);

	/**
	 * The last entry appended and its hash, and the first keyed entry (null only when the
	 * head was tampered with).
	 */
	record ChainHead(long lastSeq, String lastHash, Long keyedFromSeq) {
	}

	/** The last entry that occurred before this instant, if any. */
	@Select("SELECT MAX(seq) FROM adm_audit_entry WHERE occurred_at < #{before}")
	Long lastSeqBefore(@Param("before") java.time.Instant before);

}
