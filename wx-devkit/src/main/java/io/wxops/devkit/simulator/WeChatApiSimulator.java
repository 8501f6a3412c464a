package io.wxops.devkit.simulator;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;

import static com.github.tomakehurst.wiremock.client.WireMock.aMultipart;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * The API side of WeChat ({@code https://api.weixin.qq.com}) on a local WireMock server,
 * for the local run and tests: point {@code wxops.wechat.api-host} at {@link #baseUrl()}.
 *
 * <p>
 * Every endpoint answers the way WeChat does, with HTTP 200 and a JSON body whose
 * {@code errcode} tells success from failure. Stubs are grouped by priority so that a new
 * endpoint only needs one more {@code install...} method called from
 * {@link #installStubs()}: specific stubs use {@link #ENDPOINT}, "the request was
 * malformed" answers for a known path use {@link #ENDPOINT_ERROR}, and the catch-all
 * ({@link #FALLBACK}) acknowledges anything else with {@code {"errcode":0,"errmsg":"ok"}}
 * so unexpected calls do not break a local run.
 *
 * <p>
 * Platform behaviour the simulator keeps, like WeChat:
 * <ul>
 * <li>{@code /cgi-bin/token} and {@code /cgi-bin/stable_token} answer 40013
 * {@code invalid appid} for an AppID that is not {@code wx} plus 16 letters or digits,
 * and 40125 {@code invalid appsecret} when the AppID was {@link #registerAccount
 * registered} with another secret. A well-formed AppID that was never registered still
 * gets a token, so a local run or a test needs no set-up for accounts whose secret it
 * does not check.</li>
 * <li>{@code /cgi-bin/token} issues a new token on every call and invalidates the
 * previous one for that AppID (the platform keeps it usable five more minutes; the
 * simulator drops it at once). {@code /cgi-bin/stable_token} returns the same token while
 * it has at least five minutes to live, and a new one with {@code force_refresh=true}.
 * The two kinds do not invalidate each other.</li>
 * <li>Authenticated endpoints ({@code GET /cgi-bin/getcallbackip}) answer 40001
 * {@code invalid credential, access_token is invalid or not latest} for a token the
 * simulator did not issue or no longer honours, and 41001 without one. Endpoints that
 * only the catch-all answers do not check the token.</li>
 * <li>Mass send is stateful per AppID (token checked as above): {@code draft/add} stores
 * drafts; {@code message/mass/preview} records previews; {@code message/mass/sendall} and
 * {@code /send} answer 45065 {@code clientmsgid exist} with the first send's
 * {@code msg_id} when the AppID used the same {@code clientmsgid} less than 24 h before
 * (without one, a digest of audience and content stands in for it, as on the platform),
 * and 45028 {@code has no masssend quota} once the {@link AccountKind} quota is used: one
 * send per Asia/Shanghai calendar day for a subscription account, four per calendar month
 * for a service account. Sends to an openid list count against the same quota, a
 * simplification: the platform limits those per recipient. An accepted send is recorded,
 * answers {@code msg_id} and {@code msg_data_id}, and is followed by a
 * {@code MASSSENDJOBFINISH} push to a {@link #connectGateway connected gateway};
 * {@code message/mass/get} and {@code /delete} know its status. Days and windows use
 * {@link #setClock(Clock)}.</li>
 * <li>Followers are stateful per AppID (token checked as above), from a settable
 * {@link #setFollowerPopulation population}: {@code user/get} pages with
 * {@code next_openid} (40003 for an openid that is not a follower's),
 * {@code user/info/batchget} (at most 100, 40032 beyond), {@code user/info/updateremark}
 * (at most 30 characters), tags ({@code tags/create}, {@code get}, {@code update},
 * {@code delete}, {@code members/batchtagging} and {@code batchuntagging} with at most 50
 * openids, {@code getidlist}) with WeChat's rules: 45157 duplicate name, 45158 name over
 * 30 characters, 45159 invalid tag, 45058 for the reserved tags 0, 1 and 2, 45056 over
 * 100 tags, 45059 over 20 tags on one follower; the blacklist ({@code getblacklist},
 * {@code batchblacklist}, {@code batchunblacklist}, at most 20); and a
 * {@link #setDailyQuota daily quota} per path that answers 45009 once used.</li>
 * <li>Customer-service messages are stateful per AppID and follower (token checked as
 * above): a follower interaction ({@link #followerMessaged}, {@link #followerInteracted})
 * opens a window, 48 h and 5 messages after a message, 1 minute and 3 messages after a
 * menu click, a subscription or a scan ({@link Interaction}); the latest interaction
 * replaces any earlier window. {@code message/custom/send} answers 45015
 * {@code response out of time limit or subscription is canceled} outside a window or
 * after {@link #followerUnsubscribed}, 45047 {@code out of response count limit} once the
 * window's messages are used, and otherwise records the message. Windows use
 * {@link #setClock(Clock)}. {@code GET /cgi-bin/media/get} answers the bytes of
 * {@link #addMedia added} media (and a generated JPEG for any other id starting with
 * {@code SIM_}) with a {@code Content-disposition} file name, and 40007
 * {@code invalid media_id} as JSON for an unknown id.</li>
 * </ul>
 * Tests add failures with {@link #failNext(String, SimulatedFailure, int)} (the platform
 * does no work) and {@link #acceptThenFailNext(String, SimulatedFailure)} (the platform
 * does the work, the answer is lost), count requests with {@link #calls(String)}, and
 * inspect the mass-send state with {@link #sends(String)}, {@link #previews(String)},
 * {@link #drafts(String)} and {@link #sendCalls(String)}, and the customer-service state
 * with {@link #customMessages(String, String)} and {@link #customMessageCalls(String)}.
 */
public final class WeChatApiSimulator implements AutoCloseable {

	/** WireMock priority of a well-formed call to a known endpoint (lower wins). */
	public static final int ENDPOINT = 5;

	/**
	 * Priority of the error answer for a known endpoint called without its required
	 * fields.
	 */
	public static final int ENDPOINT_ERROR = 8;

	/** Priority of the catch-all. */
	public static final int FALLBACK = 10;

	/**
	 * Prefix of every access token the simulator hands out, so a token in a log is
	 * recognisable.
	 */
	public static final String TOKEN_PREFIX = "SIMULATED_TOKEN_";

	private final SimulatedPlatform platform = new SimulatedPlatform(System::currentTimeMillis);

	private final WireMockServer server;

	/** A simulator on a free port of 127.0.0.1. */
	public WeChatApiSimulator() {
		this(0);
	}

	/**
	 * A simulator on the given port of 127.0.0.1.
	 * @param port the port, 0 for a free one
	 */
	public WeChatApiSimulator(int port) {
		WireMockConfiguration options = WireMockConfiguration.options()
			.bindAddress("127.0.0.1")
			// WireMock prints every unmatched request to stdout; send it to the log.
			.notifier(new Slf4jNotifier(false))
			// The request journal serves verifications in tests; bounded so that a
			// long local run does not grow it without limit.
			.maxRequestJournalEntries(1_000)
			.extensions(this.platform);
		this.server = new WireMockServer((port == 0) ? options.dynamicPort() : options.port(port));
	}

	public WeChatApiSimulator start() {
		this.server.start();
		installStubs();
		return this;
	}

	public void stop() {
		this.platform.mass().shutdown();
		if (this.server.isRunning()) {
			this.server.stop();
		}
	}

	@Override
	public void close() {
		stop();
	}

	public boolean isRunning() {
		return this.server.isRunning();
	}

	/** What replaces {@code https://api.weixin.qq.com}, without a trailing slash. */
	public String baseUrl() {
		return "http://127.0.0.1:" + this.server.port();
	}

	public int port() {
		return this.server.port();
	}

	/** The WireMock server itself, for verifications and one-off stubs in tests. */
	public WireMockServer server() {
		return this.server;
	}

	/** Adds a stub on top of the default ones. */
	public StubMapping stubFor(MappingBuilder mapping) {
		return this.server.stubFor(mapping);
	}

	/**
	 * Changes an account's live menu the way someone in the MP website (or another tool)
	 * would, without the platform's checks: what wxops must report as drift. Conditional
	 * menus are dropped.
	 * @param appId the AppID
	 * @param defaultButtonsJson the default menu's {@code button} array as JSON, null to
	 * remove the menu
	 */
	public void setMenuElsewhere(String appId, String defaultButtonsJson) {
		this.platform.menus()
			.setElsewhere(appId, (defaultButtonsJson != null)
					? com.google.gson.JsonParser.parseString(defaultButtonsJson).getAsJsonArray() : null);
	}

	/**
	 * The account's live default menu ({@code button} array as JSON), or null when it has
	 * none.
	 * @param appId the AppID
	 * @return the buttons as JSON, or null
	 */
	public String liveMenu(String appId) {
		com.google.gson.JsonArray buttons = this.platform.menus().defaultButtons(appId);
		return (buttons != null) ? buttons.toString() : null;
	}

	/**
	 * How many conditional menus the account has live.
	 * @param appId the AppID
	 * @return the count
	 */
	public int conditionalMenuCount(String appId) {
		return this.platform.menus().conditionalCount(appId);
	}

	/**
	 * Drops every stub, recorded request, queued failure, issued token and registered
	 * account, and all mass-send state (drafts, previews, sends, quotas, account kinds,
	 * tags, follower counts, connected gateways, pending job-finish pushes; the clock
	 * goes back to the system clock and the push delay to one second) and all
	 * customer-service state (windows, messages, added media; the windows go back to
	 * their defaults), then installs the default stubs again: the platform as freshly
	 * started.
	 */
	public void reset() {
		this.platform.reset();
		this.server.resetAll();
		installStubs();
	}

	/**
	 * Registers an account's credentials, so that the token endpoints refuse any other
	 * secret for this AppID with 40125.
	 * @param appId the AppID
	 * @param appSecret the only secret accepted from now on
	 */
	public void registerAccount(String appId, String appSecret) {
		this.platform.registerAccount(appId, appSecret);
	}

	/**
	 * Forgets every access token issued for an AppID, as when the platform invalidates
	 * them: the next authenticated call with one of them answers 40001.
	 * @param appId the AppID
	 */
	public void invalidateTokens(String appId) {
		this.platform.invalidateTokens(appId);
	}

	/**
	 * Whether the simulator currently honours an access token.
	 * @param accessToken the token
	 * @return true when authenticated endpoints accept it
	 */
	public boolean isValidToken(String accessToken) {
		return this.platform.isValid(accessToken);
	}

	/**
	 * Makes the next {@code times} requests to {@code path} fail. Failures queued for the
	 * same path apply in the order they were queued; afterwards the path behaves normally
	 * again. Safe to call while requests are being served.
	 * @param path the request path without query, for example
	 * {@code /cgi-bin/getcallbackip}
	 * @param failure how to fail
	 * @param times how many requests fail, at least one
	 */
	public void failNext(String path, SimulatedFailure failure, int times) {
		this.platform.failNext(path, failure, times);
	}

	/**
	 * Like {@link #failNext}, but the failures start after {@code okCalls} more requests
	 * to {@code path} were answered normally: "the sync fails on page k".
	 * @param path the request path without query
	 * @param okCalls requests answered normally first
	 * @param failure how to fail
	 * @param times how many requests fail, at least one
	 */
	public void failAfter(String path, int okCalls, SimulatedFailure failure, int times) {
		this.platform.failAfter(path, okCalls, failure, times);
	}

	/**
	 * Makes the next request to {@code path} be processed normally (a mass send is
	 * recorded and consumes the quota, a token is issued...) and then answered with
	 * {@code failure} instead of the normal answer: the platform accepted the work but
	 * the answer was lost. Several calls queue failures for successive requests. Applies
	 * after any failure queued with {@link #failNext}, which keeps the request from being
	 * processed at all.
	 * @param path the request path without query, for example
	 * {@code /cgi-bin/message/mass/sendall}
	 * @param failure what the caller gets instead of the normal answer
	 */
	public void acceptThenFailNext(String path, SimulatedFailure failure) {
		this.platform.acceptThenFailNext(path, failure);
	}

	/**
	 * Registers an account's credentials and its kind, which decides its mass-send quota.
	 * @param appId the AppID
	 * @param appSecret the only secret accepted from now on
	 * @param kind the kind of account
	 * @see #registerAccount(String, String)
	 * @see #setAccountKind(String, AccountKind)
	 */
	public void registerAccount(String appId, String appSecret, AccountKind kind) {
		registerAccount(appId, appSecret);
		setAccountKind(appId, kind);
	}

	/**
	 * Sets the kind of an account, and so its mass-send quota: a
	 * {@link AccountKind#SUBSCRIPTION subscription} account (the default) may mass-send
	 * once per calendar day in Asia/Shanghai, a {@link AccountKind#SERVICE service}
	 * account four times per calendar month. Further sends answer 45028
	 * {@code has no masssend quota}.
	 * @param appId the AppID
	 * @param kind the kind of account
	 */
	public void setAccountKind(String appId, AccountKind kind) {
		this.platform.mass().setAccountKind(appId, kind);
	}

	/**
	 * Sets the clock of the mass-send rules: calendar days and months (in Asia/Shanghai)
	 * for the quota, the 24 h {@code clientmsgid} window, the times recorded, and the
	 * {@code CreateTime} of the job-finish push; and of the customer-service windows:
	 * when a follower interaction opens one, whether it is still open, and the times
	 * recorded. Set it before the interaction to place that in time. Access tokens keep
	 * to the system clock, so moving this clock does not expire them. Safe to call while
	 * requests are served.
	 * @param clock the clock, null for the system clock (the default)
	 */
	public void setClock(Clock clock) {
		this.platform.mass().setClock(clock);
	}

	/**
	 * How long after an accepted mass send the {@code MASSSENDJOBFINISH} event is pushed
	 * to the account's {@link #connectGateway connected gateway}, in real time.
	 * @param delay the delay, zero to push at once (still from another thread), null to
	 * never push; one second by default
	 */
	public void setJobFinishDelay(Duration delay) {
		this.platform.mass().setJobFinishDelay(delay);
	}

	/**
	 * Connects an account's callback URL: each mass send accepted for its AppID from now
	 * on is followed by a {@code MASSSENDJOBFINISH} event posted to
	 * {@code gatewayBaseUrl/wx/<appId>/callback}, signed and (in compatible or safe mode)
	 * encrypted with the account's token and key, with WeChat's retries, as
	 * {@link FollowerSimulator} delivers it. The event has {@code ToUserName} = the
	 * account's original id, {@code FromUserName} = {@code mphelper}, the {@code MsgID}
	 * of the send, {@code Status} = {@code send success}, the counts from
	 * {@link #setFollowerCount}, {@link #addTag} and {@link #setSendErrorCount}, a
	 * {@code CopyrightCheckResult} with nothing found and, for mpnews, an
	 * {@code ArticleUrlResult} with one URL per article of the draft.
	 * @param account the account as WeChat knows it
	 * @param gatewayBaseUrl the gateway's base URL, for example
	 * {@code http://127.0.0.1:8080}
	 */
	public void connectGateway(SimulatedAccount account, URI gatewayBaseUrl) {
		this.platform.mass().connectGateway(account, gatewayBaseUrl);
	}

	/**
	 * Sets how many followers a send to all of an account reaches (its
	 * {@code TotalCount}); also used for a tag that was not {@link #addTag added}. 100 by
	 * default.
	 * @param appId the AppID
	 * @param count the number of followers
	 */
	public void setFollowerCount(String appId, int count) {
		this.platform.mass().setFollowerCount(appId, count);
	}

	/**
	 * Sets how many recipients of each mass send of an account fail (the event's
	 * {@code ErrorCount}, at most the audience). 0 by default.
	 * @param appId the AppID
	 * @param count the number of failed recipients
	 */
	public void setSendErrorCount(String appId, int count) {
		this.platform.mass().setSendErrorCount(appId, count);
	}

	/**
	 * Adds a user tag to an account, answered by {@code GET /cgi-bin/tags/get} after the
	 * built-in tag {@code {"id":2,"name":"星标组","count":0}} (the same id replaces it). A
	 * send to the tag reaches {@code count} followers plus those tagged through
	 * {@code tags/members/batchtagging}.
	 * @param appId the AppID
	 * @param id the tag id
	 * @param name the tag name
	 * @param count the followers with the tag besides the tagged ones
	 */
	public void addTag(String appId, long id, String name, int count) {
		if (count < 0) {
			throw new IllegalArgumentException("Expected a count of zero or more, got " + count);
		}
		this.platform.followers().addTag(appId, id, name, count);
	}

	/**
	 * Sets an account's follower population: {@code followers} synthetic followers,
	 * generated from their position (a million cost no memory), whose openids are
	 * {@code oSIM} and the position in 24 digits ({@link #followerOpenid(int)}), in list
	 * order. {@code user/get} lists them 10,000 a page ({@link #setUserGetPageSize}) with
	 * {@code next_openid}, {@code user/info/batchget} (at most 100) answers their
	 * subscribe time, scene ({@code ADD_SCENE_SEARCH}, {@code ADD_SCENE_QR_CODE} with
	 * {@code qr_scene_str} {@code campus-0..2}, {@code ADD_SCENE_PROFILE_CARD},
	 * {@code ADD_SCENE_ACCOUNT_MIGRATION} in turn), remark and tags, and no nickname,
	 * avatar, gender or region (as since 2021). Also forgets who unsubscribed. 0 by
	 * default.
	 * @param appId the AppID
	 * @param followers the number of followers
	 */
	public void setFollowerPopulation(String appId, int followers) {
		this.platform.followers().setPopulation(appId, followers);
	}

	/**
	 * The openid of the follower at a position of a {@link #setFollowerPopulation
	 * population}.
	 * @param index the position, from 0
	 * @return the openid
	 */
	public static String followerOpenid(int index) {
		return FollowerPlatform.openid(index);
	}

	/**
	 * Sets how many openids a {@code user/get} page holds (10,000 on the platform), so
	 * tests can page through a small population. Applies to every account until
	 * {@link #reset()}.
	 * @param size 1 to 10,000
	 */
	public void setUserGetPageSize(int size) {
		this.platform.followers().setUserGetPageSize(size);
	}

	/**
	 * Sets how many more calls an account may make to a path today; after them the path
	 * answers 45009 {@code reach max api daily quota limit} until the quota is set again
	 * (as after {@code clear_quota} or at midnight).
	 * @param appId the AppID
	 * @param path for example {@code /cgi-bin/user/info/batchget}
	 * @param calls the calls left, null for no limit (the default)
	 */
	public void setDailyQuota(String appId, String path, Integer calls) {
		this.platform.followers().setDailyQuota(appId, path, calls);
	}

	/**
	 * How many calls of an account to a follower path the platform answered (not those
	 * refused for the token, a queued failure or the quota), since {@link #reset()}.
	 * @param appId the AppID
	 * @param path for example {@code /cgi-bin/user/info/batchget}
	 * @return the number of calls
	 */
	public int followerCalls(String appId, String path) {
		return this.platform.followers().calls(appId, path);
	}

	/**
	 * The tags WeChat holds for a follower of a population.
	 * @param appId the AppID
	 * @param openid the follower
	 * @return the tag ids
	 */
	public java.util.Set<Long> followerTags(String appId, String openid) {
		return this.platform.followers().tagsOf(appId, openid);
	}

	/**
	 * The remark WeChat holds for a follower of a population.
	 * @param appId the AppID
	 * @param openid the follower
	 * @return the remark, null when none
	 */
	public String followerRemark(String appId, String openid) {
		return this.platform.followers().remarkOf(appId, openid);
	}

	/**
	 * Whether a follower of a population is on the account's blacklist.
	 * @param appId the AppID
	 * @param openid the follower
	 * @return true when blacklisted
	 */
	public boolean isBlacklisted(String appId, String openid) {
		return this.platform.followers().isBlacklisted(appId, openid);
	}

	/**
	 * The mass sends the platform accepted for an AppID (including ones answered with an
	 * {@link #acceptThenFailNext} failure), oldest first.
	 * @param appId the AppID
	 * @return a snapshot of the sends
	 */
	public List<RecordedSend> sends(String appId) {
		return this.platform.mass().sends(appId);
	}

	/**
	 * The previews the platform accepted for an AppID, oldest first.
	 * @param appId the AppID
	 * @return a snapshot of the previews
	 */
	public List<RecordedPreview> previews(String appId) {
		return this.platform.mass().previews(appId);
	}

	/**
	 * The drafts added for an AppID, oldest first.
	 * @param appId the AppID
	 * @return a snapshot of the drafts
	 */
	public List<RecordedDraft> drafts(String appId) {
		return this.platform.mass().drafts(appId);
	}

	/**
	 * How many {@code sendall} and {@code send} requests with a valid token of an AppID
	 * the platform handled, whatever the answer (including 45065 and 45028), but not
	 * those failed with {@link #failNext}.
	 * @param appId the AppID
	 * @return the number of requests
	 */
	public int sendCalls(String appId) {
		return this.platform.mass().sendCalls(appId);
	}

	/**
	 * The {@code MASSSENDJOBFINISH} pushes made for an AppID, oldest first, once each
	 * delivery (with its retries) has finished.
	 * @param appId the AppID
	 * @return a snapshot of the deliveries
	 */
	public List<FollowerSimulator.Delivery> jobFinishDeliveries(String appId) {
		return this.platform.mass().jobFinishDeliveries(appId);
	}

	/**
	 * A follower sent the account a message: opens a customer-service window of 48 h and
	 * 5 messages ({@link Interaction#MESSAGE}). Same as
	 * {@code followerInteracted(appId, openid, Interaction.MESSAGE)}.
	 * @param appId the AppID
	 * @param openid the follower's openid for that AppID
	 */
	public void followerMessaged(String appId, String openid) {
		followerInteracted(appId, openid, Interaction.MESSAGE);
	}

	/**
	 * A follower interacted with the account, now on the {@link #setClock clock}: opens a
	 * customer-service window for that follower, 48 h and 5 messages for a
	 * {@link Interaction#MESSAGE message}, 1 minute and 3 messages for the other kinds
	 * (unless {@link #setInteractionWindow changed}). The new window replaces any earlier
	 * one, with a new count from now: a simplification, the platform keeps several
	 * windows and uses the one that allows the message. An interaction after
	 * {@link #followerUnsubscribed} opens a window again, as the follower must have
	 * subscribed again.
	 * @param appId the AppID
	 * @param openid the follower's openid for that AppID
	 * @param kind what the follower did
	 */
	public void followerInteracted(String appId, String openid, Interaction kind) {
		this.platform.customerService().interacted(appId, openid, kind);
	}

	/**
	 * A follower subscribed (as the subscribe event tells): from now on {@code user/get}
	 * lists them after the {@link #setFollowerPopulation population} and
	 * {@code user/info/batchget} answers them subscribed (scene
	 * {@code ADD_SCENE_OTHERS}), until {@link #followerUnsubscribed}; a population
	 * follower who left is back. So a follower sync keeps the followers a local run
	 * created through events.
	 * @param appId the AppID
	 * @param openid the follower's openid for that AppID
	 * @param subscribeTime the subscribe time, epoch seconds
	 */
	public void followerSubscribed(String appId, String openid, long subscribeTime) {
		this.platform.followers().subscribe(appId, openid, subscribeTime);
	}

	/**
	 * Whether {@code user/get} lists the openid as a follower of the account now.
	 * @param appId the AppID
	 * @param openid the openid
	 * @return whether they follow
	 */
	public boolean isFollower(String appId, String openid) {
		return this.platform.followers().isFollower(appId, openid);
	}

	/**
	 * A follower unsubscribed: closes the follower's customer-service window, so that
	 * {@code message/custom/send} to them answers 45015 until a new interaction.
	 * @param appId the AppID
	 * @param openid the follower's openid for that AppID
	 */
	public void followerUnsubscribed(String appId, String openid) {
		this.platform.followers().unsubscribe(appId, openid);
		this.platform.customerService().unsubscribed(appId, openid);
	}

	/**
	 * Changes the window an interaction opens from now on (windows already open keep
	 * theirs), for rules other than the platform's current ones, such as the earlier 20
	 * messages per 48 h. {@link #reset()} restores the {@link Interaction} defaults.
	 * @param kind the interaction
	 * @param window how long the window stays open, positive
	 * @param messages how many customer-service messages it allows, positive
	 */
	public void setInteractionWindow(Interaction kind, Duration window, int messages) {
		this.platform.customerService().setRule(kind, window, messages);
	}

	/**
	 * Adds a file that {@code GET /cgi-bin/media/get?media_id=..} answers, for any AppID,
	 * as the temporary media a follower sent. The answer names the file
	 * {@code <mediaId>.<extension>}, the extension from the content type ({@code jpg} for
	 * {@code image/jpeg}). Ids starting with {@code SIM_} that were not added answer a
	 * small generated JPEG; other unknown ids answer 40007.
	 * @param mediaId the media id
	 * @param bytes the file content
	 * @param contentType its Content-Type, for example {@code image/jpeg}
	 */
	public void addMedia(String mediaId, byte[] bytes, String contentType) {
		this.platform.customerService().addMedia(mediaId, bytes, contentType);
	}

	/**
	 * The customer-service messages the platform accepted for a follower of an AppID,
	 * oldest first.
	 * @param appId the AppID
	 * @param openid the follower's openid
	 * @return a snapshot of the messages
	 */
	public List<RecordedCustomMessage> customMessages(String appId, String openid) {
		return this.platform.customerService().messages(appId, openid);
	}

	/**
	 * How many {@code message/custom/send} requests with a valid token of an AppID the
	 * platform handled, whatever the answer (including 45015 and 45047), but not those
	 * failed with {@link #failNext}.
	 * @param appId the AppID
	 * @return the number of requests
	 */
	public int customMessageCalls(String appId) {
		return this.platform.customerService().sendCalls(appId);
	}

	/**
	 * How many requests reached a path (any method, any query) since the start or the
	 * last {@link #reset()}, from WireMock's request journal.
	 * @param path the request path without query
	 * @return the number of requests
	 */
	public int calls(String path) {
		return this.server
			.countRequestsMatching(
					RequestPatternBuilder.newRequestPattern(RequestMethod.ANY, urlPathEqualTo(path)).build())
			.getCount();
	}

	private void installStubs() {
		installFallback();
		installAccessToken();
		installStableToken();
		installCallbackIp();
		installImageUploads();
		installMassSend();
		installCustomerService();
		installFollowers();
		installMenus();
	}

	/**
	 * The follower side: user list, batchget, remarks, tags, blacklist; stateful,
	 * answered by {@link FollowerPlatform} after the token check.
	 */
	private void installFollowers() {
		for (String path : FollowerPlatform.ENDPOINTS) {
			MappingBuilder mapping = (FollowerPlatform.USER_GET.equals(path) || FollowerPlatform.TAGS_GET.equals(path))
					? get(urlPathEqualTo(path)) : post(urlPathEqualTo(path));
			this.server.stubFor(mapping.atPriority(ENDPOINT)
				.willReturn(okJson("{}").withTransformerParameter(SimulatedPlatform.ENDPOINT_PARAMETER, path)));
		}
	}

	/**
	 * Custom menus: {@code menu/create}, {@code menu/get}, {@code menu/delete},
	 * {@code menu/addconditional}, {@code menu/delconditional} and
	 * {@code get_current_selfmenu_info}; stateful, answered by {@link MenuPlatform} after
	 * the token check.
	 */
	private void installMenus() {
		Map<String, String> posts = new LinkedHashMap<>();
		posts.put("/cgi-bin/menu/create", MenuPlatform.MENU_CREATE);
		posts.put("/cgi-bin/menu/addconditional", MenuPlatform.MENU_ADD_CONDITIONAL);
		posts.put("/cgi-bin/menu/delconditional", MenuPlatform.MENU_DEL_CONDITIONAL);
		posts.forEach((path, endpoint) -> this.server.stubFor(post(urlPathEqualTo(path)).atPriority(ENDPOINT)
			.willReturn(okJson("{}").withTransformerParameter(SimulatedPlatform.ENDPOINT_PARAMETER, endpoint))));
		Map<String, String> gets = new LinkedHashMap<>();
		gets.put("/cgi-bin/menu/get", MenuPlatform.MENU_GET);
		gets.put("/cgi-bin/menu/delete", MenuPlatform.MENU_DELETE);
		gets.put("/cgi-bin/get_current_selfmenu_info", MenuPlatform.SELFMENU_INFO);
		gets.forEach((path, endpoint) -> this.server.stubFor(get(urlPathEqualTo(path)).atPriority(ENDPOINT)
			.willReturn(okJson("{}").withTransformerParameter(SimulatedPlatform.ENDPOINT_PARAMETER, endpoint))));
	}

	/**
	 * {@code POST /cgi-bin/message/custom/send} and {@code GET /cgi-bin/media/get}:
	 * stateful, answered by {@link CustomerServicePlatform} after the token check.
	 */
	private void installCustomerService() {
		this.server.stubFor(post(urlPathEqualTo("/cgi-bin/message/custom/send")).atPriority(ENDPOINT)
			.willReturn(okJson("{}").withTransformerParameter(SimulatedPlatform.ENDPOINT_PARAMETER,
					CustomerServicePlatform.CUSTOM_SEND)));
		this.server.stubFor(get(urlPathEqualTo("/cgi-bin/media/get")).atPriority(ENDPOINT)
			.willReturn(okJson("{}").withTransformerParameter(SimulatedPlatform.ENDPOINT_PARAMETER,
					CustomerServicePlatform.MEDIA_GET)));
	}

	/**
	 * Drafts, mass sends, previews, their status and deletion, and user tags: stateful,
	 * answered by {@link MassSendPlatform} after the token check.
	 */
	private void installMassSend() {
		Map<String, String> posts = new LinkedHashMap<>();
		posts.put("/cgi-bin/draft/add", MassSendPlatform.DRAFT_ADD);
		posts.put("/cgi-bin/message/mass/preview", MassSendPlatform.MASS_PREVIEW);
		posts.put("/cgi-bin/message/mass/sendall", MassSendPlatform.MASS_SENDALL);
		posts.put("/cgi-bin/message/mass/send", MassSendPlatform.MASS_SEND);
		posts.put("/cgi-bin/message/mass/get", MassSendPlatform.MASS_GET);
		posts.put("/cgi-bin/message/mass/delete", MassSendPlatform.MASS_DELETE);
		posts.forEach((path, endpoint) -> this.server.stubFor(post(urlPathEqualTo(path)).atPriority(ENDPOINT)
			.willReturn(okJson("{}").withTransformerParameter(SimulatedPlatform.ENDPOINT_PARAMETER, endpoint))));
	}

	/**
	 * Image uploads for articles: {@code POST /cgi-bin/material/add_material?type=image}
	 * (permanent material, the cover: answers a media id and URL) and
	 * {@code POST /cgi-bin/media/uploadimg} (an image inside an article: answers a URL);
	 * and {@code POST /cgi-bin/media/upload?type=image} (temporary media: a media id).
	 * Both need the multipart part {@code media}, as on the platform.
	 */
	private void installImageUploads() {
		String url = "https://mmbiz.qpic.cn/simulated/{{randomValue length=24 type='ALPHANUMERIC'}}.jpg";
		this.server.stubFor(post(urlPathEqualTo("/cgi-bin/material/add_material")).atPriority(ENDPOINT)
			.withQueryParam("type", equalTo("image"))
			.withMultipartRequestBody(aMultipart().withName("media"))
			.willReturn(okJson("{\"media_id\":\"SIM_MEDIA_{{randomValue length=32 type='ALPHANUMERIC'}}\",\"url\":\""
					+ url + "\"}")
				.withTransformers("response-template")));
		// Temporary media, such as an image a handler replies with (kept three days). The
		// platform's created_at is left out: nothing here reads it.
		this.server.stubFor(post(urlPathEqualTo("/cgi-bin/media/upload")).atPriority(ENDPOINT)
			.withQueryParam("type", equalTo("image"))
			.withMultipartRequestBody(aMultipart().withName("media"))
			.willReturn(okJson(
					"{\"type\":\"image\",\"media_id\":\"SIM_TMP_{{randomValue length=32 type='ALPHANUMERIC'}}\"}")
				.withTransformers("response-template")));
		this.server.stubFor(post(urlPathEqualTo("/cgi-bin/media/uploadimg")).atPriority(ENDPOINT)
			.withMultipartRequestBody(aMultipart().withName("media"))
			.willReturn(okJson("{\"url\":\"" + url + "\"}").withTransformers("response-template")));
		for (String path : new String[] { "/cgi-bin/material/add_material", "/cgi-bin/media/uploadimg",
				"/cgi-bin/media/upload" }) {
			this.server.stubFor(post(urlPathEqualTo(path)).atPriority(ENDPOINT_ERROR)
				.willReturn(okJson("{\"errcode\":41005,\"errmsg\":\"media data missing\"}")));
		}
	}

	private void installFallback() {
		this.server.stubFor(any(anyUrl()).atPriority(FALLBACK).willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));
	}

	/** {@code GET /cgi-bin/token?grant_type=client_credential&appid=..&secret=..}. */
	private void installAccessToken() {
		this.server.stubFor(get(urlPathEqualTo("/cgi-bin/token")).atPriority(ENDPOINT)
			.withQueryParam("grant_type", equalTo("client_credential"))
			.withQueryParam("appid", matching(".+"))
			.withQueryParam("secret", matching(".+"))
			.willReturn(okJson("{}").withTransformerParameter(SimulatedPlatform.ENDPOINT_PARAMETER,
					SimulatedPlatform.TOKEN)));
		this.server.stubFor(get(urlPathEqualTo("/cgi-bin/token")).atPriority(ENDPOINT_ERROR)
			.willReturn(okJson("{\"errcode\":41002,\"errmsg\":\"appid missing\"}")));
	}

	/**
	 * {@code POST /cgi-bin/stable_token} with
	 * {@code {"grant_type":"client_credential","appid":..,"secret":..}}.
	 */
	private void installStableToken() {
		this.server.stubFor(post(urlPathEqualTo("/cgi-bin/stable_token")).atPriority(ENDPOINT)
			.withRequestBody(matchingJsonPath("$.grant_type", equalTo("client_credential")))
			.withRequestBody(matchingJsonPath("$.appid"))
			.withRequestBody(matchingJsonPath("$.secret"))
			.willReturn(okJson("{}").withTransformerParameter(SimulatedPlatform.ENDPOINT_PARAMETER,
					SimulatedPlatform.STABLE_TOKEN)));
		this.server.stubFor(post(urlPathEqualTo("/cgi-bin/stable_token")).atPriority(ENDPOINT_ERROR)
			.willReturn(okJson("{\"errcode\":41002,\"errmsg\":\"appid missing\"}")));
	}

	/**
	 * {@code GET /cgi-bin/getcallbackip?access_token=..}: the simplest authenticated
	 * call, for exercising token handling.
	 */
	private void installCallbackIp() {
		this.server.stubFor(get(urlPathEqualTo("/cgi-bin/getcallbackip")).atPriority(ENDPOINT)
			.willReturn(okJson("{\"ip_list\":[\"127.0.0.1\"]}")
				.withTransformerParameter(SimulatedPlatform.ENDPOINT_PARAMETER, SimulatedPlatform.AUTHENTICATED)));
	}

}
