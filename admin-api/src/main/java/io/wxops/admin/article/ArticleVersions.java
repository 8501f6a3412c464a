package io.wxops.admin.article;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import io.wxops.admin.article.ArticleViews.Comparison;
import io.wxops.admin.article.ArticleViews.FieldChange;
import io.wxops.admin.article.ArticleViews.VersionSummary;
import io.wxops.admin.article.ArticleViews.VersionView;
import io.wxops.admin.security.Caller;
import io.wxops.admin.web.ApiException;
import io.wxops.core.account.Sensitivity;

import org.springframework.stereotype.Service;

/** An article's saved versions: the list, one version, and two compared. */
@Service
class ArticleVersions {

	private final ArticleService articles;

	private final ArticleVersionMapper versions;

	ArticleVersions(ArticleService articles, ArticleVersionMapper versions) {
		this.articles = articles;
		this.versions = versions;
	}

	public List<VersionSummary> versions(Caller caller, long id) {
		this.articles.visible(caller, id);
		return this.versions.listByArticle(id)
			.stream()
			.map((v) -> new VersionSummary(v.getVersionNo(), v.getTitle(), v.getContentHash(), v.getSavedBy(),
					v.getSavedAt()))
			.toList();
	}

	public VersionView version(Caller caller, long id, int versionNo) {
		this.articles.visible(caller, id);
		return versionView(requireVersion(id, versionNo));
	}

	public Comparison compare(Caller caller, long id, int from, int to) {
		this.articles.visible(caller, id);
		ArticleVersion a = requireVersion(id, from);
		ArticleVersion b = requireVersion(id, to);
		Map<String, FieldChange> fields = new LinkedHashMap<>();
		field(fields, "title", a.getTitle(), b.getTitle());
		field(fields, "author", a.getAuthor(), b.getAuthor());
		field(fields, "digest", a.getDigest(), b.getDigest());
		field(fields, "source", a.getSource(), b.getSource());
		field(fields, "sensitivity", a.getSensitivity(), b.getSensitivity());
		field(fields, "coverImageId", a.getCoverImageId(), b.getCoverImageId());
		fields.put("body", new FieldChange(!Objects.equals(a.getBody(), b.getBody()), null, null));
		List<String> left = lines(a.getBody());
		List<String> right = lines(b.getBody());
		List<String> diff = UnifiedDiffUtils.generateUnifiedDiff("v" + from, "v" + to, left,
				DiffUtils.diff(left, right), 2);
		return new Comparison(from, to, fields, diff);
	}

	private ArticleVersion requireVersion(long id, int versionNo) {
		ArticleVersion v = this.versions.find(id, versionNo);
		if (v == null) {
			throw ApiException.notFound("Version", versionNo);
		}
		return v;
	}

	private static VersionView versionView(ArticleVersion v) {
		return new VersionView(v.getVersionNo(), v.getTitle(), v.getAuthor(), v.getDigest(), v.getBody(), v.getSource(),
				Sensitivity.valueOf(v.getSensitivity()), v.getCoverImageId(), v.getContentHash(), v.getSavedBy(),
				v.getSavedAt());
	}

	private static void field(Map<String, FieldChange> fields, String name, Object from, Object to) {
		fields.put(name, new FieldChange(!Objects.equals(from, to), from, to));
	}

	/** HTML split at tag boundaries and line breaks, so a diff shows paragraphs. */
	private static List<String> lines(String html) {
		if (html == null || html.isEmpty()) {
			return new ArrayList<>();
		}
		return new ArrayList<>(Arrays.asList(html.replace("><", ">\n<").split("\\R")));
	}

}
