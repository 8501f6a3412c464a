package io.wxops.admin.article;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The SHA-256 of exactly what followers would receive: title, author, digest, body,
 * source, sensitivity and the cover image's bytes. Approvals are bound to it, so any
 * change voids them. Fields are length-prefixed so no two contents share a text form.
 */
public final class ContentHash {

	private ContentHash() {
	}

	public static String of(String title, String author, String digest, String body, String source, String sensitivity,
			String coverSha256) {
		StringBuilder text = new StringBuilder();
		for (String field : new String[] { title, author, digest, body, source, sensitivity, coverSha256 }) {
			String value = Objects.toString(field, "\u0000");
			text.append(value.length()).append(':').append(value).append('|');
		}
		try {
			return HexFormat.of()
				.formatHex(
						MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
