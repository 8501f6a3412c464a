package io.wxops.admin.audit;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.baomidou.mybatisplus.core.toolkit.Wrappers;
import io.wxops.admin.AdminFixtures;
import io.wxops.admin.AdminFixtures.Login;
import io.wxops.admin.AdminFixtures.Response;
import io.wxops.admin.AdminIntegrationTest;
import io.wxops.admin.security.Role;
import io.wxops.admin.web.Sha256;
import io.wxops.core.account.AccountRegistry;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chain is keyed: someone who can write the database but has not the HMAC key cannot
 * edit an entry and recompute the chain unnoticed, and checkpoints signed with Ed25519
 * verify outside the system with the public key alone.
 */
@AdminIntegrationTest
class AuditKeyedChainIntegrationTests {

	@Autowired
	AdminFixtures fx;

	@Autowired
	AuditTrail trail;

	@Autowired
	AuditMapper mapper;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	AccountRegistry registry;

	@Test
	void anEditWithTheWholeSha256ChainRecomputedAfterItIsDetected() {
		Login auditor = this.fx.person(Role.AUDITOR);
		AuditEntry edited = AuditTestSupport.record(this.tx, this.trail, AdminFixtures.unique("T_K_"), null, 1,
				Map.of("amount", 100));
		AuditTestSupport.record(this.tx, this.trail, AdminFixtures.unique("T_K_"), null, 2, null);
		List<AuditEntry> saved = rewriteFrom(edited.getSeq(), "{\"amount\":1}", false);
		try {
			Response r = this.fx.get("/api/audit/verify", auditor.token());

			assertThat(r.json().get("intact").asBoolean()).as(r.body()).isFalse();
			assertThat(r.json().get("firstBrokenSeq").asLong()).isEqualTo(edited.getSeq());
			assertThat(r.json().get("problem").asString()).contains("entry " + edited.getSeq() + " was modified");
		}
		finally {
			restore(saved);
		}
		assertIntact(auditor);
	}

	@Test
	void passingAKeyedEntryOffAsAPlainSha256OneIsDetected() {
		Login auditor = this.fx.person(Role.AUDITOR);
		AuditEntry edited = AuditTestSupport.record(this.tx, this.trail, AdminFixtures.unique("T_K_"), null, 1,
				Map.of("amount", 100));
		List<AuditEntry> saved = rewriteFrom(edited.getSeq(), "{\"amount\":2}", true);
		try {
			Response r = this.fx.get("/api/audit/verify", auditor.token());

			assertThat(r.json().get("intact").asBoolean()).as(r.body()).isFalse();
			assertThat(r.json().get("firstBrokenSeq").asLong()).isEqualTo(edited.getSeq());
			assertThat(r.json().get("problem").asString()).contains("re-hashed without the key");
		}
		finally {
			restore(saved);
		}
		assertIntact(auditor);
	}

	@Test
	void movingTheCutOverIsDetected() {
		Login auditor = this.fx.person(Role.AUDITOR);
		AuditTestSupport.record(this.tx, this.trail, AdminFixtures.unique("T_K_"), null, 1, null);
		Long cutOver = this.mapper.head().keyedFromSeq();
		this.jdbc.update("UPDATE adm_audit_head SET keyed_from_seq = last_seq + 2 WHERE id = 1");
		try {
			Response r = this.fx.get("/api/audit/verify", auditor.token());

			assertThat(r.json().get("intact").asBoolean()).isFalse();
			assertThat(r.json().get("problem").asString()).contains("cut-over");
		}
		finally {
			this.jdbc.update("UPDATE adm_audit_head SET keyed_from_seq = ? WHERE id = 1", cutOver);
		}
		assertIntact(auditor);
	}

	@Test
	void newEntriesRecordTheirKeyIdAndNoKeyIsServed() {
		Login auditor = this.fx.person(Role.AUDITOR);
		AuditEntry entry = AuditTestSupport.record(this.tx, this.trail, AdminFixtures.unique("T_K_"), null, 1, null);

		assertThat(this.mapper.selectById(entry.getSeq()).getKeyId()).isNotBlank();
		assertThat(entry.getHash()).isNotEqualTo(plainSha256(entry));
		Response key = this.fx.get("/api/audit/public-key", auditor.token());
		assertThat(key.status()).isEqualTo(200);
		assertThat(key.json().get("algorithm").asString()).isEqualTo("Ed25519");
		assertThat(Base64.getDecoder().decode(key.json().get("publicKey").asString())).hasSize(32);
		assertThat(key.body())
			.doesNotContain(io.wxops.devkit.DevServersInitializer.testAuditKeys().values().toArray(String[]::new));
	}

	@Test
	void aCheckpointVerifiesUnderThePublicKeyAloneAndFailsWhenAltered() throws Exception {
		Login auditor = this.fx.person(Role.AUDITOR);
		AuditEntry entry = AuditTestSupport.record(this.tx, this.trail, AdminFixtures.unique("T_K_"), null, 1, null);
		LocalDate today = LocalDate.now(ZoneOffset.UTC);

		Response r = this.fx.get("/api/audit/checkpoint?date=" + today, auditor.token());

		assertThat(r.status()).as(r.body()).isEqualTo(200);
		JsonNode cp = r.json();
		assertThat(cp.get("date").asString()).isEqualTo(today.toString());
		assertThat(cp.get("complete").asBoolean()).isFalse();
		long lastSeq = cp.get("lastSeq").asLong();
		assertThat(lastSeq).isGreaterThanOrEqualTo(entry.getSeq());
		assertThat(cp.get("lastHash").asString()).isEqualTo(this.mapper.selectById(lastSeq).getHash());
		String message = cp.get("message").asString();
		assertThat(message).isEqualTo(
				"wxops-audit-checkpoint-v1\n" + today + "\n" + lastSeq + "\n" + cp.get("lastHash").asString() + "\n");
		byte[] signature = Base64.getDecoder().decode(cp.get("signature").asString());
		JsonNode key = this.fx.get("/api/audit/public-key", auditor.token()).json();
		assertThat(cp.get("publicKeyId").asString()).isEqualTo(key.get("keyId").asString());

		// With BouncyCastle and the raw key, and with the JDK and the PEM as openssl
		// reads it.
		byte[] raw = Base64.getDecoder().decode(key.get("publicKey").asString());
		assertThat(bcVerifies(raw, message, signature)).isTrue();
		assertThat(bcVerifies(raw, message.replace(cp.get("lastHash").asString(), "0".repeat(64)), signature))
			.isFalse();
		String pem = key.get("pem").asString();
		byte[] der = Base64.getMimeDecoder()
			.decode(pem.replace("-----BEGIN PUBLIC KEY-----", "").replace("-----END PUBLIC KEY-----", ""));
		Signature jdk = Signature.getInstance("Ed25519");
		jdk.initVerify(KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der)));
		jdk.update(message.getBytes(StandardCharsets.UTF_8));
		assertThat(jdk.verify(signature)).isTrue();
	}

	@Test
	void aPastDaysCheckpointIsTheLastEntryBeforeItsMidnight() {
		Login auditor = this.fx.person(Role.AUDITOR);
		LocalDate yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1);
		Long expected = this.mapper.lastSeqBefore(yesterday.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());

		Response r = this.fx.get("/api/audit/checkpoint", auditor.token());

		assertThat(r.status()).isEqualTo(200);
		assertThat(r.json().get("date").asString()).isEqualTo(yesterday.toString());
		assertThat(r.json().get("complete").asBoolean()).isTrue();
		assertThat(r.json().get("lastSeq").asLong()).isEqualTo((expected != null) ? expected : 0);
	}

	@Test
	void aBrokenRecordIsNotSignedAndBadDatesAre400() {
		Login auditor = this.fx.person(Role.AUDITOR);
		AuditEntry entry = AuditTestSupport.record(this.tx, this.trail, AdminFixtures.unique("T_K_"), null, 1,
				Map.of("a", 1));
		String original = this.mapper.selectById(entry.getSeq()).getAfterState();
		this.jdbc.update("UPDATE adm_audit_entry SET after_state = ? WHERE seq = ?", "{\"a\":2}", entry.getSeq());
		try {
			Response broken = this.fx.get("/api/audit/checkpoint?date=" + LocalDate.now(ZoneOffset.UTC),
					auditor.token());
			assertThat(broken.status()).isEqualTo(409);
			assertThat(broken.body()).doesNotContain("signature\"");
		}
		finally {
			this.jdbc.update("UPDATE adm_audit_entry SET after_state = ? WHERE seq = ?", original, entry.getSeq());
		}
		Response future = this.fx.get("/api/audit/checkpoint?date=" + LocalDate.now(ZoneOffset.UTC).plusDays(2),
				auditor.token());
		assertThat(future.status()).isEqualTo(400);
		assertThat(AdminFixtures.fieldErrors(future)).contains("date");
		Response garbage = this.fx.get("/api/audit/checkpoint?date=yesterday", auditor.token());
		assertThat(garbage.status()).isEqualTo(400);
		assertThat(garbage.raw().headers().firstValue("Content-Type").orElse("")).contains("problem+json");
	}

	@Test
	void anAuditorLimitedToSomeAccountsGetsNoCheckpoint() {
		Login auditor = this.fx.person(Role.AUDITOR, AuditTestSupport.account(this.registry), null);

		assertThat(this.fx.get("/api/audit/checkpoint", auditor.token()).status()).isEqualTo(403);
	}

	private static boolean bcVerifies(byte[] publicKey, String message, byte[] signature) {
		Ed25519Signer verifier = new Ed25519Signer();
		verifier.init(false, new Ed25519PublicKeyParameters(publicKey, 0));
		byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
		verifier.update(bytes, 0, bytes.length);
		return verifier.verifySignature(signature);
	}

	/**
	 * What someone with write access to the database but not the key would do: change the
	 * entry, recompute the plain SHA-256 chain from it to the head (optionally dropping
	 * the key ids too) and move the head, holding the head lock so no entry is appended
	 * meanwhile. Returns the rows as they were.
	 */
	private List<AuditEntry> rewriteFrom(long seq, String afterState, boolean dropKeyIds) {
		return this.tx.execute((status) -> {
			this.mapper.lockHead();
			List<AuditEntry> rows = this.mapper.selectList(
					Wrappers.<AuditEntry>lambdaQuery().ge(AuditEntry::getSeq, seq).orderByAsc(AuditEntry::getSeq));
			List<AuditEntry> saved = new ArrayList<>();
			String previous = rows.get(0).getPrevHash();
			for (AuditEntry e : rows) {
				saved.add(this.mapper.selectById(e.getSeq()));
				if (e.getSeq() == seq) {
					e.setAfterState(afterState);
				}
				e.setPrevHash(previous);
				e.setHash(plainSha256(e));
				previous = e.getHash();
				this.jdbc.update(
						"UPDATE adm_audit_entry SET after_state = ?, prev_hash = ?, hash = ?"
								+ (dropKeyIds ? ", key_id = NULL" : "") + " WHERE seq = ?",
						e.getAfterState(), e.getPrevHash(), e.getHash(), e.getSeq());
			}
			this.jdbc.update("UPDATE adm_audit_head SET last_hash = ? WHERE id = 1", previous);
			return saved;
		});
	}

	private void restore(List<AuditEntry> saved) {
		this.tx.executeWithoutResult((status) -> {
			this.mapper.lockHead();
			for (AuditEntry e : saved) {
				this.jdbc.update(
						"UPDATE adm_audit_entry SET after_state = ?, prev_hash = ?, hash = ?, key_id = ? "
								+ "WHERE seq = ?",
						e.getAfterState(), e.getPrevHash(), e.getHash(), e.getKeyId(), e.getSeq());
			}
			AuditEntry last = saved.get(saved.size() - 1);
			this.jdbc.update("UPDATE adm_audit_head SET last_hash = ? WHERE id = 1 AND last_seq = ?", last.getHash(),
					last.getSeq());
		});
	}

	/**
	 * The plain SHA-256 the chain used before it was keyed (the algorithm is public):
	 * every field length-prefixed, then hashed.
	 */
	static String plainSha256(AuditEntry e) {
		StringBuilder text = new StringBuilder();
		for (Object field : new Object[] { e.getSeq(), e.getOccurredAt(), e.getPersonId(), e.getUsername(),
				e.getRoles(), e.getClientIp(), e.getAction(), e.getTargetType(), e.getTargetId(), e.getAccountId(),
				e.getBeforeState(), e.getAfterState(), e.getPrevHash() }) {
			Sha256.appendField(text, (field instanceof Instant instant)
					? instant.truncatedTo(ChronoUnit.MILLIS).toString() : Objects.toString(field, "\u0000"));
		}
		return Sha256.hex(text.toString());
	}

	private void assertIntact(Login auditor) {
		Response r = this.fx.get("/api/audit/verify", auditor.token());
		assertThat(r.json().get("intact").asBoolean()).as(r.body()).isTrue();
	}

}
