/**
 * Sign-in, bearer tokens, lockout and password changes: implements
 * {@link io.wxops.admin.security.Sessions} for access control.
 */
@ApplicationModule(displayName = "Sign-in and sessions", allowedDependencies = { "security", "people", "audit", "web" })
package io.wxops.admin.session;

import org.springframework.modulith.ApplicationModule;
