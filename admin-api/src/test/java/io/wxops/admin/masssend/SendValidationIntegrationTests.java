package io.wxops.admin.masssend;

import java.util.Map;

import io.wxops.admin.AdminFixtures;
import io.wxops.admin.AdminFixtures.Login;
import io.wxops.admin.AdminIntegrationTest;
import io.wxops.admin.security.Role;
import io.wxops.admin.web.InvalidBody;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The delete call's articleIdx is a constraint on its request: answered 400 before the
 * send is looked up.
 */
@AdminIntegrationTest
class SendValidationIntegrationTests {

	@Autowired
	AdminFixtures fx;

	@Test
	void anArticleIndexOutsideZeroToEightIsRefusedBeforeTheSendIsLookedUp() {
		Login publisher = this.fx.person(Role.PUBLISHER);
		String path = "/api/sends/" + Long.MAX_VALUE + "/delete";
		InvalidBody.refuses(this.fx.post(path, publisher.token(), Map.of("articleIdx", 9)), "articleIdx",
				"0 deletes the whole message, 1 to 8 one article");
		InvalidBody.refuses(this.fx.post(path, publisher.token(), Map.of("articleIdx", -1)), "articleIdx",
				"0 deletes the whole message, 1 to 8 one article");
		assertThat(this.fx.post(path, publisher.token(), Map.of("articleIdx", 8)).status()).isEqualTo(404);
		assertThat(this.fx.post(path, null, Map.of("articleIdx", 9)).status()).isEqualTo(401);
	}

}
