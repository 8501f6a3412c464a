package io.wxops.admin.audit;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.JsonNode;

/**
 * One audit entry as the API shows it: the before and after summaries are embedded JSON,
 * not strings.
 */
@Schema(description = "One entry of the audit record.")
public record AuditView(@Schema(description = "Position in the hash chain, gap-free from 1") long seq,
		Instant occurredAt, @Schema(description = "Null when the system itself acted") Long personId, String username,
		@Schema(description = "The roles held for the action, as ROLE@account[/department], '*' for every account") String roles,
		String clientIp, @Schema(example = "DEPARTMENT_CREATED") String action,
		@Schema(example = "DEPARTMENT") String targetType, String targetId,
		@Schema(description = "The WeChat account concerned; null for people and departments") Long accountId,
		@Schema(type = "object", description = "Summary before the change; null when created") JsonNode before,
		@Schema(type = "object", description = "Summary after the change; null when deleted") JsonNode after,
		@Schema(description = "SHA-256 over the entry and prevHash") String hash,
		@Schema(description = "The previous entry's hash (64 zeros for the first)") String prevHash) {

}
