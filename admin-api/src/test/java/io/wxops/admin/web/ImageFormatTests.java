package io.wxops.admin.web;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ImageFormatTests {

	@Test
	void formatsAreToldByTheirFirstBytes() throws Exception {
		byte[] jpeg = encode("jpg");
		byte[] png = encode("png");
		byte[] gif = "GIF89a\u0001\u0000\u0001\u0000".getBytes(StandardCharsets.ISO_8859_1);
		assertThat(ImageFormat.isJpeg(jpeg)).isTrue();
		assertThat(ImageFormat.isPng(jpeg)).isFalse();
		assertThat(ImageFormat.isPng(png)).isTrue();
		assertThat(ImageFormat.isJpeg(png)).isFalse();
		assertThat(ImageFormat.isJpeg(gif) || ImageFormat.isPng(gif)).isFalse();
		assertThat(ImageFormat.isJpeg(new byte[] { (byte) 0xFF, (byte) 0xD8 })).isFalse();
		assertThat(ImageFormat.isPng(new byte[0]) || ImageFormat.isJpeg(null)).isFalse();
	}

	private static byte[] encode(String format) throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), format, out);
		return out.toByteArray();
	}

}
