package io.wxops.admin.inbox;

import io.wxops.admin.AdminFixtures;
import io.wxops.admin.SimulatorInitializer;
import io.wxops.devkit.simulator.WeChatApiSimulator;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the inbox's integration tests share: the admin fixtures, the database and the
 * simulated WeChat API (one cached context for all of them).
 */
abstract class InboxTestSupport {

	@Autowired
	AdminFixtures fx;

	@Autowired
	JdbcTemplate jdbc;

	final WeChatApiSimulator wechat = SimulatorInitializer.simulator();

	/** A team of departments, handlers and rules on a new account. */
	InboxTeam team() {
		return new InboxTeam(this.fx, this.jdbc);
	}

}
