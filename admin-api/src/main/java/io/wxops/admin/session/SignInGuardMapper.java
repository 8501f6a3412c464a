package io.wxops.admin.session;

import java.time.Instant;

import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/**
 * Failure counters that a sign-in (or a password change) reserves before the password is
 * checked: one failure is counted up front and taken back only by a right password, so
 * concurrent attempts on any number of instances check at most {@code maxFailures}
 * passwords. The counters of people live in {@code adm_person}, those of unknown
 * usernames in {@code adm_sign_in_guard}, with the same rules.
 */
@Mapper
interface SignInGuardMapper {

	/**
	 * Reserves one failure for a person unless they are locked; the reservation that
	 * reaches {@code maxFailures} sets the lock, so later attempts are refused before any
	 * check. A lock that has run out starts the count again. MySQL and MariaDB evaluate
	 * the assignments left to right, so {@code locked_until} sees the new count.
	 * @return 1 when reserved, 0 when locked
	 */
	@Update("""
			UPDATE adm_person
			   SET failed_logins = CASE WHEN locked_until IS NOT NULL AND locked_until <= #{now} THEN 1
			                            ELSE failed_logins + 1 END,
			       locked_until = CASE WHEN failed_logins >= #{maxFailures} THEN #{lockUntil}
			                           WHEN locked_until IS NOT NULL AND locked_until <= #{now} THEN NULL
			                           ELSE locked_until END
			 WHERE id = #{id} AND (locked_until IS NULL OR locked_until <= #{now})""")
	int reservePerson(@Param("id") long id, @Param("now") Instant now, @Param("maxFailures") int maxFailures,
			@Param("lockUntil") Instant lockUntil);

	@Select("SELECT failed_logins FROM adm_person WHERE id = #{id}")
	int personFailures(long id);

	@Select("SELECT locked_until FROM adm_person WHERE id = #{id}")
	Instant personLockedUntil(long id);

	@Insert("INSERT IGNORE INTO adm_sign_in_guard (username_hash, failed_logins, last_failed_at) VALUES (#{key}, 0, #{now})")
	int createUnknown(@Param("key") String key, @Param("now") Instant now);

	/** {@link #reservePerson} for an unknown username. */
	@Update("""
			UPDATE adm_sign_in_guard
			   SET failed_logins = CASE WHEN locked_until IS NOT NULL AND locked_until <= #{now} THEN 1
			                            ELSE failed_logins + 1 END,
			       locked_until = CASE WHEN failed_logins >= #{maxFailures} THEN #{lockUntil}
			                           WHEN locked_until IS NOT NULL AND locked_until <= #{now} THEN NULL
			                           ELSE locked_until END,
			       last_failed_at = #{now}
			 WHERE username_hash = #{key} AND (locked_until IS NULL OR locked_until <= #{now})""")
	int reserveUnknown(@Param("key") String key, @Param("now") Instant now, @Param("maxFailures") int maxFailures,
			@Param("lockUntil") Instant lockUntil);

	@Select("SELECT locked_until FROM adm_sign_in_guard WHERE username_hash = #{key}")
	Instant unknownLockedUntil(String key);

	/**
	 * Forgets unknown usernames whose last failure is older than {@code before} and that
	 * are not locked, so random usernames cannot grow the table without bound.
	 */
	@Delete("DELETE FROM adm_sign_in_guard WHERE last_failed_at < #{before} AND (locked_until IS NULL OR locked_until <= #{now}) LIMIT 100")
	int forgetUnknown(@Param("before") Instant before, @Param("now") Instant now);

}
