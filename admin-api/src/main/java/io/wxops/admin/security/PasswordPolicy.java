package io.wxops.admin.security;

import java.security.SecureRandom;
import java.util.Locale;

import io.wxops.admin.web.ApiException;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Password rules and hashing. Hashes are Argon2id (spring-security-crypto with Bouncy
 * Castle); the policy asks for length and three of four character classes, and refuses a
 * password that contains the username.
 */
@Component
public class PasswordPolicy {

	private static final String GENERATED_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

	private static final String GENERATED_SYMBOLS = "!#%+-=?@";

	private final PasswordEncoder encoder = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();

	private final SecureRandom random = new SecureRandom();

	private final int minLength;

	/**
	 * A hash of a random password, checked for unknown usernames so timing tells nothing.
	 */
	private final String decoyHash;

	public PasswordPolicy(LoginProperties login) {
		this.minLength = login.minPasswordLength();
		this.decoyHash = this.encoder.encode(generate());
	}

	/**
	 * Checks a new password against the policy.
	 * @throws ApiException 400 with a field error on {@code field} when it falls short
	 */
	public void check(String field, String password, String username) {
		String problem = weakness(password, username);
		if (problem != null) {
			throw ApiException.invalid(field, problem);
		}
	}

	String weakness(String password, String username) {
		if (password == null || password.length() < this.minLength) {
			return "the password needs at least " + this.minLength + " characters";
		}
		if (password.length() > 128) {
			return "the password may have at most 128 characters";
		}
		int classes = 0;
		classes += password.chars().anyMatch(Character::isLowerCase) ? 1 : 0;
		classes += password.chars().anyMatch(Character::isUpperCase) ? 1 : 0;
		classes += password.chars().anyMatch(Character::isDigit) ? 1 : 0;
		classes += password.chars().anyMatch((c) -> !Character.isLetterOrDigit(c)) ? 1 : 0;
		if (classes < 3) {
			return "the password needs three of: lower-case letters, upper-case letters, digits, symbols";
		}
		if (username != null && !username.isBlank()
				&& password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
			return "the password must not contain the username";
		}
		return null;
	}

	public String hash(String password) {
		return this.encoder.encode(password);
	}

	public boolean matches(String password, String hash) {
		return password != null && this.encoder.matches(password, hash);
	}

	/** Spends the time of one check, for sign-ins with an unknown username. */
	public void checkDecoy(String password) {
		this.encoder.matches((password != null) ? password : "", this.decoyHash);
	}

	/** A random password that satisfies the policy (16 characters or the minimum). */
	public String generate() {
		int length = Math.max(16, this.minLength);
		StringBuilder out = new StringBuilder(length);
		while (out.length() < length - 2) {
			out.append(GENERATED_ALPHABET.charAt(this.random.nextInt(GENERATED_ALPHABET.length())));
		}
		out.append(GENERATED_SYMBOLS.charAt(this.random.nextInt(GENERATED_SYMBOLS.length())));
		out.append((char) ('2' + this.random.nextInt(8)));
		String candidate = out.toString();
		return (weakness(candidate, null) == null) ? candidate : generate();
	}

}
