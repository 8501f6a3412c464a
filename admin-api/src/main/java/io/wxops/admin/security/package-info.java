/**
 * Access control: who is calling ({@link io.wxops.admin.security.Caller}, their roles and
 * grants), the endpoint annotations and the interceptor that enforces them, and the
 * password policy. Sign-in itself is the session module, behind
 * {@link io.wxops.admin.security.Sessions}, so every feature can depend on this one.
 */
@ApplicationModule(displayName = "Access control", allowedDependencies = "web")
package io.wxops.admin.security;

import org.springframework.modulith.ApplicationModule;
