package io.wxops.admin.follower;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.metadata.IPage;
import com.baomidou.mybatisplus.core.toolkit.Wrappers;
import io.swagger.v3.oas.annotations.media.Schema;
import io.wxops.admin.audit.AuditTrail;
import io.wxops.admin.security.Caller;
import io.wxops.admin.web.ApiException;
import io.wxops.admin.web.PageRequest;
import io.wxops.admin.web.PageResult;
import io.wxops.core.account.AccountSnapshot;
import io.wxops.core.follower.Follower;
import io.wxops.core.follower.FollowerMapper;
import io.wxops.core.wechat.WeChatCalls;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The follower list, remarks (备注, {@code user/info/updateremark}) and the blacklist
 * ({@code members/batchblacklist}, {@code batchunblacklist}, in batches of
 * {@code wxops.admin.followers.blacklist-batch-size}, WeChat's 20 at most), each change
 * audited. No nickname, avatar, gender or region: WeChat stopped returning them in 2021.
 */
@Service
class FollowerService {

	private final FollowerMapper followers;

	private final WeChatCalls wechat;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate tx;

	private final AuditTrail audit;

	private final Clock clock;

	private final int blacklistBatch;

	FollowerService(FollowerMapper followers, WeChatCalls wechat, JdbcTemplate jdbc, TransactionTemplate tx,
			AuditTrail audit, Clock clock,
			@Value("${wxops.admin.followers.blacklist-batch-size:20}") int blacklistBatch) {
		this.followers = followers;
		this.wechat = wechat;
		this.jdbc = jdbc;
		this.tx = tx;
		this.audit = audit;
		this.clock = clock;
		if (blacklistBatch < 1 || blacklistBatch > 20) {
			throw new IllegalArgumentException(
					"wxops.admin.followers.blacklist-batch-size must be 1 to 20 (WeChat's limit)");
		}
		this.blacklistBatch = blacklistBatch;
	}

	@Schema(description = "A follower: openid, whether subscribed, when they subscribed (WeChat's subscribe_time) or "
			+ "left, WeChat's subscribe scene (ADD_SCENE_SEARCH, ADD_SCENE_QR_CODE, ...; a subscribe event stores "
			+ "the QR scene here), the QR code's scene string, the remark (备注), the tag ids, whether blacklisted, "
			+ "and the version to send with a remark change. No nickname, avatar, gender or region: WeChat no "
			+ "longer returns them.")
	record FollowerView(String openid, boolean subscribed, Instant subscribedAt, Instant unsubscribedAt,
			String subscribeScene, String qrSceneStr, String remark, List<Long> tagIds, boolean blacklisted,
			Instant blacklistedAt, int version) {
	}

	/** The list's filters. */
	record Filter(Boolean subscribed, Long tagId, Instant subscribedFrom, Instant subscribedTo, String scene,
			String qrSceneStr, Boolean blacklisted, String openid) {
	}

	PageResult<FollowerView> list(long accountId, Filter filter, PageRequest page) {
		LambdaQueryWrapper<Follower> q = Wrappers.<Follower>lambdaQuery()
			.eq(Follower::getAccountId, accountId)
			.eq(Follower::getSubscribed, (filter.subscribed() != null) ? filter.subscribed() : Boolean.TRUE)
			.ge(filter.subscribedFrom() != null, Follower::getSubscribedAt, filter.subscribedFrom())
			.lt(filter.subscribedTo() != null, Follower::getSubscribedAt, filter.subscribedTo())
			.eq(filter.scene() != null, Follower::getSubscribeScene, filter.scene())
			.eq(filter.qrSceneStr() != null, Follower::getQrSceneStr, filter.qrSceneStr())
			.eq(filter.blacklisted() != null, Follower::getBlacklisted, filter.blacklisted())
			.eq(filter.openid() != null, Follower::getOpenid, filter.openid());
		if (filter.tagId() != null) {
			q.apply("EXISTS (SELECT 1 FROM wx_follower_tag t WHERE t.account_id = wx_follower.account_id"
					+ " AND t.openid = wx_follower.openid AND t.tag_id = {0})", filter.tagId());
		}
		q.orderByDesc(Follower::getSubscribedAt).orderByDesc(Follower::getId);
		IPage<Follower> found = this.followers.selectPage(page.toPage(), q);
		Map<String, List<Long>> tags = tagsOf(accountId, found.getRecords().stream().map(Follower::getOpenid).toList());
		return page.result(found).map((f) -> view(f, tags.getOrDefault(f.getOpenid(), List.of())));
	}

	FollowerView get(long accountId, String openid) {
		Follower f = this.followers.find(accountId, openid);
		if (f == null) {
			throw ApiException.notFound("Follower", openid);
		}
		return view(f, tagsOf(accountId, List.of(openid)).getOrDefault(openid, List.of()));
	}

	FollowerView remark(Caller caller, AccountSnapshot account, String openid, String remark, int version) {
		Follower f = this.followers.find(account.id(), openid);
		if (f == null || !Boolean.TRUE.equals(f.getSubscribed())) {
			throw ApiException.notFound("Follower", openid);
		}
		if (f.getVersion() != version) {
			throw ApiException.staleVersion("follower");
		}
		String value = (remark == null) ? "" : remark;
		this.wechat.call(account, (s) -> {
			s.getUserService().userUpdateRemark(openid, value);
			return null;
		});
		this.tx.executeWithoutResult((status) -> {
			int changed = this.jdbc.update("""
					UPDATE wx_follower SET remark = ?, version = version + 1, updated_at = ?
					 WHERE account_id = ? AND openid = ? AND version = ? AND subscribed
					""", value.isEmpty() ? null : value, java.sql.Timestamp.from(now()), account.id(), openid, version);
			if (changed != 1) {
				throw ApiException.staleVersion("follower");
			}
			Map<String, Object> before = new HashMap<>();
			before.put("remark", f.getRemark());
			Map<String, Object> after = new HashMap<>();
			after.put("remark", value.isEmpty() ? null : value);
			this.audit.record(caller, "FOLLOWER_REMARK_CHANGED", "follower", openid, account.id(), before, after);
		});
		return get(account.id(), openid);
	}

	/** Blacklists or lifts the blacklist of followers, in WeChat's batches; audited. */
	int blacklist(Caller caller, AccountSnapshot account, List<String> openids, String reason, boolean add) {
		List<String> distinct = new ArrayList<>(new LinkedHashSet<>(openids));
		int done = 0;
		for (int from = 0; from < distinct.size(); from += this.blacklistBatch) {
			List<String> batch = List
				.copyOf(distinct.subList(from, Math.min(distinct.size(), from + this.blacklistBatch)));
			this.wechat.call(account, (s) -> {
				if (add) {
					s.getBlackListService().pushToBlacklist(batch);
				}
				else {
					s.getBlackListService().pullFromBlacklist(batch);
				}
				return null;
			});
			Instant now = now();
			this.tx.executeWithoutResult((status) -> {
				for (String openid : batch) {
					this.jdbc.update("""
							UPDATE wx_follower SET blacklisted = ?, blacklisted_at = ?, version = version + 1,
							       updated_at = ?
							 WHERE account_id = ? AND openid = ?
							""", add, add ? java.sql.Timestamp.from(now) : null, java.sql.Timestamp.from(now),
							account.id(), openid);
				}
				Map<String, Object> after = new LinkedHashMap<>();
				after.put("openids", batch);
				after.put("reason", reason);
				this.audit.record(caller, add ? "FOLLOWERS_BLACKLISTED" : "FOLLOWERS_UNBLACKLISTED", "follower",
						String.join(",", batch), account.id(), null, after);
			});
			done += batch.size();
		}
		return done;
	}

	private Map<String, List<Long>> tagsOf(long accountId, Collection<String> openids) {
		Map<String, List<Long>> tags = new HashMap<>();
		if (openids.isEmpty()) {
			return tags;
		}
		List<Object> args = new ArrayList<>();
		args.add(accountId);
		args.addAll(openids);
		this.jdbc.query(
				"SELECT openid, tag_id FROM wx_follower_tag WHERE account_id = ? AND openid IN ("
						+ String.join(",", java.util.Collections.nCopies(openids.size(), "?")) + ") ORDER BY tag_id",
				(rs) -> {
					tags.computeIfAbsent(rs.getString(1), (o) -> new ArrayList<>()).add(rs.getLong(2));
				}, args.toArray());
		return tags;
	}

	private static FollowerView view(Follower f, List<Long> tags) {
		return new FollowerView(f.getOpenid(), Boolean.TRUE.equals(f.getSubscribed()), f.getSubscribedAt(),
				f.getUnsubscribedAt(), f.getSubscribeScene(), f.getQrSceneStr(), f.getRemark(), tags,
				Boolean.TRUE.equals(f.getBlacklisted()), f.getBlacklistedAt(),
				(f.getVersion() != null) ? f.getVersion() : 0);
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

}
