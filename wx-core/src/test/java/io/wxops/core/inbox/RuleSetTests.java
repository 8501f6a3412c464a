package io.wxops.core.inbox;

import java.util.ArrayList;
import java.util.List;

import io.wxops.core.inbox.RuleSet.Classification;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RuleSetTests {

	private long nextId = 1;

	private InboxRule rule(String kind, String pattern, Category category, Long department, int priority) {
		InboxRule r = new InboxRule();
		r.setId(this.nextId++);
		r.setAccountId(1L);
		r.setKind(kind);
		r.setPattern(pattern);
		r.setCategory(category.name());
		r.setDepartmentId(department);
		r.setPriority(priority);
		return r;
	}

	@Test
	void keywordRulesThatNormaliseToOneCharacterOrNothingNeverMatch() {
		InboxRule single = rule("KEYWORD", "好", Category.MALICIOUS, null, 10);
		InboxRule blank = rule("KEYWORD", " ，。", Category.MALICIOUS, null, 10);
		RuleSet rules = RuleSet.compile(List.of(single, blank, rule("KEYWORD", "投诉", Category.COMPLAINT, null, 1)));
		assertThat(rules.classify("好好学习", null)).isEqualTo(Classification.DEFAULT);
		assertThat(rules.classify("我要投诉，好", null).category()).isEqualTo(Category.COMPLAINT);
		assertThat(single.isUnusableKeyword()).isTrue();
		assertThat(blank.isUnusableKeyword()).isTrue();
		assertThat(rule("MENU_KEY", "A", Category.COMPLAINT, null, 1).isUnusableKeyword()).isFalse();
	}

	@Test
	void withoutAMatchAMessageIsAConsultation() {
		RuleSet rules = RuleSet.compile(List.of(rule("KEYWORD", "投诉", Category.COMPLAINT, null, 10)));
		assertThat(rules.classify("请问图书馆几点开门", null)).isEqualTo(Classification.DEFAULT);
		assertThat(rules.classify("请问图书馆几点开门", null).matched()).isFalse();
		assertThat(RuleSet.compile(List.of()).classify("投诉", null).category()).isEqualTo(Category.CONSULTATION);
		assertThat(rules.classify(null, "MENU_UNKNOWN")).as("a click no rule names").isNull();
	}

	@Test
	void keywordsMatchThroughSpacingPunctuationAndFullWidth() {
		RuleSet rules = RuleSet.compile(List.of(rule("KEYWORD", "投诉", Category.COMPLAINT, null, 10),
				rule("KEYWORD", "WiFi", Category.SUGGESTION, 7L, 1)));
		assertThat(rules.classify("我要投 诉食堂卫生", null).category()).isEqualTo(Category.COMPLAINT);
		assertThat(rules.classify("宿舍ＷＩＦＩ太慢了", null)).isEqualTo(new Classification(Category.SUGGESTION, 7L, 2L));
	}

	@Test
	void theHighestPriorityThenTheOldestMatchingRuleDecides() {
		InboxRule complaint = rule("KEYWORD", "投诉", Category.COMPLAINT, null, 10);
		InboxRule malicious = rule("KEYWORD", "骗子学校", Category.MALICIOUS, null, 20);
		InboxRule library = rule("KEYWORD", "借书", Category.CONSULTATION, 9L, 1);
		InboxRule laterSamePriority = rule("KEYWORD", "食堂", Category.SUGGESTION, null, 10);
		RuleSet rules = RuleSet.compile(List.of(library, laterSamePriority, complaint, malicious));
		assertThat(rules.classify("投诉这个骗子学校", null).category()).isEqualTo(Category.MALICIOUS);
		assertThat(rules.classify("食堂的事我要投诉", null).category()).isEqualTo(Category.COMPLAINT);
		assertThat(rules.classify("借书的事我要投诉", null).category()).isEqualTo(Category.COMPLAINT);
		assertThat(rules.classify("周末可以借书吗", null))
			.isEqualTo(new Classification(Category.CONSULTATION, 9L, library.getId()));
	}

	@Test
	void menuClicksMatchTheirKeyExactly() {
		RuleSet rules = RuleSet.compile(List.of(rule("MENU_KEY", "MENU_COMPLAINT", Category.COMPLAINT, null, 0),
				rule("KEYWORD", "MENU_COMPLAINT", Category.MALICIOUS, null, 50)));
		assertThat(rules.classify(null, "MENU_COMPLAINT").category()).isEqualTo(Category.COMPLAINT);
		assertThat(rules.classify(null, "menu_complaint")).isNull();
	}

	@Test
	void aLongMaliciousTermListIsOneAutomaton() {
		List<InboxRule> list = new ArrayList<>();
		for (int i = 0; i < 5_000; i++) {
			list.add(rule("KEYWORD", "恶意词" + i + "号", Category.MALICIOUS, null, 20));
		}
		list.add(rule("KEYWORD", "投诉", Category.COMPLAINT, null, 10));
		RuleSet rules = RuleSet.compile(list);
		assertThat(rules.classify("投诉：恶意词4321号", null).category()).isEqualTo(Category.MALICIOUS);
		assertThat(rules.classify("投诉：恶意词", null).category()).isEqualTo(Category.COMPLAINT);
	}

}
