package io.wxops.core.secret;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Keyed pseudonyms for identifiers that must leave the records (a follower's openid after
 * unsubscribe, in stored messages and in tickets): the same input always maps to the same
 * pseudonym, so records stay linkable to each other but not to the person.
 *
 * <p>
 * The key is its own, not derived from {@code wxops.secrets.key}: a rotation of that key
 * would otherwise give a returning identifier another pseudonym. It is kept in the
 * database (table {@code wx_pseudonym_key}), encrypted with the secret cipher and
 * re-encrypted with the active key when it is read, so both services share it and a key
 * rotation only re-wraps it. Created once: its first value is the one the earlier
 * versions derived from the secret key, so pseudonyms they wrote stay linkable.
 */
public final class Pseudonyms {

	static final String DEFAULT_NAME = "openid";

	private final JdbcTemplate jdbc;

	private final SecretCipher cipher;

	private final Clock clock;

	private final String name;

	private volatile byte[] key;

	public Pseudonyms(JdbcTemplate jdbc, SecretCipher cipher, Clock clock) {
		this(jdbc, cipher, clock, DEFAULT_NAME);
	}

	Pseudonyms(JdbcTemplate jdbc, SecretCipher cipher, Clock clock, String name) {
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.clock = clock;
		this.name = name;
	}

	/** The pseudonym of {@code identifier} within {@code scope} (an account's AppID). */
	public String of(String scope, String identifier) {
		return pseudonym(key(), scope, identifier);
	}

	/** Whether a stored openid is already a pseudonym. */
	public static boolean isPseudonym(String value) {
		return value != null && value.startsWith("anon_");
	}

	static String pseudonym(byte[] key, String scope, String identifier) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			byte[] out = mac.doFinal((scope + "\u0000" + identifier).getBytes(StandardCharsets.UTF_8));
			return "anon_" + HexFormat.of().formatHex(out, 0, 12);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private byte[] key() {
		byte[] known = this.key;
		if (known == null) {
			synchronized (this) {
				known = this.key;
				if (known == null) {
					known = load();
					this.key = known;
				}
			}
		}
		return known;
	}

	private byte[] load() {
		List<String> stored = read();
		if (stored.isEmpty()) {
			// Two instances starting at once: one insert wins, both read the winner.
			this.jdbc.update("INSERT IGNORE INTO wx_pseudonym_key (name, key_enc, created_at) VALUES (?, ?, ?)",
					this.name,
					this.cipher.encrypt(Base64.getEncoder().encodeToString(this.cipher.legacyPseudonymKey())),
					Timestamp.from(this.clock.instant()));
			stored = read();
		}
		String sealed = stored.get(0);
		byte[] raw = Base64.getDecoder().decode(this.cipher.decrypt(sealed));
		if (this.cipher.needsReencryption(sealed)) {
			// Sealed with a previous secret key: wrap it with the active one, so the
			// previous key can be retired.
			this.jdbc.update("UPDATE wx_pseudonym_key SET key_enc = ? WHERE name = ? AND key_enc = ?",
					this.cipher.encrypt(Base64.getEncoder().encodeToString(raw)), this.name, sealed);
		}
		return raw;
	}

	private List<String> read() {
		return this.jdbc.queryForList("SELECT key_enc FROM wx_pseudonym_key WHERE name = ?", String.class, this.name);
	}

	@Override
	public String toString() {
		return "Pseudonyms[key=******]";
	}

}
