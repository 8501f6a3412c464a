package io.wxops.core.secret;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts account secrets (AppSecret, Token, EncodingAESKey) for storage with
 * AES-256-GCM.
 *
 * <p>
 * Stored form: {@code v1:<keyId>:<base64(iv || ciphertext+tag)>}. The key id is derived
 * from the key, so old rows stay readable after a rotation as long as the old key is
 * listed in {@code wxops.secrets.previous-keys}. The plaintext never appears in
 * {@link #toString()} or exceptions.
 */
public final class SecretCipher {

	private static final String PREFIX = "v1";

	private static final int IV_BYTES = 12;

	private static final int TAG_BITS = 128;

	private final SecureRandom random = new SecureRandom();

	private final String activeKeyId;

	private final Map<String, SecretKeySpec> keys = new LinkedHashMap<>();

	private final byte[] pseudonymKey;

	public SecretCipher(String activeKeyBase64, List<String> previousKeysBase64) {
		SecretKeySpec active = toKey(activeKeyBase64, "wxops.secrets.key");
		this.activeKeyId = keyId(active);
		this.keys.put(this.activeKeyId, active);
		for (String previous : previousKeysBase64) {
			if (previous != null && !previous.isBlank()) {
				SecretKeySpec key = toKey(previous, "wxops.secrets.previous-keys");
				this.keys.putIfAbsent(keyId(key), key);
			}
		}
		this.pseudonymKey = hmac(active.getEncoded(), "wxops-pseudonym-v1".getBytes(StandardCharsets.UTF_8));
	}

	/** A fresh random key in the form {@code wxops.secrets.key} expects. */
	public static String generateKey() {
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		return Base64.getEncoder().encodeToString(key);
	}

	public String encrypt(String plaintext) {
		if (plaintext == null) {
			return null;
		}
		try {
			byte[] iv = new byte[IV_BYTES];
			this.random.nextBytes(iv);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, this.keys.get(this.activeKeyId), new GCMParameterSpec(TAG_BITS, iv));
			cipher.updateAAD(this.activeKeyId.getBytes(StandardCharsets.US_ASCII));
			byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
			byte[] out = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
			return PREFIX + ":" + this.activeKeyId + ":" + Base64.getEncoder().encodeToString(out);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Secret encryption failed", ex);
		}
	}

	public String decrypt(String stored) {
		if (stored == null) {
			return null;
		}
		String[] parts = stored.split(":", 3);
		if (parts.length != 3 || !PREFIX.equals(parts[0])) {
			throw new IllegalStateException("Stored secret has an unknown format");
		}
		SecretKeySpec key = this.keys.get(parts[1]);
		if (key == null) {
			throw new IllegalStateException("Stored secret was encrypted with key " + parts[1]
					+ ", which is neither wxops.secrets.key nor in wxops.secrets.previous-keys");
		}
		try {
			byte[] in = Base64.getDecoder().decode(parts[2]);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
			cipher.updateAAD(parts[1].getBytes(StandardCharsets.US_ASCII));
			byte[] plain = cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES);
			return new String(plain, StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			throw new IllegalStateException("Stored secret could not be decrypted (wrong key or tampered value)");
		}
	}

	/** True when the value was sealed with an older key and should be re-encrypted. */
	public boolean needsReencryption(String stored) {
		return stored != null && !stored.startsWith(PREFIX + ":" + this.activeKeyId + ":");
	}

	/**
	 * The pseudonym key earlier versions derived from the active secret key: only the
	 * first value of {@link Pseudonyms}' own key, so the pseudonyms they wrote stay
	 * linkable. Derived again it would change with every rotation.
	 */
	byte[] legacyPseudonymKey() {
		return this.pseudonymKey.clone();
	}

	private static byte[] hmac(byte[] key, byte[] data) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return mac.doFinal(data);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static SecretKeySpec toKey(String base64, String setting) {
		if (base64 == null || base64.isBlank()) {
			throw new IllegalStateException(setting + " is not set: provide a base64-encoded 32-byte key"
					+ " (e.g. through the WXOPS_SECRET_KEY environment variable)");
		}
		byte[] raw;
		try {
			raw = Base64.getDecoder().decode(base64.trim());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException(setting + " is not valid base64");
		}
		if (raw.length != 32) {
			throw new IllegalStateException(setting + " must decode to 32 bytes (AES-256), got " + raw.length);
		}
		return new SecretKeySpec(raw, "AES");
	}

	private static String keyId(SecretKeySpec key) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
			return HexFormat.of().formatHex(digest, 0, 4);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public String toString() {
		return "SecretCipher[activeKeyId=" + this.activeKeyId + ", keys=" + this.keys.size() + "]";
	}

}
