package io.wxops.admin.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in, sessions and lockout ({@code wxops.admin.login}, described in
 * {@code config/admin-api.example.yml}).
 *
 * @param sessionLifetime how long a token is valid at most
 * @param idleTimeout a token unused this long is no longer accepted
 * @param maxFailures consecutive failed sign-ins that lock a person
 * @param lockout how long the lock lasts
 * @param minPasswordLength shortest password accepted
 */
@ConfigurationProperties("wxops.admin.login")
public record LoginProperties(@DefaultValue("12h") Duration sessionLifetime, @DefaultValue("30m") Duration idleTimeout,
		@DefaultValue("5") int maxFailures, @DefaultValue("15m") Duration lockout,
		@DefaultValue("12") int minPasswordLength) {
}
