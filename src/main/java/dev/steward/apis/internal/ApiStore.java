package dev.steward.apis.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.steward.common.Sql;
import dev.steward.common.Where;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stored APIs, keyed by name, with their newest published version. */
@Repository
public class ApiStore {

	private static final String SELECT = """
			select a.*, (select v.version from api_versions v where v.api = a.name and v.status in ('published',
			'deprecated') order by v.major desc, v.minor desc, v.patch desc, v.published_at desc
			fetch first 1 row only) as latest_version from apis a""";

	private static final RowMapper<Row> ROW = (rs, n) -> new Row(rs.getString("name"), rs.getString("service"),
			rs.getString("visibility"), rs.getString("type"), rs.getString("description"),
			rs.getString("documentation"), rs.getString("latest_version"), Sql.instant(rs, "created_at"),
			Sql.instant(rs, "updated_at"), rs.getLong("version"));

	private final JdbcClient jdbc;

	ApiStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Row> find(String name) {
		return this.jdbc.sql(SELECT + " where a.name = ?").param(name).query(ROW).optional();
	}

	/**
	 * Holds the API's row until the transaction ends, so that versions of one API are
	 * added and moved one at a time; answers whether the API exists.
	 */
	public boolean lock(String name) {
		return this.jdbc.sql("select name from apis where name = ? for update")
			.param(name)
			.query(String.class)
			.optional()
			.isPresent();
	}

	public List<Row> ofService(String service) {
		return this.jdbc.sql(SELECT + " where a.service = ? order by a.name").param(service).query(ROW).list();
	}

	/** A page of APIs by name, optionally of one service, type or visibility. */
	public List<Row> page(String service, String type, String visibility, String after, int limit) {
		return new Where().and("a.service = :service", "service", service)
			.and("a.type = :type", "type", type)
			.and("a.visibility = :visibility", "visibility", visibility)
			.and("a.name > :after", "after", after)
			.list(this.jdbc, SELECT, "a.name", limit, ROW);
	}

	public void insert(Row row) {
		this.jdbc.sql("""
				insert into apis (name, service, visibility, type, description, documentation, created_at, updated_at,
				version) values (?, ?, ?, ?, ?, ?, ?, ?, 1)""")
			.params(row.name(), row.service(), row.visibility(), row.type(), row.description(), row.documentation(),
					Sql.timestamp(row.createdAt()), Sql.timestamp(row.updatedAt()))
			.update();
	}

	/**
	 * Updates the API if it is still at {@code row.version()}; answers whether it was.
	 */
	public boolean update(Row row) {
		return this.jdbc.sql("""
				update apis set visibility = ?, type = ?, description = ?, documentation = ?, updated_at = ?,
				version = version + 1 where name = ? and version = ?""")
			.params(row.visibility(), row.type(), row.description(), row.documentation(),
					Sql.timestamp(row.updatedAt()), row.name(), row.version())
			.update() > 0;
	}

	/** Marks the API changed (a version added or moved on), for its entity tag. */
	public void touch(String name, Instant at) {
		this.jdbc.sql("update apis set updated_at = ?, version = version + 1 where name = ?")
			.params(Sql.timestamp(at), name)
			.update();
	}

	public void delete(String name) {
		this.jdbc.sql("delete from apis where name = ?").param(name).update();
	}

	/** An API as stored. */
	public record Row(String name, String service, String visibility, String type, String description,
			String documentation, String latestVersion, Instant createdAt, Instant updatedAt, long version) {
	}

}
