package io.wxops.gateway.reply;

import java.util.Optional;

import io.wxops.core.reply.AutoReplyRule;
import io.wxops.core.reply.AutoReplyRule.TriggerType;
import io.wxops.devkit.DevServersInitializer;
import io.wxops.devkit.simulator.FollowerSimulator.Delivery;
import io.wxops.devkit.simulator.SimulatedAccount.Mode;
import io.wxops.gateway.Fixtures;
import io.wxops.gateway.Fixtures.Registered;
import io.wxops.gateway.callback.ParsedCallback;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.ContextConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the reply cannot be built within the budget, WeChat gets "success" in time (the
 * message is already stored) instead of a timeout that shows the follower "service
 * unavailable".
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "wxops.gateway.reply-budget=300ms")
@ContextConfiguration(initializers = DevServersInitializer.class)
@Import({ Fixtures.class, ReplyBudgetIntegrationTests.SlowReplies.class })
class ReplyBudgetIntegrationTests {

	@Autowired
	Fixtures fixtures;

	@Test
	void slowReplyIsAbandonedForSuccessWithinTheBudget() {
		Registered account = this.fixtures.account(Mode.SAFE);
		AutoReplyRule rule = this.fixtures.addRule(account,
				AutoReplyRule.text(account.snapshot().id(), TriggerType.DEFAULT, "too late"));
		String openid = Fixtures.openid();
		// The first request of a fresh context pays for class loading; measure a warm
		// one.
		this.fixtures.simulator().deliver(account.wechat(), Fixtures.text(account, openid, "warm-up"), openid);

		long start = System.nanoTime();
		Delivery d = this.fixtures.simulator().deliver(account.wechat(), Fixtures.text(account, openid, "hi"), openid);
		long millis = (System.nanoTime() - start) / 1_000_000;

		assertThat(d.status()).isEqualTo(200);
		assertThat(d.attempts()).hasSize(1);
		assertThat(d.reply()).isEqualTo("success");
		// Well before the slow reply (4 s) and WeChat's 5 s deadline.
		assertThat(millis).isLessThan(2_500);
		assertThat(this.fixtures.messageCount(account)).isEqualTo(2);
		assertThat(this.fixtures.jdbc()
			.queryForList("SELECT reply_status FROM wx_inbound_message WHERE account_id = ?", String.class,
					account.snapshot().id()))
			.containsOnly("TIMED_OUT");
		assertThat(this.fixtures.jdbc()
			.queryForObject("SELECT hit_count FROM wx_auto_reply_rule WHERE id = ?", Long.class, rule.getId()))
			.isZero();
	}

	@TestConfiguration
	static class SlowReplies {

		@Bean
		@Primary
		ReplyComposer slowComposer(ReplyRuleCache cache) {
			return new ReplyComposer(cache) {
				@Override
				public Optional<ReplyDecision> decide(ParsedCallback callback) {
					try {
						Thread.sleep(4_000);
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
					}
					return super.decide(callback);
				}
			};
		}

	}

}
