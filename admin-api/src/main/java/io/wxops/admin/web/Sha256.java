package io.wxops.admin.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 as lower-case hex, and the length-prefixed text form the content, mass-send and
 * audit hashes are computed over: {@code <length>:<value>|} per field, so no two
 * different field lists share a text form.
 */
public final class Sha256 {

	private Sha256() {
	}

	public static String hex(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The hash of a text's UTF-8 bytes. */
	public static String hex(String text) {
		return hex(text.getBytes(StandardCharsets.UTF_8));
	}

	/** Appends one field in the length-prefixed form. */
	public static StringBuilder appendField(StringBuilder text, String value) {
		return text.append(value.length()).append(':').append(value).append('|');
	}

}
