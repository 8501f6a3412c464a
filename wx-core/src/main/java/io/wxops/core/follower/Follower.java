package io.wxops.core.follower;

import java.math.BigDecimal;
import java.time.Instant;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

/** One row per (account, openid), kept by subscribe/unsubscribe events. */
@TableName("wx_follower")
public class Follower {

	@TableId(type = IdType.AUTO)
	private Long id;

	private Long accountId;

	private String openid;

	private Boolean subscribed;

	private Long stateTime;

	private Instant subscribedAt;

	private Instant unsubscribedAt;

	private String subscribeScene;

	private String qrTicket;

	private String qrSceneStr;

	private Boolean blacklisted;

	private Instant blacklistedAt;

	private Long syncRun;

	private Integer version;

	private String nickname;

	private String remark;

	private String language;

	private String city;

	private String province;

	private String country;

	private String headImgUrl;

	private String unionId;

	private BigDecimal lastLatitude;

	private BigDecimal lastLongitude;

	private BigDecimal lastPrecision;

	private Instant lastLocationAt;

	private Instant lastMessageAt;

	private Instant erasedAt;

	private Instant createdAt;

	private Instant updatedAt;

	public Long getId() {
		return this.id;
	}

	public void setId(Long id) {
		this.id = id;
	}

	public Long getAccountId() {
		return this.accountId;
	}

	public void setAccountId(Long accountId) {
		this.accountId = accountId;
	}

	public String getOpenid() {
		return this.openid;
	}

	public void setOpenid(String openid) {
		this.openid = openid;
	}

	public Boolean getSubscribed() {
		return this.subscribed;
	}

	public void setSubscribed(Boolean subscribed) {
		this.subscribed = subscribed;
	}

	public Long getStateTime() {
		return this.stateTime;
	}

	public void setStateTime(Long stateTime) {
		this.stateTime = stateTime;
	}

	public Instant getSubscribedAt() {
		return this.subscribedAt;
	}

	public void setSubscribedAt(Instant subscribedAt) {
		this.subscribedAt = subscribedAt;
	}

	public Instant getUnsubscribedAt() {
		return this.unsubscribedAt;
	}

	public void setUnsubscribedAt(Instant unsubscribedAt) {
		this.unsubscribedAt = unsubscribedAt;
	}

	public String getSubscribeScene() {
		return this.subscribeScene;
	}

	public void setSubscribeScene(String subscribeScene) {
		this.subscribeScene = subscribeScene;
	}

	public String getQrTicket() {
		return this.qrTicket;
	}

	public void setQrTicket(String qrTicket) {
		this.qrTicket = qrTicket;
	}

	public String getNickname() {
		return this.nickname;
	}

	public void setNickname(String nickname) {
		this.nickname = nickname;
	}

	public String getRemark() {
		return this.remark;
	}

	public void setRemark(String remark) {
		this.remark = remark;
	}

	public String getLanguage() {
		return this.language;
	}

	public void setLanguage(String language) {
		this.language = language;
	}

	public String getCity() {
		return this.city;
	}

	public void setCity(String city) {
		this.city = city;
	}

	public String getProvince() {
		return this.province;
	}

	public void setProvince(String province) {
		this.province = province;
	}

	public String getCountry() {
		return this.country;
	}

	public void setCountry(String country) {
		this.country = country;
	}

	public String getHeadImgUrl() {
		return this.headImgUrl;
	}

	public void setHeadImgUrl(String headImgUrl) {
		this.headImgUrl = headImgUrl;
	}

	public String getUnionId() {
		return this.unionId;
	}

	public void setUnionId(String unionId) {
		this.unionId = unionId;
	}

	public BigDecimal getLastLatitude() {
		return this.lastLatitude;
	}

	public void setLastLatitude(BigDecimal lastLatitude) {
		this.lastLatitude = lastLatitude;
	}

	public BigDecimal getLastLongitude() {
		return this.lastLongitude;
	}

	public void setLastLongitude(BigDecimal lastLongitude) {
		this.lastLongitude = lastLongitude;
	}

	public BigDecimal getLastPrecision() {
		return this.lastPrecision;
	}

	public void setLastPrecision(BigDecimal lastPrecision) {
		this.lastPrecision = lastPrecision;
	}

	public Instant getLastLocationAt() {
		return this.lastLocationAt;
	}

	public void setLastLocationAt(Instant lastLocationAt) {
		this.lastLocationAt = lastLocationAt;
	}

	public Instant getLastMessageAt() {
		return this.lastMessageAt;
	}

	public void setLastMessageAt(Instant lastMessageAt) {
		this.lastMessageAt = lastMessageAt;
	}

	public Instant getErasedAt() {
		return this.erasedAt;
	}

	public void setErasedAt(Instant erasedAt) {
		this.erasedAt = erasedAt;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public void setCreatedAt(Instant createdAt) {
		this.createdAt = createdAt;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

	public void setUpdatedAt(Instant updatedAt) {
		this.updatedAt = updatedAt;
	}

	public String getQrSceneStr() {
		return this.qrSceneStr;
	}

	public void setQrSceneStr(String qrSceneStr) {
		this.qrSceneStr = qrSceneStr;
	}

	public Boolean getBlacklisted() {
		return this.blacklisted;
	}

	public void setBlacklisted(Boolean blacklisted) {
		this.blacklisted = blacklisted;
	}

	public Instant getBlacklistedAt() {
		return this.blacklistedAt;
	}

	public void setBlacklistedAt(Instant blacklistedAt) {
		this.blacklistedAt = blacklistedAt;
	}

	public Long getSyncRun() {
		return this.syncRun;
	}

	public void setSyncRun(Long syncRun) {
		this.syncRun = syncRun;
	}

	public Integer getVersion() {
		return this.version;
	}

	public void setVersion(Integer version) {
		this.version = version;
	}

}
