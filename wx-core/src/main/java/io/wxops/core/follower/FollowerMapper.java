package io.wxops.core.follower;

import java.math.BigDecimal;
import java.time.Instant;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import com.baomidou.mybatisplus.core.toolkit.Wrappers;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/**
 * Follower rows are only ever written with {@code INSERT ... ON DUPLICATE KEY UPDATE}
 * against the unique (account, openid) key, so concurrent events can never create two
 * rows. A state change applies only if its CreateTime is not older than the state already
 * recorded, so a late retry of an old event cannot undo a newer one. (MySQL applies the
 * assignments in order, which is why {@code state_time} comes last.) A follower sync's
 * observation ({@link #syncSubscribed}) applies only if strictly newer than the recorded
 * state, so an event in the same second wins over the sync.
 */
@Mapper
public interface FollowerMapper extends BaseMapper<Follower> {

	default Follower find(long accountId, String openid) {
		return selectOne(
				Wrappers.<Follower>lambdaQuery().eq(Follower::getAccountId, accountId).eq(Follower::getOpenid, openid));
	}

	@Insert("""
			INSERT INTO wx_follower (account_id, openid, subscribed, state_time, subscribed_at, subscribe_scene,
			                         qr_ticket, created_at, updated_at)
			VALUES (#{accountId}, #{openid}, TRUE, #{stateTime}, #{now}, #{scene}, #{ticket}, #{now}, #{now})
			ON DUPLICATE KEY UPDATE
			    subscribed      = IF(VALUES(state_time) >= state_time, TRUE, subscribed),
			    subscribed_at   = IF(VALUES(state_time) >= state_time, VALUES(subscribed_at), subscribed_at),
			    subscribe_scene = IF(VALUES(state_time) >= state_time, VALUES(subscribe_scene), subscribe_scene),
			    qr_ticket       = IF(VALUES(state_time) >= state_time, VALUES(qr_ticket), qr_ticket),
			    erased_at       = IF(VALUES(state_time) >= state_time, NULL, erased_at),
			    updated_at      = VALUES(updated_at),
			    state_time      = GREATEST(state_time, VALUES(state_time))
			""")
	int subscribe(@Param("accountId") long accountId, @Param("openid") String openid,
			@Param("stateTime") long stateTime, @Param("scene") String scene, @Param("ticket") String ticket,
			@Param("now") Instant now);

	/**
	 * A SCAN proves the sender follows the account (possibly since before this system
	 * existed): make sure the row exists and is subscribed, keeping the scene that first
	 * brought them.
	 */
	@Insert("""
			INSERT INTO wx_follower (account_id, openid, subscribed, state_time, created_at, updated_at)
			VALUES (#{accountId}, #{openid}, TRUE, #{stateTime}, #{now}, #{now})
			ON DUPLICATE KEY UPDATE
			    subscribed = IF(VALUES(state_time) >= state_time, TRUE, subscribed),
			    erased_at  = IF(VALUES(state_time) >= state_time, NULL, erased_at),
			    updated_at = VALUES(updated_at),
			    state_time = GREATEST(state_time, VALUES(state_time))
			""")
	int confirmSubscribed(@Param("accountId") long accountId, @Param("openid") String openid,
			@Param("stateTime") long stateTime, @Param("now") Instant now);

	/**
	 * Marks the follower unsubscribed and, if this is the newest state, erases the
	 * personal data WeChat requires us to delete: profile, scene, and location.
	 */
	@Insert("""
			INSERT INTO wx_follower (account_id, openid, subscribed, state_time, unsubscribed_at, erased_at,
			                         created_at, updated_at)
			VALUES (#{accountId}, #{openid}, FALSE, #{stateTime}, #{now}, #{now}, #{now}, #{now})
			ON DUPLICATE KEY UPDATE
			    subscribed       = IF(VALUES(state_time) >= state_time, FALSE, subscribed),
			    unsubscribed_at  = IF(VALUES(state_time) >= state_time, VALUES(unsubscribed_at), unsubscribed_at),
			    subscribe_scene  = IF(VALUES(state_time) >= state_time, NULL, subscribe_scene),
			    qr_ticket        = IF(VALUES(state_time) >= state_time, NULL, qr_ticket),
			    qr_scene_str     = IF(VALUES(state_time) >= state_time, NULL, qr_scene_str),
			    nickname         = IF(VALUES(state_time) >= state_time, NULL, nickname),
			    remark           = IF(VALUES(state_time) >= state_time, NULL, remark),
			    language         = IF(VALUES(state_time) >= state_time, NULL, language),
			    city             = IF(VALUES(state_time) >= state_time, NULL, city),
			    province         = IF(VALUES(state_time) >= state_time, NULL, province),
			    country          = IF(VALUES(state_time) >= state_time, NULL, country),
			    head_img_url     = IF(VALUES(state_time) >= state_time, NULL, head_img_url),
			    union_id         = IF(VALUES(state_time) >= state_time, NULL, union_id),
			    last_latitude    = IF(VALUES(state_time) >= state_time, NULL, last_latitude),
			    last_longitude   = IF(VALUES(state_time) >= state_time, NULL, last_longitude),
			    last_precision   = IF(VALUES(state_time) >= state_time, NULL, last_precision),
			    last_location_at = IF(VALUES(state_time) >= state_time, NULL, last_location_at),
			    last_message_at  = IF(VALUES(state_time) >= state_time, NULL, last_message_at),
			    erased_at        = IF(VALUES(state_time) >= state_time, VALUES(erased_at), erased_at),
			    updated_at       = VALUES(updated_at),
			    state_time       = GREATEST(state_time, VALUES(state_time))
			""")
	int unsubscribeAndErase(@Param("accountId") long accountId, @Param("openid") String openid,
			@Param("stateTime") long stateTime, @Param("now") Instant now);

	/**
	 * Remembers the last reported location of a follower. A follower who followed before
	 * the system existed gets a row here; an unsubscribed follower's location is never
	 * stored.
	 */
	@Insert("""
			INSERT INTO wx_follower (account_id, openid, subscribed, state_time, last_latitude, last_longitude,
			                         last_precision, last_location_at, created_at, updated_at)
			VALUES (#{accountId}, #{openid}, TRUE, 0, #{lat}, #{lng}, #{precision}, #{now}, #{now}, #{now})
			ON DUPLICATE KEY UPDATE
			    last_latitude    = IF(subscribed, VALUES(last_latitude), NULL),
			    last_longitude   = IF(subscribed, VALUES(last_longitude), NULL),
			    last_precision   = IF(subscribed, VALUES(last_precision), NULL),
			    last_location_at = IF(subscribed, VALUES(last_location_at), NULL),
			    updated_at       = VALUES(updated_at)
			""")
	int recordLocation(@Param("accountId") long accountId, @Param("openid") String openid,
			@Param("lat") BigDecimal latitude, @Param("lng") BigDecimal longitude,
			@Param("precision") BigDecimal precision, @Param("now") Instant now);

	/**
	 * The closed tickets of a follower who left: their openid becomes the same pseudonym
	 * as the stored messages' (the ticket keeps its record and texts). A ticket still
	 * open keeps the openid until it is closed (admin-api then pseudonymises it).
	 */
	@org.apache.ibatis.annotations.Update("""
			UPDATE inb_ticket SET openid = #{pseudonym}
			 WHERE account_id = #{accountId} AND openid = #{openid} AND status = 'CLOSED'
			""")
	int pseudonymiseClosedTickets(@Param("accountId") long accountId, @Param("openid") String openid,
			@Param("pseudonym") String pseudonym);

	/** A follower as {@code user/info/batchget} reported them subscribed. */
	record Synced(String openid, Instant subscribedAt, String scene, String qrSceneStr, String remark, String unionId) {
	}

	/**
	 * Records followers a sync saw subscribed at {@code observed} (epoch seconds, taken
	 * before the call). The state and WeChat's fields apply only when the observation is
	 * newer than the recorded state (a sync never undoes an unsubscribe it raced); the
	 * run is recorded either way, so a follower who subscribed meanwhile is not taken for
	 * missing.
	 */
	@Insert("""
			<script>
			INSERT INTO wx_follower (account_id, openid, subscribed, state_time, subscribed_at, subscribe_scene,
			                         qr_scene_str, remark, union_id, sync_run, created_at, updated_at)
			VALUES
			<foreach collection="rows" item="r" separator=",">
			(#{accountId}, #{r.openid}, TRUE, #{observed}, #{r.subscribedAt}, #{r.scene}, #{r.qrSceneStr}, #{r.remark},
			 #{r.unionId}, #{run}, #{now}, #{now})
			</foreach>
			ON DUPLICATE KEY UPDATE
			    subscribed      = IF(VALUES(state_time) &gt; state_time, TRUE, subscribed),
			    subscribed_at   = IF(VALUES(state_time) &gt; state_time, VALUES(subscribed_at), subscribed_at),
			    unsubscribed_at = IF(VALUES(state_time) &gt; state_time, NULL, unsubscribed_at),
			    subscribe_scene = IF(VALUES(state_time) &gt; state_time, VALUES(subscribe_scene), subscribe_scene),
			    qr_scene_str    = IF(VALUES(state_time) &gt; state_time, VALUES(qr_scene_str), qr_scene_str),
			    remark          = IF(VALUES(state_time) &gt; state_time, VALUES(remark), remark),
			    union_id        = IF(VALUES(state_time) &gt; state_time, VALUES(union_id), union_id),
			    erased_at       = IF(VALUES(state_time) &gt; state_time, NULL, erased_at),
			    sync_run        = VALUES(sync_run),
			    updated_at      = VALUES(updated_at),
			    state_time      = GREATEST(state_time, VALUES(state_time))
			</script>
			""")
	int syncSubscribed(@Param("accountId") long accountId, @Param("rows") java.util.List<Synced> rows,
			@Param("observed") long observed, @Param("run") long run, @Param("now") Instant now);

	/**
	 * Replaces the tags of followers with what WeChat reported, only for those still
	 * subscribed (a follower who left meanwhile keeps none).
	 */
	@org.apache.ibatis.annotations.Delete("""
			<script>
			DELETE FROM wx_follower_tag WHERE account_id = #{accountId} AND openid IN
			<foreach collection="openids" item="o" open="(" separator="," close=")">#{o}</foreach>
			</script>
			""")
	int clearTags(@Param("accountId") long accountId, @Param("openids") java.util.Collection<String> openids);

	/** One follower's tag. */
	record TagPair(String openid, long tagId) {
	}

	@Insert("""
			<script>
			INSERT IGNORE INTO wx_follower_tag (account_id, openid, tag_id)
			SELECT f.account_id, f.openid, v.tag_id FROM (
			<foreach collection="pairs" item="p" separator=" UNION ALL ">SELECT #{p.openid} AS openid, #{p.tagId} AS tag_id</foreach>
			) v JOIN wx_follower f ON f.account_id = #{accountId} AND f.openid = v.openid AND f.subscribed
			</script>
			""")
	int addTags(@Param("accountId") long accountId, @Param("pairs") java.util.Collection<TagPair> pairs);

	/**
	 * The tags of a follower who left (their row is unsubscribed): personal data, erased.
	 */
	@org.apache.ibatis.annotations.Delete("""
			DELETE t FROM wx_follower_tag t
			  JOIN wx_follower f ON f.account_id = t.account_id AND f.openid = t.openid AND NOT f.subscribed
			 WHERE t.account_id = #{accountId} AND t.openid = #{openid}
			""")
	int dropTagsOfLeft(@Param("accountId") long accountId, @Param("openid") String openid);

}
