package io.wxops.admin.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import com.baomidou.mybatisplus.core.toolkit.Wrappers;
import io.swagger.v3.oas.annotations.media.Schema;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checks the audit record's hash chain: every entry's hash over its content, the link of
 * each entry to its predecessor, sequence numbers without gaps from 1, and that the last
 * entry is the one the head records (so deleting the newest entries shows). Reads in
 * batches within one snapshot and changes nothing.
 */
@Service
public class AuditVerifier {

	private static final int BATCH = 1000;

	private final AuditMapper mapper;

	private final Clock clock;

	public AuditVerifier(AuditMapper mapper, Clock clock) {
		this.mapper = mapper;
		this.clock = clock;
	}

	/** The outcome of one check. */
	@Schema(description = "The outcome of checking the audit record's hash chain.")
	public record Verification(@Schema(description = "Whether the whole chain is intact") boolean intact,
			@Schema(description = "How many entries the record holds") long entries,
			@Schema(description = "The sequence number the chain's head records as the last appended") long headSeq,
			@Schema(description = "The first position where the chain is broken; null when intact") Long firstBrokenSeq,
			@Schema(description = "What is wrong, in words; null when intact") String problem, Instant checkedAt) {

	}

	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public Verification verify() {
		AuditMapper.ChainHead head = this.mapper.head();
		long entries = 0;
		long expected = 1;
		String previousHash = AuditTrail.GENESIS;
		Long broken = null;
		String problem = null;
		long after = 0;
		while (true) {
			List<AuditEntry> batch = this.mapper.selectList(Wrappers.<AuditEntry>lambdaQuery()
				.gt(AuditEntry::getSeq, after)
				.orderByAsc(AuditEntry::getSeq)
				.last("LIMIT " + BATCH));
			for (AuditEntry e : batch) {
				entries++;
				long seq = e.getSeq();
				if (problem == null) {
					if (seq != expected) {
						broken = expected;
						problem = (seq == expected + 1) ? "entry " + expected + " is missing"
								: "entries " + expected + " to " + (seq - 1) + " are missing";
					}
					else if (seq > head.lastSeq()) {
						broken = seq;
						problem = "entry " + seq + " lies beyond the last entry the head records (" + head.lastSeq()
								+ "): it was added outside the audit trail";
					}
					else if (!AuditTrail.hashOf(e).equals(e.getHash())) {
						broken = seq;
						problem = "entry " + seq + " was modified: its content no longer matches its hash";
					}
					else if (!previousHash.equals(e.getPrevHash())) {
						broken = seq;
						problem = (seq == 1) ? "entry 1 does not start the chain: it was replaced" : "entry " + seq
								+ " does not follow entry " + (seq - 1) + ": one of them was replaced and re-hashed";
					}
				}
				expected = seq + 1;
				previousHash = e.getHash();
			}
			if (batch.size() < BATCH) {
				break;
			}
			after = batch.get(batch.size() - 1).getSeq();
		}
		long last = expected - 1;
		if (problem == null) {
			if (last < head.lastSeq()) {
				broken = last + 1;
				problem = "entries after " + last + " were deleted: the head records " + head.lastSeq()
						+ " as the last entry";
			}
			else if (last == head.lastSeq() && !previousHash.equals(head.lastHash())) {
				broken = last;
				problem = "entry " + last + " is not the one the head records: it was replaced and re-hashed";
			}
		}
		return new Verification(problem == null, entries, head.lastSeq(), broken, problem, this.clock.instant());
	}

}
