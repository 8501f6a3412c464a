package io.wxops.admin.audit;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import io.wxops.admin.audit.AuditVerifier.Verification;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Entries from before the chain was keyed still verify as plain SHA-256 up to the
 * recorded cut-over, and entries keyed with a rotated-out key verify while that key is
 * listed. The chain is built in memory: a database always starts keyed at the migration.
 */
class AuditChainCutOverTests {

	static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T08:00:00Z"), ZoneOffset.UTC);

	final String oldKey = key();

	final String newKey = key();

	final String signing = key();

	@Test
	void plainEntriesBeforeTheCutOverAndKeyedOnesAfterItVerify() {
		AuditTrail trail = trail(this.oldKey, List.of());
		List<AuditEntry> chain = chain(trail, 2, 2);

		assertThat(verify(trail, chain, 3).intact()).isTrue();
	}

	@Test
	void rewritingThePlainPartIsCaughtByTheFirstKeyedEntry() {
		AuditTrail trail = trail(this.oldKey, List.of());
		List<AuditEntry> chain = chain(trail, 2, 2);
		chain.get(0).setAfterState("{\"edited\":true}");
		chain.get(0).setHash(AuditTrail.sha256Of(chain.get(0)));
		chain.get(1).setPrevHash(chain.get(0).getHash());
		chain.get(1).setHash(AuditTrail.sha256Of(chain.get(1)));

		Verification v = verify(trail, chain, 3);

		assertThat(v.intact()).isFalse();
		assertThat(v.firstBrokenSeq()).isEqualTo(3L);
		assertThat(v.problem()).contains("does not follow entry 2");
	}

	@Test
	void afterARotationEntriesOfTheOldKeyVerifyWhileItIsListed() {
		List<AuditEntry> chain = chain(trail(this.oldKey, List.of()), 1, 3);

		assertThat(verify(trail(this.newKey, List.of(this.oldKey)), chain, 2).intact()).isTrue();
		Verification without = verify(trail(this.newKey, List.of()), chain, 2);
		assertThat(without.intact()).isFalse();
		assertThat(without.firstBrokenSeq()).isEqualTo(2L);
		assertThat(without.problem()).contains("not in the key ring");
	}

	@Test
	void theKeyIdIsDerivedFromTheKeyAndTheKeysAreNotShown() {
		AuditKeys keys = new AuditKeys(new AuditKeyProperties(this.oldKey, List.of(), this.signing));

		assertThat(keys.activeKeyId())
			.isEqualTo(new AuditKeys(new AuditKeyProperties(this.oldKey, List.of(), key())).activeKeyId())
			.isNotEqualTo(new AuditKeys(new AuditKeyProperties(this.newKey, List.of(), this.signing)).activeKeyId());
		assertThat(new AuditKeyProperties(this.oldKey, List.of(this.newKey), this.signing).toString())
			.doesNotContain(this.oldKey)
			.doesNotContain(this.newKey)
			.doesNotContain(this.signing);
	}

	/**
	 * {@code plain} SHA-256 entries, then {@code keyed} entries under the trail's key.
	 */
	private static List<AuditEntry> chain(AuditTrail trail, int plain, int keyed) {
		List<AuditEntry> chain = new ArrayList<>();
		String previous = AuditTrail.GENESIS;
		long keyedFrom = plain + 1;
		for (long seq = 1; seq <= plain + keyed; seq++) {
			AuditEntry e = new AuditEntry();
			e.setSeq(seq);
			e.setOccurredAt(CLOCK.instant().plusSeconds(seq));
			e.setUsername("system:test");
			e.setRoles("SYSTEM");
			e.setAction("T_CUT_OVER");
			e.setTargetType("TEST");
			e.setTargetId(Long.toString(seq));
			e.setAfterState("{\"n\":" + seq + "}");
			e.setPrevHash(previous);
			if (seq >= keyedFrom) {
				e.setKeyId(trail.activeKeyId());
			}
			e.setHash(trail.hashOf(e, keyedFrom));
			previous = e.getHash();
			chain.add(e);
		}
		return chain;
	}

	private static Verification verify(AuditTrail trail, List<AuditEntry> chain, long keyedFrom) {
		AuditEntry last = chain.get(chain.size() - 1);
		AuditMapper.ChainHead head = new AuditMapper.ChainHead(last.getSeq(), last.getHash(), keyedFrom);
		return new AuditVerifier(null, trail, CLOCK).verify(head,
				(after) -> chain.stream().filter((e) -> e.getSeq() > after).toList());
	}

	private AuditTrail trail(String hmacKey, List<String> previous) {
		return new AuditTrail(null, null, CLOCK,
				new AuditKeys(new AuditKeyProperties(hmacKey, previous, this.signing)));
	}

	private static String key() {
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		return Base64.getEncoder().encodeToString(key);
	}

}
