package io.wxops.gateway;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Gateway settings ({@code wxops.gateway.*}).
 *
 * @param maxBodySize largest callback body accepted; WeChat's messages are a few KB
 * (compatible mode roughly triples them)
 * @param replyBudget time from receiving a callback to answering it; when a passive reply
 * is not ready by then WeChat gets {@code success} (the message is already stored). Keep
 * it well under WeChat's 5 s.
 * @param replyThreads threads that build passive replies
 * @param doneMarkerTtl how long Redis remembers a stored callback for fast duplicate
 * answers; longer than WeChat's retry span (3 retries after 5 s timeouts)
 * @param accountRefresh how often every account is reloaded, in case a change
 * announcement was missed
 * @param baselineEndpoint expose {@code /wx/{appid}/callback-baseline} (verify, decrypt
 * and parse only) for the benchmark; never in production
 */
@ConfigurationProperties("wxops.gateway")
public record GatewayProperties(@DefaultValue("64KB") DataSize maxBodySize, @DefaultValue("4s") Duration replyBudget,
		@DefaultValue("16") int replyThreads, @DefaultValue("10m") Duration doneMarkerTtl,
		@DefaultValue("5m") Duration accountRefresh, @DefaultValue("false") boolean baselineEndpoint) {
}
