package dev.steward.common;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Conversions between {@link Instant} and SQL {@code timestamp with time zone} that work
 * on H2 and PostgreSQL.
 */
public final class Sql {

	private Sql() {
	}

	public static OffsetDateTime timestamp(Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
	}

	public static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	/**
	 * The names among {@code names} that no row of {@code table} has; {@code table} is a
	 * fixed name, never input.
	 */
	public static List<String> missing(JdbcClient jdbc, String table, Collection<String> names) {
		if (names.isEmpty()) {
			return List.of();
		}
		List<String> found = jdbc.sql("select name from " + table + " where name in (:names)")
			.param("names", names)
			.query(String.class)
			.list();
		return names.stream().filter(name -> !found.contains(name)).distinct().toList();
	}

	/** Escapes {@code %}, {@code _} and {@code \} for use in a {@code LIKE} pattern. */
	public static String likeContains(String text) {
		return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
	}

}
