package io.wxops.admin.audit;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.toolkit.Wrappers;
import io.wxops.admin.security.Caller;
import io.wxops.admin.security.Role;
import io.wxops.admin.web.PageRequest;
import io.wxops.admin.web.PageResult;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.StringNode;

import org.springframework.stereotype.Service;

/**
 * Reads the audit record, newest first. A caller whose AUDITOR or ADMIN grants cover only
 * some accounts sees only those accounts' entries; entries that concern no account
 * (people, departments, sign-ins) only callers whose grants cover every account.
 */
@Service
public class AuditQueryService {

	/** The most rows one export returns. */
	public static final int EXPORT_LIMIT = 100_000;

	private static final int BATCH = 1000;

	private static final Role[] READERS = { Role.AUDITOR, Role.ADMIN };

	private final AuditMapper mapper;

	private final JsonMapper json;

	public AuditQueryService(AuditMapper mapper, JsonMapper json) {
		this.mapper = mapper;
		this.json = json;
	}

	public PageResult<AuditView> search(Caller caller, AuditFilter filter, PageRequest page) {
		LambdaQueryWrapper<AuditEntry> where = where(caller, filter);
		if (where == null) {
			return new PageResult<>(List.of(), page.page(), page.size(), 0);
		}
		return page.result(this.mapper.selectPage(page.toPage(), where.orderByDesc(AuditEntry::getSeq)))
			.map(this::view);
	}

	/** How many entries the filter selects for this caller. */
	public long count(Caller caller, AuditFilter filter) {
		LambdaQueryWrapper<AuditEntry> where = where(caller, filter);
		return (where != null) ? this.mapper.selectCount(where) : 0;
	}

	/**
	 * Passes at most {@code limit} selected entries to {@code sink}, newest first,
	 * reading them in batches so that no more than one batch is held at a time.
	 */
	public void forEach(Caller caller, AuditFilter filter, int limit, Consumer<AuditView> sink) {
		Long below = null;
		int sent = 0;
		while (sent < limit) {
			LambdaQueryWrapper<AuditEntry> where = where(caller, filter);
			if (where == null) {
				return;
			}
			int wanted = Math.min(BATCH, limit - sent);
			where.lt(below != null, AuditEntry::getSeq, below).orderByDesc(AuditEntry::getSeq).last("LIMIT " + wanted);
			List<AuditEntry> rows = this.mapper.selectList(where);
			for (AuditEntry row : rows) {
				sink.accept(view(row));
			}
			sent += rows.size();
			if (rows.size() < wanted) {
				return;
			}
			below = rows.get(rows.size() - 1).getSeq();
		}
	}

	/** The conditions for this caller and filter, or null when nothing can match. */
	private LambdaQueryWrapper<AuditEntry> where(Caller caller, AuditFilter f) {
		Optional<Set<Long>> scope = caller.accountScope(READERS);
		if (f.accountId() != null) {
			caller.require(f.accountId(), READERS);
		}
		if (scope.isPresent() && scope.get().isEmpty()) {
			return null;
		}
		return Wrappers.<AuditEntry>lambdaQuery()
			.in(scope.isPresent(), AuditEntry::getAccountId, scope.orElse(Set.of()))
			.eq(f.personId() != null, AuditEntry::getPersonId, f.personId())
			.eq(f.username() != null, AuditEntry::getUsername, f.username())
			.eq(f.accountId() != null, AuditEntry::getAccountId, f.accountId())
			.eq(f.action() != null, AuditEntry::getAction, f.action())
			.eq(f.targetType() != null, AuditEntry::getTargetType, f.targetType())
			.ge(f.from() != null, AuditEntry::getOccurredAt, f.from())
			.lt(f.to() != null, AuditEntry::getOccurredAt, f.to());
	}

	AuditView view(AuditEntry e) {
		return new AuditView(e.getSeq(), e.getOccurredAt(), e.getPersonId(), e.getUsername(), e.getRoles(),
				e.getClientIp(), e.getAction(), e.getTargetType(), e.getTargetId(), e.getAccountId(),
				embedded(e.getBeforeState()), embedded(e.getAfterState()), e.getHash(), e.getPrevHash());
	}

	/**
	 * The stored summary as JSON; text that is not JSON (it never should be) as a string.
	 */
	private JsonNode embedded(String text) {
		if (text == null) {
			return null;
		}
		try {
			return this.json.readTree(text);
		}
		catch (JacksonException ex) {
			return StringNode.valueOf(text);
		}
	}

}
