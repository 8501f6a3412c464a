package io.wxops.admin.masssend;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.wxops.admin.review.SendReviewMapper;
import io.wxops.admin.review.SendReviewStatus;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The send states, kinds and audiences are enums whose names are the stored strings; the
 * SQL that still spells them (generated columns, column comments, mapper queries) must
 * spell the same ones.
 */
class SendLiteralsTests {

	private static final Pattern STATUS_LITERAL = Pattern.compile("(\\w+\\.)?status\\s*=\\s*'([A-Z_]+)'");

	@Test
	void dayAndMonthClaimsAreFreedExactlyByTheStatusesThatGiveTheDayBack() throws IOException {
		Set<SendStatus> freeing = EnumSet.noneOf(SendStatus.class);
		for (SendStatus s : SendStatus.values()) {
			if (!s.claimsDay()) {
				freeing.add(s);
			}
		}
		assertThat(statusesIn(migration("V7__mass_send.sql"), "day_claim")).isEqualTo(freeing);
		assertThat(statusesIn(migration("V14_1__mass_send_month_slots.sql"), "month_claim")).isEqualTo(freeing);
	}

	@Test
	void columnCommentsListEveryNameAndEveryNameFitsItsColumn() throws IOException {
		String sends = migration("V7__mass_send.sql");
		assertColumn(sends, "status", SendStatus.values());
		assertColumn(sends, "kind", SendKind.values());
		assertColumn(sends, "audience", Audience.values());
		assertColumn(migration("V13_2__send_review.sql"), "status", SendReviewStatus.values());
	}

	@Test
	void everyStatusTheSendMapperSpellsIsASendStatus() {
		for (String sql : statements(MassSendMapper.class)) {
			Matcher m = STATUS_LITERAL.matcher(sql);
			while (m.find()) {
				assertThat(SendStatus.parse(m.group(2))).as(sql).isNotNull();
			}
		}
	}

	@Test
	void theMapperMovesSendsOnlyAlongAllowedTransitions() {
		for (String sql : statements(MassSendMapper.class)) {
			if (!sql.trim().startsWith("UPDATE")) {
				continue;
			}
			Matcher set = Pattern.compile("SET\\s+status\\s*=\\s*'([A-Z_]+)'").matcher(sql);
			Matcher where = Pattern.compile("WHERE.*status\\s*=\\s*'([A-Z_]+)'", Pattern.DOTALL).matcher(sql);
			assertThat(where.find()).as(sql).isTrue();
			if (set.find()) {
				assertThat(SendStatus.valueOf(where.group(1)).canBecome(SendStatus.valueOf(set.group(1)))).as(sql)
					.isTrue();
			}
		}
	}

	@Test
	void theSendReviewMapperSpellsReviewStatesAndSendStates() {
		List<String> seen = new ArrayList<>();
		for (String sql : statements(SendReviewMapper.class)) {
			Matcher m = STATUS_LITERAL.matcher(sql);
			while (m.find()) {
				String alias = String.valueOf(m.group(1));
				seen.add(alias + m.group(2));
				if (alias.equals("r.")) {
					assertThat(SendReviewStatus.valueOf(m.group(2))).isNotNull();
				}
				else {
					assertThat(SendStatus.parse(m.group(2))).as(sql).isNotNull();
				}
			}
		}
		assertThat(seen).contains("r.IN_REVIEW", "s.COMPOSED");
	}

	@Test
	void sendStatesFollowTheSendsLife() {
		assertThat(SendStatus.COMPOSED.canBecome(SendStatus.PREVIEWED)).isTrue();
		assertThat(SendStatus.PREVIEWED.canBecome(SendStatus.PREVIEWED)).isTrue();
		assertThat(SendStatus.COMPOSED.canBecome(SendStatus.CONFIRMED)).isFalse();
		assertThat(SendStatus.CONFIRMED.canBecome(SendStatus.CANCELLED)).isTrue();
		assertThat(SendStatus.SENDING.canBecome(SendStatus.CANCELLED)).isFalse();
		assertThat(SendStatus.SENDING.canBecome(SendStatus.FAILED)).isTrue();
		assertThat(SendStatus.SENT.canBecome(SendStatus.FAILED)).isFalse();
		assertThat(EnumSet.allOf(SendStatus.class).stream().filter(SendStatus::acceptedByWeChat))
			.containsExactly(SendStatus.SENT, SendStatus.FINISHED);
		assertThat(Arrays.stream(SendKind.values()).filter(SendKind::reviewed)).containsExactly(SendKind.TEXT,
				SendKind.IMAGE);
	}

	private static void assertColumn(String sql, String column, Enum<?>[] values) {
		Matcher m = Pattern.compile("\\n\\s*" + column + "\\s+VARCHAR\\((\\d+)\\)[^\\n]*COMMENT '([^']*)'")
			.matcher(sql);
		assertThat(m.find()).as(column).isTrue();
		int width = Integer.parseInt(m.group(1));
		Set<String> commented = Arrays.stream(m.group(2).split(",|\\bor\\b|:"))
			.map(String::trim)
			.filter((w) -> w.matches("[A-Z_]+"))
			.collect(Collectors.toCollection(LinkedHashSet::new));
		assertThat(commented).as(column)
			.containsExactlyInAnyOrderElementsOf(Arrays.stream(values).map(Enum::name).toList());
		assertThat(Arrays.stream(values).map(Enum::name)).allMatch((n) -> n.length() <= width);
	}

	private static Set<SendStatus> statusesIn(String sql, String generatedColumn) {
		Matcher m = Pattern
			.compile(generatedColumn + "\\s+DATE AS \\(CASE WHEN [^)]*status IN \\(([^)]*)\\)", Pattern.DOTALL)
			.matcher(sql);
		assertThat(m.find()).as(generatedColumn).isTrue();
		Set<SendStatus> statuses = EnumSet.noneOf(SendStatus.class);
		for (String literal : m.group(1).split(",")) {
			statuses.add(SendStatus.valueOf(literal.trim().replace("'", "")));
		}
		return statuses;
	}

	private static List<String> statements(Class<?> mapper) {
		List<String> sql = new ArrayList<>();
		for (Method method : mapper.getDeclaredMethods()) {
			Select select = method.getAnnotation(Select.class);
			Update update = method.getAnnotation(Update.class);
			if (select != null) {
				sql.addAll(List.of(select.value()));
			}
			if (update != null) {
				sql.addAll(List.of(update.value()));
			}
		}
		assertThat(sql).isNotEmpty();
		return sql;
	}

	private static String migration(String name) throws IOException {
		try (InputStream in = SendLiteralsTests.class.getResourceAsStream("/db/migration/" + name)) {
			assertThat(in).as(name).isNotNull();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
