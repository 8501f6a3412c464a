/**
 * Shared web infrastructure every feature uses: the problem catalogue and its answers,
 * request limits, security headers, paging and CSV helpers. It depends on no feature.
 */
@ApplicationModule(displayName = "Web (shared)", allowedDependencies = {})
package io.wxops.admin.web;

import org.springframework.modulith.ApplicationModule;
