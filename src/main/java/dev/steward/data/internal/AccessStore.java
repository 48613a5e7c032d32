package dev.steward.data.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.steward.common.Sql;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Services' declared direct access to datastores, with each datastore's owner. */
@Repository
public class AccessStore {

	private static final String SELECT = "select a.*, d.owner from datastore_access a join datastores d on d.name = a.datastore";

	private static final RowMapper<Row> ROW = (rs, n) -> new Row(rs.getString("service"), rs.getString("datastore"),
			rs.getString("owner"), rs.getString("mode"), rs.getString("note"), Sql.instant(rs, "created_at"),
			Sql.instant(rs, "updated_at"));

	private final JdbcClient jdbc;

	AccessStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Row> find(String service, String datastore) {
		return this.jdbc.sql(SELECT + " where a.service = ? and a.datastore = ?")
			.params(service, datastore)
			.query(ROW)
			.optional();
	}

	public List<Row> ofService(String service) {
		return this.jdbc.sql(SELECT + " where a.service = ? order by a.datastore").param(service).query(ROW).list();
	}

	public List<Row> ofDatastore(String datastore) {
		return this.jdbc.sql(SELECT + " where a.datastore = ? order by a.service").param(datastore).query(ROW).list();
	}

	/** Every access by a service that does not own the datastore. */
	public List<Row> foreign() {
		return this.jdbc.sql(SELECT + " where a.service <> d.owner order by a.service, a.datastore").query(ROW).list();
	}

	public void insert(Row row) {
		this.jdbc.sql("""
				insert into datastore_access (service, datastore, mode, note, created_at, updated_at)
				values (?, ?, ?, ?, ?, ?)""")
			.params(row.service(), row.datastore(), row.mode(), row.note(), Sql.timestamp(row.createdAt()),
					Sql.timestamp(row.updatedAt()))
			.update();
	}

	public void update(Row row) {
		this.jdbc
			.sql("update datastore_access set mode = ?, note = ?, updated_at = ? where service = ? and datastore = ?")
			.params(row.mode(), row.note(), Sql.timestamp(row.updatedAt()), row.service(), row.datastore())
			.update();
	}

	public void delete(String service, String datastore) {
		this.jdbc.sql("delete from datastore_access where service = ? and datastore = ?")
			.params(service, datastore)
			.update();
	}

	/** A declared access with the owner of the datastore it reaches. */
	public record Row(String service, String datastore, String owner, String mode, String note, Instant createdAt,
			Instant updatedAt) {
	}

}
