package io.wxops.admin.people;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The administrator created when the database has no person yet
 * ({@code wxops.admin.first-run}, described in {@code config/admin-api.example.yml}).
 *
 * @param username the first administrator's username
 * @param department the department created for them
 */
@ConfigurationProperties("wxops.admin.first-run")
public record FirstRunProperties(@DefaultValue("admin") String username, @DefaultValue("综合办公室") String department) {
}
