/**
 * Departments, people and their grants, and the first administrator on an empty database.
 * Ends a person's sessions through {@link io.wxops.admin.security.Sessions}.
 */
@ApplicationModule(displayName = "People and grants", allowedDependencies = { "security", "audit", "web" })
package io.wxops.admin.people;

import org.springframework.modulith.ApplicationModule;
