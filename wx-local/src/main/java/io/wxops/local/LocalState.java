package io.wxops.local;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the local run keeps between runs, in {@code ~/.wxops} (or
 * {@code wxops.local.home}): the secret key that seals account secrets in the database,
 * and the demo account's callback secrets, so a restart against a kept database (or a
 * tool configured with the demo Token) still works. Both files are created readable by
 * the owner only, and their contents are never logged.
 */
final class LocalState {

	static final String SECRET_KEY_FILE = "local-secret-key";

	static final String DEMO_ACCOUNT_FILE = "local-demo-account.properties";

	static final String DEMO_PASSWORD_FILE = "local-demo-password";

	static final String AUDIT_HMAC_KEY_FILE = "local-audit-hmac-key";

	static final String AUDIT_SIGNING_KEY_FILE = "local-audit-signing-key";

	private static final Logger log = LoggerFactory.getLogger(LocalState.class);

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final String ALNUM = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

	private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");

	private static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");

	private static final Pattern TOKEN = Pattern.compile("[0-9a-zA-Z]{20}");

	private static final Pattern AES_KEY = Pattern.compile("[0-9a-zA-Z]{43}");

	private static final Pattern APP_SECRET = Pattern.compile("[0-9a-zA-Z]{32}");

	/** How often a file another launcher is creating at this moment is read again. */
	private static final int READ_ATTEMPTS = 20;

	private LocalState() {
	}

	/** Where the key came from, for the banner; never the key itself. */
	record SecretKey(String base64, String source) {

		@Override
		public String toString() {
			return "SecretKey[source=" + this.source + ", key=******]";
		}

	}

	/** The demo account's secrets as WeChat's console would show them. */
	record DemoSecrets(String token, String aesKey, String appSecret) {

		@Override
		public String toString() {
			return "DemoSecrets[******]";
		}

	}

	/**
	 * The key from {@code WXOPS_SECRET_KEY}, or the one kept in the home directory,
	 * created on first use.
	 */
	static SecretKey secretKey(LocalSettings settings) {
		String fromSetting = settings.get(LocalSettings.SECRET_KEY);
		if (fromSetting != null) {
			requireKey(fromSetting, LocalSettings.SECRET_KEY);
			return new SecretKey(fromSetting, LocalSettings.SECRET_KEY);
		}
		Path file = settings.home().resolve(SECRET_KEY_FILE);
		try {
			privateDirectory(file.getParent());
			String key = readOrCreate(file, LocalState::generateKey).trim();
			requireKey(key, file.toString());
			return new SecretKey(key, file.toString());
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read or create the local secret key " + file + ": "
					+ ex.getMessage() + " (or set " + LocalSettings.SECRET_KEY + ")", ex);
		}
	}

	/**
	 * A 32-byte audit key (the chain's HMAC key or the checkpoint signing key) from the
	 * setting, or the one kept in the home directory, created on first use, so the chain
	 * written by one local run still verifies in the next.
	 */
	static SecretKey auditKey(LocalSettings settings, String setting, String fileName) {
		String fromSetting = settings.get(setting);
		if (fromSetting != null) {
			requireKey(fromSetting, setting);
			return new SecretKey(fromSetting, setting);
		}
		Path file = settings.home().resolve(fileName);
		try {
			privateDirectory(file.getParent());
			String key = readOrCreate(file, LocalState::generateKey).trim();
			requireKey(key, file.toString());
			return new SecretKey(key, file.toString());
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read or create the local audit key " + file + ": " + ex.getMessage()
					+ " (or set " + setting + ")", ex);
		}
	}

	/** The demo account's secrets, generated once. A damaged file is replaced. */
	static DemoSecrets demoSecrets(LocalSettings settings) {
		Path file = settings.home().resolve(DEMO_ACCOUNT_FILE);
		try {
			privateDirectory(file.getParent());
			DemoSecrets secrets = parse(readOrCreate(file, () -> format(generateDemoSecrets())));
			if (secrets == null) {
				log.warn("{} is damaged; writing new demo account secrets", file);
				secrets = generateDemoSecrets();
				writePrivate(file, format(secrets));
			}
			return secrets;
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read or create " + file + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * The password of the local run's demo people, generated once per local home so no
	 * password is committed anywhere.
	 */
	static String demoPassword(LocalSettings settings) {
		Path file = settings.home().resolve(DEMO_PASSWORD_FILE);
		try {
			privateDirectory(file.getParent());
			String stored = readOrCreate(file, () -> "Wxops!" + randomAlnum(12) + "7").trim();
			if (stored.length() < 12) {
				stored = "Wxops!" + randomAlnum(12) + "7";
				writePrivate(file, stored);
			}
			return stored;
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read or create " + file + ": " + ex.getMessage(), ex);
		}
	}

	static Path demoSecretsFile(LocalSettings settings) {
		return settings.home().resolve(DEMO_ACCOUNT_FILE);
	}

	static String generateKey() {
		byte[] key = new byte[32];
		RANDOM.nextBytes(key);
		return Base64.getEncoder().encodeToString(key);
	}

	static String randomAlnum(int length) {
		StringBuilder sb = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			sb.append(ALNUM.charAt(RANDOM.nextInt(ALNUM.length())));
		}
		return sb.toString();
	}

	private static DemoSecrets generateDemoSecrets() {
		return new DemoSecrets(randomAlnum(20), randomAlnum(43), randomAlnum(32));
	}

	private static String format(DemoSecrets secrets) {
		Properties props = new Properties();
		props.setProperty("token", secrets.token());
		props.setProperty("aesKey", secrets.aesKey());
		props.setProperty("appSecret", secrets.appSecret());
		StringWriter out = new StringWriter();
		try {
			props.store(out, "wxops local run: secrets of the demo account wxd000000000000001 (simulated, local only)");
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return out.toString();
	}

	private static DemoSecrets parse(String text) throws IOException {
		Properties props = new Properties();
		props.load(new StringReader(text));
		String token = props.getProperty("token", "").trim();
		String aesKey = props.getProperty("aesKey", "").trim();
		String appSecret = props.getProperty("appSecret", "").trim();
		if (!TOKEN.matcher(token).matches() || !AES_KEY.matcher(aesKey).matches()
				|| !APP_SECRET.matcher(appSecret).matches()) {
			return null;
		}
		return new DemoSecrets(token, aesKey, appSecret);
	}

	private static void requireKey(String base64, String origin) {
		byte[] raw;
		try {
			raw = Base64.getDecoder().decode(base64.trim());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("The secret key from " + origin + " is not valid base64");
		}
		if (raw.length != 32) {
			throw new IllegalStateException(
					"The secret key from " + origin + " must decode to 32 bytes, got " + raw.length);
		}
	}

	/**
	 * Reads the file, or creates it with the owner-only permission and the given content.
	 * The file is created exclusively, so two launchers starting at once agree on one
	 * content; the loser reads what the winner wrote, waiting briefly while it is still
	 * empty.
	 */
	private static String readOrCreate(Path file, java.util.function.Supplier<String> content) throws IOException {
		if (!Files.exists(file)) {
			String fresh = content.get();
			try {
				createPrivate(file);
				Files.writeString(file, fresh, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING,
						StandardOpenOption.SYNC);
				log.info("Created {}", file);
				return fresh;
			}
			catch (FileAlreadyExistsException ex) {
				// another launcher won the race; read its content below
			}
		}
		tightenPermissions(file);
		for (int attempt = 1;; attempt++) {
			String text = Files.readString(file, StandardCharsets.UTF_8);
			if (!text.isBlank() || attempt >= READ_ATTEMPTS) {
				return text;
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return text;
			}
		}
	}

	private static void writePrivate(Path file, String content) throws IOException {
		if (!Files.exists(file)) {
			createPrivate(file);
		}
		tightenPermissions(file);
		Files.writeString(file, content, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING,
				StandardOpenOption.SYNC);
	}

	private static void createPrivate(Path file) throws IOException {
		if (isPosix(file.getParent())) {
			Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_FILE));
		}
		else {
			Files.createFile(file);
		}
	}

	private static void privateDirectory(Path dir) throws IOException {
		if (Files.isDirectory(dir)) {
			return;
		}
		if (isPosix(dir.getParent() != null ? dir.getParent() : dir)) {
			Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_DIR));
		}
		else {
			Files.createDirectories(dir);
		}
	}

	/**
	 * A secret file others can read is made private, with a warning, rather than refused.
	 */
	private static void tightenPermissions(Path file) throws IOException {
		if (!isPosix(file)) {
			return;
		}
		Set<PosixFilePermission> current = Files.getPosixFilePermissions(file);
		if (!OWNER_FILE.containsAll(current)) {
			log.warn("{} was readable by others; restricting it to its owner", file);
			Files.setPosixFilePermissions(file, OWNER_FILE);
		}
	}

	private static boolean isPosix(Path path) {
		Path existing = path.toAbsolutePath();
		while (existing != null && !Files.exists(existing)) {
			existing = existing.getParent();
		}
		return existing != null && existing.getFileSystem().supportedFileAttributeViews().contains("posix");
	}

}
