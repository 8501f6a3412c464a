package io.wxops.admin.screening;

import java.util.List;
import java.util.Optional;

import io.wxops.admin.account.AccountAccess;
import io.wxops.admin.security.Caller;
import io.wxops.admin.security.Grant;
import io.wxops.admin.security.Role;
import io.wxops.admin.security.Sessions;
import io.wxops.admin.security.Sessions.Authenticated;
import io.wxops.admin.web.PageRequest;
import io.wxops.admin.web.PageResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/**
 * The lexicon endpoints' HTTP mapping and problem bodies, without a database: the
 * services are stubbed only to see what the controller passes and answers (what they do
 * is tested against the real servers).
 */
// The console's advice and configuration (Redis-backed, the single-page app) are not this
// controller's.
@WebMvcTest(controllers = ScreeningController.class,
		excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = "io\\.wxops\\.admin\\.console\\..*"))
class ScreeningControllerTests {

	private static final String ADMIN_TOKEN = "admin-token-0123456789abcdef";

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	Sessions sessions;

	@MockitoBean
	LexiconService lexicon;

	@MockitoBean
	ScreeningService screening;

	@MockitoBean
	AccountAccess accountAccess;

	@BeforeEach
	void anAdministratorOnEveryAccount() {
		Caller admin = new Caller(1, "admin", 1L, List.of(new Grant(Role.ADMIN, null, null)), "127.0.0.1", 1);
		given(this.sessions.authenticate(eq(ADMIN_TOKEN), anyString(), anyBoolean()))
			.willReturn(Optional.of(new Authenticated(admin, false)));
		given(this.sessions.authenticate(eq(ADMIN_TOKEN), anyString()))
			.willReturn(Optional.of(new Authenticated(admin, false)));
	}

	@Test
	void theTermListPassesPageAndSizeAndAnswersThePage() {
		given(this.lexicon.list(Category.STATE_SECURITY, "词", new PageRequest(1, 2))).willReturn(new PageResult<>(
				List.of(new LexiconService.TermView(7, "某词", Category.STATE_SECURITY, "危害国家安全、泄露国家秘密", 3)), 1, 2, 3));
		assertThat(this.mvc.get()
			.uri("/api/lexicon/terms?category=STATE_SECURITY&q=词&page=1&size=2")
			.header("Authorization", "Bearer " + ADMIN_TOKEN)).hasStatusOk().bodyJson().satisfies((json) -> {
				assertThat(json).extractingPath("$.total").isEqualTo(3);
				assertThat(json).extractingPath("$.page").isEqualTo(1);
				assertThat(json).extractingPath("$.items[0].term").isEqualTo("某词");
			});
	}

	@Test
	void aSizeAboveTheMaximumIsAnInvalidRequestProblemNamingTheField() {
		assertThat(this.mvc.get().uri("/api/lexicon/terms?size=500").header("Authorization", "Bearer " + ADMIN_TOKEN))
			.hasStatus(400)
			.hasContentType("application/problem+json")
			.bodyJson()
			.satisfies((json) -> {
				assertThat(json).extractingPath("$.type").isEqualTo("https://wxops.io/problems/invalid-request");
				assertThat(json).extractingPath("$.errors[0].field").isEqualTo("size");
				assertThat(json).extractingPath("$.errors[0].message").asString().contains("between 1 and 200");
			});
		verify(this.lexicon, never()).list(any(), any(), any());
	}

	@Test
	void withoutATokenTheListIsAnUnauthenticatedProblem() {
		assertThat(this.mvc.get().uri("/api/lexicon/terms")).hasStatus(401)
			.bodyJson()
			.extractingPath("$.type")
			.isEqualTo("https://wxops.io/problems/unauthenticated");
		verify(this.lexicon, never()).list(any(), any(), any());
	}

}
