package io.wxops.admin.console;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class ConsoleNotBuiltTests {

	@Test
	void withoutABuiltConsoleThePagesSayWhy() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		new ConsoleNotBuilt().handleRequest(new MockHttpServletRequest("GET", "/console/"), response);
		assertThat(response.getStatus()).isEqualTo(503);
		assertThat(response.getContentType()).startsWith("text/html");
		assertThat(response.getContentAsString()).contains("The console was not built");
	}

}
