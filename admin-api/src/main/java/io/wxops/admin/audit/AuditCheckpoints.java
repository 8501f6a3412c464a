package io.wxops.admin.audit;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

import io.swagger.v3.oas.annotations.media.Schema;
import io.wxops.admin.audit.AuditVerifier.Verification;
import io.wxops.admin.web.ApiException;
import io.wxops.admin.web.Problem;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Daily checkpoints of the audit record signed with Ed25519: where the chain stood at the
 * end of a UTC day. An auditor keeps them outside the system; a later checkpoint of the
 * same past day that differs, or a signature that fails under the public key, shows that
 * history was rewritten, even by someone holding the database and the HMAC key.
 */
@Service
class AuditCheckpoints {

	/**
	 * First line of every signed checkpoint message, so no other text verifies as one.
	 */
	static final String MESSAGE_PREFIX = "wxops-audit-checkpoint-v1";

	private final AuditMapper mapper;

	private final AuditVerifier verifier;

	private final AuditKeys keys;

	private final Clock clock;

	AuditCheckpoints(AuditMapper mapper, AuditVerifier verifier, AuditKeys keys, Clock clock) {
		this.mapper = mapper;
		this.verifier = verifier;
		this.keys = keys;
		this.clock = clock;
	}

	@Schema(description = "Where the audit chain stood at the end of a UTC day, signed with Ed25519.")
	record Checkpoint(@Schema(description = "The UTC day") LocalDate date,
			@Schema(description = "False for today: the chain so far, not yet the day's last entry") boolean complete,
			@Schema(description = "The last entry that occurred before the end of the day; 0 when none") long lastSeq,
			@Schema(description = "Its hash (64 zeros when none)") String lastHash,
			@Schema(description = "Id of the signing key: the first 16 hex digits of SHA-256 of the raw public key") String publicKeyId,
			@Schema(description = "The exact text signed (UTF-8): " + MESSAGE_PREFIX
					+ ", date, lastSeq and lastHash, each on its own line ending in \\n") String message,
			@Schema(description = "Ed25519 signature of message, base64") String signature) {
	}

	@Schema(description = "The public key checkpoints verify under.")
	record PublicKey(@Schema(description = "Always Ed25519") String algorithm, String keyId,
			@Schema(description = "The raw 32-byte public key, base64") String publicKey,
			@Schema(description = "The same key as a PEM SubjectPublicKeyInfo (openssl pkeyutl -verify)") String pem) {
	}

	PublicKey publicKey() {
		return new PublicKey("Ed25519", this.keys.publicKeyId(), this.keys.publicKeyBase64(), this.keys.publicKeyPem());
	}

	/**
	 * Signs where the chain stood at the end of the day, after verifying it in the same
	 * snapshot: a broken record is never signed, so a checkpoint cannot bless an edit.
	 */
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public Checkpoint checkpoint(LocalDate date) {
		LocalDate today = LocalDate.now(this.clock.withZone(ZoneOffset.UTC));
		LocalDate day = (date != null) ? date : today.minusDays(1);
		if (day.isAfter(today)) {
			throw ApiException.invalid("date", "the UTC day " + day + " has not begun yet");
		}
		Verification verification = this.verifier.verify();
		if (!verification.intact()) {
			throw Problem.AUDIT_CHAIN_BROKEN.exception("The audit record is broken", "Verification found: "
					+ verification.problem() + ". No checkpoint is signed over a broken record.");
		}
		Long seq = this.mapper.lastSeqBefore(day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
		long lastSeq = (seq != null) ? seq : 0;
		String lastHash = (seq != null) ? this.mapper.selectById(seq).getHash() : AuditTrail.GENESIS;
		String message = message(day, lastSeq, lastHash);
		return new Checkpoint(day, day.isBefore(today), lastSeq, lastHash, this.keys.publicKeyId(), message,
				this.keys.sign(message));
	}

	static String message(LocalDate day, long lastSeq, String lastHash) {
		return MESSAGE_PREFIX + "\n" + day + "\n" + lastSeq + "\n" + lastHash + "\n";
	}

}
