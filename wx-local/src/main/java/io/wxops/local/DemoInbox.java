package io.wxops.local;

import java.util.Map;

import io.wxops.core.inbox.Category;
import io.wxops.admin.inbox.InboxSettingsService;
import io.wxops.admin.inbox.InboxSettingsService.RouteView;
import io.wxops.admin.inbox.InboxSettingsService.RuleRequest;
import io.wxops.admin.inbox.InboxSettingsService.Settings;
import io.wxops.admin.security.Caller;
import io.wxops.admin.web.PageRequest;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Sets up the demo account's inbox through admin-api's own service, as an administrator
 * would through {@code PUT /api/accounts/{id}/inbox-settings} and {@code POST
 * /api/accounts/{id}/inbox-rules}: the demo office (综合办公室) as central office, complaints
 * to the demo handler's 客服中心, and two keyword rules. Idempotent: the local run calls it
 * on every start, and tests and the inbox benchmark call it again.
 */
public final class DemoInbox {

	public static final String ACK_TEXT = "您好，已收到您的留言，我们会在规定时间内答复。";

	private DemoInbox() {
	}

	/** The demo account's id, its central office and its customer-service department. */
	public record Setup(long accountId, long office, long service) {
	}

	public static Setup configure(ApplicationContext admin) {
		JdbcTemplate jdbc = admin.getBean(JdbcTemplate.class);
		long account = jdbc.queryForObject("SELECT id FROM wx_account WHERE app_id = ?", Long.class,
				DemoAccount.APP_ID);
		long office = department(jdbc, "office");
		long service = department(jdbc, "customer-service");
		InboxSettingsService settings = admin.getBean(InboxSettingsService.class);
		Caller system = Caller.system("demo-inbox");
		// Once: an administrator's later changes to the demo inbox are kept across
		// starts.
		Long central = jdbc.queryForObject("SELECT central_office_department_id FROM wx_account WHERE id = ?",
				Long.class, account);
		if (central == null) {
			settings.update(system, account, new Settings(ACK_TEXT, office, Map.of(Category.COMPLAINT,
					new RouteView(service, 3), Category.SUGGESTION, new RouteView(office, 5)), null));
		}
		if (settings.rules(system, account, null, null, null, PageRequest.of(0, 1)).total() == 0) {
			settings.addRule(system, account, new RuleRequest("KEYWORD", "投诉", Category.COMPLAINT, null, 10));
			settings.addRule(system, account, new RuleRequest("KEYWORD", "建议", Category.SUGGESTION, null, 5));
		}
		return new Setup(account, office, service);
	}

	private static long department(JdbcTemplate jdbc, String code) {
		return jdbc.queryForObject("SELECT id FROM adm_department WHERE code = ?", Long.class, code);
	}

}
