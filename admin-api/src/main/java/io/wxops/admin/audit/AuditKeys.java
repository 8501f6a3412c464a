package io.wxops.admin.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.wxops.admin.web.Sha256;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The audit record's key ring (HMAC-SHA256 keys, each known by an id derived from it, as
 * {@code SecretCipher} does for secrets) and its Ed25519 checkpoint key. The keys never
 * leave this class; only the public key does.
 */
@Component
@EnableConfigurationProperties(AuditKeyProperties.class)
class AuditKeys {

	private static final String HMAC = "HmacSHA256";

	private final String activeKeyId;

	private final Map<String, SecretKeySpec> ring = new LinkedHashMap<>();

	private final Ed25519PrivateKeyParameters signingKey;

	private final Ed25519PublicKeyParameters publicKey;

	AuditKeys(AuditKeyProperties properties) {
		SecretKeySpec active = hmacKey(properties.hmacKey(), "wxops.audit.hmac-key (WXOPS_AUDIT_HMAC_KEY)");
		this.activeKeyId = keyId(active.getEncoded());
		this.ring.put(this.activeKeyId, active);
		for (String previous : properties.previousHmacKeys()) {
			if (previous != null && !previous.isBlank()) {
				SecretKeySpec key = hmacKey(previous, "wxops.audit.previous-hmac-keys");
				this.ring.putIfAbsent(keyId(key.getEncoded()), key);
			}
		}
		byte[] seed = decode(properties.signingKey(), "wxops.audit.signing-key (WXOPS_AUDIT_SIGNING_KEY)");
		if (seed.length != Ed25519PrivateKeyParameters.KEY_SIZE) {
			throw new IllegalStateException("wxops.audit.signing-key (WXOPS_AUDIT_SIGNING_KEY) must decode to "
					+ Ed25519PrivateKeyParameters.KEY_SIZE + " bytes, got " + seed.length);
		}
		this.signingKey = new Ed25519PrivateKeyParameters(seed, 0);
		this.publicKey = this.signingKey.generatePublicKey();
	}

	/** The id of the key new entries are hashed with. */
	String activeKeyId() {
		return this.activeKeyId;
	}

	/** The HMAC of the text under the key with this id; empty when the ring lacks it. */
	Optional<String> mac(String keyId, String text) {
		SecretKeySpec key = this.ring.get(keyId);
		if (key == null) {
			return Optional.empty();
		}
		try {
			Mac mac = Mac.getInstance(HMAC);
			mac.init(key);
			return Optional.of(HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8))));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 is not available", ex);
		}
	}

	/** The Ed25519 signature of the message's UTF-8 bytes, base64. */
	String sign(String message) {
		byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
		Ed25519Signer signer = new Ed25519Signer();
		signer.init(true, this.signingKey);
		signer.update(bytes, 0, bytes.length);
		return Base64.getEncoder().encodeToString(signer.generateSignature());
	}

	/** The raw 32-byte public key, base64. */
	String publicKeyBase64() {
		return Base64.getEncoder().encodeToString(this.publicKey.getEncoded());
	}

	/** The public key as a PEM SubjectPublicKeyInfo, as openssl reads it. */
	String publicKeyPem() {
		try {
			byte[] der = SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(this.publicKey).getEncoded();
			return "-----BEGIN PUBLIC KEY-----\n"
					+ Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
					+ "\n-----END PUBLIC KEY-----\n";
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** An id of the signing key: the first 16 hex digits of its public key's SHA-256. */
	String publicKeyId() {
		return Sha256.hex(this.publicKey.getEncoded()).substring(0, 16);
	}

	/**
	 * An id derived from the key, so configuration cannot pair a key with a wrong id;
	 * from a one-way hash, so it reveals nothing of the key.
	 */
	private static String keyId(byte[] key) {
		byte[] tagged = new byte[key.length + 1];
		tagged[0] = 'A';
		System.arraycopy(key, 0, tagged, 1, key.length);
		return "h" + Sha256.hex(tagged).substring(0, 15);
	}

	private static SecretKeySpec hmacKey(String base64, String setting) {
		byte[] raw = decode(base64, setting);
		if (raw.length < 32) {
			throw new IllegalStateException(setting + " must decode to at least 32 bytes, got " + raw.length);
		}
		return new SecretKeySpec(raw, HMAC);
	}

	private static byte[] decode(String base64, String setting) {
		if (base64 == null || base64.isBlank()) {
			throw new IllegalStateException(
					setting + " is not set: the audit record needs it (openssl rand -base64 32)");
		}
		try {
			return Base64.getDecoder().decode(base64.trim());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException(setting + " is not valid base64");
		}
	}

}
