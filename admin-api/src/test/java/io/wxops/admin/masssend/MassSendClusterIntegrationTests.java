package io.wxops.admin.masssend;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.wxops.admin.AdminFixtures;
import io.wxops.admin.AdminIntegrationTest;
import io.wxops.admin.SecondAdminInstance;
import io.wxops.admin.SimulatorInitializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two admin instances on one database and Redis, both running the mass-send schedule: a
 * due send goes out once.
 */
@AdminIntegrationTest
class MassSendClusterIntegrationTests {

	static ConfigurableApplicationContext second;

	@Autowired
	AdminFixtures fx;

	@Autowired
	MassSendExecutor executor;

	@BeforeAll
	static void startSecondInstance() {
		second = SecondAdminInstance.start();
	}

	@AfterAll
	static void stopSecondInstance() {
		if (second != null) {
			second.close();
		}
	}

	@Test
	void twoInstancesFiringTheSameDueSendAtOnceSendItOnce() throws Exception {
		MassSendTeam team = new MassSendTeam(this.fx);
		Instant slot = Instant.now().plusSeconds(4);
		long id = team.composeText("两个实例同时触发", slot).json().get("id").asLong();
		team.previewAndConfirm(id);
		MassSendExecutor other = second.getBean(MassSendExecutor.class);
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Boolean>> fired = new ArrayList<>();
			for (MassSendExecutor instance : List.of(this.executor, other, this.executor, other)) {
				fired.add(pool.submit(() -> {
					start.await();
					return instance.fire(id);
				}));
			}
			Thread.sleep(Math.max(0, Duration.between(Instant.now(), slot).toMillis()));
			start.countDown();
			int took = 0;
			for (Future<Boolean> f : fired) {
				took += f.get(20, TimeUnit.SECONDS) ? 1 : 0;
			}
			// The schedulers of both instances may have taken it first; either way once.
			assertThat(took).isLessThanOrEqualTo(1);
		}
		finally {
			pool.shutdownNow();
		}
		await().atMost(Duration.ofSeconds(10)).until(() -> List.of("SENT", "FINISHED").contains(team.status(id)));
		assertThat(SimulatorInitializer.simulator().sends(team.appId)).hasSize(1);
		assertThat(SimulatorInitializer.simulator().sendCalls(team.appId)).isEqualTo(1);
	}

}
