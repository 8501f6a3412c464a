package io.wxops.admin.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.LongFunction;

import com.baomidou.mybatisplus.core.toolkit.Wrappers;
import io.swagger.v3.oas.annotations.media.Schema;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checks the audit record's hash chain: every entry's hash over its content (an HMAC
 * under the key its key id names from the cut-over on, plain SHA-256 before it), the link
 * of each entry to its predecessor, sequence numbers without gaps from 1, and that the
 * last entry is the one the head records (so deleting the newest entries shows). Reads in
 * batches within one snapshot and changes nothing.
 */
@Service
public class AuditVerifier {

	private static final int BATCH = 1000;

	private final AuditMapper mapper;

	private final AuditTrail trail;

	private final Clock clock;

	AuditVerifier(AuditMapper mapper, AuditTrail trail, Clock clock) {
		this.mapper = mapper;
		this.trail = trail;
		this.clock = clock;
	}

	/** The outcome of one check. */
	@Schema(description = "The outcome of checking the audit record's hash chain.")
	public record Verification(@Schema(description = "Whether the whole chain is intact") boolean intact,
			@Schema(description = "How many entries the record holds (the head's count when its cut-over was "
					+ "changed)") long entries,
			@Schema(description = "The sequence number the chain's head records as the last appended") long headSeq,
			@Schema(description = "The first position where the chain is broken; null when intact") Long firstBrokenSeq,
			@Schema(description = "What is wrong, in words; null when intact") String problem, Instant checkedAt) {

	}

	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public Verification verify() {
		return verify(this.mapper.head(),
				(after) -> this.mapper.selectList(Wrappers.<AuditEntry>lambdaQuery()
					.gt(AuditEntry::getSeq, after)
					.orderByAsc(AuditEntry::getSeq)
					.last("LIMIT " + BATCH)));
	}

	/**
	 * Walks the chain under this head, reading it with {@code batchAfter}: up to
	 * {@value #BATCH} entries after a sequence number, in order.
	 */
	Verification verify(AuditMapper.ChainHead head, LongFunction<List<AuditEntry>> batchAfter) {
		Long keyedFrom = head.keyedFromSeq();
		if (keyedFrom == null || keyedFrom < 1 || keyedFrom > head.lastSeq() + 1) {
			// The migration sets the cut-over once, to the next entry; it never moves.
			// Anything else is an edit to pass keyed entries off as plain ones.
			return new Verification(false, head.lastSeq(), head.lastSeq(), 1L,
					"the head's cut-over to keyed hashes (" + keyedFrom + ") was changed", this.clock.instant());
		}
		long entries = 0;
		long expected = 1;
		String previousHash = AuditTrail.GENESIS;
		Long broken = null;
		String problem = null;
		long after = 0;
		while (true) {
			List<AuditEntry> batch = batchAfter.apply(after);
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
					else if (seq >= keyedFrom && e.getKeyId() == null) {
						broken = seq;
						problem = "entry " + seq + " has no key id although entries from " + keyedFrom
								+ " on are keyed: it was re-hashed without the key";
					}
					else if (seq < keyedFrom && e.getKeyId() != null) {
						broken = seq;
						problem = "entry " + seq + " carries a key id although keyed entries start at " + keyedFrom;
					}
					else if (e.getKeyId() != null && !this.trail.knowsKey(e.getKeyId())) {
						broken = seq;
						problem = "entry " + seq + " was hashed with key " + e.getKeyId()
								+ ", which is not in the key ring (wxops.audit.previous-hmac-keys)";
					}
					else if (!e.getHash().equals(this.trail.hashOf(e, keyedFrom))) {
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
