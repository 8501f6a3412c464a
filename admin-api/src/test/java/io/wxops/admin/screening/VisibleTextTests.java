package io.wxops.admin.screening;

import io.wxops.core.text.TextNormaliser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VisibleTextTests {

	@Test
	void blockElementsAreSeparatedByNewlines() {
		assertThat(VisibleText.of("<p>你好</p><p>世界</p><div>甲<br>乙</div><ul><li>一</li><li>二</li></ul>"))
			.isEqualTo("你好\n世界\n甲\n乙\n一\n二");
	}

	@Test
	void inlineElementsDoNotSeparateText() {
		assertThat(VisibleText.of("<p>内<span style=\"color:red\">部</span><b>文</b>件</p>")).isEqualTo("内部文件");
	}

	@Test
	void entitiesAreDecoded() {
		assertThat(VisibleText.of("<p>a &amp; b&nbsp;&lt;c&gt;</p>")).isEqualTo("a & b\u00A0<c>");
	}

	@Test
	void scriptStyleTemplateNoscriptIframeAndHeadAreNotText() {
		String html = "<head><title>题目</title><style>p{}</style></head><body><script>var a='脚本';</script>"
				+ "<template>模板</template><noscript>无脚本</noscript><iframe>框架</iframe><p>正文</p></body>";
		assertThat(VisibleText.of(html)).isEqualTo("正文");
	}

	@Test
	void tagsAttributesAndCommentsAreNotText() {
		assertThat(VisibleText.of("<p class=\"属性\"><img alt=\"替代\" src=\"x.jpg\"><!-- 注释 -->文字</p>")).isEqualTo("文字");
	}

	@Test
	void whitespaceRunsCollapseToOneSpaceAndEndsAreTrimmed() {
		assertThat(VisibleText.of("\n  <p>  a \n\t b  </p>\n\n  <p>c</p>  ")).isEqualTo("a b\nc");
	}

	@Test
	void nullOrBlankHtmlHasNoText() {
		assertThat(VisibleText.of(null)).isEmpty();
		assertThat(VisibleText.of("  ")).isEmpty();
	}

	@Test
	void theVisibleTextIsTheTextOfWhatShips() {
		// screening reads the parsed body; the draft carries the sanitiser's output: the
		// two must hold the same text (whitespace aside, which screening ignores)
		String html = "<article><header>标题</header><p>正<!-- 注释 -->文<font color=red>红字</font>"
				+ "<custom-tag>自定义</custom-tag></p><svg><text>矢量</text></svg><form><textarea>输入</textarea></form>"
				+ "<noscript>无</noscript><object>对象</object><details><summary>摘</summary>要</details></article>";
		String shipped = BodyHtml.sanitised(html);
		assertThat(shipped).doesNotContain("注释", "无", "对象", "custom-tag", "<svg");
		assertThat(TextNormaliser.normaliseTerm(VisibleText.of(html)))
			.isEqualTo(TextNormaliser.normaliseTerm(VisibleText.of(shipped)))
			.isEqualTo("标题正文红字自定义矢量输入摘要");
	}

}
