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
 * assignments in order, which is why {@code state_time} comes last.)
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

}
