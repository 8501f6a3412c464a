package io.wxops.core.db;

import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.apache.ibatis.type.BaseTypeHandler;
import org.apache.ibatis.type.JdbcType;

/**
 * Binds every {@link Instant} MyBatis passes to the database as UTC text with
 * milliseconds, and reads {@code DATETIME(3)} columns back the same way.
 *
 * <p>
 * Why not a {@code Timestamp}: MySQL Connector/J decides from the version in the server's
 * handshake whether the server knows fractional seconds (5.6.4 or later). MariaDB 10.x
 * announces itself as {@code 5.5.5-10.x.y-MariaDB}, so Connector/J 9 drops the fraction
 * of every {@code Timestamp}, {@code Instant} and {@code LocalDateTime} parameter,
 * whatever {@code sendFractionalSeconds} says, and no connection property overrides the
 * version it read (MariaDB 11 no longer sends the prefix, which hides the defect there).
 * Text is sent as it is, and the server converts it to the column's type, so times keep
 * their milliseconds on 10.x as on 11.x and MySQL 8. Columns hold UTC, as they did with
 * {@code serverTimezone=UTC}.
 */
public class UtcInstantTypeHandler extends BaseTypeHandler<Instant> {

	private static final DateTimeFormatter TEXT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
		.withZone(ZoneOffset.UTC);

	/**
	 * The text an instant is bound as; sub-millisecond digits are dropped, as DATETIME(3)
	 * does.
	 */
	public static String text(Instant instant) {
		return TEXT.format(instant);
	}

	static Instant parse(String text) {
		return (text != null) ? LocalDateTime.parse(text.trim().replace(' ', 'T')).toInstant(ZoneOffset.UTC) : null;
	}

	@Override
	public void setNonNullParameter(PreparedStatement ps, int i, Instant parameter, JdbcType jdbcType)
			throws SQLException {
		ps.setString(i, text(parameter));
	}

	@Override
	public Instant getNullableResult(ResultSet rs, String columnName) throws SQLException {
		return parse(rs.getString(columnName));
	}

	@Override
	public Instant getNullableResult(ResultSet rs, int columnIndex) throws SQLException {
		return parse(rs.getString(columnIndex));
	}

	@Override
	public Instant getNullableResult(CallableStatement cs, int columnIndex) throws SQLException {
		return parse(cs.getString(columnIndex));
	}

}
