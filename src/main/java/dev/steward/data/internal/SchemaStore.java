package dev.steward.data.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.steward.common.Sql;
import dev.steward.data.SchemaVersion;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Every recorded version of every schema of every datastore. */
@Repository
public class SchemaStore {

	private static final String LISTED = "datastore, name, version, applied_at, recorded_at, recorded_by";

	private final JdbcClient jdbc;

	SchemaStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<SchemaVersion> find(String datastore, String name, String version) {
		return this.jdbc
			.sql("select " + LISTED + ", document from datastore_schemas where datastore = ? and name = ? "
					+ "and version = ?")
			.params(datastore, name, version)
			.query(mapper(true))
			.optional();
	}

	/**
	 * The history of the datastore's schemas (of one of them when {@code name} is set),
	 * newest first.
	 */
	public List<SchemaVersion> history(String datastore, String name) {
		return this.jdbc
			.sql("select " + LISTED + " from datastore_schemas where datastore = :datastore"
					+ (name == null ? "" : " and name = :name") + " order by applied_at desc, recorded_at desc, name")
			.param("datastore", datastore)
			.params(name == null ? Map.of() : Map.of("name", name))
			.query(mapper(false))
			.list();
	}

	public void insert(SchemaVersion schema) {
		this.jdbc.sql("""
				insert into datastore_schemas (datastore, name, version, document, applied_at, recorded_at, recorded_by)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(schema.datastore(), schema.name(), schema.version(), schema.document(),
					Sql.timestamp(schema.appliedAt()), Sql.timestamp(schema.recordedAt()), schema.recordedBy())
			.update();
	}

	private static RowMapper<SchemaVersion> mapper(boolean withDocument) {
		return (rs, n) -> new SchemaVersion(rs.getString("datastore"), rs.getString("name"), rs.getString("version"),
				withDocument ? rs.getString("document") : null, Sql.instant(rs, "applied_at"),
				Sql.instant(rs, "recorded_at"), rs.getString("recorded_by"));
	}

}
