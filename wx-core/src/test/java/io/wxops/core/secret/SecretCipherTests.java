package io.wxops.core.secret;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretCipherTests {

	final String key = SecretCipher.generateKey();

	final SecretCipher cipher = new SecretCipher(this.key, List.of());

	@Test
	void roundTripsAndNeverStoresThePlaintext() {
		String sealed = this.cipher.encrypt("myAppSecret1234567890");

		assertThat(sealed).startsWith("v1:").doesNotContain("myAppSecret");
		assertThat(this.cipher.decrypt(sealed)).isEqualTo("myAppSecret1234567890");
		assertThat(this.cipher.encrypt("same")).isNotEqualTo(this.cipher.encrypt("same"));
	}

	@Test
	void tamperedValueIsRefused() {
		String sealed = this.cipher.encrypt("pa55word");
		int at = sealed.lastIndexOf(':') + 5;
		String tampered = sealed.substring(0, at) + ((sealed.charAt(at) == 'A') ? 'B' : 'A') + sealed.substring(at + 1);

		assertThatThrownBy(() -> this.cipher.decrypt(tampered)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("tampered")
			.hasMessageNotContaining("pa55word");
	}

	@Test
	void valuesSealedWithAPreviousKeyStillOpenAfterRotation() {
		String sealed = this.cipher.encrypt("token123");
		SecretCipher rotated = new SecretCipher(SecretCipher.generateKey(), List.of(this.key));

		assertThat(rotated.decrypt(sealed)).isEqualTo("token123");
		assertThat(rotated.needsReencryption(sealed)).isTrue();
		assertThat(new SecretCipher(SecretCipher.generateKey(), List.of()).needsReencryption(sealed)).isTrue();
		assertThatThrownBy(() -> new SecretCipher(SecretCipher.generateKey(), List.of()).decrypt(sealed))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("previous-keys");
	}

	@Test
	void missingOrShortKeyIsExplained() {
		assertThatThrownBy(() -> new SecretCipher("", List.of())).hasMessageContaining("WXOPS_SECRET_KEY");
		assertThatThrownBy(() -> new SecretCipher("c2hvcnQ=", List.of())).hasMessageContaining("32 bytes");
	}

	@Test
	void pseudonymsAreStableKeyedAndOpaque() {
		byte[] key = this.cipher.legacyPseudonymKey();
		String p = Pseudonyms.pseudonym(key, "wx1", "openid-1");

		assertThat(p).startsWith("anon_").doesNotContain("openid");
		assertThat(Pseudonyms.pseudonym(key, "wx1", "openid-1")).isEqualTo(p);
		assertThat(Pseudonyms.pseudonym(key, "wx2", "openid-1")).isNotEqualTo(p);
		assertThat(Pseudonyms.pseudonym(new SecretCipher(SecretCipher.generateKey(), List.of()).legacyPseudonymKey(),
				"wx1", "openid-1"))
			.isNotEqualTo(p);
	}

	@Test
	void toStringShowsNoKey() {
		assertThat(this.cipher.toString()).doesNotContain(this.key);
		assertThat(new SecretProperties(this.key, null).toString()).doesNotContain(this.key);
	}

}
