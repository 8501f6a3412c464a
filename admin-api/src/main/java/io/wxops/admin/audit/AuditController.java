package io.wxops.admin.audit;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wxops.admin.audit.AuditVerifier.Verification;
import io.wxops.admin.security.Allow;
import io.wxops.admin.security.Caller;
import io.wxops.admin.security.Role;
import io.wxops.admin.web.Csv;
import io.wxops.admin.web.PageRequest;
import io.wxops.admin.web.PageResult;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Pattern;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Audit",
		description = "The audit record (存档备查): one hash-chained entry per state-changing action. Readable by "
				+ "AUDITOR and ADMIN; a reader whose grants cover only some accounts sees only those accounts' "
				+ "entries.")
class AuditController {

	static final String LIMIT_HEADER = "X-Export-Limit";

	static final String TOTAL_HEADER = "X-Export-Total";

	static final String TRUNCATED_HEADER = "X-Export-Truncated";

	private static final DateTimeFormatter FILE_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
		.withZone(ZoneOffset.UTC);

	private static final String FILTERS = " Filters, all optional: personId, username (exact), accountId, action, "
			+ "targetType, from (inclusive) and to (exclusive) as ISO-8601 instants such as 2026-01-31T16:00:00Z; "
			+ "'to' before 'from' gets 400.";

	private final AuditQueryService query;

	private final AuditVerifier verifier;

	private final AuditCheckpoints checkpoints;

	private final JsonMapper json;

	private final Clock clock;

	AuditController(AuditQueryService query, AuditVerifier verifier, AuditCheckpoints checkpoints, JsonMapper json,
			Clock clock) {
		this.query = query;
		this.verifier = verifier;
		this.checkpoints = checkpoints;
		this.json = json;
		this.clock = clock;
	}

	@GetMapping("/api/audit")
	@Allow({ Role.AUDITOR, Role.ADMIN })
	@Operation(summary = "Search the audit record",
			description = "Newest first, paginated (page from 0, size 1 to 200)." + FILTERS
					+ " Entries that concern no account (people, departments, sign-ins) are shown only to callers "
					+ "whose grants cover every account; asking for an account outside your grants gets 403.")
	PageResult<AuditView> search(Caller caller, @RequestParam(required = false) Long personId,
			@RequestParam(required = false) String username, @RequestParam(required = false) Long accountId,
			@RequestParam(required = false) String action, @RequestParam(required = false) String targetType,
			@RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		AuditFilter filter = new AuditFilter(personId, username, accountId, action, targetType, from, to);
		return this.query.search(caller, filter, PageRequest.of(page, size));
	}

	@GetMapping("/api/audit/export")
	@Allow({ Role.AUDITOR, Role.ADMIN })
	@Operation(summary = "Export the audit record",
			description = "The selected entries, newest first, as a download: format=csv (default; UTF-8 with a BOM so "
					+ "Excel shows Chinese correctly, a header row, RFC 4180 quoting, text that would start a "
					+ "spreadsheet formula prefixed with an apostrophe) or format=json (an array of the same items "
					+ "as the search, values unaltered). At most " + AuditQueryService.EXPORT_LIMIT
					+ " entries: the headers " + LIMIT_HEADER + ", " + TOTAL_HEADER + " (how many the filters select) "
					+ "and " + TRUNCATED_HEADER + " (true when the export was cut at the limit) say so; narrow the "
					+ "time range to get the rest." + FILTERS,
			responses = @ApiResponse(responseCode = "200", description = "The file",
					content = { @Content(mediaType = "text/csv", schema = @Schema(type = "string")),
							@Content(mediaType = "application/json",
									array = @ArraySchema(schema = @Schema(implementation = AuditView.class))) }))
	void export(Caller caller,
			@Parameter(description = "csv or json") @RequestParam(defaultValue = "csv") @Pattern(regexp = "csv|json",
					flags = Pattern.Flag.CASE_INSENSITIVE, message = "format must be csv or json") String format,
			@RequestParam(required = false) Long personId, @RequestParam(required = false) String username,
			@RequestParam(required = false) Long accountId, @RequestParam(required = false) String action,
			@RequestParam(required = false) String targetType, @RequestParam(required = false) Instant from,
			@RequestParam(required = false) Instant to, HttpServletResponse response) throws IOException {
		boolean csv = "csv".equalsIgnoreCase(format);
		AuditFilter filter = new AuditFilter(personId, username, accountId, action, targetType, from, to);
		long total = this.query.count(caller, filter);
		String name = "audit-" + FILE_STAMP.format(this.clock.instant()) + (csv ? ".csv" : ".json");
		response.setContentType(csv ? "text/csv; charset=UTF-8" : "application/json");
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(name).build().toString());
		response.setHeader(LIMIT_HEADER, Integer.toString(AuditQueryService.EXPORT_LIMIT));
		response.setHeader(TOTAL_HEADER, Long.toString(total));
		response.setHeader(TRUNCATED_HEADER, Boolean.toString(total > AuditQueryService.EXPORT_LIMIT));
		Writer out = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
		try {
			if (csv) {
				writeCsv(caller, filter, out);
			}
			else {
				writeJson(caller, filter, out);
			}
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
		out.flush();
	}

	private void writeCsv(Caller caller, AuditFilter filter, Writer out) throws IOException {
		out.write('\uFEFF');
		Csv.writeRecord(out, "seq", "occurredAt", "personId", "username", "roles", "clientIp", "action", "targetType",
				"targetId", "accountId", "before", "after", "hash", "prevHash");
		this.query.forEach(caller, filter, AuditQueryService.EXPORT_LIMIT, (v) -> {
			try {
				Csv.writeRecord(out, v.seq(), v.occurredAt(), v.personId(), v.username(), v.roles(), v.clientIp(),
						v.action(), v.targetType(), v.targetId(), v.accountId(),
						(v.before() != null) ? this.json.writeValueAsString(v.before()) : null,
						(v.after() != null) ? this.json.writeValueAsString(v.after()) : null, v.hash(), v.prevHash());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
	}

	private void writeJson(Caller caller, AuditFilter filter, Writer out) throws IOException {
		out.write('[');
		boolean[] first = { true };
		this.query.forEach(caller, filter, AuditQueryService.EXPORT_LIMIT, (v) -> {
			try {
				if (!first[0]) {
					out.write(",\n");
				}
				first[0] = false;
				out.write(this.json.writeValueAsString(v));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
		out.write("]\n");
	}

	@GetMapping("/api/audit/verify")
	@Allow({ Role.AUDITOR, Role.ADMIN })
	@Operation(summary = "Verify the audit record",
			description = "Walks the whole hash chain in order: recomputes each entry's hash (HMAC-SHA256 under the "
					+ "key its keyId names, from the cut-over the chain's head records; plain SHA-256 before it), "
					+ "checks that each entry "
					+ "links to its predecessor, that sequence numbers run from 1 without gaps, and that the last "
					+ "entry is the one the chain's head records (so deleting the newest entries shows). Reports the "
					+ "first break found. Reading changes nothing and is not itself recorded. Needs AUDITOR or ADMIN on "
					+ "every account.")
	Verification verify(Caller caller) {
		caller.requireEverywhere(Role.AUDITOR, Role.ADMIN);
		return this.verifier.verify();
	}

	@GetMapping("/api/audit/public-key")
	@Allow({ Role.AUDITOR, Role.ADMIN })
	@Operation(summary = "The public key of audit checkpoints",
			description = "The Ed25519 key checkpoints are signed with, for verifying them outside the system.")
	AuditCheckpoints.PublicKey publicKey() {
		return this.checkpoints.publicKey();
	}

	@GetMapping("/api/audit/checkpoint")
	@Allow({ Role.AUDITOR, Role.ADMIN })
	@Operation(summary = "A signed daily checkpoint of the audit record",
			description = "Where the chain stood at the end of a UTC day (date, default yesterday; today gives the "
					+ "chain so far, complete=false): the last entry before midnight and its hash, signed with "
					+ "Ed25519 over the message returned. Keep it outside the system: a checkpoint of the same past "
					+ "day fetched later must be identical, and its signature must verify under GET "
					+ "/api/audit/public-key; otherwise history was rewritten. The chain is verified first; a broken "
					+ "record gets 409 and no signature. A future date gets 400. Needs AUDITOR or ADMIN on every "
					+ "account.")
	AuditCheckpoints.Checkpoint checkpoint(Caller caller,
			@Parameter(description = "A UTC day, such as 2026-01-31") @RequestParam(required = false) LocalDate date) {
		caller.requireEverywhere(Role.AUDITOR, Role.ADMIN);
		return this.checkpoints.checkpoint(date);
	}

}
