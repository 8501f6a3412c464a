package io.wxops.admin.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * A prepared history written straight into the tables the reports read (sends, tickets
 * and their threads, follow-ups), so the figures can be checked against hand-computed
 * expectations. Timestamps are written as UTC text, as the columns hold them.
 */
final class ReportHistory {

	private final JdbcTemplate jdbc;

	private final long personId;

	ReportHistory(JdbcTemplate jdbc, long personId) {
		this.jdbc = jdbc;
		this.personId = personId;
	}

	static String utc(Instant at) {
		return (at == null) ? null : LocalDateTime.ofInstant(at, ZoneOffset.UTC).toString().replace('T', ' ');
	}

	/** Sets an account's zone and makes it ACTIVE. */
	void account(long accountId, String zone) {
		this.jdbc.update("UPDATE wx_account SET time_zone = ?, status = 'ACTIVE' WHERE id = ?", zone, accountId);
	}

	/** A send FINISHED on the local day with {@code sent} recipients; returns its id. */
	long finishedSend(long accountId, LocalDate day, Instant at, Integer sent) {
		return send(accountId, day, at, "FINISHED", sent, null, null, null);
	}

	long send(long accountId, LocalDate day, Instant at, String status, Integer sent, String copyright,
			Integer errorCode, String errorMessage) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.update((c) -> {
			var ps = c.prepareStatement(
					"""
							INSERT INTO ms_send (account_id, kind, text_content, audience, send_ignore_reprint, slot_at, local_day,
							  status, content_hash, client_msg_id, total_count, filter_count, sent_count, error_count,
							  copyright_result, error_code, error_message, accepted_at, finished_at, composed_by, version,
							  created_at, updated_at)
							VALUES (?, 'TEXT', 'report test', 'ALL', FALSE, ?, ?, ?, REPEAT('a', 64), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
							  ?, 1, ?, ?)""",
					java.sql.Statement.RETURN_GENERATED_KEYS);
			ps.setString(1, String.valueOf(accountId));
			ps.setString(2, utc(at));
			ps.setString(3, day.toString());
			ps.setString(4, status);
			ps.setString(5, UUID.randomUUID().toString());
			ps.setObject(6, (sent == null) ? null : sent + 2);
			ps.setObject(7, (sent == null) ? null : 1);
			ps.setObject(8, sent);
			ps.setObject(9, (sent == null) ? null : 1);
			ps.setString(10, copyright);
			ps.setObject(11, errorCode);
			ps.setString(12, errorMessage);
			ps.setString(13, "FAILED".equals(status) ? null : utc(at));
			ps.setString(14, "FINISHED".equals(status) ? utc(at.plusSeconds(60)) : null);
			ps.setLong(15, this.personId);
			ps.setString(16, utc(at));
			ps.setString(17, utc(at));
			return ps;
		}, keys);
		return keys.getKey().longValue();
	}

	/** A ticket builder: the follower wrote at {@code first}. */
	Ticket ticket(long accountId, String category, Instant first, int slaDays) {
		return new Ticket(accountId, category, first, slaDays);
	}

	final class Ticket {

		final long accountId;

		final String category;

		final Instant first;

		Instant due;

		Instant acknowledged;

		Instant ackDue;

		Instant escalated;

		Instant resolved;

		boolean closed;

		String status = "NEW";

		Ticket(long accountId, String category, Instant first, int slaDays) {
			this.accountId = accountId;
			this.category = category;
			this.first = first;
			this.due = first.plus(java.time.Duration.ofDays(slaDays));
		}

		Ticket acknowledged(Instant at) {
			this.acknowledged = at;
			if ("NEW".equals(this.status)) {
				this.status = "ACKNOWLEDGED";
			}
			return this;
		}

		Ticket ackDue(Instant at) {
			this.ackDue = at;
			return this;
		}

		Ticket escalated(Instant at) {
			this.escalated = at;
			return this;
		}

		Ticket status(String status) {
			this.status = status;
			return this;
		}

		Ticket resolved(Instant at) {
			this.resolved = at;
			this.status = "RESOLVED";
			return this;
		}

		Ticket closed() {
			this.closed = true;
			this.status = "CLOSED";
			return this;
		}

		/**
		 * Stores it (and the acknowledgement's entry when acknowledged); returns its id.
		 */
		long save() {
			GeneratedKeyHolder keys = new GeneratedKeyHolder();
			String openid = "o_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
			ReportHistory.this.jdbc.update((c) -> {
				var ps = c.prepareStatement("""
						INSERT INTO inb_ticket (account_id, openid, category, status, hidden, ack_status, ack_due_at,
						  acknowledged_at, due_at, escalated_at, first_message_at, last_message_at, resolved_at,
						  closed_at, version, created_at, updated_at)
						VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)""",
						java.sql.Statement.RETURN_GENERATED_KEYS);
				ps.setLong(1, this.accountId);
				ps.setString(2, openid);
				ps.setString(3, this.category);
				ps.setString(4, this.status);
				ps.setBoolean(5, "MALICIOUS".equals(this.category));
				ps.setString(6, (this.acknowledged != null) ? "SENT" : null);
				ps.setString(7, utc(this.ackDue));
				ps.setString(8, utc(this.acknowledged));
				ps.setString(9, utc(this.due));
				ps.setString(10, utc(this.escalated));
				ps.setString(11, utc(this.first));
				ps.setString(12, utc(this.first));
				ps.setString(13, utc(this.resolved));
				ps.setString(14, this.closed ? utc(this.resolved.plusSeconds(3600)) : null);
				ps.setString(15, utc(this.first));
				ps.setString(16, utc(this.first));
				return ps;
			}, keys);
			long id = keys.getKey().longValue();
			entry(id, "IN", null, null, this.first);
			if (this.acknowledged != null) {
				entry(id, "OUT", null, "DELIVERED", this.acknowledged);
			}
			if (this.closed) {
				ReportHistory.this.jdbc.update(
						"INSERT INTO inb_followup (ticket_id, method, result, satisfied, recorded_by, recorded_at)"
								+ " VALUES (?, 'PHONE', '满意', TRUE, ?, ?)",
						id, ReportHistory.this.personId, utc(this.resolved.plusSeconds(3600)));
			}
			return id;
		}

	}

	/**
	 * A human reply (person set) with its delivery, or the acknowledgement (person null).
	 */
	void reply(long ticketId, Instant at, String delivery) {
		entry(ticketId, "OUT", this.personId, delivery, at);
	}

	private void entry(long ticketId, String kind, Long person, String delivery, Instant at) {
		this.jdbc.update(
				"INSERT INTO inb_ticket_entry (ticket_id, kind, person_id, msg_type, content, delivery,"
						+ " created_at) VALUES (?, ?, ?, 'text', 'x', ?, ?)",
				ticketId, kind, person, delivery, utc(at));
	}

}
