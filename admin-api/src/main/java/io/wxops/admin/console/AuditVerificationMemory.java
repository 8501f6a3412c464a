package io.wxops.admin.console;

import java.time.Instant;
import java.util.Optional;

import io.wxops.admin.audit.AuditVerifier.Verification;
import io.wxops.core.redis.RedisKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.MethodParameter;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Remembers the outcome of the last audit chain verification ({@code GET
 * /api/audit/verify}), for auditors' "my work". In Redis, so every instance shows the
 * same one. It is a convenience, not a record: the verification itself is still not
 * written to the audit record, and losing it (a Redis flush) only shows "never verified".
 */
@ControllerAdvice
class AuditVerificationMemory implements ResponseBodyAdvice<Verification> {

	private static final Logger log = LoggerFactory.getLogger(AuditVerificationMemory.class);

	/** The remembered verification. */
	record Last(Instant checkedAt, boolean intact, long entries, Long firstBrokenSeq) {
	}

	private final StringRedisTemplate redis;

	private final String key;

	private final JsonMapper json;

	AuditVerificationMemory(StringRedisTemplate redis, RedisKeys keys, JsonMapper json) {
		this.redis = redis;
		this.key = keys.prefix() + ":console:last-audit-verification";
		this.json = json;
	}

	@Override
	public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
		return Verification.class.equals(returnType.getParameterType());
	}

	@Override
	public Verification beforeBodyWrite(Verification body, MethodParameter returnType, MediaType contentType,
			Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
			ServerHttpResponse response) {
		if (body != null) {
			try {
				this.redis.opsForValue()
					.set(this.key, this.json.writeValueAsString(
							new Last(body.checkedAt(), body.intact(), body.entries(), body.firstBrokenSeq())));
			}
			catch (RuntimeException ex) {
				// The verification's answer matters more than remembering it.
				log.warn("Could not remember the audit verification: {}", ex.toString());
			}
		}
		return body;
	}

	Optional<Last> last() {
		String value = this.redis.opsForValue().get(this.key);
		return (value != null) ? Optional.of(this.json.readValue(value, Last.class)) : Optional.empty();
	}

}
