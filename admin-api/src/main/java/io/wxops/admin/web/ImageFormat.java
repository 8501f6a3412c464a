package io.wxops.admin.web;

import java.util.Arrays;

/** Image formats told by a file's first bytes, not its name. */
public final class ImageFormat {

	private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };

	private ImageFormat() {
	}

	/** JPEG: starts with FF D8 FF. */
	public static boolean isJpeg(byte[] bytes) {
		return bytes != null && bytes.length > 3 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xD8
				&& (bytes[2] & 0xFF) == 0xFF;
	}

	/** PNG: starts with its eight-byte signature. */
	public static boolean isPng(byte[] bytes) {
		return bytes != null && bytes.length >= PNG.length && Arrays.equals(bytes, 0, PNG.length, PNG, 0, PNG.length);
	}

}
