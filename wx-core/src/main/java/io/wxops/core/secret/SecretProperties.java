package io.wxops.core.secret;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Keys for secrets at rest.
 *
 * @param key base64 of 32 random bytes; set it from the {@code WXOPS_SECRET_KEY}
 * environment variable, never in a committed file
 * @param previousKeys keys used before a rotation, still accepted for decryption
 */
@ConfigurationProperties("wxops.secrets")
public record SecretProperties(String key, List<String> previousKeys) {

	public SecretProperties {
		previousKeys = (previousKeys != null) ? List.copyOf(previousKeys) : List.of();
	}

	@Override
	public String toString() {
		return "SecretProperties[key=******, previousKeys=" + this.previousKeys.size() + "]";
	}

}
