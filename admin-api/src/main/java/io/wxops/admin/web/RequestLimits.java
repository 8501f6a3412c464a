package io.wxops.admin.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Largest request bodies, by endpoint class, under {@code wxops.admin.limits}; each is
 * described in {@code config/admin-api.example.yml}. A larger body is refused with a 413
 * problem before it is read, whether or not it states its length.
 *
 * @param signIn {@code POST /api/session}, {@code POST /api/session/console} and
 * {@code PUT /api/session/password}
 * @param json every other JSON call (an article's HTML body is below 1 MB by WeChat's
 * rule)
 * @param bulk the documented bulk calls: {@code POST /api/lexicon/terms} (50,000 terms)
 * and {@code POST /api/accounts/{id}/inbox-rules/bulk} (5,000 patterns)
 * @param upload multipart uploads (images); keep it at
 * {@code spring.servlet.multipart.max-request-size}
 */
@ConfigurationProperties("wxops.admin.limits")
public record RequestLimits(@DefaultValue("16KB") DataSize signIn, @DefaultValue("2MB") DataSize json,
		@DefaultValue("16MB") DataSize bulk, @DefaultValue("11MB") DataSize upload) {
}
