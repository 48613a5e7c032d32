package dev.steward.apis.internal;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import dev.steward.common.Sql;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stored versions of APIs with their contract documents. */
@Repository
public class VersionStore {

	private static final String COLUMNS = """
			api, version, major, minor, patch, pre_release, status, spec_format, compared_with, changes, sunset,
			created_at, published_at, deprecated_at, retired_at""";

	private static final String ORDER = " order by major desc, minor desc, patch desc, created_at desc";

	private final JdbcClient jdbc;

	VersionStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** One version, with its document when {@code withSpec}. */
	public Optional<Row> find(String api, String version, boolean withSpec) {
		return this.jdbc
			.sql("select " + COLUMNS + (withSpec ? ", spec" : "") + " from api_versions where api = ? and version = ?")
			.params(api, version)
			.query(mapper(withSpec))
			.optional();
	}

	/** Every version of the API, newest first, without documents. */
	public List<Row> of(String api) {
		return this.jdbc.sql("select " + COLUMNS + " from api_versions where api = ?" + ORDER)
			.param(api)
			.query(mapper(false))
			.list();
	}

	/**
	 * Versions of one major of the API in the given states, newest (by precedence) first,
	 * with documents.
	 */
	public List<Row> ofMajor(String api, int major, List<String> statuses) {
		return this.jdbc
			.sql("select " + COLUMNS + ", spec from api_versions where api = :api and major = :major "
					+ "and status in (:statuses)" + ORDER)
			.param("api", api)
			.param("major", major)
			.param("statuses", statuses)
			.query(mapper(true))
			.list();
	}

	/** Every version of every API in the given states, without documents. */
	public List<Row> inStates(List<String> statuses) {
		return this.jdbc
			.sql("select " + COLUMNS
					+ " from api_versions where status in (:statuses) order by api, major desc, minor desc, patch desc")
			.param("statuses", statuses)
			.query(mapper(false))
			.list();
	}

	public void insert(Row row, String spec) {
		this.jdbc
			.sql("insert into api_versions (" + COLUMNS + ", spec) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
					+ "?, ?, ?, ?)")
			.params(row.api(), row.version(), row.major(), row.minor(), row.patch(), row.preRelease(), row.status(),
					row.specFormat(), row.comparedWith(), row.changes(), date(row.sunset()),
					Sql.timestamp(row.createdAt()), timestamp(row.publishedAt()), timestamp(row.deprecatedAt()),
					timestamp(row.retiredAt()), spec)
			.update();
	}

	/**
	 * Writes the version's state (status, comparison, sunset and the times of each step).
	 */
	public void update(Row row) {
		this.jdbc.sql("""
				update api_versions set status = ?, compared_with = ?, changes = ?, sunset = ?, published_at = ?,
				deprecated_at = ?, retired_at = ? where api = ? and version = ?""")
			.params(row.status(), row.comparedWith(), row.changes(), date(row.sunset()), timestamp(row.publishedAt()),
					timestamp(row.deprecatedAt()), timestamp(row.retiredAt()), row.api(), row.version())
			.update();
	}

	private static RowMapper<Row> mapper(boolean withSpec) {
		return (rs, n) -> {
			Date sunset = rs.getDate("sunset");
			return new Row(rs.getString("api"), rs.getString("version"), rs.getInt("major"), rs.getInt("minor"),
					rs.getInt("patch"), rs.getString("pre_release"), rs.getString("status"),
					rs.getString("spec_format"), withSpec ? rs.getString("spec") : null, rs.getString("compared_with"),
					rs.getString("changes"), sunset == null ? null : sunset.toLocalDate(),
					Sql.instant(rs, "created_at"), Sql.instant(rs, "published_at"), Sql.instant(rs, "deprecated_at"),
					Sql.instant(rs, "retired_at"));
		};
	}

	private static Date date(LocalDate date) {
		return date == null ? null : Date.valueOf(date);
	}

	private static Object timestamp(Instant instant) {
		return instant == null ? null : Sql.timestamp(instant);
	}

	/** A version as stored; {@code changes} is JSON and {@code spec} may be left out. */
	public record Row(String api, String version, int major, int minor, int patch, String preRelease, String status,
			String specFormat, String spec, String comparedWith, String changes, LocalDate sunset, Instant createdAt,
			Instant publishedAt, Instant deprecatedAt, Instant retiredAt) {

		public Row with(String status, String comparedWith, String changes, LocalDate sunset, Instant publishedAt,
				Instant deprecatedAt, Instant retiredAt) {
			return new Row(this.api, this.version, this.major, this.minor, this.patch, this.preRelease, status,
					this.specFormat, this.spec, comparedWith, changes, sunset, this.createdAt, publishedAt,
					deprecatedAt, retiredAt);
		}

	}

}
