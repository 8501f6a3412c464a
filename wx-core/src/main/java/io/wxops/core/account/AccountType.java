package io.wxops.core.account;

/** 公众号 (formerly 订阅号) or 服务号; decides WeChat's mass-send quota. */
public enum AccountType {

	SUBSCRIPTION, SERVICE

}
