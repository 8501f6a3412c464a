package io.wxops.gateway.reply;

/** The rule that answered and the plaintext reply XML it produced. */
public record ReplyDecision(long ruleId, String xml) {
}
