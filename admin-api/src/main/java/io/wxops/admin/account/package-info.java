/**
 * The account registry (登记表): registration, details and policies, lifecycle, re-filings,
 * annual reviews, test followers and exports. Other features use
 * {@link io.wxops.admin.account.AccountAccess} to ask whether a caller may see an
 * account.
 */
@ApplicationModule(displayName = "Account registry", allowedDependencies = { "security", "people", "audit", "web" })
package io.wxops.admin.account;

import org.springframework.modulith.ApplicationModule;
