package io.wxops.local;

import java.util.Optional;

import javax.sql.DataSource;

import io.wxops.core.account.Account;
import io.wxops.core.account.AccountChangeNotifier;
import io.wxops.core.account.AccountRegistry;
import io.wxops.core.account.AccountSnapshot;
import io.wxops.core.account.AccountStatus;
import io.wxops.core.account.AccountType;
import io.wxops.core.account.InvalidAccountException;
import io.wxops.core.account.MessageMode;
import io.wxops.core.account.NewAccount;
import io.wxops.core.reply.AutoReplyRule;
import io.wxops.core.reply.AutoReplyRule.MatchMode;
import io.wxops.core.reply.AutoReplyRule.TriggerType;
import io.wxops.core.reply.AutoReplyRuleMapper;
import io.wxops.devkit.simulator.SimulatedAccount;
import io.wxops.local.LocalState.DemoSecrets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo account of the local run and its reply rules, registered through the gateway's
 * own beans so the data is exactly what the admin API will create. Seeding is idempotent:
 * an account that is already registered (a kept external database) is left as it is.
 */
final class DemoAccount {

	static final String APP_ID = "wxd000000000000001";

	static final String ORIGINAL_ID = "gh_demo00000001";

	static final String NAME = "示例学校公众号";

	static final String WELCOME_REPLY = "欢迎关注示例学校公众号！回复“你好”试试关键词自动回复；有投诉或建议，直接留言即可。";

	static final String HELLO_KEYWORD = "你好";

	static final String HELLO_REPLY = "你好！这里是示例学校公众号（本地模拟环境），很高兴为你服务。";

	static final String COMPLAINT_KEYWORD = "投诉";

	static final String COMPLAINT_REPLY = "您的投诉已收到，我们会转交相关部门处理，并在 3 个工作日内答复您。";

	static final String DEFAULT_REPLY = "消息已收到，工作人员会尽快回复。回复“你好”试试自动回复。";

	private static final Logger log = LoggerFactory.getLogger(DemoAccount.class);

	private DemoAccount() {
	}

	/**
	 * Registers the demo account and its rules unless the AppID is known, and returns
	 * WeChat's view of the account as it is in the database.
	 */
	static SimulatedAccount seed(ApplicationContext gateway, DemoSecrets secrets) {
		AccountRegistry registry = gateway.getBean(AccountRegistry.class);
		Optional<AccountSnapshot> existing = find(registry);
		if (existing.isPresent()) {
			log.info("Demo account {} already registered; leaving it and its rules as they are", APP_ID);
			return simulated(existing.get());
		}
		AutoReplyRuleMapper rules = gateway.getBean(AutoReplyRuleMapper.class);
		AccountChangeNotifier notifier = gateway.getBean(AccountChangeNotifier.class);
		// One transaction, so a crash between the account and its rules cannot leave
		// an account that is "already seeded" but answers nothing.
		TransactionTemplate tx = new TransactionTemplate(gateway.getBean(PlatformTransactionManager.class));
		try {
			AccountSnapshot account = tx.execute(status -> {
				AccountSnapshot registered = registry.register(
						new NewAccount(APP_ID, ORIGINAL_ID, NAME, AccountType.SERVICE, MessageMode.SAFE,
								secrets.token(), secrets.aesKey(), secrets.appSecret()),
						AccountStatus.ACTIVE, DemoAccount::fillRegistryForm);
				long id = registered.id();
				rules.insert(AutoReplyRule.text(id, TriggerType.SUBSCRIBE, WELCOME_REPLY));
				rules.insert(AutoReplyRule.keyword(id, MatchMode.EXACT, HELLO_KEYWORD, HELLO_REPLY));
				rules.insert(AutoReplyRule.keyword(id, MatchMode.CONTAINS, COMPLAINT_KEYWORD, COMPLAINT_REPLY));
				rules.insert(AutoReplyRule.text(id, TriggerType.DEFAULT, DEFAULT_REPLY));
				// The follower the simulator speaks as receives mass-send previews.
				new JdbcTemplate(gateway.getBean(DataSource.class)).update(
						"INSERT INTO wx_account_test_follower (account_id, openid, label, created_at) VALUES (?, ?, ?, NOW(3))",
						id, FollowerEndpoint.DEFAULT_OPENID, "demo follower");
				// The gateway caches rules per account; this announcement (sent after
				// the commit) drops the cache.
				notifier.accountChanged(APP_ID);
				return registered;
			});
			log.info("Registered demo account {} ({}) with 4 reply rules", APP_ID, NAME);
			return simulated(account);
		}
		catch (InvalidAccountException ex) {
			// Another launcher on the same database registered it a moment ago.
			return find(registry).map(DemoAccount::simulated).orElseThrow(() -> ex);
		}
	}

	/** The registration form's details, as a school office would file them. */
	private static void fillRegistryForm(Account row) {
		row.setWechatId("demo_school");
		row.setVerified(true);
		row.setVerifiedOn(java.time.LocalDate.of(2026, 3, 1));
		row.setResponsibleName("王主任");
		row.setResponsibleOfficePhone("010-62750000");
		row.setResponsibleMobile("13800000001");
		row.setResponsibleEmail("office@demo.example.edu.cn");
		row.setAdminName("李老师");
		row.setAdminOfficePhone("010-62750001");
		row.setAdminMobile("13800000002");
		row.setAdminEmail("media@demo.example.edu.cn");
		row.setAdminWechatId("demo_media_admin");
		row.setStatusReason("demo data");
		// One demo publisher: let them confirm their own preview (real accounts keep the
		// default, another publisher confirms).
		row.setSelfConfirmAllowed(true);
	}

	private static Optional<AccountSnapshot> find(AccountRegistry registry) {
		try {
			return registry.find(APP_ID);
		}
		catch (IllegalStateException ex) {
			throw new IllegalStateException("The demo account " + APP_ID + " is in the database but its secrets "
					+ "cannot be decrypted with this secret key. Start with the key it was registered with "
					+ "(WXOPS_SECRET_KEY or the local-secret-key file) or delete the account from the database.", ex);
		}
	}

	static SimulatedAccount simulated(AccountSnapshot account) {
		return new SimulatedAccount(account.appId(), account.originalId(), account.token(), account.aesKey(),
				SimulatedAccount.Mode.valueOf(account.mode().name()));
	}

}
