package io.wxops.admin.console;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The console's settings under {@code wxops.admin.console}; described in
 * {@code config/admin-api.example.yml}.
 *
 * @param allowedOrigins origins (scheme://host[:port]) besides the server's own whose
 * cookie-authenticated state-changing requests are accepted when the browser sends no
 * {@code Sec-Fetch-Site}
 * @param location where the built console is read from (index.html and assets/)
 */
@ConfigurationProperties("wxops.admin.console")
public record ConsoleProperties(@DefaultValue List<String> allowedOrigins,
		@DefaultValue("classpath:/console/") String location) {

}
