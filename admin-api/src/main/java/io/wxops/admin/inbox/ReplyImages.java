package io.wxops.admin.inbox;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import io.wxops.admin.web.ApiException;
import io.wxops.admin.web.ImageFormat;

/**
 * What an image reply must be: JPEG or PNG (WeChat takes no GIF in a customer-service
 * image) of at most 10 MB, whole and nothing more.
 */
final class ReplyImages {

	/** Largest image a reply may carry (WeChat's limit for temporary image media). */
	static final int MAX_REPLY_IMAGE = 10 * 1024 * 1024;

	/** Largest image a reply decodes (pixels): a 10 MB file cannot need more. */
	static final long MAX_REPLY_PIXELS = 50_000_000L;

	private ReplyImages() {
	}

	/** The upload's extension ("jpg" or "png") once the file is checked; else 400. */
	static String checked(byte[] bytes) {
		String extension = imageExtension(bytes);
		if (bytes == null || bytes.length == 0 || bytes.length > MAX_REPLY_IMAGE) {
			throw ApiException.invalid("file", "an image of at most 10 MB is required");
		}
		if (extension == null) {
			throw ApiException.invalid("file", "JPEG or PNG only (WeChat does not take GIF here)");
		}
		requireWholeImage(bytes, extension);
		return extension;
	}

	/**
	 * Refuses what only starts like an image: the whole file must decode without a
	 * warning (a JPEG header followed by HTML, a truncated or damaged image) and end
	 * where the image ends (EOI or IEND), so nothing else rides along to the follower.
	 * Decoded in full, as article covers are read, but with the pixels bounded first.
	 */
	private static void requireWholeImage(byte[] bytes, String extension) {
		String damaged = "the " + ("jpg".equals(extension) ? "JPEG" : "PNG")
				+ " cannot be read completely; it may be damaged or not an image";
		if (!endsAsImage(bytes, extension)) {
			throw ApiException.invalid("file", damaged);
		}
		try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
			Iterator<ImageReader> readers = ImageIO.getImageReadersBySuffix(extension);
			if (!readers.hasNext()) {
				throw ApiException.invalid("file", damaged);
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(in, true, true);
				boolean[] warned = new boolean[1];
				reader.addIIOReadWarningListener((source, warning) -> warned[0] = true);
				long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
				if (pixels < 1 || pixels > MAX_REPLY_PIXELS) {
					throw ApiException.invalid("file",
							"the image has " + pixels + " pixels; at most " + MAX_REPLY_PIXELS + " are accepted");
				}
				reader.read(0);
				if (warned[0]) {
					throw ApiException.invalid("file", damaged);
				}
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof ApiException api) {
				throw api;
			}
			// The JDK's decoders also throw unchecked exceptions on damaged data.
			throw ApiException.invalid("file", damaged);
		}
	}

	/**
	 * A JPEG ends with EOI (FF D9), a PNG with its IEND chunk; zero padding after it
	 * (some cameras add it) is allowed, anything else is not.
	 */
	private static boolean endsAsImage(byte[] bytes, String extension) {
		int n = bytes.length;
		while (n > 0 && bytes[n - 1] == 0) {
			n--;
		}
		if ("jpg".equals(extension)) {
			return n >= 4 && (bytes[n - 2] & 0xFF) == 0xFF && (bytes[n - 1] & 0xFF) == 0xD9;
		}
		byte[] iend = { 'I', 'E', 'N', 'D', (byte) 0xAE, 0x42, 0x60, (byte) 0x82 };
		return n >= 16 && Arrays.equals(bytes, n - iend.length, n, iend, 0, iend.length);
	}

	/** "jpg" or "png" by the file's first bytes, or null. */
	private static String imageExtension(byte[] bytes) {
		if (ImageFormat.isJpeg(bytes)) {
			return "jpg";
		}
		return ImageFormat.isPng(bytes) ? "png" : null;
	}

}
