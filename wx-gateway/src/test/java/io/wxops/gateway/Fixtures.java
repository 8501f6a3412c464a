package io.wxops.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.wxops.core.account.AccountRegistry;
import io.wxops.core.account.AccountSnapshot;
import io.wxops.core.account.AccountType;
import io.wxops.core.account.MessageMode;
import io.wxops.core.account.NewAccount;
import io.wxops.core.reply.AutoReplyRule;
import io.wxops.core.reply.AutoReplyRuleMapper;
import io.wxops.core.account.AccountChangeNotifier;
import io.wxops.devkit.simulator.FollowerSimulator;
import io.wxops.devkit.simulator.SimulatedAccount;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/** Test data made through the real registry and mappers, one fresh account per test. */
@TestComponent
public class Fixtures {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final String ALNUM = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

	private static final AtomicLong MSG_IDS = new AtomicLong(
			6_000_000_000_000_000L + RANDOM.nextInt(1_000_000) * 1000L);

	private final AccountRegistry registry;

	private final AutoReplyRuleMapper rules;

	private final AccountChangeNotifier notifier;

	private final JdbcTemplate jdbc;

	private final Environment env;

	public Fixtures(AccountRegistry registry, AutoReplyRuleMapper rules, AccountChangeNotifier notifier,
			JdbcTemplate jdbc, Environment env) {
		this.registry = registry;
		this.rules = rules;
		this.notifier = notifier;
		this.jdbc = jdbc;
		this.env = env;
	}

	/** A newly registered account and WeChat's view of it. */
	public Registered account(SimulatedAccount.Mode mode) {
		String appId = "wx" + hex(8);
		String originalId = "gh_" + hex(6);
		String token = random(20);
		String aesKey = random(43);
		AccountSnapshot snapshot = this.registry.register(new NewAccount(appId, originalId, "Test " + appId,
				AccountType.SUBSCRIPTION, MessageMode.valueOf(mode.name()), token, aesKey, random(32)));
		return new Registered(snapshot, new SimulatedAccount(appId, originalId, token, aesKey, mode));
	}

	public AutoReplyRule addRule(Registered account, AutoReplyRule rule) {
		this.rules.insert(rule);
		this.notifier.accountChanged(account.snapshot().appId());
		return rule;
	}

	public FollowerSimulator simulator() {
		return simulator(Duration.ofSeconds(5));
	}

	public FollowerSimulator simulator(Duration timeout) {
		return new FollowerSimulator(URI.create("http://127.0.0.1:" + this.env.getProperty("local.server.port")),
				timeout, 3);
	}

	public URI baseUri() {
		return URI.create("http://127.0.0.1:" + this.env.getProperty("local.server.port"));
	}

	public int messageCount(Registered account) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM wx_inbound_message WHERE account_id = ?", Integer.class,
				account.snapshot().id());
	}

	public int followerCount(Registered account) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM wx_follower WHERE account_id = ?", Integer.class,
				account.snapshot().id());
	}

	public Map<String, Object> onlyMessage(Registered account) {
		return this.jdbc.queryForMap("SELECT * FROM wx_inbound_message WHERE account_id = ?", account.snapshot().id());
	}

	public Map<String, Object> follower(Registered account, String openid) {
		return this.jdbc.queryForMap("SELECT * FROM wx_follower WHERE account_id = ? AND openid = ?",
				account.snapshot().id(), openid);
	}

	public JdbcTemplate jdbc() {
		return this.jdbc;
	}

	public static long nextMsgId() {
		return MSG_IDS.incrementAndGet();
	}

	public static String openid() {
		return "o" + random(27);
	}

	/** One of the XML samples of WeChat's documentation, addressed to the account. */
	public static String sample(String name, Registered account, String openid, long createTime, long msgId) {
		try (InputStream in = Fixtures.class.getResourceAsStream("/samples/" + name + ".xml")) {
			if (in == null) {
				throw new IllegalArgumentException("No sample " + name);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8)
				.replace("{{to}}", account.wechat().originalId())
				.replace("{{from}}", openid)
				.replace("{{time}}", String.valueOf(createTime))
				.replace("{{msgid}}", String.valueOf(msgId));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public static String text(Registered account, String openid, String content) {
		return "<xml><ToUserName><![CDATA[" + account.wechat().originalId() + "]]></ToUserName><FromUserName><![CDATA["
				+ openid + "]]></FromUserName><CreateTime>" + (System.currentTimeMillis() / 1000)
				+ "</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[" + content
				+ "]]></Content><MsgId>" + nextMsgId() + "</MsgId></xml>";
	}

	static String hex(int bytes) {
		byte[] b = new byte[bytes];
		RANDOM.nextBytes(b);
		return HexFormat.of().formatHex(b);
	}

	static String random(int length) {
		StringBuilder sb = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			sb.append(ALNUM.charAt(RANDOM.nextInt(ALNUM.length())));
		}
		return sb.toString();
	}

	/** An account as the database knows it and as WeChat knows it. */
	public record Registered(AccountSnapshot snapshot, SimulatedAccount wechat) {
	}

}
