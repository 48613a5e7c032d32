package dev.steward.data.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.steward.common.Sql;
import dev.steward.common.Where;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stored datastores, keyed by name. */
@Repository
public class DatastoreStore {

	private static final RowMapper<Row> ROW = (rs, n) -> new Row(rs.getString("name"), rs.getString("owner"),
			rs.getString("kind"), rs.getString("classification"), rs.getBoolean("pii"),
			(Integer) rs.getObject("retention_days", Integer.class), rs.getString("backup_policy"),
			(Double) rs.getObject("reads_per_second", Double.class),
			(Double) rs.getObject("writes_per_second", Double.class), rs.getString("access_description"),
			rs.getString("description"), Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"),
			rs.getLong("version"));

	private final JdbcClient jdbc;

	DatastoreStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Row> find(String name) {
		return this.jdbc.sql("select * from datastores where name = ?").param(name).query(ROW).optional();
	}

	public List<Row> ownedBy(String service) {
		return this.jdbc.sql("select * from datastores where owner = ? order by name").param(service).query(ROW).list();
	}

	/** A page of datastores by name, optionally of one owning service or kind. */
	public List<Row> page(String owner, String kind, String after, int limit) {
		return new Where().and("owner = :owner", "owner", owner)
			.and("kind = :kind", "kind", kind)
			.and("name > :after", "after", after)
			.list(this.jdbc, "select * from datastores", "name", limit, ROW);
	}

	public void insert(Row row) {
		this.jdbc.sql("""
				insert into datastores (name, owner, kind, classification, pii, retention_days, backup_policy,
				reads_per_second, writes_per_second, access_description, description, created_at, updated_at, version)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)""")
			.params(row.name(), row.owner(), row.kind(), row.classification(), row.pii(), row.retentionDays(),
					row.backupPolicy(), row.readsPerSecond(), row.writesPerSecond(), row.accessDescription(),
					row.description(), Sql.timestamp(row.createdAt()), Sql.timestamp(row.updatedAt()))
			.update();
	}

	/**
	 * Updates the datastore if it is still at {@code row.version()}; answers whether it
	 * was.
	 */
	public boolean update(Row row) {
		return this.jdbc.sql("""
				update datastores set owner = ?, kind = ?, classification = ?, pii = ?, retention_days = ?,
				backup_policy = ?, reads_per_second = ?, writes_per_second = ?, access_description = ?,
				description = ?, updated_at = ?, version = version + 1 where name = ? and version = ?""")
			.params(row.owner(), row.kind(), row.classification(), row.pii(), row.retentionDays(), row.backupPolicy(),
					row.readsPerSecond(), row.writesPerSecond(), row.accessDescription(), row.description(),
					Sql.timestamp(row.updatedAt()), row.name(), row.version())
			.update() > 0;
	}

	public void delete(String name) {
		this.jdbc.sql("delete from datastores where name = ?").param(name).update();
	}

	/** A datastore as stored. */
	public record Row(String name, String owner, String kind, String classification, boolean pii, Integer retentionDays,
			String backupPolicy, Double readsPerSecond, Double writesPerSecond, String accessDescription,
			String description, Instant createdAt, Instant updatedAt, long version) {
	}

}
