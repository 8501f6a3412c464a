package io.wxops.devkit;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

import static org.assertj.core.api.Assertions.assertThat;

class DevServersTests {

	@Test
	void startsRealServersThatAnswer() throws Exception {
		DevServers servers = DevServers.forTests();
		try (Connection c = servers.connect();
				Statement st = c.createStatement();
				ResultSet rs = st.executeQuery("SELECT DATABASE(), VERSION()")) {
			assertThat(rs.next()).isTrue();
			assertThat(rs.getString(1)).startsWith("wxops_t_");
			assertThat(rs.getString(2)).isNotBlank();
		}
		try (Jedis jedis = new Jedis(servers.redisHost(), servers.redisPort())) {
			assertThat(jedis.ping()).isEqualTo("PONG");
		}
	}

	@Test
	void jdbcUrlDatabaseCanBeSwapped() {
		assertThat(DevServers.withDatabase("jdbc:mysql://h:3306/wxops?x=1", "other"))
			.isEqualTo("jdbc:mysql://h:3306/other?x=1");
		assertThat(DevServers.withDatabase("jdbc:mysql://h:3306", "db")).isEqualTo("jdbc:mysql://h:3306/db");
		assertThat(DevServers.databaseOf("jdbc:mysql://h:3306/abc?x=1")).isEqualTo("abc");
	}

}
