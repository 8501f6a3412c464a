/**
 * The hash-chained audit record: {@link io.wxops.admin.audit.AuditTrail} appends an entry
 * in the caller's transaction; queries, exports, verification and signed checkpoints.
 */
@ApplicationModule(displayName = "Audit record", allowedDependencies = { "security", "web" })
package io.wxops.admin.audit;

import org.springframework.modulith.ApplicationModule;
