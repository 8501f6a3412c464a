package io.wxops.admin.screening;

import java.util.List;
import java.util.Map;

import io.wxops.admin.AdminFixtures;
import io.wxops.admin.AdminFixtures.Login;
import io.wxops.admin.AdminIntegrationTest;
import io.wxops.admin.security.Role;
import io.wxops.admin.web.InvalidBody;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** The batch size is a constraint on the request; a refused batch adds no version. */
@AdminIntegrationTest
class LexiconBatchValidationIntegrationTests {

	@Autowired
	AdminFixtures fx;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void anEmptyTermBatchIsRefusedAndAddsNoLexiconVersion() {
		Login admin = this.fx.person(Role.ADMIN);
		long changes = this.jdbc.queryForObject("SELECT COUNT(*) FROM art_lexicon_change", Long.class);
		InvalidBody.refuses(this.fx.post("/api/lexicon/terms", admin.token(), Map.of("terms", List.of())), "terms",
				"send 1 to 50,000 terms");
		InvalidBody.refuses(this.fx.post("/api/lexicon/terms", admin.token(), Map.of()), "terms",
				"send 1 to 50,000 terms");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM art_lexicon_change", Long.class)).isEqualTo(changes);
		Login editor = this.fx.person(Role.EDITOR);
		assertThat(this.fx.post("/api/lexicon/terms", editor.token(), Map.of("terms", List.of())).status())
			.isEqualTo(403);
	}

}
