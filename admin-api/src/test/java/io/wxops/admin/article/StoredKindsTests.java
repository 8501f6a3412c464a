package io.wxops.admin.article;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.wxops.admin.review.ReviewChainMapper;
import io.wxops.admin.review.ReviewDecisionMapper;
import io.wxops.admin.review.Verdict;
import io.wxops.admin.screening.ChangeType;
import io.wxops.admin.screening.LexiconTermMapper;
import io.wxops.core.account.ReviewLevel;
import io.wxops.core.account.Sensitivity;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The strings the schema and the SQL still hold for article, queue, image, review and
 * lexicon kinds are exactly the enums' names, so renaming a constant cannot silently
 * leave a query or a stored value behind.
 */
class StoredKindsTests {

	private static final String MIGRATION = "db/migration/V5__articles_lexicon_review.sql";

	/** table.column → the enum whose names it stores. */
	private static final Map<String, Class<? extends Enum<?>>> COLUMNS = Map.of("art_article.status",
			ArticleStatus.class, "art_article.sensitivity", Sensitivity.class, "art_queue_entry.status",
			QueueStatus.class, "art_image.kind", ImageKind.class, "art_review_decision.decision", Verdict.class,
			"art_review_decision.level", ReviewLevel.class, "art_lexicon_change.change_type", ChangeType.class);

	@Test
	void theSchemaDocumentsExactlyTheEnumsNamesForEachKindColumn() throws IOException {
		String sql = resource(MIGRATION);
		COLUMNS.forEach((column, kinds) -> {
			String[] parts = column.split("\\.");
			assertThat(commentedValues(sql, parts[0], parts[1])).as(column)
				.containsExactlyInAnyOrderElementsOf(names(kinds));
		});
	}

	@Test
	void everyLiteralTheMappersFilterOnIsAStoredName() {
		List<String> checked = new ArrayList<>();
		for (Class<?> mapper : List.of(ArticleMapper.class, ArticleVersionMapper.class, ArticleImageMapper.class,
				QueueEntryMapper.class, ReviewDecisionMapper.class, ReviewChainMapper.class, LexiconTermMapper.class)) {
			for (Method m : mapper.getDeclaredMethods()) {
				for (String sql : sqlOf(m)) {
					Matcher table = Pattern.compile("(?i)(?:FROM|UPDATE)\\s+(\\w+)").matcher(sql);
					String name = table.find() ? table.group(1) : "?";
					Matcher literal = Pattern.compile("(\\w+)\\s*=\\s*'([^']*)'").matcher(sql);
					while (literal.find()) {
						String column = name + "." + literal.group(1);
						assertThat(COLUMNS).as(mapper.getSimpleName() + "." + m.getName() + ": " + column)
							.containsKey(column);
						assertThat(names(COLUMNS.get(column))).as(mapper.getSimpleName() + "." + m.getName())
							.contains(literal.group(2));
						checked.add(column + "=" + literal.group(2));
					}
				}
			}
		}
		assertThat(checked).contains("art_queue_entry.status=QUEUED");
	}

	@Test
	void anArticleMovesOnlyAlongTheReviewPath() {
		assertThat(ArticleStatus.DRAFT.canBecome(ArticleStatus.IN_REVIEW)).isTrue();
		assertThat(ArticleStatus.DRAFT.canBecome(ArticleStatus.APPROVED)).isFalse();
		assertThat(ArticleStatus.IN_REVIEW.canBecome(ArticleStatus.APPROVED)).isTrue();
		assertThat(ArticleStatus.IN_REVIEW.canBecome(ArticleStatus.SENT)).isFalse();
		assertThat(ArticleStatus.APPROVED.canBecome(ArticleStatus.SENT)).isTrue();
		assertThat(ArticleStatus.REJECTED.canBecome(ArticleStatus.APPROVED)).isFalse();
		assertThat(Arrays.stream(ArticleStatus.values()).filter(ArticleStatus::submittable))
			.containsExactly(ArticleStatus.DRAFT, ArticleStatus.REJECTED, ArticleStatus.WITHDRAWN);
		assertThat(Arrays.stream(ArticleStatus.values()).noneMatch(ArticleStatus.SENT::canBecome)).isTrue();
	}

	@Test
	void aQueueEntryClosesOnceAndForGood() {
		for (QueueStatus closed : List.of(QueueStatus.WITHDRAWN, QueueStatus.VOIDED, QueueStatus.SENT)) {
			assertThat(QueueStatus.QUEUED.canBecome(closed)).isTrue();
			assertThat(Arrays.stream(QueueStatus.values()).noneMatch(closed::canBecome)).as(closed.name()).isTrue();
		}
		assertThat(QueueStatus.QUEUED.canBecome(QueueStatus.QUEUED)).isFalse();
	}

	@Test
	void anArticleRowRefusesAMoveItsStateDoesNotAllow() {
		Article a = new Article();
		a.setStatus(ArticleStatus.SENT.name());
		org.assertj.core.api.Assertions.assertThatIllegalStateException()
			.isThrownBy(() -> a.moveTo(ArticleStatus.DRAFT));
		assertThat(a.getStatus()).isEqualTo("SENT");
		a.setStatus(ArticleStatus.APPROVED.name());
		a.moveTo(ArticleStatus.WITHDRAWN);
		assertThat(a.getStatus()).isEqualTo("WITHDRAWN");
	}

	private static List<String> sqlOf(Method m) {
		List<String> sql = new ArrayList<>();
		Select select = m.getAnnotation(Select.class);
		if (select != null) {
			sql.addAll(List.of(select.value()));
		}
		Update update = m.getAnnotation(Update.class);
		if (update != null) {
			sql.addAll(List.of(update.value()));
		}
		return sql;
	}

	/** The values a column's COMMENT lists, e.g. 'QUEUED, WITHDRAWN, VOIDED or SENT'. */
	private static List<String> commentedValues(String sql, String table, String column) {
		Matcher create = Pattern.compile("CREATE TABLE " + table + " \\((.*?)\\n\\)", Pattern.DOTALL).matcher(sql);
		assertThat(create.find()).as(table).isTrue();
		Matcher line = Pattern.compile("\\n\\s*" + column + "\\s+[^\\n]*COMMENT '([^']*)'").matcher(create.group(1));
		assertThat(line.find()).as(table + "." + column).isTrue();
		List<String> values = new ArrayList<>();
		Matcher word = Pattern.compile("\\b[A-Z][A-Z_]+\\b").matcher(line.group(1));
		while (word.find()) {
			values.add(word.group());
		}
		return values;
	}

	private static List<String> names(Class<? extends Enum<?>> kinds) {
		return Arrays.stream(kinds.getEnumConstants()).map(Enum::name).toList();
	}

	private static String resource(String path) throws IOException {
		try (InputStream in = StoredKindsTests.class.getClassLoader().getResourceAsStream(path)) {
			assertThat(in).as(path).isNotNull();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
