package io.wxops.admin.inbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import io.wxops.core.secret.Pseudonyms;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What tickets keep of a follower (README, "Follower data in tickets"). The record and
 * the texts are kept, as the reply rules require; the openid only while it may still be
 * needed to answer. Once a ticket is closed and its follower has left (unsubscribed), its
 * openid becomes the same keyed pseudonym the gateway gave the stored messages, so the
 * follower's records stay linkable to each other but not to the person. After the
 * retention ({@code wxops.admin.inbox.thread-retention}) a closed ticket's raw thread
 * ends: the texts and media of its entries and of their stored messages go, and its
 * openid becomes the pseudonym whether or not the follower left; the record (category,
 * department, dates, follow-up) stays.
 */
@Component
class TicketPrivacy {

	/** Tickets handled per run and step, so one run stays short. */
	static final int BATCH = 500;

	private final JdbcTemplate jdbc;

	private final Pseudonyms pseudonyms;

	private final TransactionTemplate tx;

	private final Clock clock;

	private final Duration retention;

	TicketPrivacy(JdbcTemplate jdbc, Pseudonyms pseudonyms, TransactionTemplate tx, Clock clock,
			@Value("${wxops.admin.inbox.thread-retention:1095d}") Duration retention) {
		this.jdbc = jdbc;
		this.pseudonyms = pseudonyms;
		this.tx = tx;
		this.clock = clock;
		this.retention = retention;
	}

	/**
	 * A ticket just closed (in the closing transaction): the pseudonym replaces its
	 * openid when the follower has left; returns the openid the ticket now has.
	 */
	String closed(Ticket t) {
		List<String> appIds = this.jdbc.queryForList("""
				SELECT a.app_id FROM wx_follower f JOIN wx_account a ON a.id = f.account_id
				 WHERE f.account_id = ? AND f.openid = ? AND f.subscribed = FALSE""", String.class, t.getAccountId(),
				t.getOpenid());
		if (appIds.isEmpty()) {
			return t.getOpenid();
		}
		String pseudonym = this.pseudonyms.of(appIds.get(0), t.getOpenid());
		this.jdbc.update("UPDATE inb_ticket SET openid = ? WHERE id = ?", pseudonym, t.getId());
		return pseudonym;
	}

	/**
	 * Closed tickets of followers who have left and still carry the openid: those closed
	 * before this version (pseudonymised at upgrade, on the first run) and any a race
	 * with an unsubscribe left behind.
	 */
	int pseudonymiseLeftFollowers() {
		List<Map<String, Object>> rows = this.jdbc.queryForList("""
				SELECT t.id, t.openid, a.app_id FROM inb_ticket t
				  JOIN wx_follower f ON f.account_id = t.account_id AND f.openid = t.openid
				  JOIN wx_account a ON a.id = t.account_id
				 WHERE t.status = ? AND f.subscribed = FALSE LIMIT ?""", TicketStatus.CLOSED.name(), BATCH);
		for (Map<String, Object> r : rows) {
			this.jdbc.update("UPDATE inb_ticket SET openid = ? WHERE id = ? AND openid = ?",
					this.pseudonyms.of((String) r.get("app_id"), (String) r.get("openid")), r.get("id"),
					r.get("openid"));
		}
		return rows.size();
	}

	/** Ends the raw thread of tickets closed longer than the retention ago. */
	int endThreads() {
		if (this.retention.isZero() || this.retention.isNegative()) {
			return 0;
		}
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		List<Map<String, Object>> due = this.jdbc.queryForList("""
				SELECT t.id, t.openid, a.app_id FROM inb_ticket t JOIN wx_account a ON a.id = t.account_id
				 WHERE t.status = ? AND t.closed_at < ? AND t.thread_ended_at IS NULL LIMIT ?""",
				TicketStatus.CLOSED.name(), Timestamp.from(now.minus(this.retention)), BATCH);
		for (Map<String, Object> r : due) {
			long id = ((Number) r.get("id")).longValue();
			String openid = (String) r.get("openid");
			String pseudonym = Pseudonyms.isPseudonym(openid) ? openid
					: this.pseudonyms.of((String) r.get("app_id"), openid);
			this.tx.executeWithoutResult((s) -> {
				this.jdbc.update("""
						UPDATE wx_inbound_message m JOIN inb_ticket_entry e ON e.inbound_message_id = m.id
						   SET m.content = NULL, m.event_key = NULL, m.fields = '{}', m.reply_xml = NULL,
						       m.from_user = ?, m.pseudonymised_at = COALESCE(m.pseudonymised_at, ?)
						 WHERE e.ticket_id = ?""", pseudonym, Timestamp.from(now), id);
				this.jdbc.update("""
						UPDATE inb_ticket_entry SET content = NULL, media_id = NULL, error_message = NULL
						 WHERE ticket_id = ? AND kind IN (?, ?)""", id, EntryKind.IN.name(), EntryKind.OUT.name());
				this.jdbc.update("UPDATE inb_ticket SET openid = ?, thread_ended_at = ? WHERE id = ?", pseudonym,
						Timestamp.from(now), id);
			});
		}
		return due.size();
	}

}
