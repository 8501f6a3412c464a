package io.wxops.core.secret;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import io.wxops.devkit.DevServersInitializer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
@ContextConfiguration(initializers = DevServersInitializer.class)
class PseudonymsIntegrationTests {

	@Autowired
	JdbcTemplate jdbc;

	/**
	 * After a rotation of the secret key an openid still gets the pseudonym it got
	 * before, and the stored key is wrapped with the new secret key (so the old one can
	 * be retired); the key is never stored in the clear.
	 */
	@Test
	void aSecretKeyRotationKeepsEveryPseudonym() {
		String name = "t" + UUID.randomUUID().toString().substring(0, 8);
		String oldKey = SecretCipher.generateKey();
		SecretCipher before = new SecretCipher(oldKey, List.of());
		String pseudonym = new Pseudonyms(this.jdbc, before, Clock.systemUTC(), name).of("wx1", "o_follower");

		String newKey = SecretCipher.generateKey();
		SecretCipher rotated = new SecretCipher(newKey, List.of(oldKey));
		assertThat(new Pseudonyms(this.jdbc, rotated, Clock.systemUTC(), name).of("wx1", "o_follower"))
			.isEqualTo(pseudonym);
		SecretCipher retired = new SecretCipher(newKey, List.of());
		assertThat(new Pseudonyms(this.jdbc, retired, Clock.systemUTC(), name).of("wx1", "o_follower"))
			.isEqualTo(pseudonym);
		assertThat(new Pseudonyms(this.jdbc, retired, Clock.systemUTC(), name).of("wx2", "o_follower"))
			.isNotEqualTo(pseudonym)
			.startsWith("anon_");

		String stored = this.jdbc.queryForObject("SELECT key_enc FROM wx_pseudonym_key WHERE name = ?", String.class,
				name);
		assertThat(retired.needsReencryption(stored)).isFalse();
		assertThat(stored).doesNotContain(java.util.Base64.getEncoder().encodeToString(before.legacyPseudonymKey()));
		// The first key is the one earlier versions derived, so their pseudonyms stay.
		assertThat(pseudonym).isEqualTo(Pseudonyms.pseudonym(before.legacyPseudonymKey(), "wx1", "o_follower"));
	}

}
