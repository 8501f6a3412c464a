package io.wxops.admin.article;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import com.baomidou.mybatisplus.core.toolkit.Wrappers;
import io.wxops.admin.audit.AuditTrail;
import io.wxops.admin.screening.UploadedImages;
import io.wxops.admin.security.Caller;
import io.wxops.admin.web.ApiException;
import io.wxops.admin.web.ImageFormat;
import io.wxops.admin.web.Sha256;
import io.wxops.core.account.Account;
import io.wxops.core.account.AccountRegistry;
import io.wxops.core.account.AccountSnapshot;
import io.wxops.core.wechat.WeChatCalls;
import me.chanjar.weixin.common.api.WxConsts;
import me.chanjar.weixin.mp.bean.material.WxMpMaterial;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Article images: checked against the rules (JPEG only, 图片采用JPEG格式) and WeChat's limits,
 * then uploaded: a cover as permanent material (its media id becomes the draft's
 * thumb_media_id), an image inside the body through the article-image upload (its URL
 * goes into the HTML; WeChat filters images from other hosts).
 */
@Service
public class ImageService implements UploadedImages {

	/** WeChat's limit for permanent image material. */
	static final int MAX_COVER_BYTES = 10 * 1024 * 1024;

	/** WeChat's limit for media/uploadimg ("大小必须在1MB以下"). */
	static final int MAX_BODY_IMAGE_BYTES = 1024 * 1024;

	private final ArticleService articles;

	private final ArticleImageMapper images;

	private final AccountRegistry registry;

	private final WeChatCalls wechat;

	private final AuditTrail audit;

	ImageService(ArticleService articles, ArticleImageMapper images, AccountRegistry registry, WeChatCalls wechat,
			AuditTrail audit) {
		this.articles = articles;
		this.images = images;
		this.registry = registry;
		this.wechat = wechat;
		this.audit = audit;
	}

	/** An uploaded image as the API shows it. */
	public record ImageView(long id, long articleId, String kind, String filename, int sizeBytes, String sha256,
			String mediaId, String url) {

		static ImageView of(ArticleImage i) {
			return new ImageView(i.getId(), i.getArticleId(), i.getKind(), i.getFilename(), i.getSizeBytes(),
					i.getSha256(), i.getWechatMediaId(), i.getWechatUrl());
		}

	}

	@Override
	public Set<String> urlsOf(long articleId) {
		return this.images.selectList(Wrappers.<ArticleImage>lambdaQuery().eq(ArticleImage::getArticleId, articleId))
			.stream()
			.map(ArticleImage::getWechatUrl)
			.filter((url) -> url != null)
			.collect(Collectors.toSet());
	}

	public List<ImageView> list(Caller caller, long articleId) {
		this.articles.visible(caller, articleId);
		return this.images
			.selectList(Wrappers.<ArticleImage>lambdaQuery()
				.eq(ArticleImage::getArticleId, articleId)
				.orderByAsc(ArticleImage::getId))
			.stream()
			.map(ImageView::of)
			.toList();
	}

	private static ImageKind kindOf(String kind) {
		for (ImageKind k : ImageKind.values()) {
			if (k.name().equals(kind)) {
				return k;
			}
		}
		throw ApiException.invalid("kind", "kind is COVER (the article's cover) or BODY (an image in the text)");
	}

	@Transactional
	public ImageView upload(Caller caller, long articleId, String kind, String filename, byte[] bytes) {
		Article article = this.articles.editable(caller, articleId);
		ImageKind imageKind = kindOf(kind);
		int limit = (imageKind == ImageKind.COVER) ? MAX_COVER_BYTES : MAX_BODY_IMAGE_BYTES;
		checkJpeg(bytes, limit);
		String name = safeName(filename);
		Account account = this.articles.accountOf(article);
		AccountSnapshot snapshot = this.registry.find(account.getAppId()).orElseThrow();
		Path file = null;
		try {
			// WxJava uploads from a file.
			file = Files.createTempFile("wxops-image-", ".jpg");
			Files.write(file, bytes);
			Path upload = file;
			ArticleImage row = new ArticleImage();
			if (imageKind == ImageKind.COVER) {
				var result = this.wechat.call(snapshot,
						(s) -> s.getMaterialService()
							.materialFileUpload(WxConsts.MediaFileType.IMAGE,
									new WxMpMaterial(name, upload.toFile(), null, null)));
				row.setWechatMediaId(result.getMediaId());
				row.setWechatUrl(result.getUrl());
			}
			else {
				var result = this.wechat.call(snapshot, (s) -> s.getMaterialService().mediaImgUpload(upload.toFile()));
				row.setWechatUrl(result.getUrl());
			}
			row.setArticleId(articleId);
			row.setKind(imageKind.name());
			row.setFilename(name);
			row.setContentType("image/jpeg");
			row.setSizeBytes(bytes.length);
			row.setSha256(Sha256.hex(bytes));
			row.setUploadedBy(caller.personId());
			row.setUploadedAt(this.articles.now());
			this.images.insert(row);
			ImageView view = ImageView.of(row);
			this.audit.record(caller, "ARTICLE_IMAGE_UPLOADED", "ARTICLE", articleId, article.getAccountId(), null,
					Map.of("image", row.getId(), "kind", kind, "sha256", row.getSha256(), "bytes", bytes.length));
			return view;
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not stage the image for upload", ex);
		}
		finally {
			if (file != null) {
				try {
					Files.deleteIfExists(file);
				}
				catch (IOException ex) {
					// a temp file left behind is harmless
				}
			}
		}
	}

	/**
	 * A JPEG (by its bytes, not its name) that the JDK can read, within the size limit.
	 */
	static void checkJpeg(byte[] bytes, int limit) {
		if (bytes == null || bytes.length == 0) {
			throw ApiException.invalid("file", "the file is empty");
		}
		if (bytes.length > limit) {
			throw ApiException.invalid("file", "the image is " + bytes.length + " bytes; at most " + limit
					+ " bytes are allowed for this kind of image");
		}
		if (!ImageFormat.isJpeg(bytes)) {
			throw ApiException.invalid("file", "images must be JPEG (图片采用JPEG格式); convert it and upload again");
		}
		try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
			Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
			if (!readers.hasNext()) {
				throw ApiException.invalid("file", "the JPEG cannot be read; it may be damaged");
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(in);
				if (reader.getWidth(0) < 1 || reader.getHeight(0) < 1) {
					throw ApiException.invalid("file", "the JPEG has no pixels");
				}
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException ex) {
			throw ApiException.invalid("file", "the JPEG cannot be read; it may be damaged");
		}
	}

	private static String safeName(String filename) {
		String name = (filename == null || filename.isBlank()) ? "image.jpg"
				: filename.replaceAll("[^\\p{L}\\p{N}._-]", "_");
		return (name.length() > 200) ? name.substring(name.length() - 200) : name;
	}

}
