package io.wxops.admin.screening;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * An article body as it goes to WeChat. Only the sanitiser's output ships, and screening
 * reads that same output: comments, scripts, unknown elements and attributes (and so text
 * hidden in them) never reach a follower unscreened.
 */
public final class BodyHtml {

	/**
	 * What may ship: jsoup's relaxed list (text formatting, lists, tables, links and
	 * images), the section/figure markup of WeChat articles, inline styles (their
	 * {@code url()}s are checked like image sources) and {@code data-src}, which WeChat's
	 * own editor uses for lazy images.
	 */
	private static final Safelist SAFELIST = Safelist.relaxed()
		.addTags("section", "figure", "figcaption", "hr", "mark", "center", "font")
		.addAttributes(":all", "style", "title")
		.addAttributes("img", "data-src", "alt", "title", "width", "height");

	private static final String HIDDEN = String.join(", ", VisibleText.SKIPPED);

	private static final Pattern CSS_URL = Pattern.compile("url\\(\\s*(['\"]?)(.*?)\\1\\s*\\)",
			Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

	private BodyHtml() {
	}

	/**
	 * The body of {@code raw} reduced to what may ship (its head never ships). Elements
	 * whose content a browser does not show as text (scripts, styles, templates,
	 * noscript, frames, embedded objects) go whole, content included: the sanitiser alone
	 * would keep their text. Changes {@code raw}: read its image references first.
	 */
	static Document clean(Document raw) {
		raw.body().select(HIDDEN).remove();
		Document cleaned = new Cleaner(SAFELIST).clean(raw);
		cleaned.outputSettings().prettyPrint(false).escapeMode(Entities.EscapeMode.base);
		return cleaned;
	}

	/** The body's HTML as it is sent to WeChat: the sanitiser's output. */
	public static String sanitised(String html) {
		return clean(Jsoup.parse((html != null) ? html : "")).body().html();
	}

	/**
	 * The content of a WeChat draft: the sanitised body and, when a source is stated, a
	 * paragraph "来源：…" with it (escaped), so that followers see the source screening
	 * checked.
	 */
	public static String draftContent(String html, String source) {
		String body = sanitised(html);
		String stated = VisibleText.trim(source);
		if (stated == null || stated.isEmpty()) {
			return body;
		}
		return body + "<p>来源：" + Entities.escape(stated) + "</p>";
	}

	/**
	 * The draft's {@code content_source_url} (阅读原文): the stated source when it is an
	 * http(s) URL, else null.
	 */
	public static String sourceUrl(String source) {
		String stated = VisibleText.trim(source);
		if (stated == null || stated.isEmpty() || stated.chars().anyMatch(Character::isWhitespace)) {
			return null;
		}
		String lower = stated.toLowerCase(Locale.ROOT);
		return (lower.startsWith("https://") || lower.startsWith("http://")) ? stated : null;
	}

	/**
	 * Every image the raw HTML refers to, wherever: {@code src} and {@code data-src} of
	 * any element, each candidate of {@code srcset}, {@code poster} and
	 * {@code background}, {@code url()} in inline styles and style sheets, and
	 * {@code href}/{@code xlink:href} inside SVG. The raw HTML, not the sanitised one, so
	 * that a reference the sanitiser would drop is still reported rather than silently
	 * lost.
	 */
	static List<String> imageReferences(Document raw) {
		List<String> refs = new ArrayList<>();
		for (Element e : raw.getAllElements()) {
			boolean inSvg = "svg".equals(e.normalName()) || !e.parents().select("svg").isEmpty();
			for (Attribute a : e.attributes()) {
				String name = a.getKey().toLowerCase(Locale.ROOT);
				String value = a.getValue().trim();
				switch (name) {
					case "src", "data-src", "poster", "background", "data-background" -> add(refs, value);
					case "srcset", "data-srcset" -> {
						for (String candidate : value.split(",")) {
							add(refs, candidate.trim().split("\\s+")[0]);
						}
					}
					case "style" -> cssUrls(refs, value);
					case "href", "xlink:href" -> {
						if (inSvg) {
							add(refs, value);
						}
					}
					default -> {
					}
				}
			}
			if ("style".equals(e.normalName())) {
				for (DataNode data : e.dataNodes()) {
					cssUrls(refs, data.getWholeData());
				}
			}
		}
		return refs;
	}

	private static void cssUrls(List<String> refs, String css) {
		Matcher m = CSS_URL.matcher(css);
		while (m.find()) {
			add(refs, m.group(2).trim());
		}
	}

	private static void add(List<String> refs, String url) {
		if (!url.isEmpty()) {
			refs.add(url);
		}
	}

}
