package io.wxops.admin.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

import io.wxops.admin.security.Caller;
import io.wxops.admin.web.Sha256;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends to the audit record in the caller's transaction, so an entry exists exactly
 * when its change was committed. Entries form a hash chain: each hash covers the entry's
 * content and the previous hash (see {@link #hashOf}). Since the cut-over the head
 * records, the hash is an HMAC under a key from configuration, so someone who can write
 * the database but has not the key cannot recompute the chain after an edit.
 *
 * <p>
 * Summaries are whatever the caller passes, serialised as JSON; callers pass views that
 * hold no secrets (credentials appear only as "set" and when).
 */
@Component
public class AuditTrail {

	/** The hash an empty chain starts from. */
	public static final String GENESIS = "0".repeat(64);

	private final AuditMapper mapper;

	private final JsonMapper json;

	private final Clock clock;

	private final AuditKeys keys;

	AuditTrail(AuditMapper mapper, JsonMapper json, Clock clock, AuditKeys keys) {
		this.mapper = mapper;
		this.json = json;
		this.clock = clock;
		this.keys = keys;
	}

	/**
	 * Records one action.
	 * @param caller who did it, with their roles and address
	 * @param action what was done, e.g. {@code ACCOUNT_CREATED}
	 * @param targetType the kind of thing changed, e.g. {@code ACCOUNT}
	 * @param targetId its id
	 * @param accountId the WeChat account it concerns, if any
	 * @param before summary before the change (null when created)
	 * @param after summary after the change (null when deleted)
	 * @return the entry appended
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public AuditEntry record(Caller caller, String action, String targetType, Object targetId, Long accountId,
			Object before, Object after) {
		AuditMapper.ChainHead head = this.mapper.lockHead();
		AuditEntry entry = new AuditEntry();
		entry.setSeq(head.lastSeq() + 1);
		entry.setOccurredAt(this.clock.instant().truncatedTo(ChronoUnit.MILLIS));
		entry.setPersonId(caller.isSystem() ? null : caller.personId());
		entry.setUsername(caller.username());
		entry.setRoles(caller.roleSummary());
		entry.setClientIp(caller.clientIp());
		entry.setAction(action);
		entry.setTargetType(targetType);
		entry.setTargetId((targetId != null) ? targetId.toString() : null);
		entry.setAccountId(accountId);
		entry.setBeforeState((before != null) ? this.json.writeValueAsString(before) : null);
		entry.setAfterState((after != null) ? this.json.writeValueAsString(after) : null);
		entry.setPrevHash(head.lastHash());
		// The head lock orders every instance's appends, so the cut-over read here is the
		// one every later verification uses.
		entry.setKeyId(this.keys.activeKeyId());
		entry.setHash(hashOf(entry, head.keyedFromSeq()));
		this.mapper.insert(entry);
		this.mapper.moveHead(entry.getSeq(), entry.getHash());
		return entry;
	}

	/**
	 * The hash an entry should carry: the HMAC under its key of its content, its key id
	 * and the cut-over, or for an entry before the cut-over (no key id) the plain SHA-256
	 * of its content. Null when the key ring lacks the entry's key.
	 */
	public String hashOf(AuditEntry e, Long keyedFromSeq) {
		if (e.getKeyId() == null) {
			return sha256Of(e);
		}
		StringBuilder text = contentOf(e);
		Sha256.appendField(text, e.getKeyId());
		Sha256.appendField(text, Objects.toString(keyedFromSeq, "\u0000"));
		return this.keys.mac(e.getKeyId(), text.toString()).orElse(null);
	}

	/** The id of the key new entries are hashed with. */
	String activeKeyId() {
		return this.keys.activeKeyId();
	}

	/** Whether the key ring holds this key id. */
	boolean knowsKey(String keyId) {
		return this.keys.mac(keyId, "").isPresent();
	}

	/**
	 * The SHA-256 of an entry's content and its predecessor's hash, as entries before the
	 * cut-over to keyed hashes carry it.
	 */
	public static String sha256Of(AuditEntry e) {
		return Sha256.hex(contentOf(e).toString());
	}

	/**
	 * An entry's content and its predecessor's hash in a text form in which every field
	 * is length-prefixed, so no two different entries share one.
	 */
	private static StringBuilder contentOf(AuditEntry e) {
		StringBuilder text = new StringBuilder();
		for (Object field : new Object[] { e.getSeq(), e.getOccurredAt(), e.getPersonId(), e.getUsername(),
				e.getRoles(), e.getClientIp(), e.getAction(), e.getTargetType(), e.getTargetId(), e.getAccountId(),
				e.getBeforeState(), e.getAfterState(), e.getPrevHash() }) {
			Sha256.appendField(text, (field instanceof Instant instant)
					? instant.truncatedTo(ChronoUnit.MILLIS).toString() : Objects.toString(field, "\u0000"));
		}
		return text;
	}

}
