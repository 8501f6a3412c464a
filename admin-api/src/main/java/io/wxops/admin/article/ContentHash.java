package io.wxops.admin.article;

import java.util.Objects;

import io.wxops.admin.web.Sha256;

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
			Sha256.appendField(text, Objects.toString(field, "\u0000"));
		}
		return Sha256.hex(text.toString());
	}

}
