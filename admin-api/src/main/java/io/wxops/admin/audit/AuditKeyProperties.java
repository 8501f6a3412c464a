package io.wxops.admin.audit;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Keys of the audit record, from configuration only, never from the database: a writer of
 * the database must not be able to recompute the chain or sign a checkpoint.
 *
 * @param hmacKey base64 of at least 32 random bytes; keys the hash of every new entry
 * ({@code WXOPS_AUDIT_HMAC_KEY})
 * @param previousHmacKeys keys used before a rotation, so the entries they keyed still
 * verify
 * @param signingKey base64 of a 32-byte Ed25519 private key (seed) that signs daily
 * checkpoints ({@code WXOPS_AUDIT_SIGNING_KEY})
 */
@ConfigurationProperties("wxops.audit")
record AuditKeyProperties(String hmacKey, List<String> previousHmacKeys, String signingKey) {

	AuditKeyProperties {
		previousHmacKeys = (previousHmacKeys != null) ? List.copyOf(previousHmacKeys) : List.of();
	}

	@Override
	public String toString() {
		return "AuditKeyProperties[hmacKey=******, previousHmacKeys=" + this.previousHmacKeys.size()
				+ ", signingKey=******]";
	}

}
