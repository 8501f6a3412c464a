package io.wxops.core.account;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import com.baomidou.mybatisplus.core.toolkit.Wrappers;
import io.wxops.core.secret.SecretCipher;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.annotation.Transactional;

/**
 * The accounts in the database: registration, changes and key rotation, with secrets
 * sealed by {@link SecretCipher} and every committed change announced to running
 * instances.
 */
public class AccountRegistry {

	private static final Pattern APP_ID = Pattern.compile("wx[0-9a-zA-Z]{16}");

	private static final Pattern ORIGINAL_ID = Pattern.compile("gh_[0-9a-zA-Z]{6,28}");

	private static final Pattern TOKEN = Pattern.compile("[0-9a-zA-Z]{3,32}");

	private static final Pattern AES_KEY = Pattern.compile("[0-9a-zA-Z]{43}");

	private static final Pattern APP_SECRET = Pattern.compile("[0-9a-zA-Z]{16,64}");

	private final AccountMapper mapper;

	private final SecretCipher cipher;

	private final AccountChangeNotifier notifier;

	private final Clock clock;

	public AccountRegistry(AccountMapper mapper, SecretCipher cipher, AccountChangeNotifier notifier, Clock clock) {
		this.mapper = mapper;
		this.cipher = cipher;
		this.notifier = notifier;
		this.clock = clock;
	}

	/** Registers an account that operates at once (tests, local demo data). */
	@Transactional
	public AccountSnapshot register(NewAccount cmd) {
		return register(cmd, AccountStatus.ACTIVE, (row) -> {
		});
	}

	/**
	 * Registers an account in the given status, letting the caller fill the registry
	 * details before the row is inserted.
	 * @param cmd identity, mode and secrets
	 * @param initialStatus the status it starts in
	 * @param details fills registry fields of the row (owning unit, contacts, policies)
	 * @return the account as stored
	 */
	@Transactional
	public AccountSnapshot register(NewAccount cmd, AccountStatus initialStatus, Consumer<Account> details) {
		Map<String, String> errors = validate(cmd);
		if (!errors.isEmpty()) {
			throw new InvalidAccountException(errors);
		}
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		Account row = new Account();
		row.setAppId(cmd.appId());
		row.setOriginalId(cmd.originalId());
		row.setName(cmd.name().trim());
		row.setAccountType(cmd.type());
		row.setMessageMode(cmd.mode());
		row.setStatus(initialStatus);
		row.setStatusChangedAt(now);
		row.setTokenEnc(this.cipher.encrypt(cmd.token()));
		row.setAesKeyEnc(this.cipher.encrypt(cmd.aesKey()));
		row.setAppSecretEnc(this.cipher.encrypt(cmd.appSecret()));
		row.setSecretsUpdatedAt(now);
		row.setTokenSetAt(now);
		row.setAesKeySetAt((cmd.aesKey() != null) ? now : null);
		row.setAppSecretSetAt((cmd.appSecret() != null) ? now : null);
		details.accept(row);
		row.setVersion(1);
		row.setCreatedAt(now);
		row.setUpdatedAt(now);
		try {
			this.mapper.insert(row);
		}
		catch (DuplicateKeyException ex) {
			throw new InvalidAccountException(
					Map.of("appId", "an account with this AppID or original id already exists"));
		}
		this.notifier.accountChanged(row.getAppId());
		return toSnapshot(row);
	}

	@Transactional
	public AccountSnapshot update(String appId, AccountUpdate change) {
		Account row = this.mapper.findByAppId(appId);
		if (row == null) {
			throw new AccountNotFoundException(appId);
		}
		Map<String, String> errors = validate(row, change);
		MessageMode mode = (change.mode() != null) ? change.mode() : row.getMessageMode();
		if (!errors.isEmpty()) {
			throw new InvalidAccountException(errors);
		}
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		if (change.name() != null && !change.name().isBlank()) {
			row.setName(change.name().trim());
		}
		row.setMessageMode(mode);
		if (change.status() != null && change.status() != row.getStatus()) {
			row.setStatus(change.status());
			row.setStatusChangedAt(now);
		}
		if (change.token() != null) {
			row.setTokenEnc(this.cipher.encrypt(change.token()));
			row.setSecretsUpdatedAt(now);
			row.setTokenSetAt(now);
		}
		if (change.aesKey() != null) {
			row.setPreviousAesKeyEnc(row.getAesKeyEnc());
			row.setAesKeyEnc(this.cipher.encrypt(change.aesKey()));
			row.setSecretsUpdatedAt(now);
			row.setAesKeySetAt(now);
		}
		if (change.appSecret() != null) {
			row.setAppSecretEnc(this.cipher.encrypt(change.appSecret()));
			row.setSecretsUpdatedAt(now);
			row.setAppSecretSetAt(now);
		}
		int expectedVersion = row.getVersion();
		row.setVersion(expectedVersion + 1);
		row.setUpdatedAt(now);
		int updated = this.mapper.update(row,
				Wrappers.<Account>lambdaUpdate()
					.eq(Account::getId, row.getId())
					.eq(Account::getVersion, expectedVersion));
		if (updated != 1) {
			throw new ConcurrentAccountChangeException(appId);
		}
		this.notifier.accountChanged(appId);
		return toSnapshot(row);
	}

	/**
	 * What is wrong with a registration, field by field; empty when nothing is.
	 * @param cmd the registration
	 * @return field errors
	 */
	public Map<String, String> validate(NewAccount cmd) {
		Map<String, String> errors = new LinkedHashMap<>();
		check(errors, "appId", cmd.appId(), APP_ID, "AppID must be 'wx' followed by 16 letters or digits");
		check(errors, "originalId", cmd.originalId(), ORIGINAL_ID, "original id must look like gh_xxxxxxxxxxxx");
		if (cmd.name() == null || cmd.name().isBlank() || cmd.name().length() > 128) {
			errors.put("name", "name is required (at most 128 characters)");
		}
		if (cmd.type() == null) {
			errors.put("type", "type is required: SUBSCRIPTION or SERVICE");
		}
		if (cmd.mode() == null) {
			errors.put("mode", "message mode is required: PLAINTEXT, COMPATIBLE or SAFE");
		}
		check(errors, "token", cmd.token(), TOKEN, "Token must be 3 to 32 letters or digits");
		if (cmd.mode() != null && cmd.mode().needsAesKey() || cmd.aesKey() != null) {
			check(errors, "aesKey", cmd.aesKey(), AES_KEY, "EncodingAESKey must be 43 letters or digits");
		}
		if (cmd.appSecret() != null) {
			check(errors, "appSecret", cmd.appSecret(), APP_SECRET, "AppSecret must be 16 to 64 letters or digits");
		}
		return errors;
	}

	/**
	 * What is wrong with a change to an account, field by field; empty when nothing is.
	 * @param appId the account
	 * @param change the change
	 * @return field errors
	 */
	public Map<String, String> validate(String appId, AccountUpdate change) {
		Account row = this.mapper.findByAppId(appId);
		if (row == null) {
			throw new AccountNotFoundException(appId);
		}
		return validate(row, change);
	}

	private Map<String, String> validate(Account row, AccountUpdate change) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (change.status() != null && change.status() != row.getStatus()
				&& !row.getStatus().canBecome(change.status())) {
			errors.put("status", "an account that is " + row.getStatus() + " cannot become " + change.status());
		}
		if (change.token() != null) {
			check(errors, "token", change.token(), TOKEN, "Token must be 3 to 32 letters or digits");
		}
		if (change.aesKey() != null) {
			check(errors, "aesKey", change.aesKey(), AES_KEY, "EncodingAESKey must be 43 letters or digits");
		}
		if (change.appSecret() != null) {
			check(errors, "appSecret", change.appSecret(), APP_SECRET, "AppSecret must be 16 to 64 letters or digits");
		}
		MessageMode mode = (change.mode() != null) ? change.mode() : row.getMessageMode();
		if (mode.needsAesKey() && row.getAesKeyEnc() == null && change.aesKey() == null) {
			errors.put("aesKey", "mode " + mode + " needs an EncodingAESKey");
		}
		return errors;
	}

	public Optional<AccountSnapshot> find(String appId) {
		return Optional.ofNullable(this.mapper.findByAppId(appId)).map(this::toSnapshot);
	}

	public List<AccountSnapshot> findAll() {
		return this.mapper.selectList(null).stream().map(this::toSnapshot).toList();
	}

	private AccountSnapshot toSnapshot(Account row) {
		return new AccountSnapshot(row.getId(), row.getAppId(), row.getOriginalId(), row.getName(),
				row.getAccountType(), row.getMessageMode(), row.getStatus(), this.cipher.decrypt(row.getTokenEnc()),
				this.cipher.decrypt(row.getAesKeyEnc()), this.cipher.decrypt(row.getPreviousAesKeyEnc()),
				this.cipher.decrypt(row.getAppSecretEnc()), row.getVersion());
	}

	private static void check(Map<String, String> errors, String field, String value, Pattern pattern, String message) {
		if (value == null || !pattern.matcher(value).matches()) {
			errors.put(field, message);
		}
	}

}
