package io.wxops.admin.audit;

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
 * Stores an instant in a {@code DATETIME(3)} column as UTC text with milliseconds, and
 * reads it back the same way. An entry's hash covers its time to the millisecond, so the
 * value read must be exactly the value written; binding it as a {@code Timestamp} is not
 * enough, because MySQL Connector/J drops the fraction on servers that announce an old
 * version (MariaDB before 11 announces itself as {@code 5.5.5-10.x}), which would make
 * every entry fail verification.
 */
public class UtcMillisTypeHandler extends BaseTypeHandler<Instant> {

	private static final DateTimeFormatter TEXT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
		.withZone(ZoneOffset.UTC);

	/**
	 * The text form the column is written in. MyBatis-Plus also binds query conditions on
	 * the field through this handler, so comparisons use the same form.
	 */
	static String text(Instant instant) {
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
