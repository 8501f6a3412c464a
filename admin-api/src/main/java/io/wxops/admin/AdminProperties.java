package io.wxops.admin;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * admin-api settings under {@code wxops.admin}; each is described in
 * {@code config/admin-api.example.yml}.
 *
 * @param login sign-in, sessions and lockout
 * @param firstRun the administrator created when the database has no person yet
 */
@ConfigurationProperties("wxops.admin")
public record AdminProperties(@DefaultValue Login login, @DefaultValue FirstRun firstRun) {

	/**
	 * @param sessionLifetime how long a token is valid at most
	 * @param idleTimeout a token unused this long is no longer accepted
	 * @param maxFailures consecutive failed sign-ins that lock a person
	 * @param lockout how long the lock lasts
	 * @param minPasswordLength shortest password accepted
	 */
	public record Login(@DefaultValue("12h") Duration sessionLifetime, @DefaultValue("30m") Duration idleTimeout,
			@DefaultValue("5") int maxFailures, @DefaultValue("15m") Duration lockout,
			@DefaultValue("12") int minPasswordLength) {
	}

	/**
	 * @param username the first administrator's username
	 * @param department the department created for them
	 */
	public record FirstRun(@DefaultValue("admin") String username, @DefaultValue("综合办公室") String department) {
	}

}
