package io.wxops.admin.inbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.baomidou.mybatisplus.core.toolkit.Wrappers;
import io.wxops.core.account.Account;
import io.wxops.core.account.AccountMapper;
import io.wxops.core.inbox.Category;
import io.wxops.core.inbox.InboxRuleMapper;
import io.wxops.core.inbox.RuleSet;
import io.wxops.core.inbox.RuleSet.Classification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Files follower messages the gateway stored into tickets. Each message is taken by
 * setting its {@code routed_at} in the same transaction that files it, so it is routed
 * exactly once by any number of admin instances, and one that is down only delays
 * routing: nothing is lost. A new ticket gets the account's acknowledgement.
 */
@Component
public class InboxRouter {

	private static final Logger log = LoggerFactory.getLogger(InboxRouter.class);

	private final InboundMapper inbound;

	private final TicketMapper tickets;

	private final TicketEntryMapper entries;

	private final InboxRuleMapper rules;

	private final RouteMapper routes;

	private final AccountMapper accounts;

	private final Acknowledgements acks;

	private final JsonMapper json;

	private final TransactionTemplate tx;

	private final Clock clock;

	InboxRouter(InboundMapper inbound, TicketMapper tickets, TicketEntryMapper entries, InboxRuleMapper rules,
			RouteMapper routes, AccountMapper accounts, Acknowledgements acks, JsonMapper json, TransactionTemplate tx,
			Clock clock) {
		this.inbound = inbound;
		this.tickets = tickets;
		this.entries = entries;
		this.rules = rules;
		this.routes = routes;
		this.accounts = accounts;
		this.acks = acks;
		this.json = json;
		this.tx = readCommitted(tx);
		this.clock = clock;
	}

	/**
	 * Routing transactions read committed. Under MariaDB's default (repeatable read) the
	 * locking read of a ticket that does not exist yet takes a gap lock, and two routers
	 * opening tickets for different followers in the same gap then deadlock on their
	 * inserts. Exactly once does not need the gap locks: the messages are taken under row
	 * locks, and the one open ticket is the unique open key.
	 */
	private static TransactionTemplate readCommitted(TransactionTemplate tx) {
		TransactionTemplate template = new TransactionTemplate(tx.getTransactionManager(), tx);
		template.setIsolationLevel(org.springframework.transaction.TransactionDefinition.ISOLATION_READ_COMMITTED);
		return template;
	}

	/** The routing transactions (tests check their isolation against a deadlock). */
	TransactionTemplate transactions() {
		return this.tx;
	}

	/**
	 * Followers are split over a few routing threads by their openid, so one follower's
	 * messages stay in order on one thread and two threads never lock the same ticket.
	 * Routing waits on the database most of the time, so the threads overlap well.
	 */
	static final int PARTITIONS = 4;

	private final java.util.concurrent.ExecutorService workers = java.util.concurrent.Executors.newFixedThreadPool(
			PARTITIONS, new org.springframework.scheduling.concurrent.CustomizableThreadFactory("inbox-route-"));

	@jakarta.annotation.PreDestroy
	void stop() {
		this.workers.shutdown();
		try {
			this.workers.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Messages filed in one transaction. One commit per message was most of routing's
	 * cost under load; a chunk is still short enough that its messages show up in the
	 * queues within a fraction of a second.
	 */
	static final int CHUNK = 50;

	/** Routes what is waiting, oldest first; returns how many messages it filed. */
	public int routePending() {
		// Accounts, rules and routes read once per run, not once per message: a run
		// takes a fraction of a second, and a change made meanwhile applies from the
		// next run.
		RunCache cache = new RunCache();
		List<Map<String, Object>> waiting = this.inbound.unroutedWithSender(1000);
		List<List<Long>> partitions = new ArrayList<>();
		for (int i = 0; i < PARTITIONS; i++) {
			partitions.add(new ArrayList<>());
		}
		for (Map<String, Object> m : waiting) {
			String sender = String.valueOf(m.get("from_user"));
			partitions.get(Math.floorMod(sender.hashCode(), PARTITIONS)).add(((Number) m.get("id")).longValue());
		}
		List<java.util.concurrent.Future<Integer>> runs = new ArrayList<>();
		for (List<Long> ids : partitions) {
			if (!ids.isEmpty()) {
				runs.add(this.workers.submit(() -> routeAll(ids, cache)));
			}
		}
		int filed = 0;
		for (java.util.concurrent.Future<Integer> run : runs) {
			try {
				filed += run.get();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
			catch (java.util.concurrent.ExecutionException ex) {
				// What was not filed stays unrouted for the next run.
				log.warn("Routing a partition failed this time: {}", ex.getCause().toString());
			}
		}
		return filed;
	}

	/** Routes one partition's messages in chunks, in order. */
	private int routeAll(List<Long> ids, RunCache cache) {
		int filed = 0;
		for (int from = 0; from < ids.size(); from += CHUNK) {
			List<Long> chunk = ids.subList(from, Math.min(from + CHUNK, ids.size()));
			List<Long> opened = new ArrayList<>();
			Integer n;
			try {
				n = this.tx.execute((status) -> routeChunk(chunk, cache, opened));
			}
			catch (RuntimeException ex) {
				// Rolled back, so none of the chunk is taken: a message that cannot be
				// filed, or a deadlock with another instance. One at a time, so the
				// others still go (and a failing one fails alone, as it always did).
				log.debug("Routing a chunk of {} failed, routing them one by one: {}", chunk.size(), ex.toString());
				opened.clear();
				n = 0;
				for (long id : chunk) {
					Long newTicket;
					try {
						newTicket = this.tx.execute((status) -> route(id, cache));
					}
					catch (RuntimeException one) {
						// This one stays unrouted for the next run; the rest still go.
						log.warn("Routing message {} failed this time: {}", id, one.toString());
						continue;
					}
					n += counted(newTicket, opened);
				}
			}
			// Not on this thread, and only after the commit: WeChat's answer would hold
			// up the messages behind. A ticket whose acknowledgement is never sent (queue
			// full, a restart) stays PENDING and the retry sends it.
			opened.forEach(this.acks::sendSoon);
			filed += (n != null) ? n : 0;
		}
		return filed;
	}

	/**
	 * Takes and files the chunk's messages that are still unrouted, in one transaction.
	 * The locking read waits for another router holding any of them and then no longer
	 * sees what it took, so each message is still taken exactly once.
	 */
	private int routeChunk(List<Long> chunk, RunCache cache, List<Long> opened) {
		List<Map<String, Object>> messages = this.inbound.lockUnrouted(chunk);
		if (messages.isEmpty()) {
			return 0;
		}
		Instant now = now();
		List<Long> taken = messages.stream().map((m) -> ((Number) m.get("id")).longValue()).toList();
		if (this.inbound.takeAll(taken, now) != taken.size()) {
			// Cannot happen under the row locks; roll back rather than file twice.
			throw new IllegalStateException("Messages taken by another router while locked: " + taken);
		}
		int filed = 0;
		for (Map<String, Object> m : messages) {
			filed += counted(file(m, cache, now), opened);
		}
		return filed;
	}

	/**
	 * What {@link #route}/{@link #file} returned: 1 when the message was filed (a ticket
	 * it opened joins {@code opened}, for its acknowledgement), 0 when it was not.
	 */
	private static int counted(Long newTicket, List<Long> opened) {
		if (newTicket != null && newTicket > 0) {
			opened.add(newTicket);
		}
		return (newTicket != null) ? 1 : 0;
	}

	/**
	 * An account's compiled rules and the fingerprint of the rules they were compiled
	 * from.
	 */
	private record CompiledRules(Map<String, Object> fingerprint, RuleSet rules) {
	}

	private final Map<Long, CompiledRules> compiled = new java.util.concurrent.ConcurrentHashMap<>();

	/**
	 * The account's rules, compiled again only when they have changed since: one small
	 * query per account and run instead of reading and compiling every rule.
	 */
	private RuleSet currentRules(long accountId) {
		Map<String, Object> fingerprint = this.rules.fingerprint(accountId);
		CompiledRules known = this.compiled.get(accountId);
		if (known != null && known.fingerprint().equals(fingerprint)) {
			return known.rules();
		}
		RuleSet rules = RuleSet.compile(this.rules.forAccount(accountId));
		this.compiled.put(accountId, new CompiledRules(fingerprint, rules));
		return rules;
	}

	/** What one run of {@link #routePending()} reads once. */
	final class RunCache {

		// Shared by the partitions' threads.
		private final Map<Long, Account> accounts = new java.util.concurrent.ConcurrentHashMap<>();

		private final Map<Long, RuleSet> rules = new java.util.concurrent.ConcurrentHashMap<>();

		private final Map<Long, List<Route>> routes = new java.util.concurrent.ConcurrentHashMap<>();

		Account account(long id) {
			return this.accounts.computeIfAbsent(id, InboxRouter.this.accounts::selectById);
		}

		RuleSet rules(long accountId) {
			return this.rules.computeIfAbsent(accountId, InboxRouter.this::currentRules);
		}

		List<Route> routes(long accountId) {
			return this.routes.computeIfAbsent(accountId, InboxRouter.this.routes::forAccount);
		}

	}

	/**
	 * Takes and files one message.
	 * @return the id of a ticket this message opened (which needs its acknowledgement), 0
	 * when it joined a ticket, or null when it was not a follower message or another
	 * instance took it
	 */
	private Long route(long id, RunCache cache) {
		Instant now = now();
		if (this.inbound.take(id, now) != 1) {
			return null;
		}
		return file(this.inbound.message(id), cache, now);
	}

	/** Files a message this transaction has taken; returns as {@link #route}. */
	private Long file(Map<String, Object> m, RunCache cache, Instant now) {
		long id = ((Number) m.get("id")).longValue();
		String type = (String) m.get("msg_type");
		boolean click = "event".equals(type) && "CLICK".equalsIgnoreCase((String) m.get("event"));
		if (!InboundMapper.FOLLOWER_MESSAGES.contains(type) && !click) {
			return null;
		}
		long accountId = ((Number) m.get("account_id")).longValue();
		String openid = (String) m.get("from_user");
		Account account = cache.account(accountId);
		String text = click ? null : (String) m.get("content");
		String eventKey = click ? (String) m.get("event_key") : null;
		Classification c = cache.rules(accountId).classify(text, eventKey);
		if (c == null) {
			// A menu click no MENU_KEY rule names ("about us"): not something to answer.
			return null;
		}
		Instant at = Instant.ofEpochSecond(((Number) m.get("create_time")).longValue());
		// A message no rule classifies is usually a follow-up ("still no hot water,
		// why?"):
		// it joins the follower's latest open ticket, whatever its category, so the
		// handler sees it and no second acknowledgement uses up the window. Only a rule
		// that names another category opens another ticket.
		Ticket ticket = c.matched() ? null : this.tickets.lockLatestOpen(accountId, openid);
		String key = accountId + ":" + openid + ":" + c.category();
		if (ticket == null) {
			ticket = this.tickets.lockOpen(key);
		}
		boolean created = false;
		if (ticket == null) {
			ticket = newTicket(account, cache.routes(accountId), openid, c, at, now);
			try {
				this.tickets.insert(ticket);
				created = true;
			}
			catch (DuplicateKeyException ex) {
				// Another router opened it a moment ago; the locking read waits for it.
				ticket = this.tickets.lockOpen(key);
			}
		}
		if (!created && "RESOLVED".equals(ticket.getStatus())) {
			// The follower wrote again after the result: the ticket is open again, and a
			// handler about to close it sees a new version.
			this.tickets.update(null,
					Wrappers.<Ticket>lambdaUpdate()
						.eq(Ticket::getId, ticket.getId())
						.set(Ticket::getStatus, "IN_PROGRESS")
						.set(at.isAfter(ticket.getLastMessageAt()), Ticket::getLastMessageAt, at)
						.set(Ticket::getUpdatedAt, now)
						.setSql("version = version + 1"));
			TicketEntry reopened = new TicketEntry();
			reopened.setTicketId(ticket.getId());
			reopened.setKind("EVENT");
			reopened.setContent("reopened: the follower wrote again after the result");
			reopened.setCreatedAt(now);
			this.entries.insert(reopened);
		}
		else if (!created && at.isAfter(ticket.getLastMessageAt())) {
			// Not a handler's change: the ticket's version stays.
			this.tickets.update(null,
					Wrappers.<Ticket>lambdaUpdate()
						.eq(Ticket::getId, ticket.getId())
						.set(Ticket::getLastMessageAt, at));
		}
		TicketEntry entry = new TicketEntry();
		entry.setTicketId(ticket.getId());
		entry.setKind("IN");
		entry.setInboundMessageId(id);
		entry.setMsgType(click ? "click" : type);
		JsonNode fields = fields(m);
		entry.setContent(click ? eventKey : describe(type, text, fields));
		entry.setMediaId(mediaId(fields));
		// When the gateway received it (milliseconds), so the thread orders it right
		// against replies; CreateTime has whole seconds only.
		entry.setCreatedAt(received(m, at));
		this.entries.insert(entry);
		return (created && "PENDING".equals(ticket.getAckStatus())) ? ticket.getId() : 0L;
	}

	private Ticket newTicket(Account account, List<Route> routes, String openid, Classification c, Instant at,
			Instant now) {
		Optional<Route> route = routes.stream().filter((r) -> r.getCategory().equals(c.category().name())).findFirst();
		// A route without a department (or no route) means the central office.
		Long department = (c.department() != null) ? c.department()
				: route.map(Route::getDepartmentId).orElse(account.getCentralOfficeDepartmentId());
		int slaDays = route.map(Route::getSlaDays).orElse(c.category().defaultSlaDays());
		Ticket t = new Ticket();
		t.setAccountId(account.getId());
		t.setOpenid(openid);
		t.setCategory(c.category().name());
		t.setDepartmentId(department);
		t.setStatus("NEW");
		boolean malicious = c.category() == Category.MALICIOUS;
		t.setHidden(malicious);
		t.setRemovalFlagged(false);
		t.setAckStatus(malicious ? null : "PENDING");
		// From when the follower wrote, so a routing backlog does not push the date
		// later.
		t.setDueAt(at.plus(Duration.ofDays(Math.max(slaDays, 1))));
		if (!malicious) {
			// Acknowledged the same day (当日): by the end of the account's local day on
			// which the follower wrote.
			java.time.ZoneId zone = java.time.ZoneId.of(account.getTimeZone());
			t.setAckDueAt(at.atZone(zone).toLocalDate().plusDays(1).atStartOfDay(zone).toInstant().minusMillis(1));
		}
		t.setFirstMessageAt(at);
		t.setLastMessageAt(at);
		t.setVersion(1);
		t.setCreatedAt(now);
		t.setUpdatedAt(now);
		return t;
	}

	private static Instant received(Map<String, Object> m, Instant fallback) {
		Object value = m.get("received_at");
		if (value instanceof java.time.LocalDateTime local) {
			return local.toInstant(java.time.ZoneOffset.UTC);
		}
		if (value instanceof java.sql.Timestamp ts) {
			return ts.toInstant();
		}
		return fallback;
	}

	private static String mediaId(JsonNode fields) {
		JsonNode media = (fields != null) ? fields.get("MediaId") : null;
		return (media != null && !media.isNull()) ? media.asString() : null;
	}

	private static String describe(String type, String text, JsonNode fields) {
		if (text != null) {
			return text;
		}
		if (fields == null) {
			return null;
		}
		return switch (type) {
			case "location" -> fields.path("Label").asString(null);
			case "link" -> fields.path("Title").asString(null);
			case "voice" -> fields.path("Recognition").asString(null);
			default -> null;
		};
	}

	private JsonNode fields(Map<String, Object> m) {
		Object raw = m.get("fields");
		try {
			return (raw != null) ? this.json.readTree(raw.toString()) : null;
		}
		catch (RuntimeException ex) {
			log.debug("Unreadable fields of message {}", m.get("id"));
			return null;
		}
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

}
