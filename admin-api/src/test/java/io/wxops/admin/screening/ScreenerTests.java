package io.wxops.admin.screening;

import java.util.List;
import java.util.Set;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ScreenerTests {

	private static final CompiledLexicon LEXICON = CompiledLexicon.compile(7, List.of(
			new LexiconTerm("内部文件", Category.INTERNAL_OFFICE),
			new LexiconTerm("赌博网站", Category.OBSCENITY_VIOLENCE_CRIME),
			new LexiconTerm("代开发票", Category.OTHER_PROHIBITED), new LexiconTerm("vpn翻墙", Category.STATE_SECURITY),
			new LexiconTerm("限时抢购", Category.COMMERCIAL_MARKETING), new LexiconTerm("音乐盗版", Category.OTHER_PROHIBITED),
			new LexiconTerm("印章代刻", Category.OTHER_PROHIBITED), new LexiconTerm("dvd刻录", Category.OTHER_PROHIBITED),
			new LexiconTerm("人肉搜索", Category.OTHER_PROHIBITED), new LexiconTerm("秘密文件", Category.INTERNAL_OFFICE),
			new LexiconTerm("法轮功", Category.ETHNIC_CULT_SUPERSTITION),
			new LexiconTerm("株式会社", Category.OTHER_PROHIBITED), new LexiconTerm("fifa赌球", Category.OTHER_PROHIBITED)));

	private final Screener screener = new Screener();

	private static ScreeningInput article(String title, String bodyHtml) {
		return new ScreeningInput(title, "宣传部", "摘要", bodyHtml, "本院新闻办", 680, false);
	}

	private ScreeningResult screen(ScreeningInput input) {
		return this.screener.screen(input, LEXICON);
	}

	private List<Finding> terms(ScreeningResult result) {
		return result.findings().stream().filter((f) -> f.rule().equals(Finding.PROHIBITED_TERM)).toList();
	}

	private static String slice(String text, Finding f) {
		return text.substring(f.start(), f.end());
	}

	// ---- clean article

	@Test
	void cleanArticlePassesWithTheLexiconVersionAndCount() {
		ScreeningResult result = screen(article("通知", "<p>明天上午开会。</p>"));
		assertThat(result.passed()).isTrue();
		assertThat(result.findings()).isEmpty();
		assertThat(result.lexiconVersion()).isEqualTo(7);
		assertThat(result.countedChars()).isEqualTo(9);
		assertThat(result.maxChars()).isEqualTo(680);
	}

	// ---- hidden variants

	@Test
	void termWithSpacesBetweenItsCharactersIsFound() {
		ScreeningResult result = screen(article("通知", "<p>请访问 赌 博 网 站 了解</p>"));
		assertThat(result.passed()).isFalse();
		assertThat(terms(result)).singleElement().satisfies((f) -> {
			assertThat(f.term()).isEqualTo("赌博网站");
			assertThat(f.category()).isEqualTo(Category.OBSCENITY_VIOLENCE_CRIME);
			assertThat(f.field()).isEqualTo("body");
		});
	}

	@Test
	void termWithPunctuationBetweenItsCharactersIsFound() {
		assertThat(terms(screen(article("关于内·部/文-件的说明", "<p>正文</p>")))).singleElement()
			.satisfies((f) -> assertThat(f.term()).isEqualTo("内部文件"));
	}

	@Test
	void fullWidthFormOfTermIsFound() {
		String title = "教你ＶＰＮ翻墙";
		Finding f = terms(screen(article(title, "<p>正文</p>"))).get(0);
		assertThat(f.term()).isEqualTo("vpn翻墙");
		assertThat(slice(title, f)).isEqualTo("ＶＰＮ翻墙");
	}

	@Test
	void termWithZeroWidthCharsBetweenItsCharactersIsFound() {
		assertThat(terms(screen(article("通知", "<p>代\u200B开\u200D发\uFEFF票</p>")))).singleElement()
			.satisfies((f) -> assertThat(f.term()).isEqualTo("代开发票"));
	}

	@Test
	void termWithOneCharReplacedByItsCompatibilityTwinIsFound() {
		// Kangxi radical ⾳ for 音, circled ideograph ㊞ for 印, circled letter Ⓓ for D,
		// Kangxi
		// radical ⼈ for 人, circled ideograph ㊙ for 秘: symbols whose folded form is the
		// char
		String body = "<p>⾳乐盗版，㊞章代刻，ⒹVD刻录，⼈肉搜索，㊙密文件</p>";
		String visible = VisibleText.of(body);
		List<Finding> found = terms(screen(article("通知", body)));
		assertThat(found).extracting(Finding::term).containsExactly("音乐盗版", "印章代刻", "dvd刻录", "人肉搜索", "秘密文件");
		assertThat(found).extracting((f) -> slice(visible, f)).containsExactly("⾳乐盗版", "㊞章代刻", "ⒹVD刻录", "⼈肉搜索", "㊙密文件");
	}

	@Test
	void cjkRadicalsSupplementTwinIsFound() {
		// U+2EA9 CJK RADICAL JADE is not changed by NFKC; its equivalent ideograph is 王,
		// so
		// a term written with it and the radical must meet in the same form
		CompiledLexicon lexicon = CompiledLexicon.compile(1,
				List.of(new LexiconTerm("王者外挂", Category.OTHER_PROHIBITED)));
		ScreeningResult result = this.screener.screen(article("通知", "<p>\u2EA9者外挂</p>"), lexicon);
		assertThat(terms(result)).singleElement().satisfies((f) -> assertThat(f.term()).isEqualTo("王者外挂"));
	}

	@Test
	void termWithMongolianVariationSelectorsOrOtherIgnorablesBetweenItsCharsIsFound() {
		String title = "代\u180B开\u180F发\u00AD票";
		Finding f = terms(screen(article(title, "<p>正文</p>"))).get(0);
		assertThat(f.term()).isEqualTo("代开发票");
		assertThat(slice(title, f)).isEqualTo(title);
	}

	@Test
	void ignorableCharsAreNotCountedInTheLength() {
		ScreeningResult result = screen(article("通\u180B知\u034F", "<p>明\u2060天\uFE0F上午开会。\u3164</p>"));
		assertThat(result.countedChars()).isEqualTo(9);
	}

	@Test
	void traditionalFormOfSimplifiedTermIsFoundWithItsOriginalPosition() {
		String title = "关于法輪功的通知";
		Finding f = terms(screen(article(title, "<p>正文</p>"))).get(0);
		assertThat(f.term()).isEqualTo("法轮功");
		assertThat(f.category()).isEqualTo(Category.ETHNIC_CULT_SUPERSTITION);
		assertThat(slice(title, f)).isEqualTo("法輪功");
	}

	@Test
	void hitInsideAnExpandingCharMapsToTheWholeChar() {
		// ㍿ is 株式会社 and ﬁ is fi once folded: the hit names the original chars
		String title = "某㍿与ﬁfa赌球";
		List<Finding> found = terms(screen(article(title, "<p>正文</p>")));
		assertThat(found).extracting(Finding::term).containsExactly("株式会社", "fifa赌球");
		assertThat(found).extracting((f) -> slice(title, f)).containsExactly("㍿", "ﬁfa赌球");
	}

	@Test
	void supplementaryCharsAroundATermKeepPositionsRight() {
		// a 4-byte CJK char (U+20000) and an emoji with a skin-tone modifier before the
		// term
		String title = "\uD840\uDC00\uD83D\uDC4D\uD83C\uDFFD内\uD83D\uDE00部文件";
		Finding f = terms(screen(article(title, "<p>正文</p>"))).get(0);
		assertThat(f.term()).isEqualTo("内部文件");
		assertThat(slice(title, f)).isEqualTo("内\uD83D\uDE00部文件");
	}

	@Test
	void anEmojiWithModifiersCountsAsOneCharacter() {
		// 👍🏽 (thumbs up, skin tone), 👨‍👩‍👧 (a ZWJ family), 🇨🇳 (a flag), é as e +
		// U+0301:
		// four characters a reader sees, 2 + 5 + 2 + 2 code points
		String body = "<p>\uD83D\uDC4D\uD83C\uDFFD\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67"
				+ "\uD83C\uDDE8\uD83C\uDDF3e\u0301</p>";
		assertThat(screen(article("通知", body)).countedChars()).isEqualTo(2 + 4);
	}

	@Test
	void theLimitIsExceededAtTheFirstClusterOverIt() {
		// limit 3: 通知 and one emoji fit, the fourth character (the second emoji) is over
		String body = "<p>\uD83D\uDC4D\uD83C\uDFFD\uD83D\uDC4D\uD83C\uDFFF</p>";
		ScreeningResult result = this.screener.screen(new ScreeningInput("通知", null, null, body, "本院", 3, false),
				LEXICON);
		assertThat(result.countedChars()).isEqualTo(4);
		assertThat(result.findings()).filteredOn((f) -> f.rule().equals(Finding.LENGTH))
			.singleElement()
			.satisfies((f) -> assertThat(f.start()).isEqualTo(4));
	}

	@Test
	void aSourceOrTitleOfOnlyInvisibleCharsIsMissing() {
		ScreeningResult result = this.screener.screen(new ScreeningInput("\u200B\u2060\uFE0F", null, null, "<p>正文</p>",
				"\u200B\u00A0\u180E\u3164\uFEFF", 680, false), LEXICON);
		assertThat(result.findings()).extracting(Finding::rule, Finding::field)
			.contains(Tuple.tuple(Finding.SOURCE_MISSING, "source"), Tuple.tuple(Finding.WECHAT_LIMIT, "title"));
	}

	@Test
	void trimRemovesOnlyLeadingAndTrailingInvisibleChars() {
		assertThat(VisibleText.trim("\u200B\uFEFF 本校\u200B宣传部\u00A0\uFE0F")).isEqualTo("本校\u200B宣传部");
		assertThat(VisibleText.trim("\u200B\u3164")).isEmpty();
	}

	@Test
	void textInHtmlCommentsOrHiddenElementsIsNotShipped() {
		String body = "<p>通知<!-- 内部文件 --><!--[if mso]>代开发票<![endif]--></p><noscript>赌博网站</noscript>";
		assertThat(BodyHtml.sanitised(body)).doesNotContain("内部文件", "代开发票", "<!--");
		assertThat(BodyHtml.draftContent(body, "本院")).doesNotContain("内部文件", "代开发票");
		// nor does the content of elements a browser does not show
		assertThat(BodyHtml.sanitised(body)).isEqualTo("<p>通知</p>");
		assertThat(terms(screen(article("通知", body)))).isEmpty();
	}

	@Test
	void everyImageReferenceMustBeAnUploadedImage() {
		String ok = "https://mmbiz.qpic.cn/mmbiz_jpg/ok/0?wx_fmt=jpeg";
		String body = "<p><img src=\"" + ok + "\" data-src=\"https://cdn.example/lazy.jpg\">"
				+ "<img srcset=\"https://cdn.example/a.jpg 1x, " + ok + " 2x\" src=\"" + ok + "\">"
				+ "<span style=\"background: url('http://cdn.example/bg.png') no-repeat\">字</span></p>"
				+ "<svg><image href=\"https://cdn.example/svg.png\"/><use xlink:href=\"https://cdn.example/x.svg#a\"/></svg>"
				+ "<style>p { background-image: url(https://cdn.example/sheet.png) }</style>";
		ScreeningResult result = this.screener
			.screen(new ScreeningInput("通知", null, null, body, "本院", 680, false, Set.of(ok)), LEXICON);
		assertThat(result.passed()).isFalse();
		assertThat(result.findings()).filteredOn((f) -> f.rule().equals(Finding.IMAGE_NOT_UPLOADED))
			.extracting(Finding::excerpt)
			.containsExactlyInAnyOrder("https://cdn.example/lazy.jpg", "https://cdn.example/a.jpg",
					"http://cdn.example/bg.png", "https://cdn.example/svg.png", "https://cdn.example/x.svg#a",
					"https://cdn.example/sheet.png");
		// an uploaded image alone passes
		assertThat(this.screener
			.screen(new ScreeningInput("通知", null, null, "<p><img src=\"" + ok + "\"></p>", "本院", 680, false,
					Set.of(ok)), LEXICON)
			.passed()).isTrue();
	}

	@Test
	void altAndTitleTextsAndTheSourceAreScreened() {
		ScreeningResult result = screen(new ScreeningInput("通知", null, null,
				"<p title=\"赌博网站\"><img src=\"x\" alt=\"内·部文件\"></p>", "代开发票网", 680, false));
		assertThat(terms(result)).extracting(Finding::field, Finding::term)
			.containsExactly(Tuple.tuple("attributes", "赌博网站"), Tuple.tuple("attributes", "内部文件"),
					Tuple.tuple("source", "代开发票"));
	}

	@Test
	void theSourceGoesIntoTheDraftAndAUrlSourceIsTheSourceUrl() {
		assertThat(BodyHtml.draftContent("<p>正文</p>", " 本校<宣传部> ")).isEqualTo("<p>正文</p><p>来源：本校&lt;宣传部&gt;</p>");
		assertThat(BodyHtml.sourceUrl("本校宣传部")).isNull();
		assertThat(BodyHtml.sourceUrl("\u200Bhttps://www.example.edu.cn/news/1 "))
			.isEqualTo("https://www.example.edu.cn/news/1");
		assertThat(BodyHtml.sourceUrl("javascript:alert(1)")).isNull();
	}

	@Test
	void mixedCaseFormOfTermIsFound() {
		assertThat(terms(screen(article("Vpn翻墙教程", "<p>正文</p>")))).singleElement()
			.satisfies((f) -> assertThat(f.category()).isEqualTo(Category.STATE_SECURITY));
	}

	@Test
	void termSplitByInlineTagsIsFound() {
		assertThat(terms(screen(article("通知", "<p>内<b>部</b><span>文件</span></p>")))).hasSize(1);
	}

	// ---- HTML markup

	@Test
	void termOnlyInsideTagsOrAttributesIsNotReported() {
		String html = "<p class=\"内部文件\"><img alt=\"内部文件\" src=\"a.jpg\">"
				+ "<a href=\"https://example.org/赌博网站\" title=\"代开发票\">链接</a><span data-x=\"vpn翻墙\">正常</span></p>"
				+ "<script>var s = '内部文件';</script><style>.代开发票{}</style><!-- 赌博网站 -->";
		ScreeningResult result = screen(article("通知", html));
		// alt and title texts ship (an image's alternative text, a tooltip): screened,
		// and
		// reported in their own field (changed deliberately, issue 11 item 5)
		assertThat(terms(result)).extracting(Finding::field, Finding::term)
			.containsExactly(Tuple.tuple("attributes", "内部文件"), Tuple.tuple("attributes", "代开发票"));
	}

	@Test
	void sameTermInTextNextToAnAttributeIsReportedOnce() {
		ScreeningResult result = screen(article("通知", "<p><img alt=\"内部文件\">内部文件</p>"));
		assertThat(terms(result)).filteredOn((f) -> f.field().equals("body"))
			.singleElement()
			.satisfies((f) -> assertThat(f.start()).isEqualTo(0));
		assertThat(terms(result)).filteredOn((f) -> f.field().equals("attributes")).hasSize(1);
	}

	// ---- positions

	@Test
	void positionInPlainFieldCoversTheTerm() {
		String digest = "本文涉及代开发票问题";
		ScreeningResult result = screen(new ScreeningInput("通知", null, digest, "<p>正文</p>", "新闻办", 680, false));
		Finding f = terms(result).get(0);
		assertThat(f.field()).isEqualTo("digest");
		assertThat(f.start()).isEqualTo(4);
		assertThat(f.end()).isEqualTo(8);
		assertThat(slice(digest, f)).isEqualTo("代开发票");
		assertThat(f.excerpt()).isEqualTo(digest);
	}

	@Test
	void positionInBodyIsAnIndexIntoTheVisibleText() {
		String html = "<p>你好</p><p>内部文件</p>";
		Finding f = terms(screen(article("通知", html))).get(0);
		String visible = VisibleText.of(html);
		assertThat(visible).isEqualTo("你好\n内部文件");
		assertThat(f.start()).isEqualTo(3);
		assertThat(f.end()).isEqualTo(7);
		assertThat(slice(visible, f)).isEqualTo("内部文件");
	}

	@Test
	void positionOfSpacedVariantCoversTheWholeSpacedRun() {
		String html = "<p>请勿访问 赌 - 博 . 网 站 ，谢谢</p>";
		Finding f = terms(screen(article("通知", html))).get(0);
		assertThat(slice(VisibleText.of(html), f)).isEqualTo("赌 - 博 . 网 站");
	}

	@Test
	void positionAfterEntitiesCountsTheDecodedText() {
		String html = "<p>A&amp;B&nbsp;内部文件</p>";
		Finding f = terms(screen(article("通知", html))).get(0);
		assertThat(f.start()).isEqualTo(4);
		assertThat(slice(VisibleText.of(html), f)).isEqualTo("内部文件");
	}

	@Test
	void excerptHasAboutTenCharsOfContextEitherSide() {
		String title = "一二三四五六七八九十甲乙内部文件子丑寅卯辰巳午未申酉戌亥";
		Finding f = terms(screen(article(title, "<p>正文</p>"))).get(0);
		assertThat(f.excerpt()).isEqualTo("三四五六七八九十甲乙内部文件子丑寅卯辰巳午未申酉");
		assertThat(f.message()).contains("内部文件").contains("remove or rewrite");
	}

	// ---- every occurrence, every field

	@Test
	void everyOccurrenceIsReportedInFieldThenPositionOrder() {
		String html = "<p>内部文件一份，另有内部文件两份</p><p>内 部 文 件</p>";
		ScreeningInput input = new ScreeningInput("内部文件通知", "代开发票", "赌博网站", html, "新闻办", 680, false);
		List<Finding> found = terms(screen(input));
		assertThat(found).extracting(Finding::field)
			.containsExactly("title", "author", "digest", "body", "body", "body");
		List<Finding> body = found.subList(3, 6);
		assertThat(body).extracting(Finding::start).containsExactly(0, 9, 16);
	}

	// ---- commercial marketing

	@Test
	void marketingTermIsIgnoredWhenMarketingIsAllowed() {
		ScreeningResult result = screen(article("限时抢购", "<p>正文</p>"));
		assertThat(result.passed()).isTrue();
	}

	@Test
	void marketingTermIsReportedWhenMarketingIsForbidden() {
		ScreeningInput input = new ScreeningInput("限时抢购", null, null, "<p>正文</p>", "新闻办", 680, true);
		assertThat(terms(screen(input))).singleElement()
			.satisfies((f) -> assertThat(f.category()).isEqualTo(Category.COMMERCIAL_MARKETING));
	}

	// ---- length

	@Test
	void exactlyTheLimitPassesCountingTitleBodyAndPunctuation() {
		// title 10 + body 670 (335 letters and 335 punctuation marks) = 680
		String body = "<p>" + "好，".repeat(335) + "</p>";
		ScreeningResult result = screen(article("一二三四五六七八九十", body));
		assertThat(result.countedChars()).isEqualTo(680);
		assertThat(result.passed()).isTrue();
	}

	@Test
	void oneCharOverTheLimitFailsAtTheFirstExcessChar() {
		String html = "<p>" + "好，".repeat(335) + "多</p>";
		ScreeningResult result = screen(article("一二三四五六七八九十", html));
		assertThat(result.countedChars()).isEqualTo(681);
		assertThat(result.passed()).isFalse();
		assertThat(result.findings()).singleElement().satisfies((f) -> {
			assertThat(f.rule()).isEqualTo(Finding.LENGTH);
			assertThat(f.field()).isEqualTo("body");
			assertThat(f.start()).isEqualTo(670);
			assertThat(VisibleText.of(html).charAt(f.start())).isEqualTo('多');
			assertThat(f.message()).contains("681 characters, the account allows 680");
		});
	}

	@Test
	void whitespaceAndTagsDoNotCount() {
		String html = "<div style=\"margin:0\"><p>" + "好 \u3000\u00A0\u200B".repeat(670) + "</p><br><p>  </p></div>";
		ScreeningResult result = screen(article("一二三四五 六七八九十", html));
		assertThat(result.countedChars()).isEqualTo(680);
		assertThat(result.passed()).isTrue();
	}

	@Test
	void accountLimitIsTheOneInTheInput() {
		ScreeningInput input = new ScreeningInput("标题", null, null, "<p>一二三四</p>", "新闻办", 5, false);
		ScreeningResult result = screen(input);
		assertThat(result.findings()).singleElement().satisfies((f) -> {
			assertThat(f.rule()).isEqualTo(Finding.LENGTH);
			assertThat(f.start()).isEqualTo(3);
		});
	}

	// ---- source

	@Test
	void missingSourceIsRefused() {
		ScreeningInput input = new ScreeningInput("标题", null, null, "<p>正文</p>", null, 680, false);
		ScreeningResult result = screen(input);
		assertThat(result.passed()).isFalse();
		assertThat(result.findings()).singleElement().satisfies((f) -> {
			assertThat(f.rule()).isEqualTo(Finding.SOURCE_MISSING);
			assertThat(f.field()).isEqualTo("source");
			assertThat(f.message()).contains("注明信息来源");
		});
	}

	@Test
	void blankSourceIsRefused() {
		ScreeningInput input = new ScreeningInput("标题", null, null, "<p>正文</p>", " \u3000", 680, false);
		assertThat(screen(input).findings()).extracting(Finding::rule).containsExactly(Finding.SOURCE_MISSING);
	}

	// ---- WeChat limits

	@Test
	void titleOfThirtyTwoCharsPassesAndThirtyThreeFails() {
		assertThat(screen(article("题".repeat(32), "<p>正文</p>")).passed()).isTrue();
		ScreeningResult result = screen(article("题".repeat(33), "<p>正文</p>"));
		assertThat(result.findings()).singleElement().satisfies((f) -> {
			assertThat(f.rule()).isEqualTo(Finding.WECHAT_LIMIT);
			assertThat(f.field()).isEqualTo("title");
			assertThat(f.start()).isEqualTo(32);
			assertThat(f.end()).isEqualTo(33);
		});
	}

	@Test
	void missingTitleFails() {
		ScreeningInput input = new ScreeningInput(" ", null, null, "<p>正文</p>", "新闻办", 680, false);
		assertThat(screen(input).findings()).singleElement().satisfies((f) -> {
			assertThat(f.rule()).isEqualTo(Finding.WECHAT_LIMIT);
			assertThat(f.field()).isEqualTo("title");
		});
	}

	@Test
	void authorOfSeventeenCharsFails() {
		ScreeningInput ok = new ScreeningInput("标题", "作".repeat(16), null, "<p>正文</p>", "新闻办", 680, false);
		ScreeningInput tooLong = new ScreeningInput("标题", "作".repeat(17), null, "<p>正文</p>", "新闻办", 680, false);
		assertThat(screen(ok).passed()).isTrue();
		assertThat(screen(tooLong).findings()).singleElement()
			.satisfies((f) -> assertThat(f.field()).isEqualTo("author"));
	}

	@Test
	void digestOfHundredTwentyNineCharsFails() {
		ScreeningInput ok = new ScreeningInput("标题", null, "摘".repeat(128), "<p>正文</p>", "新闻办", 680, false);
		ScreeningInput tooLong = new ScreeningInput("标题", null, "摘".repeat(129), "<p>正文</p>", "新闻办", 680, false);
		assertThat(screen(ok).passed()).isTrue();
		assertThat(screen(tooLong).findings()).singleElement()
			.satisfies((f) -> assertThat(f.field()).isEqualTo("digest"));
	}

	@Test
	void bodyHtmlOfTwentyThousandCharsFailsWhereOneLessPasses() {
		String under = "<p>正文</p><!--" + "x".repeat(19_999 - 9 - 7) + "-->";
		assertThat(under).hasSize(19_999);
		assertThat(screen(article("标题", under)).passed()).isTrue();
		ScreeningResult result = screen(article("标题", under + " "));
		assertThat(result.findings()).singleElement().satisfies((f) -> {
			assertThat(f.rule()).isEqualTo(Finding.WECHAT_LIMIT);
			assertThat(f.field()).isEqualTo("body");
			assertThat(f.message()).contains("20000");
		});
	}

	@Test
	void bodyHtmlOfOneMegabyteFails() {
		String html = "<!--" + "字".repeat(350_000) + "-->";
		ScreeningResult result = screen(article("标题", html));
		assertThat(result.findings()).extracting(Finding::message)
			.anySatisfy((m) -> assertThat(m).contains("1 MB"))
			.anySatisfy((m) -> assertThat(m).contains("20000"));
	}

	// ---- several rules

	@Test
	void findingsAreOrderedByFieldThenPosition() {
		ScreeningInput input = new ScreeningInput("题".repeat(30) + "内部文件", null, null, "<p>代开发票</p>", null, 680, false);
		assertThat(screen(input).findings()).extracting(Finding::field, Finding::rule)
			.containsExactly(Tuple.tuple("title", Finding.PROHIBITED_TERM), Tuple.tuple("title", Finding.WECHAT_LIMIT),
					Tuple.tuple("body", Finding.PROHIBITED_TERM), Tuple.tuple("source", Finding.SOURCE_MISSING));
	}

}
