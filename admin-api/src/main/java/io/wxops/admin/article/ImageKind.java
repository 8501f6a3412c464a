package io.wxops.admin.article;

/**
 * What an uploaded image is for; the names are the strings stored in
 * {@code art_image.kind}.
 */
public enum ImageKind {

	/** The draft's cover: permanent material, whose media id is the thumb_media_id. */
	COVER,
	/**
	 * An image inside the body, uploaded through media/uploadimg; its URL goes in the
	 * HTML.
	 */
	BODY

}
