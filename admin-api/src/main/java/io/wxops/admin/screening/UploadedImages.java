package io.wxops.admin.screening;

import java.util.Set;

/**
 * The image URLs uploaded for an article, which are the only images its body may refer
 * to. Implemented by the article feature, which owns the uploads.
 */
public interface UploadedImages {

	Set<String> urlsOf(long articleId);

}
