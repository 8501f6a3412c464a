package io.wxops.admin.inbox;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.wxops.core.inbox.Category;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The state names SQL still spells out (the open-ticket key the migration generates, the
 * mappers' filters) are the enums' names, so renaming a constant cannot leave a query
 * matching nothing.
 */
class InboxSqlLiteralsTests {

	/** The columns holding an enum's name, by column name. */
	private static final Map<String, Set<String>> COLUMNS = Map.of("status", names(TicketStatus.values()), "ack_status",
			names(AckStatus.values()), "kind", names(EntryKind.values()), "delivery", names(Delivery.values()),
			"category", names(Category.values()));

	/** {@code column = 'X'}, {@code column <> 'X'}, {@code column IN ('X', 'Y')}. */
	private static final Pattern COMPARISON = Pattern
		.compile("\\b(?:\\w+\\.)?(status|ack_status|kind|delivery|category)\\s*(?:=|<>|!=|(?:NOT\\s+)?IN)\\s*"
				+ "(\\(\\s*'[^)]*\\)|'[^']*')", Pattern.CASE_INSENSITIVE);

	private static final Pattern LITERAL = Pattern.compile("'([^']*)'");

	@Test
	void literalsInTheInboxMappersAreEnumNames() {
		List<String> sql = new ArrayList<>();
		for (Class<?> mapper : List.of(TicketMapper.class, TicketEntryMapper.class, InboundMapper.class,
				RouteMapper.class, FollowupMapper.class)) {
			for (Method m : mapper.getDeclaredMethods()) {
				Select select = m.getAnnotation(Select.class);
				if (select != null) {
					sql.addAll(Arrays.asList(select.value()));
				}
				Update update = m.getAnnotation(Update.class);
				if (update != null) {
					sql.addAll(Arrays.asList(update.value()));
				}
			}
		}
		assertThat(checked(String.join("\n", sql))).as("literals found in the mappers")
			.contains("status:CLOSED", "category:MALICIOUS", "ack_status:PENDING", "kind:OUT", "delivery:DELIVERED",
					"delivery:SENDING");
	}

	@Test
	void theGeneratedOpenKeyAndTheCommentedStatesAreEnumNames() throws IOException {
		String migration = resource("db/migration/V8__inbox_tickets.sql");
		assertThat(migration).contains("open_key");
		assertThat(checked(migration)).as("the open key's condition").contains("status:CLOSED");
	}

	@Test
	void aRenamedConstantWouldBeFound() {
		assertThat(unknown("SELECT * FROM inb_ticket WHERE status <> 'OPEN' AND ack_status IN ('PENDING', 'DONE')"))
			.containsExactly("status:OPEN", "ack_status:DONE");
	}

	/** Every column:literal found; fails on one that is no name of its enum. */
	private static List<String> checked(String sql) {
		assertThat(unknown(sql)).as("literals that are no enum's name").isEmpty();
		return found(sql);
	}

	private static List<String> unknown(String sql) {
		return found(sql).stream().filter((f) -> {
			String[] parts = f.split(":", 2);
			return !COLUMNS.get(parts[0]).contains(parts[1]);
		}).toList();
	}

	private static List<String> found(String sql) {
		List<String> found = new ArrayList<>();
		Matcher m = COMPARISON.matcher(sql);
		while (m.find()) {
			Matcher literal = LITERAL.matcher(m.group(2));
			while (literal.find()) {
				found.add(m.group(1).toLowerCase() + ":" + literal.group(1));
			}
		}
		return found;
	}

	private static Set<String> names(Enum<?>[] values) {
		return Arrays.stream(values).map(Enum::name).collect(Collectors.toSet());
	}

	private static String resource(String path) throws IOException {
		try (InputStream in = InboxSqlLiteralsTests.class.getClassLoader().getResourceAsStream(path)) {
			assertThat(in).as(path).isNotNull();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
